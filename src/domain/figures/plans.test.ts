import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftDate } from '../calendar/working-days.js';
import { plansInGoodTime } from './plans.js';
import { schoolYear } from './school-year.js';

describe('plans in good time', () => {
  it('keeps a conference whose plan went home at least the lead time before it', () => {
    const facts = [
      { meetingDay: '2026-11-20', publishedOn: '2026-11-10', about: 'a', leadDays: 7 }, // deadline 13 Nov: in time
      { meetingDay: '2026-11-20', publishedOn: '2026-11-18', about: 'b', leadDays: 7 }, // late
      { meetingDay: '2026-11-20', publishedOn: null, about: 'c', leadDays: 7 }, // never published
      { meetingDay: '2026-12-20', publishedOn: '2026-12-01', about: 'd', leadDays: 7 }, // deadline 13 Dec: not yet come
      { meetingDay: '2026-09-10', publishedOn: null, about: 'e', leadDays: null }, // no plan promised
    ];
    expect(plansInGoodTime(facts, '2026-08-01', '2027-08-01', '2026-12-03')).toEqual({
      counted: 3,
      kept: 1,
      share: 1 / 3,
      people: 3,
    });
  });

  it('measures each conference against the lead time in force then', () => {
    const facts = [
      { meetingDay: '2026-09-20', publishedOn: '2026-09-10', about: 'a', leadDays: 14 },
      { meetingDay: '2026-11-20', publishedOn: '2026-11-10', about: 'b', leadDays: 7 },
    ];
    expect(plansInGoodTime(facts, '2026-08-01', '2027-08-01', '2026-12-03')).toMatchObject({ counted: 2, kept: 1 });
  });

  it('never counts more kept than counted, and counts each conference in exactly one month', () => {
    const day = fc.integer({ min: 0, max: 300 }).map((n) => shiftDate('2026-08-01', n));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            meetingDay: day,
            publishedOn: fc.option(day),
            about: fc.constantFrom('a', 'b', 'c'),
            leadDays: fc.option(fc.integer({ min: 1, max: 60 })),
          }),
        ),
        (facts) => {
          const year = plansInGoodTime(facts, '2026-08-01', '2027-08-01', '2027-12-31');
          expect(year.kept).toBeLessThanOrEqual(year.counted);
          const months = schoolYear(2026).months;
          const sum = months
            .map((month, i) => {
              const next = i + 1 < months.length ? `${months[i + 1]}-01` : '2027-08-01';
              return plansInGoodTime(facts, `${month}-01`, next, '2027-12-31').counted;
            })
            .reduce((x, y) => x + y, 0);
          expect(sum).toBe(year.counted);
        },
      ),
    );
  });
});
