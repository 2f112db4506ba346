import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ClassStaffRole, GuardianshipKind, PreferredChannel } from '../db/schema.js';

export interface SchoolRow {
  id: string;
  name: string;
  slug: string;
}

export async function findSchool(db: Db, schoolId: string): Promise<SchoolRow | undefined> {
  return db.selectFrom('schools').select(['id', 'name', 'slug']).where('id', '=', schoolId).executeTakeFirst();
}

export interface StudentWithClass {
  id: string;
  given_name: string;
  family_name: string;
  birth_date: string | null;
  first_language: string;
  class_id: string;
  grade: number;
  letter: string;
}

export async function findStudent(db: Db, schoolId: string, studentId: string): Promise<StudentWithClass | undefined> {
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

export interface ClassStaffRow {
  class_id: string;
  person_id: string;
  role: ClassStaffRole;
  given_name: string;
  family_name: string;
  email: string | null;
  phone: string | null;
  contact_hours: string | null;
}

/** The staff of some classes, contact teachers first. */
export async function findClassStaff(db: Db, schoolId: string, classIds: string[]): Promise<ClassStaffRow[]> {
  if (classIds.length === 0) return [];
  return db
    .selectFrom('class_staff')
    .innerJoin('people', (join) =>
      join.onRef('people.school_id', '=', 'class_staff.school_id').onRef('people.id', '=', 'class_staff.person_id'),
    )
    .select([
      'class_staff.class_id',
      'class_staff.person_id',
      'class_staff.role',
      'people.given_name',
      'people.family_name',
      'people.email',
      'people.phone',
      'people.contact_hours',
    ])
    .where('class_staff.school_id', '=', schoolId)
    .where('class_staff.class_id', 'in', classIds)
    .orderBy(sql`class_staff.role = 'contact_teacher'`, 'desc')
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
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

export interface ClassRow {
  id: string;
  grade: number;
  letter: string;
}

export async function findClass(db: Db, schoolId: string, classId: string): Promise<ClassRow | undefined> {
  return db
    .selectFrom('classes')
    .select(['id', 'grade', 'letter'])
    .where('school_id', '=', schoolId)
    .where('id', '=', classId)
    .executeTakeFirst();
}

export interface ClassSummaryRow extends ClassRow {
  student_count: number;
  contact_teacher_given_name: string | null;
  contact_teacher_family_name: string | null;
}

/** Every class of the school in grade order, with its size and contact teacher. */
export async function findClassesOfSchool(db: Db, schoolId: string): Promise<ClassSummaryRow[]> {
  const rows = await db
    .selectFrom('classes')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('class_staff')
          .innerJoin('people', (join) =>
            join
              .onRef('people.school_id', '=', 'class_staff.school_id')
              .onRef('people.id', '=', 'class_staff.person_id'),
          )
          .select(['people.given_name', 'people.family_name'])
          .whereRef('class_staff.school_id', '=', 'classes.school_id')
          .whereRef('class_staff.class_id', '=', 'classes.id')
          .where('class_staff.role', '=', 'contact_teacher')
          .orderBy('people.family_name')
          .limit(1)
          .as('contact'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      'classes.id',
      'classes.grade',
      'classes.letter',
      'contact.given_name as contact_teacher_given_name',
      'contact.family_name as contact_teacher_family_name',
      eb
        .selectFrom('students')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('students.school_id', '=', 'classes.school_id')
        .whereRef('students.class_id', '=', 'classes.id')
        .as('student_count'),
    ])
    .where('classes.school_id', '=', schoolId)
    .orderBy('classes.grade')
    .orderBy('classes.letter')
    .execute();
  return rows.map((r) => ({ ...r, student_count: Number(r.student_count ?? 0) }));
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

/** The classes of the given students (a guardian's children). */
export async function findClassIdsOfStudents(
  db: Db,
  schoolId: string,
  studentIds: string[],
): Promise<Array<{ id: string; class_id: string }>> {
  if (studentIds.length === 0) return [];
  return db
    .selectFrom('students')
    .select(['id', 'class_id'])
    .where('school_id', '=', schoolId)
    .where('id', 'in', studentIds)
    .execute();
}

export interface SchoolFigures {
  classes: number;
  students: number;
  guardians: number;
  staff: number;
  grades: Array<{ grade: number; classes: number; students: number }>;
}

export async function countSchoolFigures(db: Db, schoolId: string): Promise<SchoolFigures> {
  const [totals, grades] = await Promise.all([
    db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('classes')
          .select(eb.fn.countAll<string>().as('n'))
          .where('school_id', '=', schoolId)
          .as('classes'),
        eb
          .selectFrom('students')
          .select(eb.fn.countAll<string>().as('n'))
          .where('school_id', '=', schoolId)
          .as('students'),
        eb
          .selectFrom('guardianships')
          .select(sql<string>`count(distinct person_id)`.as('n'))
          .where('school_id', '=', schoolId)
          .as('guardians'),
        eb
          .selectFrom('people')
          .select(eb.fn.countAll<string>().as('n'))
          .where('people.school_id', '=', schoolId)
          .where((w) =>
            w.or([
              w.exists(
                w
                  .selectFrom('class_staff')
                  .select(sql`1`.as('one'))
                  .whereRef('class_staff.school_id', '=', 'people.school_id')
                  .whereRef('class_staff.person_id', '=', 'people.id'),
              ),
              w.exists(
                w
                  .selectFrom('person_roles')
                  .select(sql`1`.as('one'))
                  .whereRef('person_roles.school_id', '=', 'people.school_id')
                  .whereRef('person_roles.person_id', '=', 'people.id')
                  .where('person_roles.role', 'in', ['leader', 'administrator', 'teacher', 'pedagogue']),
              ),
            ]),
          )
          .as('staff'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('classes')
      .leftJoin('students', (join) =>
        join.onRef('students.school_id', '=', 'classes.school_id').onRef('students.class_id', '=', 'classes.id'),
      )
      .select((eb) => [
        'classes.grade',
        sql<string>`count(distinct classes.id)`.as('classes'),
        eb.fn.count<string>('students.id').as('students'),
      ])
      .where('classes.school_id', '=', schoolId)
      .groupBy('classes.grade')
      .orderBy('classes.grade')
      .execute(),
  ]);
  return {
    classes: Number(totals.classes ?? 0),
    students: Number(totals.students ?? 0),
    guardians: Number(totals.guardians ?? 0),
    staff: Number(totals.staff ?? 0),
    grades: grades.map((g) => ({ grade: g.grade, classes: Number(g.classes), students: Number(g.students) })),
  };
}

export interface FamilyReachFigures {
  openInformationRequests: number;
  guardiansNeedingInterpreter: number;
  guardiansWithoutAccount: number;
  suspendedGuardians: number;
}

/** Figures about families the leadership acts on; never shown to the board (small numbers point at a family). */
export async function countFamilyReach(db: Db, schoolId: string): Promise<FamilyReachFigures> {
  const [requests, guardians] = await Promise.all([
    db
      .selectFrom('information_requests')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('school_id', '=', schoolId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('people')
      .select([
        sql<string>`count(*) filter (where people.needs_interpreter)`.as('interpreter'),
        sql<string>`count(*) filter (where people.user_id is null)`.as('without_account'),
        sql<string>`count(*) filter (where people.suspended)`.as('suspended'),
      ])
      .where('people.school_id', '=', schoolId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('guardianships')
            .select(sql`1`.as('one'))
            .whereRef('guardianships.school_id', '=', 'people.school_id')
            .whereRef('guardianships.person_id', '=', 'people.id'),
        ),
      )
      .executeTakeFirstOrThrow(),
  ]);
  return {
    openInformationRequests: Number(requests.n),
    guardiansNeedingInterpreter: Number(guardians.interpreter),
    guardiansWithoutAccount: Number(guardians.without_account),
    suspendedGuardians: Number(guardians.suspended),
  };
}

export interface PrincipleVersionStatusRow {
  status: 'draft' | 'adopted' | 'superseded';
  version: number;
  adopted_on: string | null;
}

/** The adopted and draft versions' bookkeeping only; the principle's content is the principle area's. */
export async function findCurrentPrincipleVersions(db: Db, schoolId: string): Promise<PrincipleVersionStatusRow[]> {
  return db
    .selectFrom('principle_versions')
    .select(['status', 'version', 'adopted_on'])
    .where('school_id', '=', schoolId)
    .where('status', 'in', ['adopted', 'draft'])
    .execute();
}
