import { describe, expect, it } from 'vitest';
import { ZConferenceInstance, type TConferenceSchedule } from './instance.schema.js';
import { validateSchedule, type ViolationRule } from './validate-schedule.js';

// The validator is the tests' oracle, so each rule gets a schedule that breaks exactly it.
const instance = ZConferenceInstance.parse({
  round: 'test',
  days: ['2026-11-24', '2026-11-26'],
  transferMinutes: 5,
  staff: [
    {
      id: 't1',
      room: 'A',
      available: [{ date: '2026-11-24', from: '14:00', to: '16:00' }],
      maxConsecutiveMinutes: 40,
      breakMinutes: 10,
    },
    {
      id: 't2',
      room: 'B',
      available: [
        { date: '2026-11-24', from: '14:00', to: '15:00' },
        { date: '2026-11-24', from: '15:00', to: '16:00' },
      ],
    },
  ],
  interpreters: [{ id: 'i1', languages: ['ar'], available: [{ date: '2026-11-24', from: '14:00', to: '16:00' }] }],
  households: [
    { id: 'h1', available: [{ date: '2026-11-24', from: '14:00', to: '16:00' }] },
    {
      id: 'h2',
      language: 'ar',
      needsInterpreter: true,
      available: [{ date: '2026-11-24', from: '14:00', to: '16:00' }],
    },
    { id: 'h3', available: [{ date: '2026-11-24', from: '14:00', to: '16:00' }] },
  ],
  meetings: [
    { id: 'm1', student: 's1', household: 'h1', staff: ['t1'], minutes: 20, format: 'in-person' },
    { id: 'm2', student: 's2', household: 'h1', staff: ['t2'], minutes: 20, format: 'in-person' },
    { id: 'm3', student: 's3', household: 'h2', staff: ['t1'], minutes: 20, format: 'in-person' },
    { id: 'm4', student: 's4', household: 'h3', staff: ['t1'], minutes: 20, format: 'phone' },
  ],
});

const valid: TConferenceSchedule = {
  assignments: [
    { meeting: 'm1', date: '2026-11-24', start: '14:00' },
    { meeting: 'm2', date: '2026-11-24', start: '14:50' },
    { meeting: 'm3', date: '2026-11-24', start: '14:20', interpreter: 'i1' },
    { meeting: 'm4', date: '2026-11-24', start: '14:50' },
  ],
  unscheduled: [],
};

function withAssignment(
  meeting: string,
  change: Partial<TConferenceSchedule['assignments'][number]>,
): TConferenceSchedule {
  return {
    ...valid,
    assignments: valid.assignments.map((assignment) =>
      assignment.meeting === meeting ? { ...assignment, ...change } : assignment,
    ),
  };
}

const rules = (schedule: TConferenceSchedule): ViolationRule[] =>
  validateSchedule(instance, schedule).map((violation) => violation.rule);

describe('validateSchedule', () => {
  it('accepts a schedule that keeps every rule, including adjacent windows and a 10-minute break after 40 minutes', () => {
    expect(validateSchedule(instance, valid)).toEqual([]);
  });

  it('finds meetings that are missing, unknown, listed twice or unscheduled without a reason', () => {
    expect(rules({ ...valid, assignments: valid.assignments.slice(1) })).toEqual(['missing-meeting']);
    expect(rules({ ...valid, unscheduled: [{ meeting: 'm9', reason: 'x' }] })).toEqual(['unknown-meeting']);
    expect(rules({ ...valid, unscheduled: [{ meeting: 'm1', reason: 'x' }] })).toEqual(['duplicate-meeting']);
    expect(
      rules({
        assignments: valid.assignments.filter((a) => a.meeting !== 'm4'),
        unscheduled: [{ meeting: 'm4', reason: ' ' }],
      }),
    ).toEqual(['missing-reason']);
  });

  it('finds dates outside the round, starts off the grid and times outside availability', () => {
    expect(rules(withAssignment('m4', { date: '2026-11-25' }))).toContain('outside-round');
    expect(rules(withAssignment('m4', { start: '14:52' }))).toContain('off-grid');
    expect(rules(withAssignment('m4', { start: '15:45' }))).toEqual(['availability', 'availability']);
  });

  it('finds a person in two meetings at once', () => {
    expect(rules(withAssignment('m4', { start: '14:30' }))).toContain('overlap');
  });

  it('finds a household walking between rooms without transfer time, but not for phone meetings', () => {
    expect(rules(withAssignment('m2', { start: '14:20' }))).toContain('transfer');
    const phoneInstance = {
      ...instance,
      meetings: instance.meetings.map((m) => (m.id === 'm2' ? { ...m, format: 'phone' as const } : m)),
    };
    const schedule = withAssignment('m2', { start: '14:20' });
    expect(validateSchedule(phoneInstance, schedule)).toEqual([]);
  });

  it('finds a staff member working past maxConsecutiveMinutes without a long enough break', () => {
    // m1 14:00–14:20, m3 14:20–14:40, m4 at 14:45: the 5-minute gap is no break, the run is 65 > 40 minutes.
    expect(rules(withAssignment('m4', { start: '14:45' }))).toEqual(['break']);
  });

  it('requires an interpreter who speaks the language, and only where one is needed', () => {
    expect(rules(withAssignment('m3', { interpreter: undefined }))).toEqual(['interpreter']);
    expect(rules(withAssignment('m4', { interpreter: 'i1' }))).toContain('interpreter');
    const otherLanguage = { ...instance, interpreters: [{ ...instance.interpreters[0]!, languages: ['so'] }] };
    expect(validateSchedule(otherLanguage, valid).map((violation) => violation.rule)).toEqual(['interpreter']);
  });
});
