import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { campWeekFrom, schoolDayFrom } from './demo-events.js';

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const inChristmasHoliday = (date: string) => date.slice(5) >= '12-21' || date.slice(5) <= '01-01';
const arbDate = fc
  .integer({ min: 0, max: 5 * 366 })
  .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));

describe("the demo's event days", () => {
  it('move a day in the Christmas holiday, a weekend or a public holiday to the next school day', () => {
    // Christmas Day 2026 is a Friday; the school is back on Monday 4 January 2027.
    expect(schoolDayFrom('2026-12-25')).toBe('2027-01-04');
    expect(schoolDayFrom('2026-12-18')).toBe('2026-12-18');
    expect(schoolDayFrom('2026-12-19')).toBe('2027-01-04');
    // Easter Monday 2027 (29 March) is a public holiday.
    expect(schoolDayFrom('2027-03-27')).toBe('2027-03-30');
  });

  it('are always the first weekday on or after the day asked, never in the Christmas holiday (property)', () => {
    fc.assert(
      fc.property(arbDate, (date) => {
        const day = schoolDayFrom(date);
        expect(day >= date).toBe(true);
        expect([0, 6]).not.toContain(weekday(day));
        expect(inChristmasHoliday(day)).toBe(false);
        expect(schoolDayFrom(day)).toBe(day);
      }),
    );
  });

  it('put a lejrskole on a Monday with school on Tuesday and Wednesday too', () => {
    fc.assert(
      fc.property(arbDate, (date) => {
        const monday = campWeekFrom(date);
        expect(weekday(monday)).toBe(1);
        expect(monday >= date).toBe(true);
        for (const offset of [1, 2]) {
          const next = new Date(Date.parse(`${monday}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
          expect(schoolDayFrom(next)).toBe(next);
        }
      }),
      { numRuns: 50 },
    );
  });
});
