import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export interface SchoolRow {
  id: string;
  name: string;
  slug: string;
}

export async function findSchool(db: Db, schoolId: string): Promise<SchoolRow | undefined> {
  return db.selectFrom('schools').select(['id', 'name', 'slug']).where('id', '=', schoolId).executeTakeFirst();
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
