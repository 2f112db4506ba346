import type { KeptShare } from './replies.js';

/**
 * "Parent meetings held" and "parent-meeting attendance" (specs/principle-figures.md). Dates are
 * ISO days on Copenhagen's calendar.
 */
export interface ParentMeetingFact {
  date: string;
  /** Attendance was taken: the meeting was held. */
  held: boolean;
  /** Homes invited, and of them those represented at the meeting. */
  invited: number;
  represented: number;
}

/** One class's meetings: each class counts, with or without a meeting. */
export interface ClassMeetingsFact {
  classId: string;
  meetings: readonly ParentMeetingFact[];
}

/** The homes behind a set of classes' cells: each class's largest invitation. */
const homesOf = (facts: readonly ClassMeetingsFact[]) =>
  facts.reduce((sum, f) => sum + Math.max(0, ...f.meetings.map((m) => m.invited)), 0);

/**
 * Meetings held against the principle's number a year. Over the whole school year each class
 * counts the principle's number of meetings and keeps those held, up to that number (a third
 * meeting does not make up for another class's missing one). Over a shorter period, or where the
 * principle sets no number, the meetings whose day has passed count and those held are kept.
 */
export function parentMeetingsHeld(
  facts: readonly ClassMeetingsFact[],
  from: string,
  to: string,
  today: string,
  perYear: number | null,
): KeptShare {
  const inPeriod = (m: ParentMeetingFact) => m.date >= from && m.date < to;
  let counted = 0;
  let kept = 0;
  for (const f of facts) {
    const held = f.meetings.filter((m) => inPeriod(m) && m.held).length;
    if (perYear !== null) {
      counted += perYear;
      kept += Math.min(held, perYear);
    } else {
      counted += f.meetings.filter((m) => inPeriod(m) && (m.held || m.date < today)).length;
      kept += held;
    }
  }
  return { counted, kept, share: counted ? kept / counted : null, people: homesOf(facts) };
}

/** Of the homes invited to the meetings held in the period, those represented. */
export function parentMeetingAttendance(facts: readonly ClassMeetingsFact[], from: string, to: string): KeptShare {
  const held = facts.flatMap((f) => f.meetings.filter((m) => m.held && m.date >= from && m.date < to));
  const counted = held.reduce((sum, m) => sum + m.invited, 0);
  const kept = held.reduce((sum, m) => sum + Math.min(m.represented, m.invited), 0);
  return {
    counted,
    kept,
    share: counted ? kept / counted : null,
    people: homesOf(facts.filter((f) => f.meetings.some((m) => m.held && m.date >= from && m.date < to))),
  };
}
