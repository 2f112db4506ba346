import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftDate } from '../calendar/working-days.js';
import { countedPeriods, nextLetter, periodOf } from './cadence.js';
import type { TUpdateCadence } from '../../shared/principle/principle.schema.js';

const weekdays = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d !== 0 && d !== 6;
};
const cadences: TUpdateCadence[] = ['weekly', 'fortnightly', 'monthly'];
const anyDate = fc.integer({ min: 0, max: 3650 }).map((n) => shiftDate('2024-01-01', n));

describe('cadence periods', () => {
  it('a week runs Monday to Sunday, a month is the calendar month', () => {
    expect(periodOf('2026-12-10', 'weekly')).toEqual({ from: '2026-12-07', to: '2026-12-14' });
    expect(periodOf('2026-12-10', 'monthly')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
  });

  it('fortnights are counted from the week the school year starts in', () => {
    // 1 August 2026 is a Saturday: the first fortnight starts Monday 27 July.
    expect(periodOf('2026-08-05', 'fortnightly')).toEqual({ from: '2026-07-27', to: '2026-08-10' });
    expect(periodOf('2026-08-10', 'fortnightly')).toEqual({ from: '2026-08-10', to: '2026-08-24' });
  });

  it("the school year's last fortnight ends where the next year's first begins", () => {
    // Fortnights of 2027/28 run from Monday 26 July 2027; 2028/29's first starts Monday 31 July 2028.
    expect(periodOf('2028-07-24', 'fortnightly')).toEqual({ from: '2028-07-24', to: '2028-07-31' });
    expect(periodOf('2028-07-30', 'fortnightly')).toEqual({ from: '2028-07-24', to: '2028-07-31' });
    expect(periodOf('2028-07-31', 'fortnightly')).toEqual({ from: '2028-07-31', to: '2028-08-14' });
  });

  it('every day lies in its period, and the day after the period lies in the next', () => {
    fc.assert(
      fc.property(anyDate, fc.constantFrom(...cadences), (date, cadence) => {
        const p = periodOf(date, cadence);
        expect(p.from <= date && date < p.to).toBe(true);
        expect(periodOf(shiftDate(p.to, -1), cadence)).toEqual(p);
        // The next period starts where this one ends, also across the school year's fortnight anchor.
        expect(periodOf(p.to, cadence).from).toBe(p.to);
      }),
    );
  });
});

describe('periods counted for the figure', () => {
  const base = { from: '2026-08-01', to: '2027-08-01', isSchoolDay: weekdays, cadenceOn: () => 'weekly' as const };

  it('counts ended periods only and keeps those with a letter', () => {
    const periods = countedPeriods({ ...base, today: '2026-08-19', publishedOn: ['2026-08-07', '2026-08-18'] });
    // 1 August is a Saturday: the week of 27 July holds no school day of the year; then 3 and 10 August.
    expect(periods.map((p) => [p.from, p.kept])).toEqual([
      ['2026-08-03', true],
      ['2026-08-10', false],
    ]);
    expect(periods[0]!.dueOn).toBe('2026-08-07');
  });

  it('skips periods without a school day, and days the principle asks nothing', () => {
    const closed = new Set(['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16']);
    const periods = countedPeriods({
      ...base,
      today: '2026-10-26',
      publishedOn: [],
      isSchoolDay: (d) => weekdays(d) && !closed.has(d),
    });
    expect(periods.some((p) => p.from === '2026-10-12')).toBe(false);
    expect(countedPeriods({ ...base, today: '2026-10-26', publishedOn: [], cadenceOn: () => null })).toEqual([]);
  });

  it('kept never exceeds counted and every letter keeps at most its own period', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cadences),
        fc.array(fc.integer({ min: 0, max: 364 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 364 }),
        (cadence, offsets, todayOffset) => {
          const publishedOn = offsets.map((n) => shiftDate('2026-08-01', n));
          const today = shiftDate('2026-08-01', todayOffset);
          const periods = countedPeriods({ ...base, cadenceOn: () => cadence, publishedOn, today });
          for (const p of periods) {
            expect(p.to <= today).toBe(true);
            expect(p.kept).toBe(publishedOn.some((d) => d >= p.from && d < p.to));
          }
          const kept = periods.filter((p) => p.kept).length;
          expect(kept).toBeLessThanOrEqual(new Set(publishedOn.map((d) => periodOf(d, cadence).from)).size);
        },
      ),
    );
  });
});

describe('the next letter', () => {
  it('is due by the last school day of the running week, or of the next once this week has one', () => {
    // Thursday 10 December 2026.
    expect(
      nextLetter({ today: '2026-12-10', cadence: 'weekly', letterOn: ['2026-12-04'], isSchoolDay: weekdays }),
    ).toEqual({
      cadence: 'weekly',
      dueOn: '2026-12-11',
      thisPeriodDone: false,
      missedInARow: 0,
    });
    expect(
      nextLetter({ today: '2026-12-10', cadence: 'weekly', letterOn: ['2026-12-09'], isSchoolDay: weekdays }).dueOn,
    ).toBe('2026-12-18');
  });

  it('counts the weeks missed in a row', () => {
    const next = nextLetter({
      today: '2026-12-10',
      cadence: 'weekly',
      letterOn: ['2026-11-18'],
      isSchoolDay: weekdays,
    });
    expect(next.missedInARow).toBe(2);
  });
});
