import type { Db } from '../db/database.js';
import type { ClassStaffRole, SchoolRole } from '../db/schema.js';

/** The directory's staff: who works at the school, in which roles and classes. */

/** School roles that make a person staff; class roles (class_staff) do too. */
const STAFF_SCHOOL_ROLES = ['leader', 'administrator', 'teacher', 'pedagogue'] as const;

export interface StaffRow {
  id: string;
  given_name: string;
  family_name: string;
  roles: SchoolRole[];
  class_roles: Array<{ role: ClassStaffRole; grade: number; letter: string }>;
}

/** The school's staff: people with a staff role at the school or a role in one of its classes. With `ids`, only those. */
export async function findStaff(db: Db, schoolId: string, ids?: readonly string[]): Promise<StaffRow[]> {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('people as p')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where('p.school_id', '=', schoolId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('person_roles as r')
            .select('r.person_id')
            .whereRef('r.school_id', '=', 'p.school_id')
            .whereRef('r.person_id', '=', 'p.id')
            .where('r.role', 'in', STAFF_SCHOOL_ROLES),
        ),
        eb.exists(
          eb
            .selectFrom('class_staff as cs')
            .select('cs.person_id')
            .whereRef('cs.school_id', '=', 'p.school_id')
            .whereRef('cs.person_id', '=', 'p.id'),
        ),
      ]),
    )
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id');
  if (ids) query = query.where('p.id', 'in', ids);
  const people = await query.execute();
  if (people.length === 0) return [];
  const personIds = people.map((p) => p.id);
  const [roles, classRoles] = await Promise.all([
    db
      .selectFrom('person_roles')
      .select(['person_id', 'role'])
      .where('school_id', '=', schoolId)
      .where('person_id', 'in', personIds)
      .where('role', 'in', STAFF_SCHOOL_ROLES)
      .orderBy('role')
      .execute(),
    db
      .selectFrom('class_staff as cs')
      .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'cs.school_id').onRef('c.id', '=', 'cs.class_id'))
      .select(['cs.person_id', 'cs.role', 'c.grade', 'c.letter'])
      .where('cs.school_id', '=', schoolId)
      .where('cs.person_id', 'in', personIds)
      .orderBy('c.grade')
      .orderBy('c.letter')
      .execute(),
  ]);
  return people.map((p) => ({
    ...p,
    roles: roles.filter((r) => r.person_id === p.id).map((r) => r.role),
    class_roles: classRoles
      .filter((r) => r.person_id === p.id)
      .map(({ role, grade, letter }) => ({ role, grade, letter })),
  }));
}

/** The school's leaders, who answer for what the school says and receive what has no contact teacher. */
export async function findLeaders(db: Db, schoolId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('person_roles')
    .select('person_id')
    .where('school_id', '=', schoolId)
    .where('role', '=', 'leader')
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

export interface PersonNameRow {
  id: string;
  given_name: string;
  family_name: string;
}

/** Names of people at the school (staff who have since left included), for notices and lists. */
export function findNames(db: Db, schoolId: string, personIds: readonly string[]): Promise<PersonNameRow[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name'])
    .where('school_id', '=', schoolId)
    .where('id', 'in', [...personIds])
    .execute();
}
