import type { Db } from '../db/database.js';

export interface StaffAbsenceRow {
  id: string;
  person_id: string;
  first_day: string;
  last_day: string;
  substitute_id: string | null;
  note: string;
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

/**
 * Locks the people an absence is about (in id order, so two registrations never wait on each
 * other crosswise), so a concurrent registration for either of them waits for this unit of work
 * and then sees its absence. `db` must be a transaction.
 */
export async function lockPeople(db: Db, schoolId: string, personIds: readonly string[]): Promise<void> {
  await db
    .selectFrom('people')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('id', 'in', [...personIds].sort())
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** The person's first absence that shares a day with `firstDay`–`lastDay`. */
export function findOverlappingAbsence(
  db: Db,
  schoolId: string,
  personId: string,
  firstDay: string,
  lastDay: string,
): Promise<StaffAbsenceRow | undefined> {
  return db
    .selectFrom('staff_absences')
    .select(ABSENCE_COLUMNS)
    .where('school_id', '=', schoolId)
    .where('person_id', '=', personId)
    .where('first_day', '<=', lastDay)
    .where('last_day', '>=', firstDay)
    .orderBy('first_day')
    .executeTakeFirst();
}

export async function insertStaffAbsence(db: Db, absence: NewStaffAbsence): Promise<string> {
  const row = await db
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
  return row.id;
}

export async function deleteStaffAbsence(db: Db, schoolId: string, absenceId: string): Promise<void> {
  await db.deleteFrom('staff_absences').where('school_id', '=', schoolId).where('id', '=', absenceId).execute();
}
