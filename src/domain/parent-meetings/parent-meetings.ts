import { DateTime } from 'luxon';
import { SCHOOL_TIME_ZONE } from '../calendar/working-days.js';

/**
 * Parent meetings (forældremøder, seed 001): a class meeting of the school with all the class's
 * homes, two a year by the principle, with topics from the school's well-being action plan on the
 * agenda and the class parent representatives helping to plan it. Pure rules; dates are ISO days
 * and "HH:MM" times on Copenhagen's wall clock.
 */

export { MAX_PEOPLE_COMING, WELL_BEING_TOPICS, WELL_BEING_TOPIC_TITLES, type WellBeingTopic } from './topics.js';

/** An instant as "YYYY-MM-DDTHH:MM" on Copenhagen's wall clock, to compare with a meeting's start. */
export function localMinute(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: SCHOOL_TIME_ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Where a meeting is: planned (the agenda is open), the homes invited, held (attendance taken), minutes out. */
export type ParentMeetingStage = 'planning' | 'invited' | 'held' | 'minutes';

export function stageOf(m: { invitedAt: unknown; heldAt: unknown; minutesPublishedAt: unknown }): ParentMeetingStage {
  if (m.minutesPublishedAt) return 'minutes';
  if (m.heldAt) return 'held';
  if (m.invitedAt) return 'invited';
  return 'planning';
}

/** The meeting's start as a comparable "YYYY-MM-DDTHH:MM" on Copenhagen's clock. */
export const startOf = (m: { date: string; from: string }) => `${m.date}T${m.from}`;

/** A home answers, and changes its answer, until the meeting begins. */
export function mayAnswer(meeting: { date: string; from: string }, nowLocal: string): boolean {
  return nowLocal < startOf(meeting);
}

/** Attendance is taken once the meeting has begun, never before. */
export function mayTakeAttendance(meeting: { date: string; from: string }, nowLocal: string): boolean {
  return nowLocal >= startOf(meeting);
}

/** A meeting is planned for a time still to come, and ends after it starts. */
export function plannedTimeProblem(
  meeting: { date: string; from: string; to: string },
  nowLocal: string,
): 'ends_before_start' | 'in_past' | null {
  if (meeting.to <= meeting.from) return 'ends_before_start';
  if (startOf(meeting) <= nowLocal) return 'in_past';
  return null;
}

/**
 * What the contact teacher should do now about a class's meetings this school year: plan the
 * next one while the year's target is not reached and none is planned; nothing once enough are
 * held or planned.
 */
export function nextStep(s: {
  held: number;
  upcoming: number;
  target: number | null;
}): 'plan-one' | 'on-track' | 'done' {
  if (s.target === null) return s.upcoming > 0 ? 'on-track' : 'done';
  if (s.held >= s.target) return 'done';
  return s.upcoming > 0 ? 'on-track' : 'plan-one';
}
