import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parentMeetingAttendance, parentMeetingsHeld, type ClassMeetingsFact } from './parent-meetings.js';

const year = ['2026-08-01', '2027-08-01'] as const;
const meeting = (date: string, held: boolean, invited = 20, represented = 0) => ({ date, held, invited, represented });

describe('parent meetings held', () => {
  it('counts every class for the principle number, and keeps held meetings up to it', () => {
    const facts: ClassMeetingsFact[] = [
      {
        classId: 'a',
        meetings: [meeting('2026-09-10', true), meeting('2027-03-10', true), meeting('2027-05-10', true)],
      },
      { classId: 'b', meetings: [meeting('2026-09-11', true)] },
      { classId: 'c', meetings: [] },
    ];
    expect(parentMeetingsHeld(facts, ...year, '2026-12-04', 2)).toMatchObject({ counted: 6, kept: 3, share: 0.5 });
  });

  it('without a number in the principle, counts the meetings whose day has passed', () => {
    const facts = [
      {
        classId: 'a',
        meetings: [meeting('2026-09-10', true), meeting('2026-11-10', false), meeting('2027-01-10', false)],
      },
    ];
    expect(parentMeetingsHeld(facts, ...year, '2026-12-04', null)).toMatchObject({ counted: 2, kept: 1 });
  });

  it('never keeps more than it counts', () => {
    const fact = fc.record({
      classId: fc.constantFrom('a', 'b', 'c'),
      meetings: fc.array(
        fc.record({
          date: fc.constantFrom('2026-09-01', '2026-12-01', '2027-06-01', '2027-09-01'),
          held: fc.boolean(),
          invited: fc.nat(30),
          represented: fc.nat(30),
        }),
      ),
    });
    fc.assert(
      fc.property(fc.array(fact), fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }), (facts, perYear) => {
        const held = parentMeetingsHeld(facts, ...year, '2026-12-04', perYear);
        const attendance = parentMeetingAttendance(facts, ...year);
        return held.kept <= held.counted && attendance.kept <= attendance.counted;
      }),
    );
  });
});

describe('parent-meeting attendance', () => {
  it('is the share of invited homes represented at the meetings held', () => {
    const facts = [
      { classId: 'a', meetings: [meeting('2026-09-10', true, 20, 15), meeting('2026-12-10', false, 20, 0)] },
      { classId: 'b', meetings: [meeting('2026-09-11', true, 10, 5)] },
    ];
    expect(parentMeetingAttendance(facts, ...year)).toEqual({ counted: 30, kept: 20, share: 20 / 30, people: 30 });
  });
});
