import type { TConferenceInstance, TConferenceSchedule } from './instance.schema.js';

/**
 * The independent check of a schedule against every hard rule of the spec. It is written from
 * the spec alone and shares no code with the solver (not even time parsing), so a bug in the
 * solver's bookkeeping cannot hide itself here.
 */

export type ViolationRule =
  | 'unknown-meeting'
  | 'missing-meeting'
  | 'duplicate-meeting'
  | 'missing-reason'
  | 'outside-round'
  | 'off-grid'
  | 'interpreter'
  | 'availability'
  | 'overlap'
  | 'transfer'
  | 'break';

export interface ScheduleViolation {
  rule: ViolationRule;
  message: string;
}

interface Presence {
  meeting: string;
  date: string;
  start: number;
  end: number;
  /** null: phone or video, no room. */
  room: string | null;
}

/** Minutes after midnight of "HH:MM"; NaN for anything else. */
export const minutesOf = (text: string): number => {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
};

/** Whether [start, end) on `date` lies inside the union of the windows. */
export function covered(
  windows: readonly { date: string; from: string; to: string }[],
  date: string,
  start: number,
  end: number,
): boolean {
  const sameDay = windows
    .filter((window) => window.date === date)
    .map((window) => [minutesOf(window.from), minutesOf(window.to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let reached = start;
  for (const [from, to] of sameDay) {
    if (from > reached) break;
    reached = Math.max(reached, to);
    if (reached >= end) return true;
  }
  return reached >= end;
}

export function validateSchedule(instance: TConferenceInstance, schedule: TConferenceSchedule): ScheduleViolation[] {
  const violations: ScheduleViolation[] = [];
  const fail = (rule: ViolationRule, message: string) => violations.push({ rule, message });

  const meetings = new Map(instance.meetings.map((meeting) => [meeting.id, meeting]));
  const staff = new Map(instance.staff.map((member) => [member.id, member]));
  const households = new Map(instance.households.map((household) => [household.id, household]));
  const interpreters = new Map(instance.interpreters.map((interpreter) => [interpreter.id, interpreter]));

  const seen = new Map<string, number>();
  for (const entry of [...schedule.assignments, ...schedule.unscheduled]) {
    if (!meetings.has(entry.meeting)) fail('unknown-meeting', `${entry.meeting} is not a meeting of the instance`);
    seen.set(entry.meeting, (seen.get(entry.meeting) ?? 0) + 1);
  }
  for (const meeting of instance.meetings) {
    const count = seen.get(meeting.id) ?? 0;
    if (count === 0) fail('missing-meeting', `${meeting.id} is neither assigned nor unscheduled`);
    if (count > 1) fail('duplicate-meeting', `${meeting.id} appears ${count} times`);
  }
  for (const entry of schedule.unscheduled) {
    if (entry.reason.trim() === '') fail('missing-reason', `${entry.meeting} is unscheduled without a reason`);
  }

  const presences = new Map<string, Presence[]>();
  const attend = (person: string, presence: Presence) => {
    const list = presences.get(person) ?? [];
    list.push(presence);
    presences.set(person, list);
  };

  for (const assignment of schedule.assignments) {
    const meeting = meetings.get(assignment.meeting);
    if (!meeting) continue;
    const start = minutesOf(assignment.start);
    const end = start + meeting.minutes;
    const where = `${meeting.id} (${assignment.date} ${assignment.start})`;
    if (!instance.days.includes(assignment.date))
      fail('outside-round', `${where}: ${assignment.date} is not a day of the round`);
    if (!(start % 5 === 0)) fail('off-grid', `${where}: the start is not on the 5-minute grid`);
    const room = meeting.format === 'in-person' ? (staff.get(meeting.staff[0] ?? '')?.room ?? null) : null;
    const presence: Presence = { meeting: meeting.id, date: assignment.date, start, end, room };

    const household = households.get(meeting.household);
    if (household) {
      if (!covered(household.available, assignment.date, start, end)) {
        fail('availability', `${where}: household ${household.id} is not free then`);
      }
      attend(`household ${household.id}`, presence);
      if (household.needsInterpreter) {
        const interpreter = assignment.interpreter ? interpreters.get(assignment.interpreter) : undefined;
        if (!interpreter) {
          fail('interpreter', `${where}: household ${household.id} needs an interpreter and has none`);
        } else if (!interpreter.languages.includes(household.language ?? '')) {
          fail('interpreter', `${where}: interpreter ${interpreter.id} does not speak ${household.language}`);
        }
      } else if (assignment.interpreter) {
        fail(
          'interpreter',
          `${where}: household ${household.id} needs no interpreter, but ${assignment.interpreter} is booked`,
        );
      }
    }
    for (const staffId of meeting.staff) {
      const member = staff.get(staffId);
      if (!member) continue;
      if (!covered(member.available, assignment.date, start, end))
        fail('availability', `${where}: ${staffId} is not free then`);
      attend(`staff ${staffId}`, presence);
    }
    if (assignment.interpreter) {
      const interpreter = interpreters.get(assignment.interpreter);
      if (!interpreter) {
        fail('interpreter', `${where}: unknown interpreter ${assignment.interpreter}`);
      } else {
        if (!covered(interpreter.available, assignment.date, start, end)) {
          fail('availability', `${where}: interpreter ${interpreter.id} is not free then`);
        }
        attend(`interpreter ${interpreter.id}`, presence);
      }
    }
  }

  for (const [person, list] of presences) {
    const byDate = new Map<string, Presence[]>();
    for (const presence of list) byDate.set(presence.date, [...(byDate.get(presence.date) ?? []), presence]);
    for (const [date, day] of byDate) {
      day.sort((a, b) => a.start - b.start);
      for (let i = 0; i < day.length; i++) {
        for (let j = i + 1; j < day.length; j++) {
          const a = day[i] as Presence;
          const b = day[j] as Presence;
          if (a.start < b.end && b.start < a.end)
            fail('overlap', `${person} is in ${a.meeting} and ${b.meeting} at once on ${date}`);
        }
      }
      const inPerson = day.filter((presence) => presence.room !== null);
      for (let i = 1; i < inPerson.length; i++) {
        const a = inPerson[i - 1] as Presence;
        const b = inPerson[i] as Presence;
        if (a.room !== b.room && b.start - a.end < instance.transferMinutes) {
          fail(
            'transfer',
            `${person} has ${b.start - a.end} minutes to go from ${a.room} (${a.meeting}) to ${b.room} (${b.meeting}) on ${date}; ${instance.transferMinutes} are needed`,
          );
        }
      }
      if (person.startsWith('staff ')) {
        const member = staff.get(person.slice('staff '.length));
        const limit = member?.maxConsecutiveMinutes;
        if (member && limit !== undefined) {
          const pause = member.breakMinutes ?? 0;
          let runStart = Number.NaN;
          let runEnd = Number.NaN;
          for (const presence of day) {
            if (Number.isNaN(runStart) || presence.start - runEnd >= pause) {
              runStart = presence.start;
              runEnd = presence.end;
            } else {
              runEnd = Math.max(runEnd, presence.end);
            }
            if (runEnd - runStart > limit) {
              fail(
                'break',
                `${person} works ${runEnd - runStart} minutes without a ${pause}-minute break on ${date} (until ${presence.meeting}); at most ${limit} are allowed`,
              );
              break;
            }
          }
        }
      }
    }
  }
  return violations;
}
