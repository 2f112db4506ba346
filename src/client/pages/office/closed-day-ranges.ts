import type { TClosedDay } from '../../../shared/api/school-calendar.schema.js';

/** A run of closed days with one label, such as an autumn holiday from Monday to Friday. */
export interface ClosedDayRange {
  label: string;
  first: string;
  last: string;
  /** Every closed day of the run, in order. */
  dates: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const toUtc = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
};
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isWeekend = (ms: number) => [0, 6].includes(new Date(ms).getUTCDay());

/** The weekdays from `from` to `to`, both included: a school is closed on weekends anyway. */
export function weekdaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = toUtc(from); ms <= toUtc(to); ms += DAY_MS) if (!isWeekend(ms)) days.push(fromUtc(ms));
  return days;
}

/** The next weekday after a date, so Friday's closed day and Monday's belong to one run. */
function nextWeekday(iso: string): string {
  let ms = toUtc(iso) + DAY_MS;
  while (isWeekend(ms)) ms += DAY_MS;
  return fromUtc(ms);
}

/**
 * The school's closed days as the office thinks of them: days in a row with the same label are
 * one run ("Efterårsferie, 12.–16. oktober"), with a weekend inside a run not breaking it.
 */
export function groupClosedDays(days: readonly TClosedDay[]): ClosedDayRange[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const ranges: ClosedDayRange[] = [];
  for (const day of sorted) {
    const open = ranges.at(-1);
    if (open && open.label === day.label && nextWeekday(open.last) >= day.date) {
      open.last = day.date;
      open.dates.push(day.date);
    } else {
      ranges.push({ label: day.label, first: day.date, last: day.date, dates: [day.date] });
    }
  }
  return ranges;
}

/**
 * The school year's days with the new run added: a day already listed takes the new label, so
 * the list the server gets names each day once.
 */
export function addClosedDays(days: readonly TClosedDay[], dates: readonly string[], label: string): TClosedDay[] {
  const added = new Set(dates);
  return [...days.filter((day) => !added.has(day.date)), ...dates.map((date) => ({ date, label }))].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

/** Today's date in Copenhagen, where the school is. */
export const copenhagenToday = (now: Date = new Date()) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
