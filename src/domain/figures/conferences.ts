import type { KeptShare } from './replies.js';

/**
 * "Conferences held" and "agreements followed up" (specs/principle-figures.md). Dates are ISO days
 * on Copenhagen's calendar.
 */

/** A student in one of the school year's rounds, and the rounds in which their conference was held. */
export interface ConferenceStudentFact {
  studentId: string;
  /** The rounds of the student's held conferences (separated parents' two meetings in one round count once). */
  heldRounds: readonly string[];
  /** The needs-based rounds the student was invited to (such a round is only for the students it names). */
  needsBasedRounds?: readonly string[];
}

/** What the principle asks: rounds a year for every student, and needs-based rounds for some. */
export interface ConferenceTarget {
  regular: number;
  needsBased: number;
}

/**
 * The conferences a student should have had: the principle's rounds for everyone, and each
 * needs-based round they were invited to (up to the principle's number of such rounds); at least one.
 */
export function conferencesNeeded(target: ConferenceTarget | null, needsBasedRounds: number): number {
  if (!target) return 1;
  return Math.max(1, target.regular + Math.min(target.needsBased, needsBasedRounds));
}

/**
 * Of the students in the rounds' classes (and those a needs-based round was for) this school year,
 * those with as many held conferences as the principle asks of them (separated parents' meetings
 * in one round are one conference for the student). `target` null: the principle sets no number;
 * one is enough.
 */
export function conferencesHeld(facts: readonly ConferenceStudentFact[], target: ConferenceTarget | null): KeptShare {
  const students = new Map<string, { held: Set<string>; needsBased: Set<string> }>();
  for (const f of facts) {
    const student = students.get(f.studentId) ?? { held: new Set<string>(), needsBased: new Set<string>() };
    for (const round of f.heldRounds) student.held.add(round);
    for (const round of f.needsBasedRounds ?? []) student.needsBased.add(round);
    students.set(f.studentId, student);
  }
  const counted = students.size;
  const kept = [...students.values()].filter((s) => s.held.size >= conferencesNeeded(target, s.needsBased.size)).length;
  return { counted, kept, share: counted ? kept / counted : null, people: counted };
}

export interface AgreementFact {
  studentId: string;
  dueOn: string;
  /** The day it was marked done, or null while open. */
  doneOn: string | null;
}

export interface AgreementsFollowedUp extends KeptShare {
  /** Open now (not done), whatever their due date. */
  open: number;
  /** Open and past their due date now. */
  overdue: number;
}

/**
 * Agreements due in [from, to) whose due day has come, kept when marked done on or before it;
 * beside them the open and overdue agreements now (all of them, whatever period).
 */
export function agreementsFollowedUp(
  facts: readonly AgreementFact[],
  from: string,
  to: string,
  today: string,
): AgreementsFollowedUp {
  const counted = facts.filter((f) => f.dueOn >= from && f.dueOn < to && f.dueOn <= today);
  const kept = counted.filter((f) => f.doneOn !== null && f.doneOn <= f.dueOn).length;
  const open = facts.filter((f) => f.doneOn === null);
  return {
    counted: counted.length,
    kept,
    share: counted.length ? kept / counted.length : null,
    people: new Set(counted.map((f) => f.studentId)).size,
    open: open.length,
    overdue: open.filter((f) => f.dueOn < today).length,
  };
}
