import { minutesOf, type Slot } from './slots.js';

/** A sibling's booked meeting in the same round: the child's first name and the time. */
export interface SiblingMeeting extends Slot {
  child: string;
}

/** A free time as offered to a household, marked when it lies right before or after a sibling's meeting. */
export interface OfferedSlot extends Slot {
  nextTo: { child: string; side: 'before' | 'after' } | null;
}

/**
 * The free times of a child's class ordered for a household with children in several classes of
 * the round: first those back to back with a sibling's booked meeting (same day, just before or
 * just after it), each marked with the sibling and the side, then every other free time in its
 * order, so the guardian can still choose another. "Back to back" leaves at least `changeover`
 * minutes between the two meetings (the time it takes to walk from one room to the other; none
 * by default) and less than one more meeting of this class: no other time of the class lies
 * closer. A free time that overlaps a sibling's meeting is never back to back.
 */
export function backToBackFirst(
  free: readonly Slot[],
  siblings: readonly SiblingMeeting[],
  changeover = 0,
): OfferedSlot[] {
  const marked = free.map((slot): OfferedSlot => ({ ...slot, nextTo: nextToSibling(slot, siblings, changeover) }));
  return [...marked.filter((slot) => slot.nextTo !== null), ...marked.filter((slot) => slot.nextTo === null)];
}

function nextToSibling(slot: Slot, siblings: readonly SiblingMeeting[], changeover: number): OfferedSlot['nextTo'] {
  const start = minutesOf(slot.from);
  const end = minutesOf(slot.to);
  const length = end - start;
  for (const sibling of siblings) {
    if (sibling.date !== slot.date) continue;
    const waitAfter = start - minutesOf(sibling.to);
    if (waitAfter >= changeover && waitAfter < changeover + length) return { child: sibling.child, side: 'after' };
    const waitBefore = minutesOf(sibling.from) - end;
    if (waitBefore >= changeover && waitBefore < changeover + length) return { child: sibling.child, side: 'before' };
  }
  return null;
}
