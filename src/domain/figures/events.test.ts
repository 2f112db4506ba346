import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventsHeld, eventsHeldForBoard, type EventFact } from './events.js';

const fact = (f: Partial<EventFact> & { date: string }): EventFact => ({
  classId: 'c1',
  wellBeing: false,
  cancelled: false,
  households: [],
  ...f,
});

describe('events held', () => {
  it('counts the events whose day has passed, well-being events apart, and the different households', () => {
    const facts = [
      fact({ date: '2026-09-10', wellBeing: true, households: ['a', 'b'] }),
      fact({ date: '2026-10-01', households: ['b', 'c'] }),
      // Today's event and next month's have not been held yet.
      fact({ date: '2026-12-03', households: ['d'] }),
      fact({ date: '2027-01-15', wellBeing: true }),
      // Last school year's.
      fact({ date: '2026-06-20', households: ['e'] }),
      // Cancelled after homes had signed up: not held, its homes took part in nothing.
      fact({ date: '2026-11-12', wellBeing: true, cancelled: true, households: ['f'] }),
    ];
    expect(eventsHeld(facts, '2026-08-01', '2027-08-01', '2026-12-03')).toEqual({
      events: 2,
      wellBeing: 1,
      households: 3,
    });
  });

  it('shows the board "for få" for fewer than five households, and an empty year as nought', () => {
    expect(eventsHeldForBoard({ events: 2, wellBeing: 1, households: 3 })).toEqual({
      events: 2,
      wellBeing: 1,
      households: null,
    });
    expect(eventsHeldForBoard({ events: 0, wellBeing: 0, households: 0 }).households).toBe(0);
    expect(eventsHeldForBoard({ events: 4, wellBeing: 0, households: 5 }).households).toBe(5);
  });

  it('adds up over the months of a year, and counts no household twice (property)', () => {
    const arbFact = fc.record({
      classId: fc.constantFrom('c1', 'c2', null),
      date: fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2026, 7, 1 + d)).toISOString().slice(0, 10)),
      wellBeing: fc.boolean(),
      cancelled: fc.boolean(),
      households: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 40 }), (facts) => {
        const year = eventsHeld(facts, '2026-08-01', '2027-08-01', '2027-08-01');
        const months = Array.from({ length: 12 }, (_, i) => {
          const start = new Date(Date.UTC(2026, 7 + i, 1)).toISOString().slice(0, 10);
          const end = new Date(Date.UTC(2026, 8 + i, 1)).toISOString().slice(0, 10);
          return eventsHeld(facts, start, end, '2027-08-01');
        });
        expect(months.reduce((sum, m) => sum + m.events, 0)).toBe(year.events);
        expect(months.reduce((sum, m) => sum + m.wellBeing, 0)).toBe(year.wellBeing);
        expect(year.wellBeing).toBeLessThanOrEqual(year.events);
        expect(year.households).toBeLessThanOrEqual(Math.max(...months.map((m) => m.households), 0) * 12);
        expect(year.households).toBeLessThanOrEqual(6);
        // Cancelled events add nothing: the count is that of the events not cancelled.
        expect(year).toEqual(
          eventsHeld(
            facts.filter((f) => !f.cancelled),
            '2026-08-01',
            '2027-08-01',
            '2027-08-01',
          ),
        );
      }),
    );
  });
});
