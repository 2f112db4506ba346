import { className } from '../../shared/api/directory.schema.js';
import type { TEvent, TEventSummary } from '../../shared/api/event.schema.js';
import type { HeadCount } from '../../domain/events/events.js';
import type { AnswerRow, EventRow, SlotRow } from './event.repository.js';

/**
 * An event as its reader may see it: everyone the event, the head-count and the slots' counts; a
 * home its own answer and slots; organisers every household's answer and who took which slot.
 */
export function presentEvent(
  e: EventRow,
  view: {
    slots: readonly SlotRow[];
    takers: ReadonlyArray<{ slot_id: string; household_key: string; name: string }>;
    answers: readonly AnswerRow[];
    /** The reader's household, when they answer for one. */
    household: string | null;
    organiser: boolean;
    /** The organiser may still change or cancel it. */
    mayChange: boolean;
    signUpOpen: boolean;
    placesLeft: number | null;
    headCount: HeadCount;
  },
): TEvent {
  const own = view.household ? view.answers.find((a) => a.household_key === view.household) : undefined;
  return {
    id: e.id,
    class:
      e.class_id !== null && e.grade !== null && e.letter !== null
        ? { id: e.class_id, name: className(e.grade, e.letter), grade: e.grade }
        : null,
    title: e.title,
    description: e.description,
    date: e.date,
    endDate: e.end_date,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    place: e.place,
    wellBeing: e.well_being,
    signUp: e.sign_up,
    signUpDeadline: e.sign_up_deadline,
    capacity: e.capacity,
    cancelled: e.cancelled_at ? { at: e.cancelled_at.toISOString(), reason: e.cancel_reason } : null,
    signUpOpen: view.signUpOpen,
    placesLeft: view.placesLeft,
    organiser: { name: e.organiser_name },
    headCount: view.headCount,
    slots: view.slots.map((s) => {
      const takers = view.takers.filter((t) => t.slot_id === s.id);
      return {
        id: s.id,
        title: s.title,
        needed: s.needed,
        taken: s.taken,
        mine: view.household !== null && takers.some((t) => t.household_key === view.household),
        takers: view.organiser ? takers.map((t) => ({ name: t.name })) : null,
      };
    }),
    myAnswer: own ? { attending: own.attending, adults: own.adults, children: own.children } : null,
    mayAnswer: view.household !== null,
    mayOrganise: view.organiser,
    mayChange: view.mayChange,
    signUps: view.organiser
      ? view.answers.map((a) => ({ name: a.name, attending: a.attending, adults: a.adults, children: a.children }))
      : null,
  };
}

/** The list's entry of an event, with the places in its volunteer slots still open. */
export function presentEventSummary(e: TEvent, openSlotPlaces: number): TEventSummary {
  return {
    id: e.id,
    class: e.class,
    title: e.title,
    date: e.date,
    endDate: e.endDate,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    place: e.place,
    wellBeing: e.wellBeing,
    signUp: e.signUp,
    signUpDeadline: e.signUpDeadline,
    signUpOpen: e.signUpOpen,
    cancelled: e.cancelled,
    headCount: e.headCount,
    myAnswer: e.myAnswer,
    mayAnswer: e.mayAnswer,
    mayOrganise: e.mayOrganise,
    openSlotPlaces,
  };
}
