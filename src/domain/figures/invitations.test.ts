import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftDate } from '../calendar/working-days.js';
import { invitationsInGoodTime } from './invitations.js';

describe('invitations in good time', () => {
  it('keeps an invitation sent at least the lead time before its meeting, and counts it once its deadline has come', () => {
    const facts = [
      { sentOn: '2026-11-20', meetingDay: '2026-12-15', about: 'a', leadDays: 21 }, // deadline 24 Nov: in time
      { sentOn: '2026-12-01', meetingDay: '2026-12-15', about: 'b', leadDays: 21 }, // late
      { sentOn: '2026-12-01', meetingDay: '2027-01-20', about: 'c', leadDays: 21 }, // deadline 30 Dec: not yet come
      // Sent before the board promised any lead time: nothing to keep or break.
      { sentOn: '2026-09-01', meetingDay: '2026-09-10', about: 'd', leadDays: null },
    ];
    expect(invitationsInGoodTime(facts, '2026-08-01', '2027-08-01', '2026-12-03')).toEqual({
      counted: 2,
      kept: 1,
      share: 0.5,
      people: 2,
    });
  });

  it('measures each invitation against the lead time in force when it went out', () => {
    // Sent 10 days before: late under a 14-day promise, in time under the 7 days adopted later.
    const facts = [
      { sentOn: '2026-09-01', meetingDay: '2026-09-11', about: 'a', leadDays: 14 },
      { sentOn: '2026-11-01', meetingDay: '2026-11-11', about: 'b', leadDays: 7 },
    ];
    expect(invitationsInGoodTime(facts, '2026-08-01', '2027-08-01', '2026-12-03')).toMatchObject({
      counted: 2,
      kept: 1,
    });
  });

  it('never counts more kept than counted, and counts each invitation in exactly one period', () => {
    const day = fc.integer({ min: 0, max: 300 }).map((n) => shiftDate('2026-08-01', n));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sentOn: day,
            meetingDay: day,
            about: fc.constantFrom('a', 'b', 'c'),
            leadDays: fc.option(fc.integer({ min: 0, max: 40 })),
          }),
          { maxLength: 30 },
        ),
        (facts) => {
          const year = invitationsInGoodTime(facts, '2026-01-01', '2028-01-01', '2030-01-01');
          expect(year.kept).toBeLessThanOrEqual(year.counted);
          const halves = [
            invitationsInGoodTime(facts, '2026-01-01', '2027-01-01', '2030-01-01'),
            invitationsInGoodTime(facts, '2027-01-01', '2028-01-01', '2030-01-01'),
          ];
          expect(halves[0]!.counted + halves[1]!.counted).toBe(year.counted);
          expect(halves[0]!.kept + halves[1]!.kept).toBe(year.kept);
        },
      ),
    );
  });
});
