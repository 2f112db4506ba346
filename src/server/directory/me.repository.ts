import type { Db } from '../db/database.js';
import type { GuardianshipKind } from '../db/schema.js';
import type { SchoolRow } from './directory.repository.js';

export async function findSchoolsByIds(db: Db, schoolIds: string[]): Promise<SchoolRow[]> {
  if (schoolIds.length === 0) return [];
  return db.selectFrom('schools').select(['id', 'name', 'slug']).where('id', 'in', schoolIds).orderBy('name').execute();
}

export interface UserGuardianshipRow {
  school_id: string;
  kind: GuardianshipKind;
  /** The guardian's access at that school is suspended. */
  suspended: boolean;
  student_id: string;
  given_name: string;
  family_name: string;
  class_id: string;
  grade: number;
  letter: string;
}

/**
 * A user's legal relations to children in every school where they are a guardian. This is the
 * one read across schools, and it reads only the user's own relations.
 */
export async function findGuardianshipsOfUser(db: Db, userId: string): Promise<UserGuardianshipRow[]> {
  return db
    .selectFrom('people')
    .innerJoin('guardianships', (join) =>
      join.onRef('guardianships.school_id', '=', 'people.school_id').onRef('guardianships.person_id', '=', 'people.id'),
    )
    .innerJoin('students', (join) =>
      join
        .onRef('students.school_id', '=', 'guardianships.school_id')
        .onRef('students.id', '=', 'guardianships.student_id'),
    )
    .innerJoin('classes', (join) =>
      join.onRef('classes.school_id', '=', 'students.school_id').onRef('classes.id', '=', 'students.class_id'),
    )
    .select([
      'people.school_id',
      'guardianships.kind',
      'people.suspended',
      'students.id as student_id',
      'students.given_name',
      'students.family_name',
      'classes.id as class_id',
      'classes.grade',
      'classes.letter',
    ])
    .where('people.user_id', '=', userId)
    .orderBy('students.given_name')
    .orderBy('students.family_name')
    .execute();
}

export async function updateUserLocale(db: Db, userId: string, locale: 'da' | 'en'): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}
