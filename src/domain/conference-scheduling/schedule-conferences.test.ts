import { describe, expect, it } from 'vitest';
import { parseClockTime } from './clock.js';
import { generateSchoolInstance } from './generate-instance.js';
import { ZConferenceInstance, type TConferenceInstanceInput, type TConferenceSchedule } from './instance.schema.js';
import { measureSchedule } from './measure-schedule.js';
import { scheduleConferences, type ScheduleOptions } from './schedule-conferences.js';
import { validateSchedule } from './validate-schedule.js';

const TUESDAY = '2026-11-24';
const THURSDAY = '2026-11-26';
const window = (date: string, from: string, to: string) => ({ date, from, to });
const afternoon = (date: string) => window(date, '14:00', '18:00');

function solve(input: TConferenceInstanceInput, options: ScheduleOptions = {}) {
  const instance = ZConferenceInstance.parse(input);
  const result = scheduleConferences(instance, { maxIterations: 300, ...options });
  return {
    instance,
    result,
    violations: validateSchedule(instance, result.schedule),
    measure: measureSchedule(instance, result.schedule),
  };
}

function assignment(schedule: TConferenceSchedule, meeting: string) {
  const found = schedule.assignments.find((entry) => entry.meeting === meeting);
  if (!found) throw new Error(`${meeting} is not assigned`);
  return { ...found, start: parseClockTime(found.start) };
}

/** Households that compete with the case under test, one meeting each with the given staff member. */
function competitors(staff: string, count: number, date: string, prefix: string) {
  const households = Array.from({ length: count }, (_, i) => ({ id: `${prefix}h${i}`, available: [afternoon(date)] }));
  const meetings = households.map((household, i) => ({
    id: `${prefix}m${i}`,
    student: `${prefix}s${i}`,
    household: household.id,
    staff: [staff],
    minutes: 20,
    format: 'in-person' as const,
  }));
  return { households, meetings };
}

