import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { GuardianshipKind, PreferredChannel } from '../db/schema.js';

/** The directory's students: who a child is, their class, and who their guardians are. */

export interface StudentRow {
  id: string;
  given_name: string;
  family_name: string;
  birth_date: string | null;
  first_language: string;
  class_id: string;
  grade: number;
  letter: string;
}

/** A student of the school with their class, or undefined. */
export async function findStudent(db: Db, schoolId: string, studentId: string): Promise<StudentRow | undefined> {
  return db
    .selectFrom('students')
    .innerJoin('classes', (join) =>
      join.onRef('classes.school_id', '=', 'students.school_id').onRef('classes.id', '=', 'students.class_id'),
    )
    .select([
      'students.id',
      'students.given_name',
      'students.family_name',
      'students.birth_date',
      'students.first_language',
      'students.class_id',
      'classes.grade',
      'classes.letter',
    ])
    .where('students.school_id', '=', schoolId)
    .where('students.id', '=', studentId)
    .executeTakeFirst();
}

/** The user's own schools: those where they have a person record. */
export const schoolsOfUser = (db: Db, userId: string) =>
  db.selectFrom('people').select('school_id').where('user_id', '=', userId);

/**
 * A student looked for by id among the user's own schools (and in `schoolId` when given), for
 * requests that name a child but not a school.
 */
export function findStudentAtUserSchools(db: Db, userId: string, studentId: string, schoolId?: string) {
  let query = db
    .selectFrom('students')
    .select(['school_id as schoolId', 'class_id as classId'])
    .where('id', '=', studentId)
    .where('school_id', 'in', schoolsOfUser(db, userId));
  if (schoolId) query = query.where('school_id', '=', schoolId);
  return query.executeTakeFirst();
}

export interface StudentOfClassRow {
  id: string;
  given_name: string;
  family_name: string;
  first_language: string;
}

export async function findStudentsOfClass(db: Db, schoolId: string, classId: string): Promise<StudentOfClassRow[]> {
  return db
    .selectFrom('students')
    .select(['id', 'given_name', 'family_name', 'first_language'])
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .orderBy('given_name')
    .orderBy('family_name')
    .execute();
}

/** The class of each of the students. */
export async function findClassIdsOfStudents(
  db: Db,
  schoolId: string,
  studentIds: readonly string[],
): Promise<Map<string, string>> {
  if (studentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('students')
    .select(['id', 'class_id'])
    .where('school_id', '=', schoolId)
    .where('id', 'in', studentIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.class_id]));
}

export interface GuardianRow {
  student_id: string;
  person_id: string;
  kind: GuardianshipKind;
  given_name: string;
  family_name: string;
  email: string | null;
  phone: string | null;
  language: string;
  needs_interpreter: boolean;
  preferred_channel: PreferredChannel;
  suspended: boolean;
  household_id: string | null;
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
  /** Someone in the guardian's household (the guardian or another) is under address protection. */
  household_protected: boolean;
}

/** The guardians of some students, custody holders first. */
export async function findGuardiansOfStudents(db: Db, schoolId: string, studentIds: string[]): Promise<GuardianRow[]> {
  if (studentIds.length === 0) return [];
  return db
    .selectFrom('guardianships')
    .innerJoin('people', (join) =>
      join.onRef('people.school_id', '=', 'guardianships.school_id').onRef('people.id', '=', 'guardianships.person_id'),
    )
    .leftJoin('households', (join) =>
      join.onRef('households.school_id', '=', 'people.school_id').onRef('households.id', '=', 'people.household_id'),
    )
    .select((eb) => [
      'guardianships.student_id',
      'guardianships.person_id',
      'guardianships.kind',
      'people.given_name',
      'people.family_name',
      'people.email',
      'people.phone',
      'people.language',
      'people.needs_interpreter',
      'people.preferred_channel',
      'people.suspended',
      'people.household_id',
      'households.address_line',
      'households.postal_code',
      'households.city',
      eb
        .or([
          eb('people.address_protected', '=', true),
          eb.exists(
            eb
              .selectFrom('people as housemate')
              .select(sql`1`.as('one'))
              .whereRef('housemate.school_id', '=', 'people.school_id')
              .whereRef('housemate.household_id', '=', 'people.household_id')
              .where('housemate.address_protected', '=', true),
          ),
        ])
        .$castTo<boolean>()
        .as('household_protected'),
    ])
    .where('guardianships.school_id', '=', schoolId)
    .where('guardianships.student_id', 'in', studentIds)
    .orderBy(sql`guardianships.kind = 'custody'`, 'desc')
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
}

