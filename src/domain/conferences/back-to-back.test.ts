import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backToBackFirst } from './back-to-back.js';
import { minutesOf, slotKey, slotsOfRound } from './slots.js';

const day = '2027-01-19';
const afternoon = [{ date: day, from: '14:00', to: '17:30' }];

describe('times back to back with a sibling’s meeting', () => {
  it('offers 7.A’s time right after Emma’s 3.A meeting first, then every other free time', () => {
    const free = slotsOfRound(afternoon, 20);
    const offered = backToBackFirst(free, [{ child: 'Emma', date: day, from: '14:00', to: '14:15' }]);
    expect(offered[0]).toEqual({ date: day, from: '14:20', to: '14:40', nextTo: { child: 'Emma', side: 'after' } });
    expect(offered.filter((slot) => slot.nextTo)).toHaveLength(1);
    expect(offered.map(slotKey).sort()).toEqual(free.map(slotKey).sort());
  });

  it('offers the times just before and just after, exactly adjacent when the grids meet', () => {
    const free = slotsOfRound(afternoon, 20);
    const offered = backToBackFirst(free, [{ child: 'Emma', date: day, from: '15:00', to: '15:15' }]);
    expect(offered.slice(0, 2)).toEqual([
      { date: day, from: '14:40', to: '15:00', nextTo: { child: 'Emma', side: 'before' } },
      { date: day, from: '15:20', to: '15:40', nextTo: { child: 'Emma', side: 'after' } },
    ]);
  });

  it('leaves the changeover between the meetings', () => {
    const free = slotsOfRound(afternoon, 15);
    const offered = backToBackFirst(free, [{ child: 'Emma', date: day, from: '15:00', to: '15:20' }], 10);
    expect(offered.filter((slot) => slot.nextTo).map((slot) => slot.from)).toEqual(['14:30', '15:30']);
  });

  it('marks nothing on another day, or when the sibling has booked nothing', () => {
    const free = slotsOfRound(afternoon, 20);
    expect(
      backToBackFirst(free, [{ child: 'Emma', date: '2027-01-20', from: '14:00', to: '14:15' }]).some((s) => s.nextTo),
    ).toBe(false);
    expect(backToBackFirst(free, []).map(slotKey)).toEqual(free.map(slotKey));
  });

  it('keeps every free time, puts the marked ones first, and marks only times on the sibling’s day that do not overlap and leave no room for another meeting between', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 45 }),
        fc.integer({ min: 5, max: 45 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 15 }),
        fc.array(fc.boolean(), { maxLength: 60 }),
        (length, siblingLength, siblingOffset, changeover, takenMask) => {
          const all = slotsOfRound(afternoon, length);
          const free = all.filter((_, i) => !takenMask[i]);
          const start = 14 * 60 + siblingOffset;
          const sibling = {
            child: 'Emma',
            date: day,
            from: `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`,
            to: `${String(Math.floor((start + siblingLength) / 60)).padStart(2, '0')}:${String((start + siblingLength) % 60).padStart(2, '0')}`,
          };
          const offered = backToBackFirst(free, [sibling], changeover);
          expect(offered.map(slotKey).sort()).toEqual(free.map(slotKey).sort());
          const firstUnmarked = offered.findIndex((slot) => !slot.nextTo);
          if (firstUnmarked >= 0) expect(offered.slice(firstUnmarked).every((slot) => !slot.nextTo)).toBe(true);
          for (const slot of offered.filter((s) => s.nextTo)) {
            const wait =
              slot.nextTo!.side === 'after'
                ? minutesOf(slot.from) - minutesOf(sibling.to)
                : minutesOf(sibling.from) - minutesOf(slot.to);
            expect(wait).toBeGreaterThanOrEqual(changeover);
            expect(wait).toBeLessThan(changeover + length);
          }
          // At most one time on each side: the class's times are a grid of its meeting length.
          expect(offered.filter((s) => s.nextTo?.side === 'after').length).toBeLessThanOrEqual(1);
          expect(offered.filter((s) => s.nextTo?.side === 'before').length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
