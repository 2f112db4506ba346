import { formatClockTime, parseClockTime, roundUpToGrid } from '../../domain/conference-scheduling/clock.js';
import type {
  TAvailabilityWindow,
  TConferenceInstance,
  TConferenceSchedule,
  TMeetingFormat,
} from '../../domain/conference-scheduling/instance.schema.js';
import { measureSchedule } from '../../domain/conference-scheduling/measure-schedule.js';
import { validateSchedule } from '../../domain/conference-scheduling/validate-schedule.js';
import type { PlanFigures, PlanPlacement, PlanUnplaced } from '../db/schema.js';
import { danishPossessive } from '../../shared/possessive.js';
import { withoutBusy } from '../../domain/conferences/slots.js';

/**
 * A planned round as the scheduler sees it (shared spec conference-scheduling.md), built from the
 * stored rows: one meeting per invitation (a household and a child), its staff the class's contact
 * teacher and those "also taking part", available on the round's afternoons; each household free
 * when its guardians marked; an interpreter of the household's language when its directory record
 * says it needs one, and then a meeting 1.5 times as long. Pure, so the rules are tested alone.
 */

/** Interpreted meetings take this much longer (issue 10: 1.5× by default). */
export const INTERPRETED_FACTOR = 1.5;
/** Walking between two rooms. */
export const TRANSFER_MINUTES = 5;
/** After this long in meetings a member of staff has a break. */
export const MAX_CONSECUTIVE_MINUTES = 120;
export const BREAK_MINUTES = 10;

export interface PlanRows {
  round: {
    id: string;
    name: string;
    days: TAvailabilityWindow[];
    minutesByGrade: Record<string, number>;
    formats: ReadonlyArray<'in_person' | 'phone' | 'video'>;
  };
  /** The round's classes with the staff who take part, the contact teacher first. */
  classes: ReadonlyArray<{
    id: string;
    name: string;
    grade: number;
    room: string | null;
    staff: ReadonlyArray<{ id: string; name: string }>;
  }>;
  invitations: ReadonlyArray<{
    id: string;
    householdKey: string;
    studentId: string;
    childName: string;
    classId: string;
    /** The household's language (a guardian's), and whether one of them needs an interpreter. */
    language: string;
    needsInterpreter: boolean;
    available: TAvailabilityWindow[];
  }>;
  interpreters: ReadonlyArray<{ id: string; name: string; languages: string[]; times: TAvailabilityWindow[] }>;
  /** The meetings the round's staff hold in other rounds: they are planned around them. */
  staffBusy: ReadonlyArray<{ personId: string; date: string; from: string; to: string }>;
}

export interface PlanInstance {
  instance: TConferenceInstance;
  /** Invitations left out because their household marked no time at all, with a reason a person can act on. */
  noTimes: PlanUnplaced[];
}

const FORMAT: Record<'in_person' | 'phone' | 'video', TMeetingFormat> = {
  in_person: 'in-person',
  phone: 'phone',
  video: 'video',
};

/** A meeting's length: the grade's, and 1.5 times that (on the 5-minute grid) with an interpreter. */
export function meetingMinutes(gradeMinutes: number, interpreted: boolean): number {
  return interpreted ? roundUpToGrid(gradeMinutes * INTERPRETED_FACTOR) : gradeMinutes;
}

