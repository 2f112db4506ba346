import { DateTime } from 'luxon';
import { SCHOOL_TIME_ZONE } from '../calendar/working-days.js';

/** Days after the invitation a home that has not booked is reminded. */
export const REMINDER_AFTER_DAYS = 4;

/** The hours a reminder may reach a home, on Copenhagen's clock: from 8 in the morning until 8 in the evening. */
export const REMINDER_HOURS = { from: 8, until: 20 } as const;

/**
 * When a home that has not booked is reminded: `afterDays` calendar days after it was invited, at
 * the same time of day, but never at night (a reminder due before 8 comes at 8, one due after 8
 * in the evening at 8 the next morning), as long as that is before the round's first day
 * (Copenhagen dates); null when the round begins too soon for a reminder to help.
 */
export function conferenceReminderAt(invitedAt: Date, firstDay: string, afterDays = REMINDER_AFTER_DAYS): Date | null {
  let at = DateTime.fromJSDate(invitedAt, { zone: SCHOOL_TIME_ZONE }).plus({ days: afterDays });
  const morning = { hour: REMINDER_HOURS.from, minute: 0, second: 0, millisecond: 0 };
  if (at.hour < REMINDER_HOURS.from) at = at.set(morning);
  else if (at.hour >= REMINDER_HOURS.until) at = at.plus({ days: 1 }).set(morning);
  return (at.toISODate() ?? '') < firstDay ? at.toJSDate() : null;
}
