import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftDate } from '../calendar/working-days.js';
import { classLetterPeriods, lettersOnCadence } from './class-letters.js';
import type { TUpdateCadence } from '../../shared/principle/principle.schema.js';

const weekdays = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d !== 0 && d !== 6;
};
const YEAR = { from: '2026-08-01', to: '2027-08-01' };
const BANDS = (grade: number): TUpdateCadence => (grade <= 3 ? 'weekly' : grade <= 6 ? 'fortnightly' : 'monthly');

describe('class letters on cadence', () => {
  it('counts each class by its grade: a weekly class every week, a monthly one every month', () => {
    const facts = classLetterPeriods(
      [
        { id: '1a', grade: 1, publishedOn: ['2026-08-14', '2026-08-21'] },
        { id: '8a', grade: 8, publishedOn: ['2026-08-20'] },
      ],
      { ...YEAR, today: '2026-09-01', cadenceOn: BANDS, isSchoolDay: weekdays },
    );
    // 1.A: weeks of 3, 10, 17 and 24 August have ended (the week of 27 July holds no school day of the year).
    expect(facts.filter((f) => f.classId === '1a').map((f) => [f.dueOn, f.kept])).toEqual([
      ['2026-08-07', false],
      ['2026-08-14', true],
      ['2026-08-21', true],
      ['2026-08-28', false],
    ]);
    expect(facts.filter((f) => f.classId === '8a')).toEqual([{ classId: '8a', dueOn: '2026-08-31', kept: true }]);
    expect(lettersOnCadence(facts, YEAR.from, YEAR.to)).toEqual({ counted: 5, kept: 3, share: 3 / 5, people: 2 });
    expect(lettersOnCadence(facts, '2026-08-01', '2026-08-15')).toMatchObject({ counted: 2, kept: 1 });
  });

  it('measures each period against the cadence in force on its first day', () => {
    const facts = classLetterPeriods([{ id: '5a', grade: 5, publishedOn: [] }], {
      ...YEAR,
      today: '2026-10-01',
      cadenceOn: (_grade, day) => (day < '2026-09-01' ? null : 'monthly'),
      isSchoolDay: weekdays,
    });
    expect(facts).toEqual([{ classId: '5a', dueOn: '2026-09-30', kept: false }]);
  });

  it('never keeps more than it counts, and the months add up to the year', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 364 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 30, max: 364 }),
        (offsets, grade, todayOffset) => {
          const facts = classLetterPeriods(
            [{ id: 'c', grade, publishedOn: offsets.map((n) => shiftDate(YEAR.from, n)) }],
            { ...YEAR, today: shiftDate(YEAR.from, todayOffset), cadenceOn: BANDS, isSchoolDay: weekdays },
          );
          const year = lettersOnCadence(facts, YEAR.from, YEAR.to);
          expect(year.kept).toBeLessThanOrEqual(year.counted);
          const months = Array.from({ length: 12 }, (_, i) => {
            const start = new Date(Date.UTC(2026, 7 + i, 1)).toISOString().slice(0, 10);
            const end = new Date(Date.UTC(2026, 8 + i, 1)).toISOString().slice(0, 10);
            return lettersOnCadence(facts, start, end).counted;
          });
          expect(months.reduce((a, b) => a + b, 0)).toBe(year.counted);
        },
      ),
    );
  });
});
