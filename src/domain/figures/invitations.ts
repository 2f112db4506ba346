import { shiftDate } from '../calendar/working-days.js';
import type { KeptShare } from './replies.js';

/**
 * "Invitations in good time" (specs/principle-figures.md): of the invitations sent, those sent at
 * least the principle's lead time before the meeting. Dates are ISO days on Copenhagen's calendar.
 */
export interface InvitationFact {
  /** The day the invitation went out. */
  sentOn: string;
  /** The day of the meeting: the booked one, else the round's first afternoon. */
  meetingDay: string;
  /** The child it is about, for counting people. */
  about: string;
  /** The lead time of the principle in force the day it went out; null: none was promised. */
  leadDays: number | null;
}

/**
 * Counts an invitation in the period in which its deadline (the meeting day less the lead time
 * in force when it went out) falls, once that day has come; kept when it went out on or before
 * the deadline. An invitation sent when the principle promised no lead time is not counted.
 */
export function invitationsInGoodTime(
  facts: readonly InvitationFact[],
  from: string,
  to: string,
  today: string,
): KeptShare {
  const withDeadline = facts.flatMap((f) =>
    f.leadDays === null ? [] : [{ ...f, deadline: shiftDate(f.meetingDay, -f.leadDays) }],
  );
  const counted = withDeadline.filter((f) => f.deadline >= from && f.deadline < to && f.deadline <= today);
  const kept = counted.filter((f) => f.sentOn <= f.deadline).length;
  return {
    counted: counted.length,
    kept,
    share: counted.length ? kept / counted.length : null,
    people: new Set(counted.map((f) => f.about)).size,
  };
}
