import { parseClockTime } from './clock.js';
import type { TAvailabilityWindow, TConferenceInstance } from './instance.schema.js';

/** Minutes after midnight, end exclusive. */
export interface Interval {
  start: number;
  end: number;
}

export type EntityKind = 'staff' | 'interpreter' | 'household';

/**
 * Everyone whose time a meeting uses. Staff, interpreters and households share one index space
 * so that the bookkeeping treats "nobody is in two places at once" the same way for all of them.
 */
export interface ModelEntity {
  kind: EntityKind;
  id: string;
  label?: string;
  /** Free time per round day (index into `days`), merged and sorted. */
  windows: Interval[][];
  /** Longest run of meetings without a break; Infinity when the person has no limit. */
  maxRunMinutes: number;
  breakMinutes: number;
}

export interface ModelMeeting {
  index: number;
  id: string;
  label?: string;
  student: string;
  household: number;
  /** Entity indexes of the meeting's staff, first staff member first. */
  staff: number[];
  minutes: number;
  format: 'in-person' | 'phone' | 'video';
  /** Room index for in-person meetings, -1 for phone and video. */
  room: number;
  needsInterpreter: boolean;
  /** Entity indexes of the interpreters who speak the household's language. */
  interpreterCandidates: number[];
}

export interface ConferenceModel {
  instance: TConferenceInstance;
  days: string[];
  transferMinutes: number;
  entities: ModelEntity[];
  staffCount: number;
  interpreterCount: number;
  householdCount: number;
  meetings: ModelMeeting[];
  /** Meeting indexes per household index. */
  householdMeetings: number[][];
  rooms: string[];
}

export function householdEntity(model: ConferenceModel, household: number): number {
  return model.staffCount + model.interpreterCount + household;
}

export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) result.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return result;
}

/** Turns a validated instance into indexed arrays for the solver. */
export function buildModel(instance: TConferenceInstance): ConferenceModel {
  const days = [...instance.days];
  const dayIndex = new Map(days.map((day, index) => [day, index]));
  const windowsPerDay = (available: readonly TAvailabilityWindow[]) => {
    const perDay: Interval[][] = days.map(() => []);
    for (const window of available) {
      const day = dayIndex.get(window.date);
      const start = parseClockTime(window.from);
      const end = parseClockTime(window.to);
      if (day !== undefined && start < end) perDay[day]?.push({ start, end });
    }
    return perDay.map(mergeIntervals);
  };

  const entities: ModelEntity[] = [];
  const staffIndex = new Map<string, number>();
  for (const member of instance.staff) {
    staffIndex.set(member.id, entities.length);
    entities.push({
      kind: 'staff',
      id: member.id,
      label: member.label,
      windows: windowsPerDay(member.available),
      maxRunMinutes: member.maxConsecutiveMinutes ?? Number.POSITIVE_INFINITY,
      breakMinutes: member.breakMinutes ?? 0,
    });
  }
  const interpreterEntities: number[] = [];
  for (const interpreter of instance.interpreters) {
    interpreterEntities.push(entities.length);
    entities.push({
      kind: 'interpreter',
      id: interpreter.id,
      label: interpreter.label,
      windows: windowsPerDay(interpreter.available),
      maxRunMinutes: Number.POSITIVE_INFINITY,
      breakMinutes: 0,
    });
  }
  const householdIndex = new Map<string, number>();
  instance.households.forEach((household, index) => {
    householdIndex.set(household.id, index);
    entities.push({
      kind: 'household',
      id: household.id,
      label: household.label,
      windows: windowsPerDay(household.available),
      maxRunMinutes: Number.POSITIVE_INFINITY,
      breakMinutes: 0,
    });
  });

  const rooms: string[] = [];
  const roomIndex = new Map<string, number>();
  const householdMeetings: number[][] = instance.households.map(() => []);
  const meetings: ModelMeeting[] = instance.meetings.map((meeting, index) => {
    const household = householdIndex.get(meeting.household);
    if (household === undefined) throw new Error(`unknown household ${meeting.household}; validate the instance first`);
    const staff = meeting.staff.map((id) => {
      const entity = staffIndex.get(id);
      if (entity === undefined) throw new Error(`unknown staff ${id}; validate the instance first`);
      return entity;
    });
    let room = -1;
    if (meeting.format === 'in-person') {
      const name = instance.staff.find((member) => member.id === meeting.staff[0])?.room ?? '';
      room = roomIndex.get(name) ?? -1;
      if (room < 0) {
        room = rooms.length;
        rooms.push(name);
        roomIndex.set(name, room);
      }
    }
    const householdData = instance.households[household];
    const needsInterpreter = householdData?.needsInterpreter ?? false;
    const interpreterCandidates = needsInterpreter
      ? interpreterEntities.filter((_entity, position) =>
          instance.interpreters[position]?.languages.includes(householdData?.language ?? ''),
        )
      : [];
    householdMeetings[household]?.push(index);
    return {
      index,
      id: meeting.id,
      label: meeting.label,
      student: meeting.student,
      household,
      staff,
      minutes: meeting.minutes,
      format: meeting.format,
      room,
      needsInterpreter,
      interpreterCandidates,
    };
  });

  return {
    instance,
    days,
    transferMinutes: instance.transferMinutes,
    entities,
    staffCount: instance.staff.length,
    interpreterCount: instance.interpreters.length,
    householdCount: instance.households.length,
    meetings,
    householdMeetings,
    rooms,
  };
}
