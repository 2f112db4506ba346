import { addWorkingDays, isWorkingDay, replyDueAt, type SchoolCalendar } from './working-days.js';

/**
 * Staff absence and where a guardian's message goes meanwhile (issue 4: "a staff member marked
 * absent has guardian messages routed to a named colleague, or the guardian is told the later
 * date"). Days are ISO dates on Copenhagen's wall clock; both ends of an absence are included.
 */

export interface AbsenceDays {
  firstDay: string;
  lastDay: string;
}

/** Whether two absences share at least one day. */
export function absencesOverlap(a: AbsenceDays, b: AbsenceDays): boolean {
  return a.firstDay <= b.lastDay && b.firstDay <= a.lastDay;
}

/** Whether `date` lies within the absence. */
export function coversDay(absence: AbsenceDays, date: string): boolean {
  return absence.firstDay <= date && date <= absence.lastDay;
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The last day of a person's absence that covers `today`, following absences that join on
 * (sick Monday to Wednesday, then a course Thursday to Friday, or a weekend in between); null
 * when they are at work today.
 */
export function absentThrough(
  absences: readonly AbsenceDays[],
  today: string,
  calendar: SchoolCalendar,
): string | null {
  let through: string | null = null;
  let day = today;
  for (;;) {
    const covering = absences.find((a) => coversDay(a, day));
    if (covering) {
      through = covering.lastDay;
      day = nextDay(covering.lastDay);
      continue;
    }
    // A day off between two absences (a weekend, a holiday) does not bring the person back.
    if (through !== null && !isWorkingDay(day, calendar)) {
      day = nextDay(day);
      continue;
    }
    return through;
  }
}

/**
 * The day a message arriving on `date` can first be read at school: that day when it is a
 * working day, else the next one (a message written on Saturday is read on Monday).
 */
export function firstReadingDay(date: string, calendar: SchoolCalendar): string {
  return isWorkingDay(date, calendar) ? date : addWorkingDays(date, 1, calendar);
}

/** The first working day after an absence ending on `lastDay`: the day the person is back. */
export function firstWorkingDayBack(lastDay: string, calendar: SchoolCalendar): string {
  return addWorkingDays(lastDay, 1, calendar);
}

/**
 * The promise when the only recipient is away: the principle's N working days counted from the
 * day they are back, as if the message arrived that morning. Never earlier than the normal
 * promise, which still holds for an absence that ended before the message arrived.
 */
export function replyDueAfterAbsence(
  arrivedAt: Date,
  workingDays: number,
  lastDayAbsent: string,
  calendar: SchoolCalendar,
): Date {
  const normal = replyDueAt(arrivedAt, workingDays, calendar);
  // Noon UTC is 12:00 or 13:00 in Copenhagen, safely inside the return day whatever the season.
  const back = replyDueAt(new Date(`${firstWorkingDayBack(lastDayAbsent, calendar)}T12:00:00Z`), workingDays, calendar);
  return back > normal ? back : normal;
}

/** A default recipient of a guardian's message as it stands today. */
export interface RecipientToday {
  personId: string;
  /** The last day of the absence covering today (joined absences followed); null when at work. */
  absentThrough: string | null;
  /** The colleague named to take their messages, when that colleague is at work today. */
  substituteId: string | null;
}

export interface AbsenceRouting {
  /** The staff in the new thread: every default recipient (absent ones see it when back) and the substitutes. */
  staffIds: string[];
  /** Who will read it now: present recipients and substitutes. Empty when everyone is away. */
  readersNow: string[];
  /** When nobody is at work to read it: the last absent day of the first to come back, from which the promise counts. */
  countFromAfter: string | null;
  /** The absent recipients, each with their substitute if any, for the guardian's notice. */
  absent: Array<{ personId: string; absentThrough: string; substituteId: string | null }>;
}

/**
 * Routes a guardian's message around absent recipients: an absent recipient's substitute
 * receives it; absent recipients stay in the thread so they find it when back. When neither a
 * present recipient nor a substitute is there, the promise counts from the first return.
 */
export function routeAroundAbsences(recipients: readonly RecipientToday[]): AbsenceRouting {
  const absent = recipients.flatMap((r) =>
    r.absentThrough === null
      ? []
      : [{ personId: r.personId, absentThrough: r.absentThrough, substituteId: r.substituteId }],
  );
  const present = recipients.filter((r) => r.absentThrough === null).map((r) => r.personId);
  const substitutes = absent.flatMap((a) => (a.substituteId ? [a.substituteId] : []));
  const readersNow = [...new Set([...present, ...substitutes])];
  const staffIds = [...new Set([...recipients.map((r) => r.personId), ...substitutes])];
  const countFromAfter = readersNow.length > 0 ? null : (absent.map((a) => a.absentThrough).sort()[0] ?? null);
  return { staffIds, readersNow, countFromAfter, absent };
}
