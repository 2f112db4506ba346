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
}

/**
 * Of the students in the rounds' classes this school year, those with a held conference in at
 * least the principle's number of rounds (separated parents' meetings in one round are one
 * conference for the student). `perYear` null: the principle sets no number; one is enough.
 */
export function conferencesHeld(facts: readonly ConferenceStudentFact[], perYear: number | null): KeptShare {
  const needed = Math.max(1, perYear ?? 1);
  const students = new Map<string, Set<string>>();
  for (const f of facts) {
    const rounds = students.get(f.studentId) ?? new Set<string>();
    for (const round of f.heldRounds) rounds.add(round);
    students.set(f.studentId, rounds);
  }
  const counted = students.size;
  const kept = [...students.values()].filter((rounds) => rounds.size >= needed).length;
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
