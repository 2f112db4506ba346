import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClockTime } from './clock.js';
import { generateSchoolInstance } from './generate-instance.js';
import type { TConferenceInstance } from './instance.schema.js';
import { measureSchedule } from './measure-schedule.js';
import { scheduleConferences } from './schedule-conferences.js';
import { compareObjectives } from './schedule-state.js';
import { validateInstance } from './validate-instance.js';
import { validateSchedule } from './validate-schedule.js';

const DATES = ['2026-11-23', '2026-11-24', '2026-11-25'];
const LANGUAGES = ['ar', 'so'];

// Windows start on or off the 5-minute grid, so rounding up to the grid is exercised too.
const windowArbitrary = (dayCount: number) =>
  fc
    .record({
      day: fc.integer({ min: 0, max: dayCount - 1 }),
      from: fc.integer({ min: 13 * 60, max: 16 * 60 }),
      length: fc.integer({ min: 15, max: 300 }),
    })
    .map(({ day, from, length }) => ({
      date: DATES[day] as string,
      from: formatClockTime(from),
      to: formatClockTime(Math.min(from + length, 20 * 60)),
    }));

/** Small random rounds: every combination of rooms, formats, interpreters, break rules and free times. */
const instanceArbitrary: fc.Arbitrary<TConferenceInstance> = fc
  .integer({ min: 1, max: 3 })
  .chain((dayCount) =>
    fc.record({
      dayCount: fc.constant(dayCount),
      transferMinutes: fc.constantFrom(0, 5, 10),
      staff: fc.array(
        fc.record({
          room: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined }),
          available: fc.array(windowArbitrary(dayCount), { minLength: 1, maxLength: 3 }),
          breakRule: fc.option(
            fc.record({
              maxConsecutiveMinutes: fc.constantFrom(30, 45, 60, 120),
              breakMinutes: fc.constantFrom(5, 10, 15),
            }),
            { nil: undefined },
          ),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      interpreters: fc.array(
        fc.record({
          languages: fc.subarray(LANGUAGES, { minLength: 1 }),
          available: fc.array(windowArbitrary(dayCount), { minLength: 1, maxLength: 2 }),
        }),
        { maxLength: 2 },
      ),
      households: fc.array(
        fc.record({
          language: fc.option(fc.constantFrom(...LANGUAGES, 'ti'), { nil: undefined }),
          needsInterpreter: fc.boolean(),
          available: fc.array(windowArbitrary(dayCount), { minLength: 1, maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      meetings: fc.array(
        fc.record({
          household: fc.nat(),
          staff: fc.uniqueArray(fc.nat({ max: 3 }), { minLength: 1, maxLength: 2 }),
          minutes: fc.constantFrom(10, 15, 20, 25, 30, 40),
          format: fc.constantFrom('in-person' as const, 'in-person' as const, 'phone' as const, 'video' as const),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    }),
  )
  .map((raw) => {
    const staff = raw.staff.map((member, i) => ({
      id: `t${i}`,
      ...(member.room ? { room: member.room } : {}),
      available: member.available,
      ...member.breakRule,
    }));
    const households = raw.households.map((household, i) => ({
      id: `h${i}`,
      ...(household.language ? { language: household.language } : {}),
      needsInterpreter: household.language !== undefined && household.needsInterpreter,
      available: household.available,
    }));
    const meetings = raw.meetings.map((meeting, i) => {
      const staffIds = [...new Set(meeting.staff.map((index) => index % staff.length))].map((index) => `t${index}`);
      const firstHasRoom = staff[Number(staffIds[0]?.slice(1))]?.room !== undefined;
      return {
        id: `m${i}`,
        student: `s${i % 5}`,
        household: `h${meeting.household % households.length}`,
        staff: staffIds,
        minutes: meeting.minutes,
        format: meeting.format === 'in-person' && !firstHasRoom ? ('phone' as const) : meeting.format,
      };
    });
    const validation = validateInstance({
      round: 'property',
      days: DATES.slice(0, raw.dayCount),
      transferMinutes: raw.transferMinutes,
      staff,
      interpreters: raw.interpreters.map((interpreter, i) => ({ id: `i${i}`, ...interpreter })),
      households,
      meetings,
    });
    if (!validation.ok) throw new Error(`the generator made an invalid instance: ${JSON.stringify(validation.issues)}`);
    return validation.instance;
  });

// Generous timeouts: a loaded two-core machine runs these several times slower than a laptop.
describe('scheduleConferences on generated instances', { timeout: 60_000 }, () => {
  it('keeps every hard rule of the spec, by the independent validator, and lists every meeting exactly once', () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.nat(1000), (instance, seed) => {
        const result = scheduleConferences(instance, { seed, maxIterations: 25 });
        expect(validateSchedule(instance, result.schedule)).toEqual([]);
        const listed = [...result.schedule.assignments, ...result.schedule.unscheduled]
          .map((entry) => entry.meeting)
          .sort();
        expect(listed).toEqual(instance.meetings.map((meeting) => meeting.id).sort());
      }),
      { numRuns: 150 },
    );
  });

  it('places every meeting that fits alone when it is the only one, and explains every other', () => {
    fc.assert(
      fc.property(instanceArbitrary, (instance) => {
        const result = scheduleConferences(instance, { maxIterations: 25 });
        const measure = measureSchedule(instance, result.schedule);
        expect(measure.placed).toBeLessThanOrEqual(measure.placeable);
        if (instance.meetings.length === 1) expect(measure.placed).toBe(measure.placeable);
        for (const entry of result.schedule.unscheduled) expect(entry.reason.length).toBeGreaterThan(20);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps its own measure equal to the independent measure of what it wrote', () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.nat(1000), (instance, seed) => {
        const result = scheduleConferences(instance, { seed, maxIterations: 25 });
        const measure = measureSchedule(instance, result.schedule);
        expect(result.objective).toEqual([
          measure.meetings - measure.placed,
          measure.householdDays,
          measure.householdWaiting,
          measure.staffIdle,
          measure.interpreterIdle,
        ]);
        expect(result.unplaceableAlone).toBe(measure.meetings - measure.placeable);
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.nat(1000), (instance, seed) => {
        const first = scheduleConferences(instance, { seed, maxIterations: 20 });
        const second = scheduleConferences(instance, { seed, maxIterations: 20 });
        expect(second.schedule).toEqual(first.schedule);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps every hard rule on hard rounds, where the repair draws a few orders of three- and four-child households', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 2, max: 4 }), (seed, classes) => {
        const instance = generateSchoolInstance({ seed, classes, hard: true });
        const result = scheduleConferences(instance, { seed, maxIterations: 40 });
        expect(validateSchedule(instance, result.schedule)).toEqual([]);
        const measure = measureSchedule(instance, result.schedule);
        expect(result.objective.slice(0, 3)).toEqual([
          measure.meetings - measure.placed,
          measure.householdDays,
          measure.householdWaiting,
        ]);
        // The search returns the best timetable it saw, so never one worse than the constructed one.
        expect(compareObjectives(result.objective, result.constructionObjective)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 6 },
    );
  });

  it('keeps every hard rule on generated school rounds of up to three classes', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 3 }), (seed, classes) => {
        const instance = generateSchoolInstance({ seed, classes });
        const result = scheduleConferences(instance, { seed, maxIterations: 20 });
        expect(validateSchedule(instance, result.schedule)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});
