/**
 * The rules of events (issue 12 point 3) as pure functions: when households may answer, how many
 * come, whether an answer fits the capacity, and what a new event must be. Days are ISO dates on
 * Copenhagen's calendar; times "HH:MM".
 */

/** What the rules need to know of an event. */
export interface EventFacts {
  date: string;
  signUp: boolean;
  /** The last day to answer (inclusive); null: the day of the event. */
  signUpDeadline: string | null;
  capacity: number | null;
}

/** One household's answer. */
export interface Answer {
  householdKey: string;
  attending: boolean;
  adults: number;
  children: number;
}

/** Households may answer while sign-up is on, until the deadline and never after the event's day. */
export function signUpOpen(event: EventFacts, today: string): boolean {
  if (!event.signUp) return false;
  const lastDay =
    event.signUpDeadline !== null && event.signUpDeadline < event.date ? event.signUpDeadline : event.date;
  return today <= lastDay;
}

export interface HeadCount {
  households: number;
  declined: number;
  adults: number;
  children: number;
}

/** The households coming, those that said no, and the adults and children coming. */
export function headCount(answers: readonly Answer[]): HeadCount {
  const coming = answers.filter((a) => a.attending);
  return {
    households: coming.length,
    declined: answers.length - coming.length,
    adults: coming.reduce((sum, a) => sum + a.adults, 0),
    children: coming.reduce((sum, a) => sum + a.children, 0),
  };
}

/**
 * People still welcome under the capacity, not counting `household`'s own answer (so a household
 * changing its numbers is measured against the others); null without a capacity.
 */
export function placesLeft(capacity: number | null, answers: readonly Answer[], household?: string): number | null {
  if (capacity === null) return null;
  const others = answers.filter((a) => a.householdKey !== household);
  const { adults, children } = headCount(others);
  return Math.max(0, capacity - adults - children);
}

export type AnswerProblem = 'event_sign_up_closed' | 'event_answer_empty' | 'event_full';

/**
 * Why an answer cannot be taken, or null: sign-up closed, "coming" with nobody, or more people
 * than there is room for. A "not coming" is always taken while sign-up is open.
 */
export function answerProblem(
  event: EventFacts,
  answer: Answer,
  answers: readonly Answer[],
  today: string,
): AnswerProblem | null {
  if (!signUpOpen(event, today)) return 'event_sign_up_closed';
  if (!answer.attending) return null;
  if (answer.adults + answer.children === 0) return 'event_answer_empty';
  const left = placesLeft(event.capacity, answers, answer.householdKey);
  if (left !== null && answer.adults + answer.children > left) return 'event_full';
  return null;
}

/** A new event as its organiser wrote it. */
export interface EventDraft extends EventFacts {
  startsAt: string;
  endsAt: string;
}

export type EventProblem = {
  code: 'event_in_past' | 'event_ends_before_start' | 'event_deadline_after_event' | 'event_sign_up_off';
  field: 'date' | 'endsAt' | 'signUpDeadline' | 'capacity';
};

/** Why a new event cannot be created, or null: a day gone, an end before its start, a deadline after the day. */
export function eventProblem(draft: EventDraft, today: string): EventProblem | null {
  if (draft.date < today) return { code: 'event_in_past', field: 'date' };
  if (draft.endsAt <= draft.startsAt) return { code: 'event_ends_before_start', field: 'endsAt' };
  if (!draft.signUp && draft.signUpDeadline !== null) return { code: 'event_sign_up_off', field: 'signUpDeadline' };
  if (!draft.signUp && draft.capacity !== null) return { code: 'event_sign_up_off', field: 'capacity' };
  if (draft.signUpDeadline !== null && (draft.signUpDeadline > draft.date || draft.signUpDeadline < today))
    return { code: 'event_deadline_after_event', field: 'signUpDeadline' };
  return null;
}

/** Places in volunteer slots still open. */
export const openSlotPlaces = (slots: readonly { needed: number; taken: number }[]) =>
  slots.reduce((sum, s) => sum + Math.max(0, s.needed - s.taken), 0);
