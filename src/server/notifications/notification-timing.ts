import { DateTime } from 'luxon';
import {
  localDate,
  nextOutsideQuietHours,
  SCHOOL_TIME_ZONE,
  type SchoolCalendar,
} from '../../domain/calendar/working-days.js';
import type { TQuietHours } from '../../shared/principle/principle.schema.js';

/**
 * When notifications go out by e-mail. Pure: every instant is passed in, nothing reads a clock.
 * Guardians get theirs in a daily digest at 17:00 in Copenhagen, after school and before
 * dinner, unless they chose to be told at once; staff are told at once outside their quiet hours.
 */

/** The digest goes out at this time on Copenhagen's clock every day. */
export const DIGEST_TIME = '17:00';

export type NotificationMode = 'immediate' | 'digest';
/** Guardians choose immediate or digest; staff have quiet hours instead. */
/** Students are written to as guardians are: they can always be reached, digest or at once. */
export type RecipientAudience = 'guardian' | 'staff' | 'student';

/** The instant of the digest on a Copenhagen date. 17:00 exists on every date: clocks change at night. */
export function digestInstant(date: string): Date {
  return DateTime.fromISO(`${date}T${DIGEST_TIME}`, { zone: SCHOOL_TIME_ZONE }).toJSDate();
}

const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The date after `date`, by calendar arithmetic in UTC so the machine's zone cannot shift it. */
export const nextDate = (date: string) => shiftDate(date, 1);
/** The date before `date`. */
export const previousDate = (date: string) => shiftDate(date, -1);

/** The date of the first digest strictly after `now`: today's when it is not yet 17:00, else tomorrow's. */
export function nextDigestDate(now: Date): string {
  const today = localDate(now);
  return digestInstant(today) > now ? today : nextDate(today);
}

export interface EmailTimingInput {
  now: Date;
  urgent: boolean;
  audience: RecipientAudience;
  /** The guardian's choice; ignored for staff. */
  mode: NotificationMode;
  /** The staff member's quiet hours; ignored for guardians, who can always be written to. */
  quietHours: TQuietHours | null;
  calendar: SchoolCalendar;
}

/**
 * When a new message is e-mailed to one recipient: an instant, or `digest` when the guardian's
 * daily digest tells them. Urgent messages (illness, safety) go at once to everyone, past both
 * the digest and quiet hours.
 */
export function emailTiming(input: EmailTimingInput): Date | 'digest' {
  if (input.urgent) return input.now;
  if (input.audience !== 'staff') return input.mode === 'immediate' ? input.now : 'digest';
  return nextOutsideQuietHours(input.now, input.quietHours, input.calendar);
}
