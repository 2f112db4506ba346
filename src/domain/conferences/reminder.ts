import { localDate } from '../calendar/working-days.js';

/** Days after the invitation a home that has not booked is reminded. */
export const REMINDER_AFTER_DAYS = 4;

/**
 * When a home that has not booked is reminded: `afterDays` after it was invited, as long as that
 * is before the round's first day (Copenhagen dates); null when the round begins too soon for a
 * reminder to help.
 */
export function conferenceReminderAt(invitedAt: Date, firstDay: string, afterDays = REMINDER_AFTER_DAYS): Date | null {
  const at = new Date(invitedAt.getTime() + afterDays * 24 * 60 * 60 * 1000);
  return localDate(at) < firstDay ? at : null;
}
