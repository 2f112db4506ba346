import { isWorkingDay, localDate, shiftDate, startOfNextDay, type SchoolCalendar } from '../calendar/working-days.js';

/**
 * The messaging figures of the principle (specs/principle-figures.md): replies within the
 * promise, and the time to answer. Pure: the facts and "now" come from the caller.
 */

/** One reply promise: a guardian's message that the school promised to answer by `dueAt`. */
export interface PromiseFact {
  openedAt: Date;
  dueAt: Date;
  /** The first staff answer or acknowledgement, if any. */
  keptAt: Date | null;
  /** Whom it is about, for counting people: the student, or the thread when it names none. */
  about: string;
}

export interface KeptShare {
  /** Promises whose due time fell in the period and has passed. */
  counted: number;
  /** Of those, answered by the due time. */
  kept: number;
  /** kept / counted, or null when nothing was counted. */
  share: number | null;
  /** How many different children (or threads) the counted promises were about. */
  people: number;
}

export interface AnswerTime {
  /** Promises first answered in the period. */
  answered: number;
  /** The median of their working hours from the guardian's message to the answer. */
  medianWorkingHours: number | null;
  people: number;
}

const inPeriod = (moment: Date, from: Date, to: Date) => moment >= from && moment < to;

/**
 * Replies within the promise: of the promises that fell due in `[from, to)` — and only those whose
 * due time has passed by `now`, for a promise still running is neither kept nor broken — how many
 * were answered by their due time.
 */
export function keptWithinPromise(facts: readonly PromiseFact[], from: Date, to: Date, now: Date): KeptShare {
  const counted = facts.filter((f) => inPeriod(f.dueAt, from, to) && f.dueAt <= now);
  const kept = counted.filter((f) => f.keptAt !== null && f.keptAt <= f.dueAt).length;
  return {
    counted: counted.length,
    kept,
    share: counted.length ? kept / counted.length : null,
    people: new Set(counted.map((f) => f.about)).size,
  };
}

const HOUR = 60 * 60 * 1000;

/**
 * The hours between two moments that fall on working days (Monday to Friday, not a public
 * holiday, not one of the school's closed days), on Copenhagen's calendar: a message on Friday at
 * 16:00 answered on Monday at 9:00 took 17 working hours (8 on Friday, 9 on Monday).
 */
export function workingHoursBetween(start: Date, end: Date, calendar: SchoolCalendar): number {
  if (end <= start) return 0;
  const firstDay = localDate(start);
  const lastDay = localDate(end);
  const working = (day: string) => isWorkingDay(day, calendar);
  if (firstDay === lastDay) return working(firstDay) ? (end.getTime() - start.getTime()) / HOUR : 0;
  let total = 0;
  if (working(firstDay)) total += startOfNextDay(firstDay).getTime() - start.getTime();
  if (working(lastDay)) total += end.getTime() - startOfNextDay(shiftDate(lastDay, -1)).getTime();
  // Whole days between: a working day is never a Sunday, so never the day clocks change; 24 hours.
  for (let day = shiftDate(firstDay, 1); day < lastDay; day = shiftDate(day, 1)) {
    if (working(day)) total += 24 * HOUR;
  }
  return total / HOUR;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Time to answer: of the promises first answered in `[from, to)`, the median working hours it took. */
export function timeToAnswer(
  facts: readonly PromiseFact[],
  from: Date,
  to: Date,
  calendar: SchoolCalendar,
): AnswerTime {
  const answered = facts.filter(
    (f): f is PromiseFact & { keptAt: Date } => f.keptAt !== null && inPeriod(f.keptAt, from, to),
  );
  const hours = median(answered.map((f) => workingHoursBetween(f.openedAt, f.keptAt, calendar)));
  return {
    answered: answered.length,
    medianWorkingHours: hours === null ? null : Math.round(hours * 10) / 10,
    people: new Set(answered.map((f) => f.about)).size,
  };
}
