import type { TUpdateCadence } from '../../shared/principle/principle.schema.js';
import { shiftDate } from '../calendar/working-days.js';

/**
 * The principle's cadence for class letters (seed 001: the school writes home about the work in
 * the class, most often in the youngest grades) as periods of the calendar: a week (Monday to
 * Sunday), a fortnight (two such weeks, counted from the week the school year starts in) or a
 * calendar month. A period is kept when the class published at least one letter in it. Dates are
 * ISO strings on Copenhagen's calendar.
 */
export interface CadencePeriod {
  /** The first day. */
  from: string;
  /** The day after the last (exclusive). */
  to: string;
}

const DAY_MS = 86_400_000;
const epochDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
const mondayOf = (date: string) => shiftDate(date, 1 - isoWeekday(date));

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The Monday of the week holding 1 August of `year`: the first fortnight of that school year. */
const fortnightAnchor = (year: number) => mondayOf(`${year}-08-01`);

/** The cadence period a day falls in. */
export function periodOf(date: string, cadence: TUpdateCadence): CadencePeriod {
  if (cadence === 'monthly') {
    const month = date.slice(0, 7);
    return { from: `${month}-01`, to: `${nextMonth(month)}-01` };
  }
  const monday = mondayOf(date);
  if (cadence === 'weekly') return { from: monday, to: shiftDate(monday, 7) };
  // Fortnights are counted from the Monday of the week holding the school year's 1 August; the
  // school year's last fortnight ends where the next year's first begins (it may be one week).
  const year = Number(monday.slice(0, 4));
  const anchorYear = monday >= fortnightAnchor(year) ? year : year - 1;
  const anchor = fortnightAnchor(anchorYear);
  const nextAnchor = fortnightAnchor(anchorYear + 1);
  const offset = Math.floor((epochDay(monday) - epochDay(anchor)) / 14) * 14;
  const from = shiftDate(anchor, offset);
  const to = shiftDate(from, 14);
  return { from, to: to < nextAnchor ? to : nextAnchor };
}

/** The last day of the period that is a school day (a letter is due by it), else its last day. */
export function dueDayOf(period: CadencePeriod, isSchoolDay: (date: string) => boolean): string {
  for (let day = shiftDate(period.to, -1); day >= period.from; day = shiftDate(day, -1)) {
    if (isSchoolDay(day)) return day;
  }
  return shiftDate(period.to, -1);
}

/** Whether the period holds a school day within [from, to): a holiday period asks for no letter. */
function holdsSchoolDay(period: CadencePeriod, from: string, to: string, isSchoolDay: (date: string) => boolean) {
  const start = period.from > from ? period.from : from;
  const end = period.to < to ? period.to : to;
  for (let day = start; day < end; day = shiftDate(day, 1)) if (isSchoolDay(day)) return true;
  return false;
}

/** One counted period of a class: when its letter was due, and whether one was published in it. */
export interface CountedPeriod extends CadencePeriod {
  cadence: TUpdateCadence;
  dueOn: string;
  kept: boolean;
}

/**
 * A class's cadence periods in [from, to) that have ended by `today` (a period still running is
 * not yet kept or broken) and hold a school day, each kept when a letter was published in it.
 * The cadence is the one in force on each period's first day (`cadenceOn`, null: the principle
 * asks none, so the days until the next cadence are skipped).
 */
export function countedPeriods(input: {
  from: string;
  to: string;
  today: string;
  /** The days the class's letters were published on. */
  publishedOn: readonly string[];
  cadenceOn: (date: string) => TUpdateCadence | null;
  isSchoolDay: (date: string) => boolean;
}): CountedPeriod[] {
  const published = [...input.publishedOn].sort();
  const periods: CountedPeriod[] = [];
  let day = input.from;
  while (day < input.to && day < input.today) {
    const cadence = input.cadenceOn(day);
    if (!cadence) {
      day = shiftDate(day, 1);
      continue;
    }
    const period = periodOf(day, cadence);
    if (period.to <= input.today && holdsSchoolDay(period, input.from, input.to, input.isSchoolDay)) {
      periods.push({
        ...period,
        cadence,
        dueOn: dueDayOf(period, input.isSchoolDay),
        kept: published.some((d) => d >= period.from && d < period.to),
      });
    }
    day = period.to;
  }
  return periods;
}

/** When a class's next letter is due, and whether the class has fallen behind its cadence. */
export interface NextLetter {
  cadence: TUpdateCadence;
  /** The school day the next letter is due by. */
  dueOn: string;
  /** A letter is already published or scheduled in the running period. */
  thisPeriodDone: boolean;
  /** The periods since the last kept one that ended without a letter (0: on cadence). */
  missedInARow: number;
}

/**
 * The next letter for a class: due by the last school day of the running period (a day already
 * past while the period runs: the letter is late but still keeps the period), or of the next one
 * when the running period has its letter (published or scheduled in it). `missedInARow`
 * counts the ended periods without a letter back from today (at most `lookBack`).
 */
export function nextLetter(input: {
  today: string;
  cadence: TUpdateCadence;
  /** Days with a letter published or scheduled to publish. */
  letterOn: readonly string[];
  isSchoolDay: (date: string) => boolean;
  lookBack?: number;
}): NextLetter {
  const { today, cadence, isSchoolDay } = input;
  const has = (p: CadencePeriod) => input.letterOn.some((d) => d >= p.from && d < p.to);
  const running = periodOf(today, cadence);
  const thisPeriodDone = has(running);
  const due = thisPeriodDone ? periodOf(running.to, cadence) : running;
  let missedInARow = 0;
  let p = periodOf(shiftDate(running.from, -1), cadence);
  for (let i = 0; i < (input.lookBack ?? 26); i++) {
    if (holdsSchoolDay(p, p.from, p.to, isSchoolDay)) {
      if (has(p)) break;
      missedInARow++;
    }
    p = periodOf(shiftDate(p.from, -1), cadence);
  }
  return { cadence, dueOn: dueDayOf(due, isSchoolDay), thisPeriodDone, missedInARow };
}
