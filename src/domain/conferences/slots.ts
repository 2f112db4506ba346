/**
 * A round's times for one class: each afternoon cut into meetings of the class's length, from its
 * start, as long as a whole meeting fits. Times are Copenhagen wall-clock "HH:MM".
 */
export interface Slot {
  date: string;
  from: string;
  to: string;
}

export const minutesOf = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};
export const timeOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function slotsOfRound(days: ReadonlyArray<{ date: string; from: string; to: string }>, length: number): Slot[] {
  if (length <= 0) return [];
  return [...days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .flatMap((day) => {
      const slots: Slot[] = [];
      for (let start = minutesOf(day.from); start + length <= minutesOf(day.to); start += length)
        slots.push({ date: day.date, from: timeOf(start), to: timeOf(start + length) });
      return slots;
    });
}

export const slotKey = (slot: { date: string; from: string }) => `${slot.date} ${slot.from}`;

/** Two times on the same day overlap when each starts before the other ends. */
export const overlaps = (a: Slot, b: Slot): boolean =>
  a.date === b.date && minutesOf(a.from) < minutesOf(b.to) && minutesOf(b.from) < minutesOf(a.to);

/**
 * The free times, in order: not booked (`taken` holds the keys, `slotKey`, of the class's booked
 * ones), and not overlapping a meeting that one of the class's meeting staff holds for another
 * class (`busy`: a contact teacher of two classes, a pedagogue shared by a grade).
 */
export function freeSlots(slots: readonly Slot[], taken: ReadonlySet<string>, busy: readonly Slot[] = []): Slot[] {
  return slots.filter((slot) => !taken.has(slotKey(slot)) && !busy.some((other) => overlaps(slot, other)));
}

/**
 * A person's free windows once their meetings elsewhere are taken out: each window split around
 * the busy times that overlap it, pieces of no length dropped. A member of staff who holds a
 * meeting in another round that afternoon is planned around it.
 */
export function withoutBusy(windows: readonly Slot[], busy: readonly Slot[]): Slot[] {
  return windows.flatMap((window) => {
    const cuts = busy
      .filter((other) => overlaps(window, other))
      .map((other) => [minutesOf(other.from), minutesOf(other.to)] as const)
      .sort((a, b) => a[0] - b[0]);
    const pieces: Slot[] = [];
    let start = minutesOf(window.from);
    for (const [from, to] of cuts) {
      if (from > start) pieces.push({ date: window.date, from: timeOf(start), to: timeOf(from) });
      start = Math.max(start, to);
    }
    if (start < minutesOf(window.to)) pieces.push({ date: window.date, from: timeOf(start), to: window.to });
    return pieces;
  });
}