describe('scheduleConferences: corner cases', { timeout: 30_000 }, () => {
  it('puts siblings in three classes back to back on one day, with walking time between the rooms', () => {
    const others = [
      competitors('t1', 5, TUESDAY, 'a'),
      competitors('t2', 5, TUESDAY, 'b'),
      competitors('t3', 5, TUESDAY, 'c'),
    ];
    const { result, violations, measure } = solve({
      round: 'test',
      days: [TUESDAY, THURSDAY],
      transferMinutes: 5,
      staff: ['t1', 't2', 't3'].map((id, i) => ({
        id,
        room: `lokale ${i + 1}`,
        available: [afternoon(TUESDAY), afternoon(THURSDAY)],
        maxConsecutiveMinutes: 120,
        breakMinutes: 15,
      })),
      households: [{ id: 'family', available: [afternoon(TUESDAY)] }, ...others.flatMap((other) => other.households)],
      meetings: [
        { id: 'x1', student: 's1', household: 'family', staff: ['t1'], minutes: 20, format: 'in-person' },
        { id: 'x2', student: 's2', household: 'family', staff: ['t2'], minutes: 20, format: 'in-person' },
        { id: 'x3', student: 's3', household: 'family', staff: ['t3'], minutes: 20, format: 'in-person' },
        ...others.flatMap((other) => other.meetings),
      ],
    });
    expect(violations).toEqual([]);
    expect(result.schedule.unscheduled).toEqual([]);
    const starts = ['x1', 'x2', 'x3'].map((id) => assignment(result.schedule, id).start).sort((a, b) => a - b);
    expect(starts[1]! - starts[0]!).toBe(25);
    expect(starts[2]! - starts[1]!).toBe(25);
    expect(measure.householdWaiting).toBe(0);
    expect(measure.householdDays).toBe(0);
  });

  it('gives the two households of one child a meeting each, never at the same time for the teacher', () => {
    const { result, violations } = solve({
      round: 'test',
      days: [TUESDAY],
      transferMinutes: 5,
      staff: [{ id: 't1', room: 'A', available: [afternoon(TUESDAY)] }],
      households: [
        { id: 'mother', available: [window(TUESDAY, '16:00', '16:40')] },
        { id: 'father', available: [window(TUESDAY, '16:00', '16:40')] },
      ],
      meetings: [
        { id: 'm1', student: 's1', household: 'mother', staff: ['t1'], minutes: 20, format: 'in-person' },
        { id: 'm2', student: 's1', household: 'father', staff: ['t1'], minutes: 20, format: 'video' },
      ],
    });
    expect(violations).toEqual([]);
    const times = [assignment(result.schedule, 'm1').start, assignment(result.schedule, 'm2').start].sort(
      (a, b) => a - b,
    );
    expect(times).toEqual([16 * 60, 16 * 60 + 20]);
  });

  it('shares a pedagogue between two classes, grouping each room so only one walk is needed', () => {
    const households = Array.from({ length: 6 }, (_, i) => ({ id: `h${i}`, available: [afternoon(TUESDAY)] }));
    const { result, violations } = solve({
      round: 'test',
      days: [TUESDAY],
      transferMinutes: 5,
      staff: [
        { id: 't1', room: 'A', available: [afternoon(TUESDAY)] },
        { id: 't2', room: 'B', available: [afternoon(TUESDAY)] },
        // 6 × 15 minutes and one walk fill 95 of the pedagogue's 100 minutes.
        { id: 'p1', available: [window(TUESDAY, '14:00', '15:40')], maxConsecutiveMinutes: 120, breakMinutes: 15 },
      ],
      households,
      meetings: households.map((household, i) => ({
        id: `m${i}`,
        student: `s${i}`,
        household: household.id,
        staff: [i % 2 === 0 ? 't1' : 't2', 'p1'],
        minutes: 15,
        format: 'in-person' as const,
      })),
    });
    expect(violations).toEqual([]);
    expect(result.schedule.unscheduled).toEqual([]);
    const rooms = result.schedule.assignments.map((entry) => (Number(entry.meeting.slice(1)) % 2 === 0 ? 'A' : 'B'));
    const walks = rooms.filter((room, i) => i > 0 && room !== rooms[i - 1]).length;
    expect(walks).toBe(1);
  });

  it('books one interpreter for a household block and explains a language nobody interprets', () => {
    const { result, violations, measure } = solve({
      round: 'test',
      days: [TUESDAY, THURSDAY],
      transferMinutes: 5,
      staff: [
        { id: 't1', room: 'A', available: [afternoon(TUESDAY), afternoon(THURSDAY)] },
        { id: 't2', room: 'B', available: [afternoon(TUESDAY), afternoon(THURSDAY)] },
      ],
      interpreters: [
        { id: 'i1', languages: ['ar', 'so'], available: [window(THURSDAY, '15:00', '16:00')] },
        { id: 'i2', languages: ['ar'], available: [window(THURSDAY, '15:00', '15:30')] },
      ],
      households: [
        { id: 'h1', language: 'ar', needsInterpreter: true, available: [afternoon(TUESDAY), afternoon(THURSDAY)] },
        { id: 'h2', language: 'ti', needsInterpreter: true, available: [afternoon(TUESDAY)] },
        { id: 'h3', language: 'so', needsInterpreter: false, available: [afternoon(TUESDAY)] },
      ],
      meetings: [
        { id: 'm1', student: 's1', household: 'h1', staff: ['t1'], minutes: 25, format: 'in-person' },
        { id: 'm2', student: 's2', household: 'h1', staff: ['t2'], minutes: 25, format: 'in-person' },
        { id: 'm3', student: 's3', household: 'h2', staff: ['t1'], minutes: 25, format: 'in-person' },
        { id: 'm4', student: 's4', household: 'h3', staff: ['t2'], minutes: 25, format: 'phone' },
      ],
    });
    expect(violations).toEqual([]);
    const first = assignment(result.schedule, 'm1');
    const second = assignment(result.schedule, 'm2');
    expect([first.date, second.date]).toEqual([THURSDAY, THURSDAY]);
    expect([first.interpreter, second.interpreter]).toEqual(['i1', 'i1']);
    expect(Math.abs(first.start - second.start)).toBe(30);
    // The spec counts everything but meetings and breaks as idle, so the interpreter's walk from A to B is.
    expect(measure.interpreterIdle).toBe(5);
    expect(measure.householdWaiting).toBe(0);
    expect(assignment(result.schedule, 'm4').interpreter).toBeUndefined();
    expect(result.schedule.unscheduled).toEqual([
      { meeting: 'm3', reason: expect.stringContaining('Ingen tolk i runden taler "ti"') },
    ]);
  });

  it('needs no walking time or room for phone meetings, but does for two rooms in person', () => {
    const input = (format: 'phone' | 'in-person'): TConferenceInstanceInput => ({
      round: 'test',
      days: [TUESDAY],
      transferMinutes: 5,
      staff: [
        { id: 'p1', available: [afternoon(TUESDAY)] },
        { id: 't1', room: 'A', available: [afternoon(TUESDAY)] },
        { id: 't2', room: 'B', available: [afternoon(TUESDAY)] },
      ],
      households: [{ id: 'h1', available: [window(TUESDAY, '16:00', '16:40')] }],
      meetings: [
        { id: 'm1', student: 's1', household: 'h1', staff: [format === 'phone' ? 'p1' : 't1'], minutes: 20, format },
        { id: 'm2', student: 's2', household: 'h1', staff: ['t2'], minutes: 20, format: 'in-person' },
      ],
    });
    const phone = solve(input('phone'));
    expect(phone.violations).toEqual([]);
    expect(phone.result.schedule.unscheduled).toEqual([]);
    expect(phone.measure.householdWaiting).toBe(0);

    const inPerson = solve(input('in-person'));
    expect(inPerson.violations).toEqual([]);
    expect(inPerson.result.schedule.assignments).toHaveLength(1);
    expect(inPerson.result.schedule.unscheduled[0]?.reason).toContain('husstand h1 har kun tirsdag 24/11 16:00–16:40');
  });

  it('fills a teacher who is free only one afternoon and says who is fully booked for the rest', () => {
    const households = Array.from({ length: 10 }, (_, i) => ({
      id: `h${i}`,
      available: [afternoon(TUESDAY), afternoon(THURSDAY)],
    }));
    const { result, violations, measure } = solve(
      {
        round: 'test',
        days: [TUESDAY, THURSDAY],
        transferMinutes: 5,
        staff: [
          {
            id: 't1',
            label: 'kontaktlærer 3.A',
            room: 'A',
            available: [window(THURSDAY, '14:00', '16:00')],
            maxConsecutiveMinutes: 120,
            breakMinutes: 15,
          },
        ],
        households,
        meetings: households.map((household, i) => ({
          id: `m${i}`,
          student: `s${i}`,
          household: household.id,
          staff: ['t1'],
          minutes: 15,
          format: 'in-person' as const,
        })),
      },
      { language: 'en' },
    );
    expect(violations).toEqual([]);
    expect(measure.placed).toBe(8);
    expect(measure.staffIdle).toBe(0);
    expect(result.schedule.assignments.every((entry) => entry.date === THURSDAY)).toBe(true);
    expect(result.schedule.unscheduled).toHaveLength(2);
    for (const entry of result.schedule.unscheduled) {
      expect(entry.reason).toContain('kontaktlærer 3.A (t1) is booked at those times');
      expect(entry.reason).toContain('Thursday 26 Nov 14:00–16:00');
    }
  });

  it('keeps a break after maxConsecutiveMinutes and counts the required break as no idle time', () => {
    const households = Array.from({ length: 8 }, (_, i) => ({ id: `h${i}`, available: [afternoon(TUESDAY)] }));
    const { result, violations, measure } = solve({
      round: 'test',
      days: [TUESDAY],
      transferMinutes: 5,
      staff: [{ id: 't1', room: 'A', available: [afternoon(TUESDAY)], maxConsecutiveMinutes: 60, breakMinutes: 15 }],
      households,
      meetings: households.map((household, i) => ({
        id: `m${i}`,
        student: `s${i}`,
        household: household.id,
        staff: ['t1'],
        minutes: 15,
        format: 'in-person' as const,
      })),
    });
    expect(violations).toEqual([]);
    expect(result.schedule.unscheduled).toEqual([]);
    expect(measure.staffIdle).toBe(0);
    const starts = result.schedule.assignments.map((entry) => parseClockTime(entry.start));
    expect(starts[4]! - starts[3]!).toBe(30);
  });
});

