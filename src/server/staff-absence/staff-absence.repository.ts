import type { Db } from '../db/database.js';

export interface StaffRow {
  id: string;
  given_name: string;
  family_name: string;
}

export interface StaffAbsenceRow {
  id: string;
  person_id: string;
  first_day: string;
  last_day: string;
  substitute_id: string | null;
  note: string;
}

/** Names of people at the school, for notices. */
export function findNames(db: Db, schoolId: string, personIds: readonly string[]): Promise<StaffRow[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name'])
    .where('school_id', '=', schoolId)
    .where('id', 'in', [...personIds])
    .execute();
}

const ABSENCE_COLUMNS = ['id', 'person_id', 'first_day', 'last_day', 'substitute_id', 'note'] as const;

/** Absences at the school that end on or after `fromDay`, of the given people or of everyone, by first day. */
export function findAbsencesFrom(
  db: Db,
  schoolId: string,
  fromDay: string,
  personIds?: readonly string[],
): Promise<StaffAbsenceRow[]> {
  if (personIds && personIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('staff_absences')
    .select(ABSENCE_COLUMNS)
    .where('school_id', '=', schoolId)
    .where('last_day', '>=', fromDay);
  if (personIds) query = query.where('person_id', 'in', [...personIds]);
  return query.orderBy('first_day').orderBy('id').execute();
}

export function findAbsence(db: Db, schoolId: string, absenceId: string): Promise<StaffAbsenceRow | undefined> {
  return db
    .selectFrom('staff_absences')
    .select(ABSENCE_COLUMNS)
    .where('school_id', '=', schoolId)
    .where('id', '=', absenceId)
    .executeTakeFirst();
}

export interface NewStaffAbsence {
  schoolId: string;
  personId: string;
  firstDay: string;
  lastDay: string;
  substituteId: string | null;
  note: string;
  createdBy: string;
  at: Date;
}

export type InsertOutcome =
  { kind: 'inserted'; id: string } | { kind: 'overlap'; absence: StaffAbsenceRow } | { kind: 'substitute_absent' };

/**
 * Stores an absence unless it overlaps another of the same person's, or the substitute is
 * absent on one of its days. The rows of both people are locked first (in id order, so two
 * registrations never wait on each other crosswise), so a concurrent registration for either
 * of them waits and then sees this one.
 */
export function insertStaffAbsence(db: Db, absence: NewStaffAbsence): Promise<InsertOutcome> {
  return db.transaction().execute(async (trx) => {
    const people = [absence.personId, ...(absence.substituteId ? [absence.substituteId] : [])].sort();
    await trx
      .selectFrom('people')
      .select('id')
      .where('school_id', '=', absence.schoolId)
      .where('id', 'in', people)
      .orderBy('id')
      .forUpdate()
      .execute();
    const overlapping = (personId: string) =>
      trx
        .selectFrom('staff_absences')
        .select(ABSENCE_COLUMNS)
        .where('school_id', '=', absence.schoolId)
        .where('person_id', '=', personId)
        .where('first_day', '<=', absence.lastDay)
        .where('last_day', '>=', absence.firstDay)
        .orderBy('first_day')
        .executeTakeFirst();
    const own = await overlapping(absence.personId);
    if (own) return { kind: 'overlap', absence: own };
    if (absence.substituteId && (await overlapping(absence.substituteId))) return { kind: 'substitute_absent' };
    const row = await trx
      .insertInto('staff_absences')
      .values({
        school_id: absence.schoolId,
        person_id: absence.personId,
        first_day: absence.firstDay,
        last_day: absence.lastDay,
        substitute_id: absence.substituteId,
        note: absence.note,
        created_by: absence.createdBy,
        created_at: absence.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { kind: 'inserted', id: row.id };
  });
}

export async function deleteStaffAbsence(db: Db, schoolId: string, absenceId: string): Promise<void> {
  await db.deleteFrom('staff_absences').where('school_id', '=', schoolId).where('id', '=', absenceId).execute();
}

/** The contact teacher of a class named by its external id ("7A"), for the demo school. */
export async function findContactTeacherOfClass(
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
