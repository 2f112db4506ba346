import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSlots, minutesOf, overlaps, slotKey, slotsOfRound, timeOf, withoutBusy } from './slots.js';

describe('a round’s times for a class', () => {
  it('cuts each afternoon into whole meetings from its start, days in order', () => {
    expect(
      slotsOfRound(
        [
          { date: '2027-01-20', from: '14:00', to: '15:00' },
          { date: '2027-01-19', from: '14:00', to: '14:50' },
        ],
        20,
      ),
    ).toEqual([
      { date: '2027-01-19', from: '14:00', to: '14:20' },
      { date: '2027-01-19', from: '14:20', to: '14:40' },
      { date: '2027-01-20', from: '14:00', to: '14:20' },
      { date: '2027-01-20', from: '14:20', to: '14:40' },
      { date: '2027-01-20', from: '14:40', to: '15:00' },
    ]);
  });

  it('never gives a time outside the afternoon or overlapping another, and fills it but for a remainder', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8 * 60, max: 16 * 60 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 5, max: 90 }),
        (start, span, length) => {
          const from = `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`;
          const end = Math.min(start + span, 23 * 60 + 59);
          const to = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
          const slots = slotsOfRound([{ date: '2027-01-19', from, to }], length);
          expect(slots.length).toBe(Math.floor((end - start) / length));
          slots.forEach((slot, i) => {
            expect(minutesOf(slot.to) - minutesOf(slot.from)).toBe(length);
            expect(minutesOf(slot.from)).toBeGreaterThanOrEqual(start);
            expect(minutesOf(slot.to)).toBeLessThanOrEqual(end);
            if (i > 0) expect(minutesOf(slot.from)).toBe(minutesOf(slots[i - 1]!.to));
          });
        },
      ),
    );
  });

  it('leaves out the taken ones', () => {
    const slots = slotsOfRound([{ date: '2027-01-19', from: '14:00', to: '15:00' }], 15);
    expect(freeSlots(slots, new Set([slotKey(slots[1]!)])).map((s) => s.from)).toEqual(['14:00', '14:30', '14:45']);
  });

  it('leaves out the times the class’s staff hold another class’s meeting, 20-minute meetings over a 15-minute grid', () => {
    const slots = slotsOfRound([{ date: '2027-01-19', from: '14:00', to: '15:00' }], 15);
    // The shared pedagogue is in 7.A's meeting 14:20–14:40: 14:15 and 14:30 overlap it.
    const busy = [{ date: '2027-01-19', from: '14:20', to: '14:40' }];
    expect(freeSlots(slots, new Set(), busy).map((s) => s.from)).toEqual(['14:00', '14:45']);
    // Another day's meeting takes nothing.
    expect(freeSlots(slots, new Set(), [{ ...busy[0]!, date: '2027-01-20' }])).toHaveLength(4);
  });

  it('never offers a time that overlaps a busy meeting or a taken time', () => {
    const clock = fc.integer({ min: 14 * 12, max: 18 * 12 }).map((five) => five * 5);
    const busyMeeting = fc
      .tuple(fc.constantFrom('2027-01-19', '2027-01-20'), clock, fc.constantFrom(15, 20, 30))
      .map(([date, start, length]) => ({
        date,
        from: `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`,
        to: `${String(Math.floor((start + length) / 60)).padStart(2, '0')}:${String((start + length) % 60).padStart(2, '0')}`,
      }));
    fc.assert(
      fc.property(fc.array(busyMeeting, { maxLength: 6 }), fc.constantFrom(15, 20), (busy, length) => {
        const slots = slotsOfRound(
          [
            { date: '2027-01-19', from: '14:00', to: '17:30' },
            { date: '2027-01-20', from: '14:00', to: '17:30' },
          ],
          length,
        );
        const free = freeSlots(slots, new Set(), busy);
        expect(free.every((slot) => busy.every((b) => !overlaps(slot, b)))).toBe(true);
        // Nothing free is lost without a reason.
        expect(slots.filter((slot) => !free.includes(slot)).every((slot) => busy.some((b) => overlaps(slot, b)))).toBe(
          true,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('a person’s windows without their meetings elsewhere', () => {
  it('splits an afternoon around a meeting in another round, and drops what it covers', () => {
    expect(
      withoutBusy(
        [
          { date: '2027-01-19', from: '14:00', to: '17:00' },
          { date: '2027-01-20', from: '14:00', to: '15:00' },
        ],
        [
          { date: '2027-01-19', from: '15:00', to: '15:20' },
          { date: '2027-01-19', from: '16:50', to: '17:30' },
          { date: '2027-01-20', from: '13:00', to: '16:00' },
        ],
      ),
    ).toEqual([
      { date: '2027-01-19', from: '14:00', to: '15:00' },
      { date: '2027-01-19', from: '15:20', to: '16:50' },
    ]);
  });

  it('keeps exactly the minutes of the window that no busy time covers', () => {
    const time = fc.integer({ min: 12 * 60, max: 18 * 60 });
    const span = fc.tuple(time, fc.integer({ min: 1, max: 120 })).map(([from, length]) => ({
      date: '2027-01-19',
      from: timeOf(from),
      to: timeOf(Math.min(from + length, 19 * 60)),
    }));
    fc.assert(
      fc.property(span, fc.array(span, { maxLength: 6 }), (window, busy) => {
        const pieces = withoutBusy([window], busy);
        for (let minute = minutesOf(window.from); minute < minutesOf(window.to); minute++) {
          const isBusy = busy.some((b) => minutesOf(b.from) <= minute && minute < minutesOf(b.to));
          const kept = pieces.some((p) => minutesOf(p.from) <= minute && minute < minutesOf(p.to));
          expect(kept).toBe(!isBusy);
        }
        for (const piece of pieces) expect(minutesOf(piece.from)).toBeLessThan(minutesOf(piece.to));
      }),
    );
  });
});