describe('scheduleConferences: reasons for unscheduled meetings', () => {
  it('names the teacher and household that share no free time, with their free times', () => {
    const input: TConferenceInstanceInput = {
      round: 'test',
      days: ['2026-11-23', TUESDAY],
      transferMinutes: 5,
      staff: [{ id: 't1', label: 'kontaktlærer 3.A', room: 'A', available: [afternoon('2026-11-23')] }],
      households: [{ id: 'h17', available: [window(TUESDAY, '16:00', '18:00')] }],
      meetings: [{ id: 'm1', student: 's1', household: 'h17', staff: ['t1'], minutes: 20, format: 'in-person' }],
    };
    const danish = solve(input).result.schedule.unscheduled[0]?.reason;
    expect(danish).toBe(
      'kontaktlærer 3.A (t1) og husstand h17 har ingen fælles ledig tid: kontaktlærer 3.A (t1) er kun ledig mandag 23/11 14:00–18:00; ' +
        'husstand h17 er kun ledig tirsdag 24/11 16:00–18:00. Bed en af dem om flere mulige tider.',
    );
    const english = solve(input, { language: 'en' }).result;
    expect(english.schedule.unscheduled[0]?.reason).toContain('household h17 is free only Tuesday 24 Nov 16:00–18:00');
    expect(english.reasons[0]?.reason.da).toBe(danish);
  });

  it('explains common time that is too short and a meeting longer than the break rule allows', () => {
    const { result } = solve({
      round: 'test',
      days: [TUESDAY],
      transferMinutes: 5,
      staff: [
        { id: 't1', room: 'A', available: [window(TUESDAY, '14:00', '16:10')] },
        { id: 't2', room: 'B', available: [afternoon(TUESDAY)], maxConsecutiveMinutes: 30, breakMinutes: 10 },
      ],
      households: [
        { id: 'h1', available: [window(TUESDAY, '16:00', '18:00')] },
        { id: 'h2', available: [afternoon(TUESDAY)] },
      ],
      meetings: [
        { id: 'm1', student: 's1', household: 'h1', staff: ['t1'], minutes: 20, format: 'in-person' },
        { id: 'm2', student: 's2', household: 'h2', staff: ['t2'], minutes: 45, format: 'in-person' },
      ],
    });
    const reasons = Object.fromEntries(result.schedule.unscheduled.map((entry) => [entry.meeting, entry.reason]));
    expect(reasons.m1).toContain('er kun ledige samtidig tirsdag 24/11 16:00–16:10');
    expect(reasons.m2).toContain('t2 må højst have 30 minutter i træk');
  });
});

