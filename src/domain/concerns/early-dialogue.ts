import { addWorkingDays, type SchoolCalendar } from '../calendar/working-days.js';
import type { TEarlyDialogueRules, TPersonalChannel } from '../../shared/principle/principle.schema.js';

/**
 * Early dialogue on a concern (seeds 002 and 004): the school contacts the home within the
 * principle's working days, by phone or at a meeting, never by a written message alone. Dates are
 * ISO days on Copenhagen's calendar.
 */

/**
 * The last day the home should be contacted: the principle's number of working days after the day
 * the concern was registered (that day does not count). Null when the principle in force that day
 * sets no early-dialogue rule.
 */
export function contactDueOn(
  registeredOn: string,
  rules: Pick<TEarlyDialogueRules, 'contactWithinWorkingDays'> | null,
  calendar: SchoolCalendar,
): string | null {
  return rules ? addWorkingDays(registeredOn, rules.contactWithinWorkingDays, calendar) : null;
}

/**
 * Where a concern stands today: `contacted` once the home was contacted, `closed` when it was closed
 * without a contact, `overdue` past its deadline, `awaiting` before it (or with no deadline).
 */
export type ConcernState = 'contacted' | 'closed' | 'overdue' | 'awaiting';

export function concernState(
  concern: { dueOn: string | null; firstContactOn: string | null; closed: boolean },
  today: string,
): ConcernState {
  if (concern.firstContactOn !== null) return 'contacted';
  if (concern.closed) return 'closed';
  return concern.dueOn !== null && concern.dueOn < today ? 'overdue' : 'awaiting';
}

/** Why a contact cannot be recorded as given, or null when it can. */
export type ContactProblem =
  'concern_contact_in_future' | 'concern_contact_before_concern' | 'concern_channel_not_allowed';

/**
 * A recorded contact happened between the day the concern was registered and today, by one of the
 * channels the principle names (phone, meeting; both where the principle sets no rule).
 */
export function contactProblem(
  contact: { contactedOn: string; channel: TPersonalChannel },
  concern: { registeredOn: string; today: string; channels: readonly TPersonalChannel[] | null },
): ContactProblem | null {
  if (contact.contactedOn > concern.today) return 'concern_contact_in_future';
  if (contact.contactedOn < concern.registeredOn) return 'concern_contact_before_concern';
  if (concern.channels !== null && !concern.channels.includes(contact.channel)) return 'concern_channel_not_allowed';
  return null;
}
