import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, shiftDate } from '../calendar/working-days.js';
import { testResultsInWriting, timeToTell, type TestResultFact } from './test-results.js';

const calendar = { closedDays: new Set<string>() };
const fact = (f: Partial<TestResultFact> & { recordedOn: string }): TestResultFact => ({
  about: 'a',
  classId: 'c',
  takenOn: f.recordedOn,
  sentOn: null,
  workingDays: 10,
  ...f,
});

describe('test results in writing (§ 13)', () => {
  it('keeps a result told within the working days of its recording, and counts it once its last day is over', () => {
    const facts = [
      // Recorded Monday 2 November: the 10th working day is Monday 16 November.
      fact({ about: 'a', recordedOn: '2026-11-02', sentOn: '2026-11-16' }), // on the last day: kept
      fact({ about: 'b', recordedOn: '2026-11-02', sentOn: '2026-11-17' }), // a day late
      fact({ about: 'c', recordedOn: '2026-11-02' }), // never told: broken
      fact({ about: 'd', recordedOn: '2026-11-30', sentOn: '2026-12-01' }), // last day 14 December: not counted yet
    ];
    expect(testResultsInWriting(facts, '2026-08-01', '2027-08-01', '2026-12-03', calendar)).toEqual({
      counted: 3,
      kept: 1,
      share: 1 / 3,
      people: 3,
    });
  });

  it("measures each result against the principle's days in force when it was recorded", () => {
    const facts = [
      fact({ about: 'a', recordedOn: '2026-09-01', sentOn: '2026-09-08', workingDays: 3 }), // late under 3
      fact({ about: 'b', recordedOn: '2026-10-01', sentOn: '2026-10-08', workingDays: 10 }), // in time under 10
    ];
    expect(testResultsInWriting(facts, '2026-08-01', '2027-08-01', '2026-12-03', calendar)).toMatchObject({
      counted: 2,
      kept: 1,
    });
  });

  it('skips weekends and the school’s closed days when it counts the days', () => {
    const closed = { closedDays: new Set(['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16']) };
    // Recorded Friday 9 October before the autumn break: 3 working days end Wednesday 21 October.
    const told = fact({ recordedOn: '2026-10-09', sentOn: '2026-10-21', workingDays: 3 });
    expect(testResultsInWriting([told], '2026-08-01', '2027-08-01', '2026-12-03', closed).kept).toBe(1);
    expect(testResultsInWriting([told], '2026-08-01', '2027-08-01', '2026-12-03', calendar).kept).toBe(0);
  });

  it('gives the median working days from the test to the written word', () => {
    const facts = [
      fact({ about: 'a', takenOn: '2026-11-02', recordedOn: '2026-11-03', sentOn: '2026-11-03' }), // 1
      fact({ about: 'b', takenOn: '2026-11-02', recordedOn: '2026-11-03', sentOn: '2026-11-06' }), // 4
      fact({ about: 'c', takenOn: '2026-11-06', recordedOn: '2026-11-09', sentOn: '2026-11-10' }), // 2 (over a weekend)
      fact({ about: 'd', takenOn: '2026-11-02', recordedOn: '2026-11-03' }), // not told: not in the median
    ];
    expect(timeToTell(facts, '2026-08-01', '2027-08-01', calendar)).toEqual({
      told: 3,
      medianWorkingDays: 2,
      people: 3,
    });
    expect(timeToTell([], '2026-08-01', '2027-08-01', calendar).medianWorkingDays).toBeNull();
  });

  const day = fc.integer({ min: 0, max: 330 }).map((n) => shiftDate('2026-08-01', n));
  const arbFact = fc
    .record({
      about: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      takenOn: day,
      recordLag: fc.integer({ min: 0, max: 20 }),
      sendLag: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      workingDays: fc.integer({ min: 1, max: 30 }),
    })
    .map((r): TestResultFact => ({
      about: r.about,
      classId: null,
      takenOn: r.takenOn,
      recordedOn: shiftDate(r.takenOn, r.recordLag),
      sentOn: r.sendLag === null ? null : shiftDate(r.takenOn, r.recordLag + r.sendLag),
      workingDays: r.workingDays,
    }));

  it('never keeps more than it counts, and counts each result in exactly one period', () => {
    const months = Array.from({ length: 14 }, (_, i) => shiftDate('2026-08-01', i * 31).slice(0, 7) + '-01');
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 12 }), day, (facts, today) => {
        const year = testResultsInWriting(facts, '2026-01-01', '2099-01-01', today, calendar);
        expect(year.kept).toBeLessThanOrEqual(year.counted);
        if (year.share !== null) expect(year.share).toBeGreaterThanOrEqual(0);
        const bounds = ['2026-01-01', ...months.slice(1), '2099-01-01'];
        let sum = 0;
        for (let i = 0; i + 1 < bounds.length; i += 1)
          sum += testResultsInWriting(facts, bounds[i]!, bounds[i + 1]!, today, calendar).counted;
        expect(sum).toBe(year.counted);
      }),
      { numRuns: 30 },
    );
  });

  it('telling the home sooner never turns a kept result into a broken one', () => {
    fc.assert(
      fc.property(
        fc.array(arbFact, { maxLength: 20 }),
        day,
        fc.integer({ min: 1, max: 10 }),
        (facts, today, sooner) => {
          const earlier = facts.map((f) =>
            f.sentOn === null ? f : { ...f, sentOn: [shiftDate(f.sentOn, -sooner), f.recordedOn].sort()[1]! },
          );
          const before = testResultsInWriting(facts, '2026-01-01', '2099-01-01', today, calendar);
          const after = testResultsInWriting(earlier, '2026-01-01', '2099-01-01', today, calendar);
          expect(after.counted).toBe(before.counted);
          expect(after.kept).toBeGreaterThanOrEqual(before.kept);
        },
      ),
    );
  });

  it('counts nothing whose last day is still to come', () => {
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 20 }), day, (facts, today) => {
        const open = facts.filter((f) => addWorkingDays(f.recordedOn, f.workingDays, calendar) >= today);
        expect(testResultsInWriting(open, '2026-01-01', '2099-01-01', today, calendar).counted).toBe(0);
      }),
    );
  });

  it('puts the median between the shortest and the longest time', () => {
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 20 }), (facts) => {
        const { told, medianWorkingDays } = timeToTell(facts, '2026-01-01', '2099-01-01', calendar);
        expect(told).toBe(facts.filter((f) => f.sentOn !== null).length);
        if (medianWorkingDays === null) expect(told).toBe(0);
        else expect(medianWorkingDays).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