describe('scheduleConferences: determinism and bookkeeping', { timeout: 30_000 }, () => {
  const instance = generateSchoolInstance({ seed: 7, classes: 3 });

  it('gives the same schedule for the same seed and number of iterations', () => {
    const first = scheduleConferences(instance, { seed: 3, maxIterations: 150 });
    const second = scheduleConferences(instance, { seed: 3, maxIterations: 150 });
    expect(second.schedule).toEqual(first.schedule);
  });

  it('reports the same measure as the independent measure of the written schedule, and never gets worse than its construction', () => {
    const result = scheduleConferences(instance, { seed: 5, maxIterations: 300 });
    const measure = measureSchedule(instance, result.schedule);
    expect(validateSchedule(instance, result.schedule)).toEqual([]);
    expect(result.objective).toEqual([
      measure.meetings - measure.placed,
      measure.householdDays,
      measure.householdWaiting,
      measure.staffIdle,
      measure.interpreterIdle,
    ]);
    expect(result.unplaceableAlone).toBe(measure.meetings - measure.placeable);
    for (let i = 0; i < 5; i++) {
      if (result.objective[i] !== result.constructionObjective[i]) {
        expect(result.objective[i]).toBeLessThan(result.constructionObjective[i]!);
        break;
      }
    }
  });

  it('goes back to its best timetable after a stretch without a better one, keeping every rule, its measure and its determinism', () => {
    const hard = generateSchoolInstance({ seed: 7, classes: 3, hard: true });
    const options = { seed: 2, maxIterations: 1200, stagnationIterations: Number.POSITIVE_INFINITY };
    const found: number[] = [];
    const result = scheduleConferences(hard, { ...options, onImprovement: (_objective, at) => found.push(at) });
    // The search went 300 iterations without a better timetable at least once, so it went back to its best.
    const stretches = [...found, result.iterations].map((at, index) => at - (found[index - 1] ?? 0));
    expect(Math.max(...stretches)).toBeGreaterThanOrEqual(300);
    expect(validateSchedule(hard, result.schedule)).toEqual([]);
    const measure = measureSchedule(hard, result.schedule);
    expect(result.objective.slice(0, 3)).toEqual([
      measure.meetings - measure.placed,
      measure.householdDays,
      measure.householdWaiting,
    ]);
    expect(scheduleConferences(hard, options).schedule).toEqual(result.schedule);
  });

  it('stops when asked and still returns a complete schedule', () => {
    let asked = 0;
    const result = scheduleConferences(instance, { shouldStop: () => ++asked > 5 });
    expect(result.iterations).toBe(5);
    expect(result.schedule.assignments.length + result.schedule.unscheduled.length).toBe(instance.meetings.length);
  });
});
