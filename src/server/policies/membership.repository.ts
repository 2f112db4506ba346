import type { Db } from '../db/database.js';

export function findPersonOfUser(db: Db, userId: string, schoolId: string) {
  return db.selectFrom('people').select(['id', 'suspended']).where('school_id', '=', schoolId).where('user_id', '=', userId).executeTakeFirst();
}

export function findStudentOfUser(db: Db, userId: string, schoolId: string) {
  return db.selectFrom('students').select(['id', 'class_id']).where('school_id', '=', schoolId).where('user_id', '=', userId).executeTakeFirst();
}

/** A person's roles, guardianships, class assignments and class representative seats at one school. */
export function findRelationsOfPerson(db: Db, personId: string, schoolId: string) {
  return Promise.all([
    db.selectFrom('person_roles').select('role').where('school_id', '=', schoolId).where('person_id', '=', personId).execute(),
    db.selectFrom('guardianships').select(['student_id', 'kind']).where('school_id', '=', schoolId).where('person_id', '=', personId).execute(),
    db.selectFrom('class_staff').select(['class_id', 'role']).where('school_id', '=', schoolId).where('person_id', '=', personId).execute(),
    db.selectFrom('class_representatives').select('class_id').where('school_id', '=', schoolId).where('person_id', '=', personId).execute(),
  ]);
}

/** Schools where a user has any membership, for /api/me. */
export async function findSchoolIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('school_id')
    .where('user_id', '=', userId)
    .union(db.selectFrom('students').select('school_id').where('user_id', '=', userId))
    .execute();
  return rows.map((r) => r.school_id);
}
