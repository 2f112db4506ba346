import { shiftDate } from '../calendar/working-days.js';
import type { KeptShare } from './replies.js';

/**
 * "Plans in good time" (specs/principle-figures.md): of the conferences held, those for which the
 * student plan (or, where the principle chose the message book, an entry of it) was published at
 * least the principle's lead time before the meeting. Dates are ISO days on Copenhagen's calendar.
 */
export interface PlanFact {
  /** The day of the held conference. */
  meetingDay: string;
  /** The day the student's plan for that school year was published (the message book: its first entry of the year); null: none. */
  publishedOn: string | null;
  /** The child it is about, for counting people. */
  about: string;
  /** The plan lead time of the principle in force on the meeting day; null: the principle promised none. */
  leadDays: number | null;
}

/**
 * Counts a held conference in the period in which its deadline (the meeting day less the lead time)
 * falls, once that day has come; kept when the plan was published on or before the deadline. A
 * conference held when the principle promised no plan is not counted.
 */
export function plansInGoodTime(facts: readonly PlanFact[], from: string, to: string, today: string): KeptShare {
  const withDeadline = facts.flatMap((f) =>
    f.leadDays === null ? [] : [{ ...f, deadline: shiftDate(f.meetingDay, -f.leadDays) }],
  );
  const counted = withDeadline.filter((f) => f.deadline >= from && f.deadline < to && f.deadline <= today);
  const kept = counted.filter((f) => f.publishedOn !== null && f.publishedOn <= f.deadline).length;
  return {
    counted: counted.length,
    kept,
    share: counted.length ? kept / counted.length : null,
    people: new Set(counted.map((f) => f.about)).size,
  };
}
