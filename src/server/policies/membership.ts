import type { Db } from '../db/database.js';
import type { ClassStaffRole, GuardianshipKind, SchoolRole } from '../db/schema.js';

/**
 * What one signed-in user is at one school: their person record, roles, legal relations to
 * children and class assignments. Policies decide from this alone, so it is loaded once per
 * request and school.
 */
export interface Membership {
  schoolId: string;
  userId: string;
  personId: string | null;
  roles: ReadonlySet<SchoolRole>;
  /** A suspended guardian (e.g. forældreansvarsloven § 54 stk. 3 cases) sees nothing as a guardian. */
  suspended: boolean;
  /** student id → custody or information right, empty while suspended. */
  guardianOf: ReadonlyMap<string, GuardianshipKind>;
  /** class id → the person's role in that class. */
  classRoles: ReadonlyMap<string, ClassStaffRole>;
  representativeOf: ReadonlySet<string>;
  /** The student record of a signed-in student. */
  studentId: string | null;
  studentClassId: string | null;
}

export const EMPTY_MEMBERSHIP = (schoolId: string, userId: string): Membership => ({
  schoolId,
  userId,
  personId: null,
  roles: new Set(),
  suspended: false,
  guardianOf: new Map(),
  classRoles: new Map(),
  representativeOf: new Set(),
  studentId: null,
  studentClassId: null,
});

export async function loadMembership(db: Db, userId: string, schoolId: string): Promise<Membership> {
  const membership = EMPTY_MEMBERSHIP(schoolId, userId);
  const [person, student] = await Promise.all([
    db.selectFrom('people').select(['id', 'suspended']).where('school_id', '=', schoolId).where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('students').select(['id', 'class_id']).where('school_id', '=', schoolId).where('user_id', '=', userId).executeTakeFirst(),
  ]);
  if (student) {
    membership.studentId = student.id;
    membership.studentClassId = student.class_id;
  }
  if (!person) return membership;
  const [roles, guardianships, classRoles, representatives] = await Promise.all([
    db.selectFrom('person_roles').select('role').where('school_id', '=', schoolId).where('person_id', '=', person.id).execute(),
    db.selectFrom('guardianships').select(['student_id', 'kind']).where('school_id', '=', schoolId).where('person_id', '=', person.id).execute(),
    db.selectFrom('class_staff').select(['class_id', 'role']).where('school_id', '=', schoolId).where('person_id', '=', person.id).execute(),
    db.selectFrom('class_representatives').select('class_id').where('school_id', '=', schoolId).where('person_id', '=', person.id).execute(),
  ]);
  return {
    ...membership,
    personId: person.id,
    roles: new Set(roles.map((r) => r.role)),
    suspended: person.suspended,
    guardianOf: person.suspended ? new Map() : new Map(guardianships.map((g) => [g.student_id, g.kind])),
    classRoles: new Map(classRoles.map((c) => [c.class_id, c.role])),
    representativeOf: new Set(representatives.map((r) => r.class_id)),
  };
}

/** Schools where a user has any membership, for /api/me and for choosing a school after sign-in. */
export async function findSchoolIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('school_id')
    .where('user_id', '=', userId)
    .union(db.selectFrom('students').select('school_id').where('user_id', '=', userId))
    .execute();
  return rows.map((r) => r.school_id);
}
