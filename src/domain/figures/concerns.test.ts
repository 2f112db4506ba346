import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftDate } from '../calendar/working-days.js';
import { concernsMetEarly, type ConcernFact } from './concerns.js';

const BOTH = ['phone', 'meeting'] as const;

describe('concerns met early', () => {
  it('keeps a concern whose home was called or met by its deadline, and counts it once the deadline passed or it was contacted', () => {
    const facts: ConcernFact[] = [
      { about: 'a', dueOn: '2026-11-10', channels: BOTH, contacts: [{ on: '2026-11-09', channel: 'phone' }] }, // kept
      { about: 'b', dueOn: '2026-11-10', channels: BOTH, contacts: [{ on: '2026-11-12', channel: 'meeting' }] }, // late
      { about: 'c', dueOn: '2026-11-20', channels: BOTH, contacts: [] }, // overdue
      { about: 'd', dueOn: '2026-12-04', channels: BOTH, contacts: [] }, // not yet due: not counted
      { about: 'e', dueOn: '2026-12-04', channels: BOTH, contacts: [{ on: '2026-12-02', channel: 'phone' }] }, // early: kept
      { about: 'f', dueOn: null, channels: BOTH, contacts: [] }, // no promise: not counted
    ];
    expect(concernsMetEarly(facts, '2026-08-01', '2027-08-01', '2026-12-03')).toEqual({
      counted: 4,
      kept: 2,
      share: 0.5,
      people: 4,
    });
  });

  it('keeps the promise on the due day itself, and only by a channel the principle names', () => {
    const onTheDay: ConcernFact = {
      about: 'a',
      dueOn: '2026-11-10',
      channels: ['meeting'],
      contacts: [{ on: '2026-11-10', channel: 'meeting' }],
    };
    const byPhone: ConcernFact = { ...onTheDay, about: 'b', contacts: [{ on: '2026-11-10', channel: 'phone' }] };
    expect(concernsMetEarly([onTheDay, byPhone], '2026-08-01', '2027-08-01', '2026-12-03')).toMatchObject({
      counted: 2,
      kept: 1,
    });
  });

  it('never counts more kept than counted, counts each concern in one period, and never counts one not yet due and not contacted', () => {
    const day = fc.integer({ min: 0, max: 300 }).map((n) => shiftDate('2026-08-01', n));
    const channel = fc.constantFrom('phone' as const, 'meeting' as const);
    const fact = fc.record({
      about: fc.constantFrom('a', 'b', 'c'),
      dueOn: fc.option(day),
      channels: fc.constantFrom(['phone'] as const, ['meeting'] as const, BOTH),
      contacts: fc.array(fc.record({ on: day, channel }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }), day, (facts, today) => {
        const year = concernsMetEarly(facts, '2026-01-01', '2028-01-01', today);
        expect(year.kept).toBeLessThanOrEqual(year.counted);
        expect(year.people).toBeLessThanOrEqual(year.counted);
        const halves = [
          concernsMetEarly(facts, '2026-01-01', '2027-01-01', today),
          concernsMetEarly(facts, '2027-01-01', '2028-01-01', today),
        ];
        expect(halves[0]!.counted + halves[1]!.counted).toBe(year.counted);
        expect(halves[0]!.kept + halves[1]!.kept).toBe(year.kept);
        const pending = facts.filter((f) => f.dueOn !== null && f.dueOn >= today && f.contacts.length === 0);
        const withoutPending = concernsMetEarly(
          facts.filter((f) => !pending.includes(f)),
          '2026-01-01',
          '2028-01-01',
          today,
        );
        expect(withoutPending).toEqual(year);
      }),
    );
  });
});
