import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSlots, minutesOf, slotKey, slotsOfRound } from './slots.js';

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
});
