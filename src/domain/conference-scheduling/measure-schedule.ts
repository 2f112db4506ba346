import type { TConferenceInstance, TConferenceMeeting, TConferenceSchedule } from './instance.schema.js';
import { covered, minutesOf, validateSchedule } from './validate-schedule.js';

/**
 * The measure of the spec (1–6), computed from the written schedule alone, like the validator:
 * the solver's running totals are checked against it, not the other way round.
 */
export interface ScheduleMeasure {
  /** 1. No hard rule broken. */
  feasible: boolean;
  violations: number;
  meetings: number;
  /** 2. Meetings placed … */
  placed: number;
  /** … against meetings that could be placed in an empty timetable, each considered alone. */
  placeable: number;
  /** 3. Sum over households of (distinct days − 1). */
  householdDays: number;
  /** No schedule can do better on 3: each household's meetings on the fewest days where each fits alone. */
  householdDaysLowerBound: number;
  /** 4. Minutes households spend between meetings beyond the walking they need. */
  householdWaiting: number;
  /** 5. Staff minutes between first and last meeting of a day not in meetings or required breaks. */
  staffIdle: number;
  /** 6. The same for interpreters (who have no break rule). */
  interpreterIdle: number;
  /** Households whose every meeting is placeable alone. */
  possibleHouseholds: number;
  /** Possible households with no waiting on any day (the aim, taken literally). */
  householdsWithZeroWaiting: number;
  /** Possible households with every meeting placed and no waiting on any day. */
  householdsServedWithoutWaiting: number;
  /** Possible households with every meeting placed, on one day, with no waiting. */
  householdsBackToBack: number;
}

interface Attendance {
  date: string;
  start: number;
  end: number;
  room: string | null;
}

const GRID = 5;

/** The round days on which the meeting fits when nobody has any other meeting. */
export function placeableDays(instance: TConferenceInstance, meeting: TConferenceMeeting): string[] {
  const household = instance.households.find((candidate) => candidate.id === meeting.household);
  const staff = meeting.staff.map((id) => instance.staff.find((member) => member.id === id));
  if (!household || staff.some((member) => !member)) return [];
  if (
    staff.some(
      (member) => member?.maxConsecutiveMinutes !== undefined && meeting.minutes > member.maxConsecutiveMinutes,
    )
  ) {
    return [];
  }
  const interpreters = household.needsInterpreter
    ? instance.interpreters.filter((interpreter) => interpreter.languages.includes(household.language ?? ''))
    : null;
  const days = new Set<string>();
  // A person's windows may overlap or touch; what counts is their union, so every grid start of
  // the day is tried against it rather than one window at a time.
  for (const date of instance.days) {
    const sameDay = household.available.filter((window) => window.date === date);
    if (sameDay.length === 0) continue;
    const first = Math.ceil(Math.min(...sameDay.map((window) => minutesOf(window.from))) / GRID) * GRID;
    const last = Math.max(...sameDay.map((window) => minutesOf(window.to)));
    for (let start = first; start + meeting.minutes <= last; start += GRID) {
      const end = start + meeting.minutes;
      if (!covered(household.available, date, start, end)) continue;
      if (!staff.every((member) => member && covered(member.available, date, start, end))) continue;
      if (interpreters && !interpreters.some((interpreter) => covered(interpreter.available, date, start, end)))
        continue;
      days.add(date);
      break;
    }
  }
  return instance.days.filter((day) => days.has(day));
}

/** The fewest days a household must come, minus one, if each of its meetings had the round to itself. */
function fewestExtraDays(placeable: readonly string[][]): number {
  const needed = placeable.filter((days) => days.length > 0);
  if (needed.length === 0) return 0;
  const days = [...new Set(needed.flat())];
  for (let size = 1; size <= days.length; size++) {
    if (subsets(days, size).some((chosen) => needed.every((options) => options.some((day) => chosen.includes(day)))))
      return size - 1;
  }
  return days.length - 1;
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, index) => subsets(items.slice(index + 1), size - 1).map((rest) => [item, ...rest]));
}

