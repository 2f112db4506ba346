import { describe, expect, it } from 'vitest';
import { minutesOf } from '../../domain/conferences/slots.js';
import { validateInstance } from '../../domain/conference-scheduling/validate-instance.js';
import { scheduleConferences } from '../../domain/conference-scheduling/schedule-conferences.js';
import {
  buildPlanInstance,
  meetingMinutes,
  moveInPlan,
  planFigures,
  readableReason,
  type PlanRows,
} from './plan-instance.js';

const afternoon = { date: '2027-01-12', from: '14:00', to: '16:00' };
const rows = (change: Partial<PlanRows> = {}): PlanRows => ({
  round: { id: 'r1', name: 'Vinter', days: [afternoon], minutesByGrade: { '3': 15, '7': 20 }, formats: ['in_person'] },
  classes: [
    {
      id: 'c3',
      name: '3.A',
      grade: 3,
      room: 'Lokale 12',
      staff: [
        { id: 't1', name: 'Lene' },
        { id: 'p1', name: 'Per' },
      ],
    },
    { id: 'c7', name: '7.A', grade: 7, room: null, staff: [] },
  ],
  invitations: [
    // Siblings in one household: one household with two meetings, free when either card was marked.
    {
      id: 'i1',
      householdKey: 'h1',
      studentId: 's1',
      childName: 'Emma',
      classId: 'c3',
      language: 'da',
      needsInterpreter: false,
      available: [{ date: '2027-01-12', from: '14:00', to: '15:00' }],
    },
    {
      id: 'i2',
      householdKey: 'h1',
      studentId: 's2',
      childName: 'Oscar',
      classId: 'c7',
      language: 'da',
      needsInterpreter: false,
      available: [],
    },
    {
      id: 'i3',
      householdKey: 'h2',
      studentId: 's3',
      childName: 'Ali',
      classId: 'c3',
      language: 'ar',
      needsInterpreter: true,
      available: [afternoon],
    },
    {
      id: 'i4',
      householdKey: 'h3',
      studentId: 's4',
      childName: 'Noor',
      classId: 'c3',
      language: 'da',
      needsInterpreter: false,
      available: [],
    },
  ],
  interpreters: [
    { id: 'x1', name: 'Amal', languages: ['ar'], times: [afternoon] },
    { id: 'x2', name: 'Olga', languages: ['uk'], times: [] },
  ],
  staffBusy: [],
  ...change,
});

describe('building the scheduler instance from a planned round', () => {
  it('makes one valid meeting per invitation with the class staff, the round’s afternoons and the marked times', () => {
    const { instance, noTimes } = buildPlanInstance(rows());
    const checked = validateInstance(instance);
    expect(checked.ok ? [] : checked.issues.map((i) => `${i.path}: ${i.message.en}`)).toEqual([]);
    expect(instance.meetings.map((m) => [m.id, m.household, m.staff, m.minutes, m.format])).toEqual([
      ['i1', 'h1', ['t1', 'p1'], 15, 'in-person'],
      // A class with nobody named holds its meetings apart under its own name.
      ['i2', 'h1', ['class:c7'], 20, 'in-person'],
      // An interpreted meeting is 1.5 times as long, on the five-minute grid.
      ['i3', 'h2', ['t1', 'p1'], 25, 'in-person'],
    ]);
    expect(instance.staff.find((s) => s.id === 't1')).toMatchObject({ room: 'Lokale 12', available: [afternoon] });
    expect(instance.staff.find((s) => s.id === 'p1')?.room).toBeUndefined();
    expect(instance.households.find((h) => h.id === 'h1')?.available).toEqual([
      { date: '2027-01-12', from: '14:00', to: '15:00' },
    ]);
    expect(instance.households.find((h) => h.id === 'h2')).toMatchObject({ language: 'ar', needsInterpreter: true });
    // Only interpreters with free times in the round take part.
    expect(instance.interpreters.map((i) => i.id)).toEqual(['x1']);
    // A home that marked nothing gets a reason a person can act on, in both languages.
    expect(noTimes).toEqual([
      {
        invitationId: 'i4',
        reason: { da: expect.stringMatching(/ikke markeret/), en: expect.stringMatching(/not marked/) },
      },
    ]);
  });

  it('plans a member of staff around the meetings they hold in another round that afternoon', () => {
    const { instance } = buildPlanInstance(
      rows({ staffBusy: [{ personId: 'p1', date: '2027-01-12', from: '14:30', to: '14:50' }] }),
    );
    expect(instance.staff.find((s) => s.id === 'p1')?.available).toEqual([
      { date: '2027-01-12', from: '14:00', to: '14:30' },
      { date: '2027-01-12', from: '14:50', to: '16:00' },
    ]);
    expect(instance.staff.find((s) => s.id === 't1')?.available).toEqual([afternoon]);
    const { schedule } = scheduleConferences(instance, { maxIterations: 50 });
    const minutes = Object.fromEntries(instance.meetings.map((m) => [m.id, m.minutes]));
    const placed = schedule.assignments.filter((a) => a.meeting === 'i1' || a.meeting === 'i3');
    expect(placed).toHaveLength(2);
    for (const a of placed) {
      const start = minutesOf(a.start);
      expect(start >= minutesOf('14:50') || start + minutes[a.meeting]! <= minutesOf('14:30'), a.start).toBe(true);
    }
  });

  it('uses phone or video when the round offers no meeting in person', () => {
    const { instance } = buildPlanInstance(rows({ round: { ...rows().round, formats: ['video', 'phone'] } }));
    expect(new Set(instance.meetings.map((m) => m.format))).toEqual(new Set(['video']));
  });

  it('words a scheduler reason without ids, naming the home in the reader’s language', () => {
    expect(
      readableReason({
        da: 'Lene (5f0e2b9a-1c1d-4e5f-8a9b-0c1d2e3f4a5b) og {home:Emma} (husstand 5f0e2b9a-1c1d-4e5f-8a9b-0c1d2e3f4a5b) kan ikke.',
        en: 'Lene (5f0e2b9a-1c1d-4e5f-8a9b-0c1d2e3f4a5b) and {home:Emma} (household person:5f0e2b9a-1c1d-4e5f-8a9b-0c1d2e3f4a5b) cannot.',
      }),
    ).toEqual({ da: 'Lene og Emmas hjem kan ikke.', en: 'Lene and Emma’s home cannot.' });
  });

  it('rounds interpreted meeting lengths up to the grid', () => {
    expect([meetingMinutes(15, true), meetingMinutes(20, true), meetingMinutes(20, false)]).toEqual([25, 30, 20]);
  });

  it('schedules the instance, counts the figures, and refuses a move onto a taken time', () => {
    const { instance, noTimes } = buildPlanInstance(rows());
    const result = scheduleConferences(instance, { maxIterations: 50 });
    const placements = result.schedule.assignments.map((a) => ({
      invitationId: a.meeting,
      date: a.date,
      from: a.start,
      to: '',
      interpreterId: a.interpreter ?? null,
    }));
    const figures = planFigures(instance, placements, noTimes);
    expect(figures).toMatchObject({ meetings: 4, placed: 3, extraDays: 0 });
    expect(placements.find((p) => p.invitationId === 'i3')?.interpreterId).toBe('x1');
    const taken = placements.find((p) => p.invitationId === 'i1')!;
    expect(moveInPlan(instance, placements, noTimes, 'i3', { date: taken.date, from: taken.from })).toBeNull();
    expect(moveInPlan(instance, placements, noTimes, 'i3', { date: '2027-01-13', from: '14:00' })).toBeNull();
  });
});
