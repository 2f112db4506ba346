import type { KeptShare } from './replies.js';

/**
 * "Conferences held" and "agreements followed up" (specs/principle-figures.md). Dates are ISO days
 * on Copenhagen's calendar.
 */

/** A student in one of the school year's rounds, and how many of their conferences were held in it. */
export interface ConferenceStudentFact {
  studentId: string;
  /** Conferences of the student held this school year (one per household may be held: counted once per day). */
  heldDays: readonly string[];
}

/**
 * Of the students in the rounds' classes this school year, those with at least the principle's
 * number of held conferences (held on different days: separated parents' meetings on one day are
 * one conference for the student). `perYear` null: the principle sets no number; one is enough.
 */
export function conferencesHeld(facts: readonly ConferenceStudentFact[], perYear: number | null): KeptShare {
  const needed = Math.max(1, perYear ?? 1);
  const students = new Map<string, Set<string>>();
  for (const f of facts) {
    const days = students.get(f.studentId) ?? new Set<string>();
    for (const day of f.heldDays) days.add(day);
    students.set(f.studentId, days);
  }
  const counted = students.size;
  const kept = [...students.values()].filter((days) => days.size >= needed).length;
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
