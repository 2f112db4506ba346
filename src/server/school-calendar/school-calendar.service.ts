import type { Db } from '../db/database.js';
import { inTransaction, type SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { localDate, type SchoolCalendar } from '../../domain/calendar/working-days.js';
import {
  schoolYearRange,
  SCHOOL_YEAR_START_MONTH,
  type TClosedDays,
  type TPutClosedDays,
} from '../../shared/api/school-calendar.schema.js';
import { deleteClosedDays, insertClosedDays, selectClosedDays } from './school-calendar.repository.js';

/**
 * The school's working-day calendar: the Danish public holidays are the domain's, the closed
 * days are the school's own. Every closed day is loaded; a school has a few dozen a year.
 */
export async function loadSchoolCalendar(db: Db, schoolId: string): Promise<SchoolCalendar> {
  const rows = await selectClosedDays(db, schoolId);
  return { closedDays: new Set(rows.map((r) => r.date)) };
}

/** The school year a day belongs to: the year it started in, on 1 August. */
export function schoolYearOf(date: string): number {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return month >= SCHOOL_YEAR_START_MONTH ? year : year - 1;
}

export async function getClosedDays(ctx: SignedInContext, schoolId: string, schoolYear?: number): Promise<TClosedDays> {
  const year = schoolYear ?? schoolYearOf(localDate(ctx.clock.now()));
  const range = schoolYearRange(year);
  const days = await selectClosedDays(ctx.db, schoolId, range);
  return { schoolYear: year, label: range.label, from: range.from, to: range.to, days };
}

/** The leadership replaces a school year's closed days; promises made before keep their date. */
export async function putClosedDays(
  ctx: SignedInContext,
  schoolId: string,
  input: TPutClosedDays,
): Promise<TClosedDays> {
  const range = schoolYearRange(input.schoolYear);
  input.days.forEach((day, index) => {
    if (day.date < range.from || day.date > range.to) {
      throw new AppError('closed_day_outside_school_year', {
        field: `days.${index}.date`,
        params: { date: day.date, label: range.label },
      });
    }
  });
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
  // The school year's days are replaced as one unit of work: readers see the old list or the new.
  await inTransaction(ctx, async (tx) => {
    await deleteClosedDays(tx.db, schoolId, range);
    await insertClosedDays(tx.db, schoolId, days);
  });
  return getClosedDays(ctx, schoolId, input.schoolYear);
}
