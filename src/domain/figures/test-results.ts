import type { SchoolCalendar } from '../calendar/working-days.js';
import { workingDaysBetween, writtenByDay } from '../test-results/test-results.js';
import type { KeptShare } from './replies.js';

/**
 * "Test results in writing (§ 13)" (specs/principle-figures.md): of the test results recorded,
 * those delivered in writing to every custody holder within the principle's working days, and
 * how long after the test the home was told. Dates are ISO days on Copenhagen's calendar.
 */
export interface TestResultFact {
  /** The student, for counting people. */
  about: string;
  classId: string | null;
  /** The day the test was taken. */
  takenOn: string;
  /** The day the result was recorded. */
  recordedOn: string;
  /** The day it was delivered in writing to every custody holder; null while not told. */
  sentOn: string | null;
  /** The working days of the principle in force on the day it was recorded. */
  workingDays: number;
}

/**
 * Counts a result in the period in which its last day (the recording day plus the principle's
 * working days) falls, once that day is over; kept when the home was told on or before it. A
 * result whose last day has not passed is not counted yet, told or not.
 */
export function testResultsInWriting(
  facts: readonly TestResultFact[],
  from: string,
  to: string,
  today: string,
  calendar: SchoolCalendar,
): KeptShare {
  const counted = facts
    .map((f) => ({ ...f, deadline: writtenByDay(f.recordedOn, f.workingDays, calendar) }))
    .filter((f) => f.deadline >= from && f.deadline < to && f.deadline < today);
  const kept = counted.filter((f) => f.sentOn !== null && f.sentOn <= f.deadline).length;
  return {
    counted: counted.length,
    kept,
    share: counted.length ? kept / counted.length : null,
    people: new Set(counted.map((f) => f.about)).size,
  };
}

export interface TimeToTell {
  /** Results told in writing in the period. */
  told: number;
  /** The median working days from the test to the written word; null when none was told. */
  medianWorkingDays: number | null;
  people: number;
}

/** How long after the test the homes were told: the median over the results told in the period. */
export function timeToTell(
  facts: readonly TestResultFact[],
  from: string,
  to: string,
  calendar: SchoolCalendar,
): TimeToTell {
  const told = facts.filter(
    (f): f is TestResultFact & { sentOn: string } => f.sentOn !== null && f.sentOn >= from && f.sentOn < to,
  );
  const days = told.map((f) => workingDaysBetween(f.takenOn, f.sentOn, calendar)).sort((a, b) => a - b);
  const middle = Math.floor(days.length / 2);
  const median =
    days.length === 0 ? null : days.length % 2 === 1 ? days[middle]! : (days[middle - 1]! + days[middle]!) / 2;
  return { told: told.length, medianWorkingDays: median, people: new Set(told.map((f) => f.about)).size };
}
