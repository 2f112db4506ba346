import type { TPersonalChannel } from '../../shared/principle/principle.schema.js';
import type { KeptShare } from './replies.js';

/**
 * "Concerns met early" (specs/principle-figures.md): of the concerns registered, those where the
 * home was contacted by phone or at a meeting within the principle's working days.
 */
export interface ConcernFact {
  /** The child the concern is about, for counting people. */
  about: string;
  /** The contact deadline under the principle in force the day it was registered; null: none was promised. */
  dueOn: string | null;
  /** The principle's channels that day. */
  channels: readonly TPersonalChannel[];
  /** The contacts with the home that were recorded. */
  contacts: ReadonlyArray<{ on: string; channel: TPersonalChannel }>;
}

/**
 * Counts a concern in the period its deadline falls in, once the deadline has passed or the home
 * was contacted; kept when a contact by one of the principle's channels falls on or before the
 * deadline. A concern registered when the principle promised no early dialogue is not counted.
 */
export function concernsMetEarly(facts: readonly ConcernFact[], from: string, to: string, today: string): KeptShare {
  const counted = facts.filter(
    (f): f is ConcernFact & { dueOn: string } =>
      f.dueOn !== null && f.dueOn >= from && f.dueOn < to && (f.dueOn < today || f.contacts.length > 0),
  );
  const kept = counted.filter((f) => f.contacts.some((c) => c.on <= f.dueOn && f.channels.includes(c.channel))).length;
  return {
    counted: counted.length,
    kept,
    share: counted.length ? kept / counted.length : null,
    people: new Set(counted.map((f) => f.about)).size,
  };
}
