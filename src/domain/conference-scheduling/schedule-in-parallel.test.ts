import { describe, expect, it } from 'vitest';
import { generateSchoolInstance } from './generate-instance.js';
import { measureSchedule } from './measure-schedule.js';
import { scheduleConferences } from './schedule-conferences.js';
import { scheduleConferencesInParallel, scheduleConferencesOffThread } from './schedule-in-parallel.js';
import { compareObjectives } from './schedule-state.js';
import { validateSchedule } from './validate-schedule.js';

describe('scheduleConferencesInParallel', { timeout: 120_000 }, () => {
  const instance = generateSchoolInstance({ seed: 4, classes: 6, hard: true });

  it('searches on worker threads and gives the same valid schedule for the same seed, threads and iterations', async () => {
    const options = { seed: 3, threads: 2, maxIterations: 240, roundIterations: 60 };
    const first = await scheduleConferencesInParallel(instance, options);
    const second = await scheduleConferencesInParallel(instance, options);
    expect(first.threads).toBe(2);
    expect(first.rounds).toBeGreaterThanOrEqual(1);
    expect(second.schedule).toEqual(first.schedule);
    expect(validateSchedule(instance, first.schedule)).toEqual([]);
    expect(measureSchedule(instance, first.schedule).feasible).toBe(true);
    // The rounds keep the best timetable of either thread, so the search never ends worse than it began.
    expect(compareObjectives(first.objective, first.constructionObjective)).toBeLessThanOrEqual(0);
    const placed = first.schedule.assignments.length + first.schedule.unscheduled.length;
    expect(placed).toBe(instance.meetings.length);
  });

  it('starts from the same constructed timetable as the one-thread scheduler and does at least as well', async () => {
    const alone = scheduleConferences(instance, { seed: 3, maxIterations: 0 });
    const together = await scheduleConferencesInParallel(instance, { seed: 3, threads: 2, maxIterations: 120 });
    expect(together.constructionObjective).toEqual(alone.constructionObjective);
    expect(compareObjectives(together.objective, alone.objective)).toBeLessThanOrEqual(0);
  });

  it('against the clock, searches on both threads without rounds in step and keeps every hard rule', async () => {
    // The budget covers building the solver too; on a busy machine 1.5 s could pass before the first round.
    const started = Date.now();
    const result = await scheduleConferencesInParallel(instance, { seed: 3, threads: 2, deadline: started + 4000 });
    expect(result.threads).toBe(2);
    expect(result.rounds).toBeGreaterThanOrEqual(1);
    expect(validateSchedule(instance, result.schedule)).toEqual([]);
    expect(measureSchedule(instance, result.schedule).feasible).toBe(true);
    // The timetables the threads trade are only ever better ones, so it never ends worse than it began.
    expect(compareObjectives(result.objective, result.constructionObjective)).toBeLessThanOrEqual(0);
    expect(result.schedule.assignments.length + result.schedule.unscheduled.length).toBe(instance.meetings.length);
  });

  it('runs on the caller’s thread alone when asked for one thread', async () => {
    const result = await scheduleConferencesInParallel(instance, { seed: 3, threads: 1, maxIterations: 60 });
    expect(result.threads).toBe(1);
    expect(validateSchedule(instance, result.schedule)).toEqual([]);
  });

  it('searches wholly off the caller’s thread, which goes on running meanwhile, and gives the same schedule', async () => {
    const options = { seed: 3, threads: 2, maxIterations: 60, roundIterations: 30 };
    let done = false;
    const search = scheduleConferencesOffThread(instance, options).finally(() => (done = true));
    // A timer of this thread fires while the search is still going: nothing of it ran here.
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(done).toBe(false);
    const offThread = await search;
    expect(offThread.schedule).toEqual((await scheduleConferencesInParallel(instance, options)).schedule);
    expect(offThread.threads).toBe(2);
  });

  it('searches off the caller’s thread against the clock, as the app plans, with its helper started from there', async () => {
    const result = await scheduleConferencesOffThread(instance, { seed: 3, threads: 2, deadline: Date.now() + 1500 });
    expect(result.threads).toBe(2);
    expect(validateSchedule(instance, result.schedule)).toEqual([]);
    expect(compareObjectives(result.objective, result.constructionObjective)).toBeLessThanOrEqual(0);
  });
});
