import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { TQuietHours } from '../../shared/principle/principle.schema.js';
import { isQuietTime } from '../principle/rules.js';

/**
 * The working-day calendar behind reply promises ("svar senest torsdag"), reminders and quiet
 * hours. Dates are ISO strings ('YYYY-MM-DD') read on Copenhagen's wall clock; instants are
 * `Date`s passed in by the caller, never read from a clock here.
 */

export const SCHOOL_TIME_ZONE = 'Europe/Copenhagen';

export interface SchoolCalendar {
  /** ISO dates the school is closed on top of weekends and public holidays (autumn break, planning days). */
  closedDays: ReadonlySet<string>;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const REMINDER_TIME = '08:00';

interface WallClock {
  date: string;
  /** 1 (Monday) to 7 (Sunday). */
  isoWeekday: number;
  minuteOfDay: number;
}

/** Copenhagen's offset from UTC at an instant, in milliseconds (from the time zone database). */
function offsetAt(epochMs: number): number {
  return DateTime.fromMillis(epochMs, { zone: SCHOOL_TIME_ZONE }).offset * MINUTE;
}

/** What Copenhagen's clocks show at an instant. */
function wallClock(instant: Date): WallClock {
  const shifted = new Date(instant.getTime() + offsetAt(instant.getTime()));
  return {
    date: shifted.toISOString().slice(0, 10),
    isoWeekday: shifted.getUTCDay() === 0 ? 7 : shifted.getUTCDay(),
    minuteOfDay: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

function parseDate(date: string): number {
  const epochMs = Date.parse(`${date}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
    Number.isNaN(epochMs) ||
    new Date(epochMs).toISOString().slice(0, 10) !== date
  ) {
    throw new RangeError(`Not an ISO date: ${date}`);
  }
  return epochMs;
}

// Calendar arithmetic on the date itself, in UTC so the machine's own time zone cannot shift it.
/** The date `days` days after `date` (before, when negative). */
export const shiftDate = (date: string, days: number) =>
  new Date(parseDate(date) + days * DAY).toISOString().slice(0, 10);
const isoWeekdayOf = (date: string) => new Date(parseDate(date)).getUTCDay() || 7;

/**
 * The first instant at which Copenhagen's clocks show `time` on `date`. When the spring change
 * skips that time, the instant the clocks jump past it; when the autumn change repeats it, the
 * first of the two.
 */
function instantAt(date: string, time: string): Date {
  const wall = parseDate(date) + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * MINUTE;
  // One clock change at most lies within a day of any moment in Copenhagen.
  const offsetBefore = offsetAt(wall - DAY);
  const offsetAfter = offsetAt(wall + DAY);
  const readings = [wall - offsetBefore, wall - offsetAfter].filter((epochMs) => offsetAt(epochMs) === wall - epochMs);
  if (readings.length > 0) return new Date(Math.min(...readings));
  let beforeJump = wall - offsetAfter;
  let afterJump = wall - offsetBefore;
  while (afterJump - beforeJump > MINUTE) {
    const middle = beforeJump + Math.floor((afterJump - beforeJump) / 2 / MINUTE) * MINUTE;
    if (offsetAt(middle) === offsetAfter) afterJump = middle;
    else beforeJump = middle;
  }
  return new Date(afterJump);
}

/** The date in Copenhagen at an instant, as 'YYYY-MM-DD'. */
export function localDate(instant: Date): string {
  return wallClock(instant).date;
}

/** Midnight in Copenhagen at the start of the day after `date`. */
export function startOfNextDay(date: string): Date {
  return instantAt(shiftDate(date, 1), '00:00');
}

// date-holidays keeps the Danish public holidays (and changes such as Store Bededag's removal
// from 2024) so we do not maintain our own list; each year is computed once.
const danishHolidays = new Holidays('DK');
const publicHolidaysByYear = new Map<number, ReadonlySet<string>>();

/** Whether a date is a Danish public holiday (helligdag); observances such as Grundlovsdag and Juleaftensdag are not. */
export function isPublicHoliday(date: string): boolean {
  parseDate(date);
  const year = Number(date.slice(0, 4));
  let holidays = publicHolidaysByYear.get(year);
  if (!holidays) {
    holidays = new Set(
      danishHolidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    publicHolidaysByYear.set(year, holidays);
  }
  return holidays.has(date);
}

/** Monday to Friday, not a public holiday and not one of the school's closed days. */
export function isWorkingDay(date: string, calendar: SchoolCalendar): boolean {
  return isoWeekdayOf(date) <= 5 && !isPublicHoliday(date) && !calendar.closedDays.has(date);
}

/** The Nth working day after `date` (`date` itself does not count); n = 0 gives `date`. */
export function addWorkingDays(date: string, n: number, calendar: SchoolCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number of at least 0: ${n}`);
  let day = date;
  for (let counted = 0; counted < n;) {
    day = shiftDate(day, 1);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return day;
}

/**
 * When a reply to a message that arrived at `arrivedAt` is due: the last millisecond of the Nth
 * working day after the day it arrived on in Copenhagen, so anything sent that day keeps the
 * promise.
 */
export function replyDueAt(arrivedAt: Date, workingDays: number, calendar: SchoolCalendar): Date {
  const dueDate = addWorkingDays(localDate(arrivedAt), workingDays, calendar);
  return new Date(instantAt(shiftDate(dueDate, 1), '00:00').getTime() - 1);
}

/**
 * When to remind the recipient of a promise: 08:00 in Copenhagen on the working day before the
 * due day. For a one-working-day promise this can lie before the message arrived; the caller
 * decides whether to remind at once or not at all.
 */
export function reminderAt(dueAt: Date, calendar: SchoolCalendar): Date {
  let day = shiftDate(localDate(dueAt), -1);
  while (!isWorkingDay(day, calendar)) day = shiftDate(day, -1);
  return instantAt(day, REMINDER_TIME);
}

const DUE_DATE_FORMATS = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: SCHOOL_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: SCHOOL_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' }),
} as const;

/** The due day as guardians read it: "torsdag 26. november" / "Thursday 26 November". */
export function formatDueDate(dueAt: Date, locale: 'da' | 'en'): string {
  return DUE_DATE_FORMATS[locale].format(dueAt);
}

const DAY_AND_TIME_FORMATS = {
  da: new Intl.DateTimeFormat('da-DK', {
    timeZone: SCHOOL_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: SCHOOL_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }),
} as const;

/** A moment as guardians read it: "mandag 30. november kl. 07.00" / "Monday 30 November at 07:00". */
export function formatDayAndTime(instant: Date, locale: 'da' | 'en'): string {
  return DAY_AND_TIME_FORMATS[locale].format(instant);
}

/**
 * When a message written at `now` is first seen by one of its staff recipients, given each one's
 * quiet hours: null when someone is on duty now, else the earliest end of their quiet hours.
 * Guardians may always write; this is what they are told ("… læser beskeder igen fra …").
 */
export function firstOnDutyAfter(
  now: Date,
  recipientsQuietHours: ReadonlyArray<TQuietHours | null>,
  calendar?: SchoolCalendar,
): Date | null {
  if (recipientsQuietHours.length === 0) return null;
  const ends = recipientsQuietHours.map((quiet) => nextOutsideQuietHours(now, quiet, calendar).getTime());
  const first = Math.min(...ends);
  return first === now.getTime() ? null : new Date(first);
}

/**
 * When a notification due at `instant` may reach a staff member: the instant itself outside
 * their quiet hours, else the first moment the quiet hours end. With a calendar, quiet
 * weekends also cover public holidays and the school's closed days, when staff are off too.
 */
export function nextOutsideQuietHours(instant: Date, quiet: TQuietHours | null, calendar?: SchoolCalendar): Date {
  if (!quiet) return instant;
  const isQuiet = (at: Date) => {
    const clock = wallClock(at);
    if (quiet.weekends && calendar && !isWorkingDay(clock.date, calendar)) return true;
    return isQuietTime(quiet, clock);
  };
  if (!isQuiet(instant)) return instant;
  // Quiet time ends only at the end of the quiet hours or at the start of a day that is not off.
  const endings = [...new Set(['00:00', quiet.to])].sort();
  for (let day = localDate(instant); ; day = shiftDate(day, 1)) {
    for (const time of endings) {
      const candidate = instantAt(day, time);
      if (candidate > instant && !isQuiet(candidate)) return candidate;
    }
  }
}

/** 08:00 in Copenhagen on the calendar day before `date` (an agreement's reminder). */
export function morningBefore(date: string): Date {
  return instantAt(shiftDate(date, -1), REMINDER_TIME);
}
