import { describe, expect, it } from 'vitest';
import { ZConferenceInstance } from './instance.schema.js';
import { measureSchedule } from './measure-schedule.js';

const DAY1 = '2026-11-24';
const DAY2 = '2026-11-26';
const afternoon = (date: string, from = '14:00', to = '18:00') => ({ date, from, to });

describe('measureSchedule', () => {
  it('counts a meeting as placeable when it fits the union of overlapping windows (found by fast-check)', () => {
    const instance = ZConferenceInstance.parse({
      round: 'property',
      days: [DAY1],
      transferMinutes: 0,
      staff: [{ id: 't0', available: [afternoon(DAY1, '13:00', '13:40')] }],
      interpreters: [],
      households: [{ id: 'h0', available: [afternoon(DAY1, '13:01', '13:40'), afternoon(DAY1, '13:00', '13:15')] }],
      meetings: [{ id: 'm0', student: 's0', household: 'h0', staff: ['t0'], minutes: 40, format: 'phone' }],
    });
    const measure = measureSchedule(instance, {
      assignments: [{ meeting: 'm0', date: DAY1, start: '13:00' }],
      unscheduled: [],
    });
    expect(measure.placeable).toBe(1);
    expect(measure.placed).toBe(1);
  });

  it('computes measures 1–6 by hand-checked numbers', () => {
    const instance = ZConferenceInstance.parse({
      round: 'test',
      days: [DAY1, DAY2],
      transferMinutes: 5,
      staff: [
        { id: 't1', room: 'A', available: [afternoon(DAY1)], maxConsecutiveMinutes: 60, breakMinutes: 15 },
        { id: 't2', room: 'B', available: [afternoon(DAY1), afternoon(DAY2)] },
      ],
      interpreters: [{ id: 'i1', languages: ['ar'], available: [afternoon(DAY1)] }],
      households: [
        { id: 'h1', available: [afternoon(DAY1)] },
        { id: 'h2', available: [afternoon(DAY1), afternoon(DAY2)] },
        { id: 'h3', language: 'ar', needsInterpreter: true, available: [afternoon(DAY1)] },
        { id: 'h4', language: 'ar', needsInterpreter: true, available: [afternoon(DAY1)] },
        { id: 'h5', available: [afternoon(DAY1, '14:00', '14:10')] },
      ],
      meetings: [
        { id: 'm1', student: 's1', household: 'h1', staff: ['t1'], minutes: 20, format: 'in-person' },
        { id: 'm2', student: 's2', household: 'h1', staff: ['t2'], minutes: 20, format: 'in-person' },
        { id: 'm3', student: 's3', household: 'h2', staff: ['t1'], minutes: 20, format: 'in-person' },
        { id: 'm4', student: 's4', household: 'h2', staff: ['t2'], minutes: 20, format: 'phone' },
        { id: 'm5', student: 's5', household: 'h3', staff: ['t1'], minutes: 20, format: 'in-person' },
        { id: 'm6', student: 's6', household: 'h4', staff: ['t1'], minutes: 20, format: 'in-person' },
        { id: 'm7', student: 's7', household: 'h5', staff: ['t2'], minutes: 20, format: 'in-person' },
      ],
    });
    const measure = measureSchedule(instance, {
      assignments: [
        { meeting: 'm1', date: DAY1, start: '14:00' },
        { meeting: 'm3', date: DAY1, start: '14:20' },
        { meeting: 'm2', date: DAY1, start: '14:30' },
        { meeting: 'm5', date: DAY1, start: '14:40', interpreter: 'i1' },
        { meeting: 'm6', date: DAY1, start: '15:20', interpreter: 'i1' },
        { meeting: 'm4', date: DAY2, start: '14:00' },
      ],
      unscheduled: [{ meeting: 'm7', reason: 'h5 has only ten minutes' }],
    });
    expect(measure).toEqual({
      feasible: true,
      violations: 0,
      meetings: 7,
      placed: 6,
      placeable: 6,
      // h2 comes on two days although both its meetings fit on one.
      householdDays: 1,
      householdDaysLowerBound: 0,
      // h1: 50 minutes from first start to last end, 40 in meetings, 5 walking from A to B.
      householdWaiting: 5,
      // t1: 14:00–15:40 with 80 minutes of meetings; after 60 minutes in a row the 15-minute break is required.
      staffIdle: 5,
      interpreterIdle: 20,
      possibleHouseholds: 4,
      householdsWithZeroWaiting: 3,
      householdsServedWithoutWaiting: 3,
      householdsBackToBack: 2,
    });
  });

  it('does not count walking a phone call already covers, so waiting never goes below zero', () => {
    const instance = ZConferenceInstance.parse({
      round: 'test',
      days: [DAY1],
      transferMinutes: 5,
      staff: [
        { id: 't1', room: 'A', available: [afternoon(DAY1)] },
        { id: 't2', room: 'B', available: [afternoon(DAY1)] },
        { id: 'p1', available: [afternoon(DAY1)] },
      ],
      households: [{ id: 'h1', available: [afternoon(DAY1)] }],
      meetings: [
        { id: 'm1', student: 's1', household: 'h1', staff: ['t1'], minutes: 20, format: 'in-person' },
        { id: 'm2', student: 's2', household: 'h1', staff: ['p1'], minutes: 10, format: 'phone' },
        { id: 'm3', student: 's3', household: 'h1', staff: ['t2'], minutes: 20, format: 'in-person' },
      ],
    });
    const measure = measureSchedule(instance, {
      assignments: [
        { meeting: 'm1', date: DAY1, start: '14:00' },
        { meeting: 'm2', date: DAY1, start: '14:20' },
        { meeting: 'm3', date: DAY1, start: '14:35' },
      ],
      unscheduled: [],
    });
    // 14:30–14:35 is free after the call: that is the walk to B, not waiting.
    expect(measure).toMatchObject({ feasible: true, householdWaiting: 0, householdsBackToBack: 1 });
  });
});