export function buildPlanInstance(rows: PlanRows): PlanInstance {
  const classes = new Map(rows.classes.map((klass) => [klass.id, klass]));
  const format =
    FORMAT[rows.round.formats.includes('in_person') ? 'in_person' : (rows.round.formats[0] ?? 'in_person')];
  const staff = new Map<string, TConferenceInstance['staff'][number]>();
  const staffOf = (klass: PlanRows['classes'][number]): string[] => {
    // A class with nobody named holds its own meetings apart, so two never share its time.
    const members = klass.staff.length > 0 ? klass.staff : [{ id: `class:${klass.id}`, name: klass.name }];
    members.forEach((member, index) => {
      const known = staff.get(member.id);
      // In-person meetings are held in the room of their first staff member: the class's room, or
      // its own classroom when the round names none.
      const room = index === 0 ? (klass.room ?? klass.name) : undefined;
      if (known) {
        if (room && !known.room) known.room = room;
        return;
      }
      staff.set(member.id, {
        id: member.id,
        label: member.name,
        ...(room ? { room } : {}),
        available: withoutBusy(
          rows.round.days.map((day) => ({ date: day.date, from: day.from, to: day.to })),
          rows.staffBusy.filter((busy) => busy.personId === member.id),
        ),
        maxConsecutiveMinutes: MAX_CONSECUTIVE_MINUTES,
        breakMinutes: BREAK_MINUTES,
      });
    });
    return members.map((member) => member.id);
  };

  const households = new Map<string, TConferenceInstance['households'][number]>();
  for (const invitation of rows.invitations) {
    const household = households.get(invitation.householdKey) ?? {
      id: invitation.householdKey,
      // Worded per language by `readableReason`.
      label: `{home:${invitation.childName}}`,
      language: invitation.language,
      needsInterpreter: false,
      available: [],
    };
    household.needsInterpreter ||= invitation.needsInterpreter;
    household.available.push(...invitation.available);
    households.set(invitation.householdKey, household);
  }

  const meetings: TConferenceInstance['meetings'] = [];
  const noTimes: PlanUnplaced[] = [];
  for (const invitation of rows.invitations) {
    const klass = classes.get(invitation.classId);
    const household = households.get(invitation.householdKey);
    if (!klass || !household) continue;
    if (household.available.length === 0) {
      noTimes.push({
        invitationId: invitation.id,
        reason: {
          da: `Hjemmet har ikke markeret nogen eftermiddag, der passer (${invitation.childName}, ${klass.name}). Ring eller skriv til dem, og markér en tid sammen med dem.`,
          en: `The home has not marked any afternoon that suits it (${invitation.childName}, ${klass.name}). Call or write to them, and mark a time together.`,
        },
      });
      continue;
    }
    meetings.push({
      id: invitation.id,
      label: klass.name,
      student: invitation.studentId,
      household: invitation.householdKey,
      staff: staffOf(klass),
      minutes: meetingMinutes(rows.round.minutesByGrade[String(klass.grade)] ?? 15, household.needsInterpreter),
      format,
    });
  }
  const used = new Set(meetings.map((meeting) => meeting.household));
  return {
    instance: {
      round: rows.round.id,
      days: rows.round.days.map((day) => day.date),
      transferMinutes: TRANSFER_MINUTES,
      staff: [...staff.values()],
      interpreters: rows.interpreters
        .filter((interpreter) => interpreter.times.length > 0)
        .map((interpreter) => ({
          id: interpreter.id,
          label: interpreter.name,
          languages: interpreter.languages,
          available: interpreter.times,
        })),
      households: [...households.values()].filter((household) => used.has(household.id)),
      meetings,
    },
    noTimes,
  };
}

/** The plan as a schedule of the spec's format, to check and measure. */
export function scheduleOf(
  instance: TConferenceInstance,
  placements: readonly PlanPlacement[],
  unplaced: readonly PlanUnplaced[],
): TConferenceSchedule {
  const meetings = new Set(instance.meetings.map((meeting) => meeting.id));
  return {
    assignments: placements
      .filter((p) => meetings.has(p.invitationId))
      .map((p) => ({
        meeting: p.invitationId,
        date: p.date,
        start: p.from,
        ...(p.interpreterId ? { interpreter: p.interpreterId } : {}),
      })),
    unscheduled: unplaced
      .filter((u) => meetings.has(u.invitationId))
      .map((u) => ({ meeting: u.invitationId, reason: u.reason.en })),
  };
}

/** The figures the leader reads: meetings, placed, minutes households wait between meetings, extra days they come. */
export function planFigures(
  instance: TConferenceInstance,
  placements: readonly PlanPlacement[],
  unplaced: readonly PlanUnplaced[],
): PlanFigures {
  const measure = measureSchedule(instance, scheduleOf(instance, placements, unplaced));
  return {
    meetings:
      instance.meetings.length + unplaced.filter((u) => !instance.meetings.some((m) => m.id === u.invitationId)).length,
    placed: measure.placed,
    householdWaiting: measure.householdWaiting,
    extraDays: measure.householdDays,
  };
}

