import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ClassStaffRole } from '../db/schema.js';
import { schoolsOfUser } from './student.repository.js';

/** The directory's classes: which there are, their staff and their contact teachers. */

export interface ClassRow {
  id: string;
  grade: number;
  letter: string;
}

/** A class of the school, or undefined. */
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

/** A class looked for by id among the user's own schools (and in `schoolId` when given). */
export function findClassAtUserSchools(db: Db, userId: string, classId: string, schoolId?: string) {
  let query = db
    .selectFrom('classes')
    .select(['school_id as schoolId'])
    .where('id', '=', classId)
    .where('school_id', 'in', schoolsOfUser(db, userId));
  if (schoolId) query = query.where('school_id', '=', schoolId);
  return query.executeTakeFirst();
}

/** The ids of the school's classes in a grade (årgang), e.g. 3.A and 3.B for grade 3. */
export async function findClassIdsOfGrade(db: Db, schoolId: string, grade: number): Promise<string[]> {
  const rows = await db
    .selectFrom('classes')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('grade', '=', grade)
    .orderBy('letter')
    .execute();
  return rows.map((r) => r.id);
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

/** The contact teachers of the classes, each once: the hub of each class's collaboration with the homes. */
export async function findContactTeachers(db: Db, schoolId: string, classIds: readonly string[]): Promise<string[]> {
  if (classIds.length === 0) return [];
  const rows = await db
    .selectFrom('class_staff')
    .select('person_id')
    .distinct()
    .where('school_id', '=', schoolId)
    .where('class_id', 'in', classIds)
    .where('role', '=', 'contact_teacher')
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

/** The contact teacher of a class named by its external id ("7A"), as the import and the demo name classes. */
export async function findContactTeacherOfClassCode(
  db: Db,
  schoolId: string,
  classExternalId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('class_staff as s')
    .innerJoin('classes as c', (join) => join.onRef('c.school_id', '=', 's.school_id').onRef('c.id', '=', 's.class_id'))
    .select('s.person_id')
    .where('s.school_id', '=', schoolId)
    .where('c.external_id', '=', classExternalId)
    .where('s.role', '=', 'contact_teacher')
    .orderBy('s.person_id')
    .executeTakeFirst();
  return row?.person_id;
}
