import type { Db } from '../db/database.js';

export interface ClosedDayRow {
  date: string;
  label: string;
}

/** The school's closed days between two dates, both included, in date order. */
export function selectClosedDays(
  db: Db,
  schoolId: string,
  range?: { from: string; to: string },
): Promise<ClosedDayRow[]> {
  let query = db.selectFrom('school_closed_days').select(['date', 'label']).where('school_id', '=', schoolId);
  if (range) query = query.where('date', '>=', range.from).where('date', '<=', range.to);
  return query.orderBy('date').execute();
}

/** Removes the school's closed days between two dates, both included. */
export async function deleteClosedDays(db: Db, schoolId: string, range: { from: string; to: string }): Promise<void> {
  await db
    .deleteFrom('school_closed_days')
    .where('school_id', '=', schoolId)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .execute();
}

export async function insertClosedDays(db: Db, schoolId: string, days: ClosedDayRow[]): Promise<void> {
  if (days.length === 0) return;
  await db
    .insertInto('school_closed_days')
    .values(days.map((d) => ({ school_id: schoolId, date: d.date, label: d.label })))
    .execute();
}