/** A set of the school's students: one child, a class, a grade (årgang), or the whole school. */
export type StudentGroup = { studentId: string } | { classId: string } | { grade: number } | { wholeSchool: true };

/** The condition on a query's students (alias `s`) to be in the group: a grade's are those of its classes as they are now. */
function inGroup(group: StudentGroup) {
  if ('studentId' in group) return sql<boolean>`s.id = ${group.studentId}`;
  if ('classId' in group) return sql<boolean>`s.class_id = ${group.classId}`;
  if ('grade' in group) {
    return sql<boolean>`s.class_id in (select gc.id from classes gc where gc.school_id = s.school_id and gc.grade = ${group.grade})`;
  }
  return sql<boolean>`true`;
}

/**
 * The custody holders of the group's students who are not suspended: who receives what the school
 * sends to a group of homes. A parent with the right to information only gets nothing pushed
 * (§ 23), and a suspended guardian nothing at all.
 */
export async function findCustodyGuardiansOf(db: Db, schoolId: string, group: StudentGroup): Promise<string[]> {
  const rows = await db
    .selectFrom('guardianships as g')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .select('g.person_id')
    .distinct()
    .where('g.school_id', '=', schoolId)
    .where('g.kind', '=', 'custody')
    .where('p.suspended', '=', false)
    .where(inGroup(group))
    .orderBy('g.person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

/** The guardian's children in the group that they hold custody of, first by name. */
export async function findCustodyChildrenIn(
  db: Db,
  schoolId: string,
  guardianId: string,
  group: StudentGroup,
): Promise<string[]> {
  const rows = await db
    .selectFrom('guardianships as g')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .select('s.id')
    .where('g.school_id', '=', schoolId)
    .where('g.person_id', '=', guardianId)
    .where('g.kind', '=', 'custody')
    .where(inGroup(group))
    .orderBy('s.given_name')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Whether a custody holder (not suspended) of the group's students reads Danish as a second
 * language or needs an interpreter.
 */
export async function someReaderNeedsPlainLanguage(db: Db, schoolId: string, group: StudentGroup): Promise<boolean> {
  const row = await db
    .selectFrom('guardianships as g')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .select('p.id')
    .where('g.school_id', '=', schoolId)
    .where('g.kind', '=', 'custody')
    .where('p.suspended', '=', false)
    .where((eb) => eb.or([eb('p.language', '<>', 'da'), eb('p.needs_interpreter', '=', true)]))
    .where(inGroup(group))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** A custody holder the school tells something in writing, with how to reach them and their language. */
export interface CustodyHolderRow {
  person_id: string;
  given_name: string;
  email: string | null;
  has_login: boolean;
  preferred_channel: PreferredChannel;
  locale: 'da' | 'en';
}

/**
 * The student's custody holders who are not suspended, to be told something in writing (a plan, a
 * test result). A parent with the right to information only (§ 23) is not among them: they are
 * told on request. Their language is their login's, else the directory's when it is English, else
 * Danish.
 */
export async function findCustodyHoldersToTell(
  db: Db,
  schoolId: string,
  studentId: string,
): Promise<CustodyHolderRow[]> {
  const rows = await db
    .selectFrom('guardianships as g')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'p.id as person_id',
      'p.given_name',
      sql<string | null>`coalesce(nullif(p.email, ''), u.email)`.as('email'),
      sql<boolean>`p.user_id is not null`.as('has_login'),
      'p.preferred_channel',
      sql<string>`coalesce(u.locale, case when p.language = 'en' then 'en' else 'da' end)`.as('locale'),
    ])
    .where('g.school_id', '=', schoolId)
    .where('g.student_id', '=', studentId)
    .where('g.kind', '=', 'custody')
    .where('p.suspended', '=', false)
    .orderBy('p.given_name')
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({ ...row, locale: row.locale === 'en' ? 'en' : 'da' }));
}
