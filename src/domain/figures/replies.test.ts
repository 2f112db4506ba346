import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SchoolCalendar } from '../calendar/working-days.js';
import { keptWithinPromise, timeToAnswer, workingHoursBetween, type PromiseFact } from './replies.js';
import { schoolYear, schoolYearOf } from './school-year.js';
import { MIN_GROUP, suppressSmall } from './suppression.js';

const open: SchoolCalendar = { closedDays: new Set() };
const HOUR = 60 * 60 * 1000;
const at = (iso: string) => new Date(iso);

describe('working hours between two moments', () => {
  it('counts only working days: Friday 16:00 to Monday 9:00 is 17 hours', () => {
    expect(workingHoursBetween(at('2026-11-27T15:00:00Z'), at('2026-11-30T08:00:00Z'), open)).toBe(17);
  });

  it("skips public holidays and the school's closed days", () => {
    // Thursday 24 December 12:00 to Monday 28 December 12:00: Christmas Day and Boxing Day are holidays.
    expect(workingHoursBetween(at('2026-12-24T11:00:00Z'), at('2026-12-28T11:00:00Z'), open)).toBe(24);
    const closed: SchoolCalendar = { closedDays: new Set(['2026-12-24']) };
    expect(workingHoursBetween(at('2026-12-24T11:00:00Z'), at('2026-12-28T11:00:00Z'), closed)).toBe(12);
  });

  it('adds up over any split, and never exceeds the hours that passed', () => {
    const moment = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(fc.array(moment, { minLength: 3, maxLength: 3 }), (moments) => {
        const [a, b, c] = moments.sort((x, y) => x.getTime() - y.getTime()) as [Date, Date, Date];
        const whole = workingHoursBetween(a, c, open);
        expect(whole).toBeCloseTo(workingHoursBetween(a, b, open) + workingHoursBetween(b, c, open), 6);
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThanOrEqual((c.getTime() - a.getTime()) / HOUR + 1e-9);
      }),
      { numRuns: 100 },
    );
  });
});

const fact = (opened: string, due: string, kept: string | null, about = 'emma'): PromiseFact => ({
  openedAt: at(opened),
  dueAt: at(due),
  keptAt: kept ? at(kept) : null,
  about,
});

describe('replies within the promise', () => {
  const november = [at('2026-11-01T00:00:00Z'), at('2026-12-01T00:00:00Z')] as const;

  it('counts promises that fell due in the period, kept when answered by the due time', () => {
    const facts = [
      fact('2026-11-02T08:00:00Z', '2026-11-05T22:59:59Z', '2026-11-03T10:00:00Z', 'emma'),
      fact('2026-11-09T08:00:00Z', '2026-11-12T22:59:59Z', '2026-11-12T22:59:59Z', 'yusuf'), // at the last moment
      fact('2026-11-16T08:00:00Z', '2026-11-19T22:59:59Z', '2026-11-20T07:00:00Z', 'ida'), // late
      fact('2026-11-23T08:00:00Z', '2026-11-26T22:59:59Z', null, 'ida'), // never answered
    ];
    expect(keptWithinPromise(facts, ...november, at('2026-12-02T12:00:00Z'))).toEqual({
      counted: 4,
      kept: 2,
      share: 0.5,
      people: 3,
    });
  });

  it('leaves out a promise whose due time has not come, even when already answered', () => {
    const facts = [fact('2026-11-30T08:00:00Z', '2026-12-03T22:59:59Z', '2026-11-30T09:00:00Z')];
    expect(
      keptWithinPromise(facts, at('2026-11-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), at('2026-12-01T12:00:00Z')),
    ).toEqual({ counted: 0, kept: 0, share: null, people: 0 });
  });

  it('adds up over the months of a period, and keeps kept within counted', () => {
    const day = fc.integer({ min: 0, max: 120 });
    const arbitraryFact = fc.record({
      opened: day,
      wait: fc.integer({ min: 1, max: 5 }),
      answer: fc.option(fc.integer({ min: 0, max: 10 })),
    });
    const start = Date.UTC(2026, 7, 1);
    fc.assert(
      fc.property(fc.array(arbitraryFact, { maxLength: 30 }), fc.integer({ min: 1, max: 119 }), (raw, split) => {
        const facts = raw.map((r, i) => ({
          openedAt: new Date(start + r.opened * 24 * HOUR),
          dueAt: new Date(start + (r.opened + r.wait) * 24 * HOUR),
          keptAt: r.answer === null ? null : new Date(start + (r.opened + r.answer) * 24 * HOUR),
          about: `s${i % 7}`,
        }));
        const from = new Date(start);
        const middle = new Date(start + split * 24 * HOUR);
        const to = new Date(start + 130 * 24 * HOUR);
        const now = new Date(start + 200 * 24 * HOUR);
        const whole = keptWithinPromise(facts, from, to, now);
        const first = keptWithinPromise(facts, from, middle, now);
        const second = keptWithinPromise(facts, middle, to, now);
        expect(first.counted + second.counted).toBe(whole.counted);
        expect(first.kept + second.kept).toBe(whole.kept);
        expect(whole.kept).toBeLessThanOrEqual(whole.counted);
        expect(whole.people).toBeLessThanOrEqual(whole.counted);
      }),
      { numRuns: 100 },
    );
  });
});

describe('time to answer', () => {
  it('is the median of working hours to the first answer, for answers given in the period', () => {
    const facts = [
      fact('2026-11-02T08:00:00Z', '2026-11-05T22:59:59Z', '2026-11-02T10:00:00Z'), // 2 h
      fact('2026-11-02T08:00:00Z', '2026-11-05T22:59:59Z', '2026-11-02T12:00:00Z'), // 4 h
      fact('2026-11-27T15:00:00Z', '2026-12-02T22:59:59Z', '2026-11-30T08:00:00Z'), // 17 h over a weekend
      fact('2026-10-27T15:00:00Z', '2026-10-30T22:59:59Z', '2026-10-28T08:00:00Z'), // answered in October
      fact('2026-11-03T08:00:00Z', '2026-11-06T22:59:59Z', null),
    ];
    expect(timeToAnswer(facts, at('2026-11-01T00:00:00Z'), at('2026-12-01T00:00:00Z'), open)).toEqual({
      answered: 3,
      medianWorkingHours: 4,
      people: 1,
    });
    expect(
      timeToAnswer([], at('2026-11-01T00:00:00Z'), at('2026-12-01T00:00:00Z'), open).medianWorkingHours,
    ).toBeNull();
  });
});

describe('the school year', () => {
  it('runs from 1 August to 31 July, named by the year it starts in', () => {
    expect(schoolYearOf('2026-07-31')).toBe(2025);
    expect(schoolYearOf('2026-08-01')).toBe(2026);
    const year = schoolYear(2026);
    expect(year).toMatchObject({ from: '2026-08-01', to: '2027-08-01' });
    expect(year.months).toHaveLength(12);
    expect([year.months[0], year.months[5], year.months[11]]).toEqual(['2026-08', '2027-01', '2027-07']);
  });
});

describe('suppression for the board', () => {
  it(`shows a cell only when it counts at least ${MIN_GROUP} people`, () => {
    expect(suppressSmall({ kept: 3 }, MIN_GROUP - 1)).toBeNull();
    expect(suppressSmall({ kept: 3 }, 1)).toBeNull();
    expect(suppressSmall({ kept: 0 }, 0)).toEqual({ kept: 0 });
    expect(suppressSmall({ kept: 3 }, MIN_GROUP)).toEqual({ kept: 3 });
  });
});
