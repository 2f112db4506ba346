import { suppressSmall } from './suppression.js';

/**
 * "Events held" (issue 12 point 6): the events of the school year whose day has passed, per class
 * and for the whole school, with the well-being events counted apart and the households that took
 * part (said they were coming). A cancelled event was not held. Dates are ISO days on
 * Copenhagen's calendar.
 */
export interface EventFact {
  /** Null: an event of the whole school. */
  classId: string | null;
  date: string;
  wellBeing: boolean;
  /** Cancelled by its organiser: never counted, whatever homes had answered. */
  cancelled: boolean;
  /** The households that said they were coming. */
  households: readonly string[];
}

export interface EventsHeld {
  events: number;
  wellBeing: number;
  /** Different households that took part in at least one of the events. */
  households: number;
}

/** The events held in [from, to) before today, not cancelled, and the different households that took part. */
export function eventsHeld(facts: readonly EventFact[], from: string, to: string, today: string): EventsHeld {
  const held = facts.filter((f) => !f.cancelled && f.date >= from && f.date < to && f.date < today);
  return {
    events: held.length,
    wellBeing: held.filter((f) => f.wellBeing).length,
    households: new Set(held.flatMap((f) => f.households)).size,
  };
}

/** The board's cell: the counts of events, and the households only from five up ("for få" below). */
export function eventsHeldForBoard(cell: EventsHeld): Omit<EventsHeld, 'households'> & { households: number | null } {
  return { ...cell, households: suppressSmall(cell.households, cell.households) };
}
