import { shiftDate } from '../calendar/working-days.js';
import { EVENT_DAYS_MAX } from '../../shared/api/event.schema.js';

/**
 * The rules of events (issue 12 point 3) as pure functions: when households may answer, how many
 * come, whether an answer fits the capacity, what a new event must be, and what a change to one
 * may do. Days are ISO dates on Copenhagen's calendar; times "HH:MM".
 */

/** What the rules need to know of an event. */
export interface EventFacts {
  /** The (first) day. */
  date: string;
  signUp: boolean;
  /** The last day to answer (inclusive); null: the day of the event. */
  signUpDeadline: string | null;
  capacity: number | null;
  /** A cancelled event takes no answers and no volunteers. */
  cancelled?: boolean;
}

/** The last day of an event: its end date when it lasts several days, else its day. */
export const lastDay = (e: { date: string; endDate: string | null }) => e.endDate ?? e.date;

/** One household's answer. */
export interface Answer {
  householdKey: string;
  attending: boolean;
  adults: number;
  children: number;
}

/** Households may answer while sign-up is on, until the deadline and never after the event's day. */
export function signUpOpen(event: EventFacts, today: string): boolean {
  if (!event.signUp || event.cancelled) return false;
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

export type AnswerProblem = 'event_cancelled' | 'event_sign_up_closed' | 'event_answer_empty' | 'event_full';

/**
 * Why an answer cannot be taken, or null: the event cancelled, sign-up closed, "coming" with
 * nobody, or more people than there is room for. A "not coming" is always taken while sign-up is
 * open.
 */
export function answerProblem(
  event: EventFacts,
  answer: Answer,
  answers: readonly Answer[],
  today: string,
): AnswerProblem | null {
  if (event.cancelled) return 'event_cancelled';
  if (!signUpOpen(event, today)) return 'event_sign_up_closed';
  if (!answer.attending) return null;
  if (answer.adults + answer.children === 0) return 'event_answer_empty';
  const left = placesLeft(event.capacity, answers, answer.householdKey);
  if (left !== null && answer.adults + answer.children > left) return 'event_full';
  return null;
}

/** A new event as its organiser wrote it. */
export interface EventDraft extends EventFacts {
  /** The last day of an event of several days (after `date`); null: one day. */
  endDate: string | null;
  startsAt: string;
  endsAt: string;
}

export type EventProblem = {
  code:
    | 'event_in_past'
    | 'event_end_date_before_start'
    | 'event_too_long'
    | 'event_ends_before_start'
    | 'event_deadline_after_event'
    | 'event_sign_up_off';
  field: 'date' | 'endDate' | 'endsAt' | 'signUpDeadline' | 'capacity';
};

/**
 * Why a draft cannot stand, or null. `kept` names what an edit leaves as it was: a day already
 * begun (a camp on its second day) or a deadline already passed may stay, but nothing may be
 * moved into the past.
 */
function draftProblem(
  draft: EventDraft,
  today: string,
  kept: { date?: string; signUpDeadline?: string | null } = {},
): EventProblem | null {
  const dateKept = kept.date === draft.date;
  if (draft.date < today && !(dateKept && lastDay(draft) >= today)) return { code: 'event_in_past', field: 'date' };
  if (draft.endDate !== null) {
    if (draft.endDate <= draft.date) return { code: 'event_end_date_before_start', field: 'endDate' };
    if (draft.endDate > shiftDate(draft.date, EVENT_DAYS_MAX - 1)) return { code: 'event_too_long', field: 'endDate' };
  } else if (draft.endsAt <= draft.startsAt) return { code: 'event_ends_before_start', field: 'endsAt' };
  if (!draft.signUp && draft.signUpDeadline !== null) return { code: 'event_sign_up_off', field: 'signUpDeadline' };
  if (!draft.signUp && draft.capacity !== null) return { code: 'event_sign_up_off', field: 'capacity' };
  const deadlineKept = kept.signUpDeadline !== undefined && kept.signUpDeadline === draft.signUpDeadline;
  if (
    draft.signUpDeadline !== null &&
    (draft.signUpDeadline > draft.date || (draft.signUpDeadline < today && !deadlineKept))
  )
    return { code: 'event_deadline_after_event', field: 'signUpDeadline' };
  return null;
}

/**
 * Why a new event cannot be created, or null: a day gone, a last day not after the first or more
 * than `EVENT_DAYS_MAX` days on, a one-day event ending before it starts, a deadline after the day.
 */
export function eventProblem(draft: EventDraft, today: string): EventProblem | null {
  return draftProblem(draft, today);
}

/** Why a change to an event cannot be made; beside the draft's problems, the event's state and its head-count. */
export type ChangeProblem =
  | EventProblem
  | { code: 'event_cancelled' | 'event_over'; field?: undefined }
  | { code: 'event_capacity_below_head_count'; field: 'capacity'; people: number };

/**
 * Why an organiser's change cannot be made, or null: a cancelled event or one whose last day has
 * gone is not changed; the changed event must stand as a new one would (what it keeps may stay,
 * see `draftProblem`), and a capacity may not fall below the people already coming.
 */
export function changeProblem(
  before: EventDraft,
  after: EventDraft,
  comingPeople: number,
  today: string,
): ChangeProblem | null {
  if (before.cancelled) return { code: 'event_cancelled' };
  if (lastDay(before) < today) return { code: 'event_over' };
  const problem = draftProblem(after, today, { date: before.date, signUpDeadline: before.signUpDeadline });
  if (problem) return problem;
  if (after.capacity !== null && after.capacity < comingPeople)
    return { code: 'event_capacity_below_head_count', field: 'capacity', people: comingPeople };
  return null;
}

/** Why an event cannot be cancelled, or null: once cancelled it stays so, and one whose last day has gone was held. */
export function cancelProblem(event: EventDraft, today: string): 'event_cancelled' | 'event_over' | null {
  if (event.cancelled) return 'event_cancelled';
  if (lastDay(event) < today) return 'event_over';
  return null;
}

/** What the homes that are coming must hear of: the day, the days, the times or the place changed. */
export function whenOrWhereChanged(
  before: Pick<EventDraft, 'date' | 'endDate' | 'startsAt' | 'endsAt'> & { place: string },
  after: Pick<EventDraft, 'date' | 'endDate' | 'startsAt' | 'endsAt'> & { place: string },
): boolean {
  return (
    before.date !== after.date ||
    before.endDate !== after.endDate ||
    before.startsAt !== after.startsAt ||
    before.endsAt !== after.endsAt ||
    before.place !== after.place
  );
}

/** Places in volunteer slots still open. */
export const openSlotPlaces = (slots: readonly { needed: number; taken: number }[]) =>
  slots.reduce((sum, s) => sum + Math.max(0, s.needed - s.taken), 0);

/** A volunteer slot as it is. */
export interface Slot {
  id: string;
  title: string;
  needed: number;
  taken: number;
}

/** A slot as the organiser wants it: an existing one by its id, or a new one (id null). */
export interface WantedSlot {
  id: string | null;
  title: string;
  needed: number;
}

/** The changes that turn an event's slots into the wanted ones, each kept or new slot at its place in the list. */
export interface SlotPlan {
  remove: string[];
  update: Array<{ id: string; title: string; needed: number; position: number }>;
  insert: Array<{ title: string; needed: number; position: number }>;
}

export type SlotProblem =
  | { code: 'event_slot_unknown' }
  | { code: 'event_slot_taken'; slot: string }
  | { code: 'event_slot_needed_below_taken'; slot: string; taken: number };

/**
 * The plan for an organiser's slots, or why it cannot be: a slot left out is removed and a kept
 * one renamed only while no home has taken it (a home that said it bakes the cake must not find
 * itself driving to the museum); a taken slot may ask for more homes, never for fewer than have
 * taken it. An id that is not one of the event's slots, or named twice, is refused.
 */
export function planSlots(existing: readonly Slot[], wanted: readonly WantedSlot[]): SlotPlan | SlotProblem {
  const byId = new Map(existing.map((s) => [s.id, s]));
  const named = wanted.flatMap((w) => (w.id === null ? [] : [w.id]));
  if (named.some((id) => !byId.has(id)) || new Set(named).size !== named.length) return { code: 'event_slot_unknown' };
  for (const slot of existing)
    if (slot.taken > 0 && !named.includes(slot.id)) return { code: 'event_slot_taken', slot: slot.title };
  const plan: SlotPlan = {
    remove: existing.filter((s) => !named.includes(s.id)).map((s) => s.id),
    update: [],
    insert: [],
  };
  for (const [position, w] of wanted.entries()) {
    const slot = w.id === null ? undefined : byId.get(w.id);
    if (!slot) {
      plan.insert.push({ title: w.title, needed: w.needed, position });
      continue;
    }
    if (slot.taken > 0 && w.title !== slot.title) return { code: 'event_slot_taken', slot: slot.title };
    if (w.needed < slot.taken) return { code: 'event_slot_needed_below_taken', slot: slot.title, taken: slot.taken };
    plan.update.push({ id: slot.id, title: w.title, needed: w.needed, position });
  }
  return plan;
}

export const isSlotProblem = (result: SlotPlan | SlotProblem): result is SlotProblem => 'code' in result;