/** A placement of a meeting at a start, its end from the meeting's length. */
export function placementAt(
  instance: TConferenceInstance,
  invitationId: string,
  date: string,
  from: string,
  interpreterId: string | null,
): PlanPlacement | null {
  const meeting = instance.meetings.find((m) => m.id === invitationId);
  if (!meeting) return null;
  return { invitationId, date, from, to: formatClockTime(parseClockTime(from) + meeting.minutes), interpreterId };
}

/**
 * The plan with one meeting moved to `date`/`from` (or placed there, if it was not), when that
 * breaks no hard rule (validate-schedule, the independent check): with its interpreter if they
 * can come, else another who speaks the language. Null when every way breaks a rule.
 */
export function moveInPlan(
  instance: TConferenceInstance,
  placements: readonly PlanPlacement[],
  unplaced: readonly PlanUnplaced[],
  invitationId: string,
  time: { date: string; from: string },
): { placements: PlanPlacement[]; unplaced: PlanUnplaced[] } | null {
  const meeting = instance.meetings.find((m) => m.id === invitationId);
  if (!meeting || !instance.days.includes(time.date)) return null;
  if (parseClockTime(time.from) % 5 !== 0) return null;
  const household = instance.households.find((h) => h.id === meeting.household);
  const current = placements.find((p) => p.invitationId === invitationId);
  const others = placements.filter((p) => p.invitationId !== invitationId);
  const restUnplaced = unplaced.filter((u) => u.invitationId !== invitationId);
  const candidates: Array<string | null> = household?.needsInterpreter
    ? [
        ...(current?.interpreterId ? [current.interpreterId] : []),
        ...instance.interpreters
          .filter((i) => i.id !== current?.interpreterId && i.languages.includes(household.language ?? ''))
          .map((i) => i.id),
      ]
    : [null];
  for (const interpreterId of candidates) {
    const moved = placementAt(instance, invitationId, time.date, time.from, interpreterId);
    if (!moved) return null;
    const next = [...others, moved];
    if (validateSchedule(instance, scheduleOf(instance, next, restUnplaced)).length === 0)
      return { placements: next, unplaced: restUnplaced };
  }
  return null;
}

/**
 * Times a meeting could move to without breaking a rule: starts on a grid of its own length
 * inside its household's marked times, at most `limit`, the current one left out.
 */
export function possibleMoves(
  instance: TConferenceInstance,
  placements: readonly PlanPlacement[],
  unplaced: readonly PlanUnplaced[],
  invitationId: string,
  limit = 12,
): Array<{ date: string; from: string; to: string }> {
  const meeting = instance.meetings.find((m) => m.id === invitationId);
  const household = instance.households.find((h) => h.id === meeting?.household);
  if (!meeting || !household) return [];
  const current = placements.find((p) => p.invitationId === invitationId);
  const moves: Array<{ date: string; from: string; to: string }> = [];
  const step = Math.max(5, meeting.minutes);
  for (const window of [...household.available].sort((a, b) =>
    `${a.date}${a.from}`.localeCompare(`${b.date}${b.from}`),
  )) {
    for (let start = parseClockTime(window.from); start + meeting.minutes <= parseClockTime(window.to); start += step) {
      if (moves.length >= limit) return moves;
      const from = formatClockTime(start);
      if (current && current.date === window.date && current.from === from) continue;
      if (moveInPlan(instance, placements, unplaced, invitationId, { date: window.date, from }))
        moves.push({ date: window.date, from, to: formatClockTime(start + meeting.minutes) });
    }
  }
  return moves;
}

/**
 * A scheduler's reason as a leader reads it: the household named "Emma's home" in the reader's
 * language, and without the ids the scheduler adds after each name (they mean nothing here).
 */
export function readableReason(reason: { da: string; en: string }): { da: string; en: string } {
  const ids = / \((?:husstand |household |tolk |interpreter )?(?:class:|person:)?[0-9a-f]{8}-[0-9a-f-]{27}\)/g;
  const clean = (text: string, home: (name: string) => string) =>
    text.replace(ids, '').replace(/\{home:([^}]*)\}/g, (_, name: string) => home(name));
  return {
    da: clean(reason.da, (name) => `${danishPossessive(name)} hjem`),
    en: clean(reason.en, (name) => `${name}’s home`),
  };
}
