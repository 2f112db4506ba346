import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayAnswer, mayTakeAttendance, nextStep, plannedTimeProblem, stageOf } from './parent-meetings.js';

const meeting = { date: '2026-12-10', from: '19:00', to: '21:00' };

describe('parent meetings', () => {
  it('moves through planning, invited, held and minutes', () => {
    expect(stageOf({ invitedAt: null, heldAt: null, minutesPublishedAt: null })).toBe('planning');
    expect(stageOf({ invitedAt: 1, heldAt: null, minutesPublishedAt: null })).toBe('invited');
    expect(stageOf({ invitedAt: 1, heldAt: 1, minutesPublishedAt: null })).toBe('held');
    expect(stageOf({ invitedAt: 1, heldAt: 1, minutesPublishedAt: 1 })).toBe('minutes');
  });

  it('lets a home answer until the meeting begins, and staff take attendance from then on', () => {
    expect(mayAnswer(meeting, '2026-12-10T18:59')).toBe(true);
    expect(mayAnswer(meeting, '2026-12-10T19:00')).toBe(false);
    expect(mayTakeAttendance(meeting, '2026-12-10T18:59')).toBe(false);
    expect(mayTakeAttendance(meeting, '2026-12-10T19:00')).toBe(true);
  });

  it('answering and taking attendance never overlap, and one of them is always possible', () => {
    const clock = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 1, max: 28 }))
      .map(
        ([h, m, d]) =>
          `2026-12-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
      );
    fc.assert(fc.property(clock, (now) => mayAnswer(meeting, now) !== mayTakeAttendance(meeting, now)));
  });

  it('refuses a meeting that ends before it starts or lies in the past', () => {
    expect(plannedTimeProblem({ ...meeting, to: '18:00' }, '2026-12-01T10:00')).toBe('ends_before_start');
    expect(plannedTimeProblem(meeting, '2026-12-11T10:00')).toBe('in_past');
    expect(plannedTimeProblem(meeting, '2026-12-01T10:00')).toBeNull();
  });

  it('asks the contact teacher to plan one only while the target is not reached and none is coming', () => {
    expect(nextStep({ held: 1, upcoming: 0, target: 2 })).toBe('plan-one');
    expect(nextStep({ held: 1, upcoming: 1, target: 2 })).toBe('on-track');
    expect(nextStep({ held: 2, upcoming: 0, target: 2 })).toBe('done');
    fc.assert(
      fc.property(fc.nat(5), fc.nat(3), fc.integer({ min: 1, max: 6 }), (held, upcoming, target) => {
        const step = nextStep({ held, upcoming, target });
        return (step === 'plan-one') === (held < target && upcoming === 0);
      }),
    );
  });
});