export function measureSchedule(instance: TConferenceInstance, schedule: TConferenceSchedule): ScheduleMeasure {
  const violations = validateSchedule(instance, schedule);
  const meetings = new Map(instance.meetings.map((meeting) => [meeting.id, meeting]));
  const rooms = new Map(instance.staff.map((member) => [member.id, member.room ?? null]));
  const byPerson = new Map<string, Attendance[]>();
  const add = (person: string, attendance: Attendance) =>
    byPerson.set(person, [...(byPerson.get(person) ?? []), attendance]);
  let placed = 0;
  const placedMeetings = new Set<string>();
  for (const assignment of schedule.assignments) {
    const meeting = meetings.get(assignment.meeting);
    if (!meeting || placedMeetings.has(meeting.id)) continue;
    placedMeetings.add(meeting.id);
    placed++;
    const start = minutesOf(assignment.start);
    const attendance: Attendance = {
      date: assignment.date,
      start,
      end: start + meeting.minutes,
      room: meeting.format === 'in-person' ? (rooms.get(meeting.staff[0] ?? '') ?? null) : null,
    };
    add(`household:${meeting.household}`, attendance);
    for (const staffId of meeting.staff) add(`staff:${staffId}`, attendance);
    if (assignment.interpreter) add(`interpreter:${assignment.interpreter}`, attendance);
  }

  const placeableOn = new Map(instance.meetings.map((meeting) => [meeting.id, placeableDays(instance, meeting)]));
  const placeableIds = new Set(
    instance.meetings.filter((meeting) => (placeableOn.get(meeting.id)?.length ?? 0) > 0).map((meeting) => meeting.id),
  );
  const perDay = (list: readonly Attendance[]) => {
    const days = new Map<string, Attendance[]>();
    for (const attendance of list) days.set(attendance.date, [...(days.get(attendance.date) ?? []), attendance]);
    for (const day of days.values()) day.sort((a, b) => a.start - b.start);
    return [...days.values()];
  };
  const spanMinusBusy = (day: readonly Attendance[]) =>
    (day[day.length - 1]?.end ?? 0) -
    (day[0]?.start ?? 0) -
    day.reduce((sum, attendance) => sum + attendance.end - attendance.start, 0);

  let householdDays = 0;
  let householdDaysLowerBound = 0;
  let householdWaiting = 0;
  let possibleHouseholds = 0;
  let householdsWithZeroWaiting = 0;
  let householdsServedWithoutWaiting = 0;
  let householdsBackToBack = 0;
  for (const household of instance.households) {
    const days = perDay(byPerson.get(`household:${household.id}`) ?? []);
    householdDays += Math.max(0, days.length - 1);
    let waiting = 0;
    for (const day of days) {
      // The walking it needs: between two in-person meetings in different rooms, up to
      // transferMinutes of the time no other meeting (a phone call) fills.
      let walking = 0;
      let lastRoom: string | null = null;
      let freeSinceLastRoom = 0;
      for (let i = 0; i < day.length; i++) {
        const attendance = day[i] as Attendance;
        if (i > 0) freeSinceLastRoom += attendance.start - (day[i - 1] as Attendance).end;
        if (attendance.room === null) continue;
        if (lastRoom !== null && attendance.room !== lastRoom)
          walking += Math.min(instance.transferMinutes, freeSinceLastRoom);
        lastRoom = attendance.room;
        freeSinceLastRoom = 0;
      }
      waiting += spanMinusBusy(day) - walking;
    }
    householdWaiting += waiting;
    const own = instance.meetings.filter((meeting) => meeting.household === household.id);
    householdDaysLowerBound += fewestExtraDays(own.map((meeting) => placeableOn.get(meeting.id) ?? []));
    if (own.length > 0 && own.every((meeting) => placeableIds.has(meeting.id))) {
      possibleHouseholds++;
      if (waiting === 0) householdsWithZeroWaiting++;
      if (own.every((meeting) => placedMeetings.has(meeting.id)) && waiting === 0) {
        householdsServedWithoutWaiting++;
        if (days.length === 1) householdsBackToBack++;
      }
    }
  }

  let staffIdle = 0;
  for (const member of instance.staff) {
    for (const day of perDay(byPerson.get(`staff:${member.id}`) ?? [])) {
      const limit = member.maxConsecutiveMinutes ?? Number.POSITIVE_INFINITY;
      const pause = member.breakMinutes ?? 0;
      let requiredBreaks = 0;
      let runStart = day[0]?.start ?? 0;
      let previousEnd = day[0]?.end ?? 0;
      for (const attendance of day.slice(1)) {
        if (attendance.start - previousEnd >= pause) {
          // A break counts as required when the meeting after it could not have joined the run before it.
          if (previousEnd - runStart + (attendance.end - attendance.start) > limit) requiredBreaks++;
          runStart = attendance.start;
        }
        previousEnd = attendance.end;
      }
      staffIdle += spanMinusBusy(day) - requiredBreaks * pause;
    }
  }
  let interpreterIdle = 0;
  for (const interpreter of instance.interpreters) {
    for (const day of perDay(byPerson.get(`interpreter:${interpreter.id}`) ?? []))
      interpreterIdle += spanMinusBusy(day);
  }

  return {
    feasible: violations.length === 0,
    violations: violations.length,
    meetings: instance.meetings.length,
    placed,
    placeable: placeableIds.size,
    householdDays,
    householdDaysLowerBound,
    householdWaiting,
    staffIdle,
    interpreterIdle,
    possibleHouseholds,
    householdsWithZeroWaiting,
    householdsServedWithoutWaiting,
    householdsBackToBack,
  };
}
