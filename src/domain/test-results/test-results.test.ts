import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftDate } from '../calendar/working-days.js';
import { studentReadsOwnTestResults, workingDaysBetween } from './test-results.js';

describe('test results', () => {
  it('lets a student read their own written results from grade 7, when they present their own goals', () => {
    expect([0, 3, 6, 7, 9, 10].map(studentReadsOwnTestResults)).toEqual([false, false, false, true, true, true]);
  });

  it('counts working days between two days: none to the same day, weekends left out', () => {
    const calendar = { closedDays: new Set<string>() };
    expect(workingDaysBetween('2026-11-06', '2026-11-06', calendar)).toBe(0);
    expect(workingDaysBetween('2026-11-06', '2026-11-09', calendar)).toBe(1); // Friday to Monday
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (start, first, second) => {
          const from = shiftDate('2026-08-01', start);
          const middle = shiftDate(from, first);
          const n = workingDaysBetween(from, shiftDate(middle, second), calendar);
          expect(n).toBeLessThanOrEqual(first + second);
          expect(n).toBe(
            workingDaysBetween(from, middle, calendar) +
              workingDaysBetween(middle, shiftDate(middle, second), calendar),
          );
        },
      ),
    );
  });
});
