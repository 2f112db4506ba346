import type { TUpdateCadence } from '../../shared/principle/principle.schema.js';
import { countedPeriods } from '../class-letters/cadence.js';
import type { KeptShare } from './replies.js';

/**
 * "Class letters on cadence" (specs/principle-figures.md): the cadence periods of each class
 * (week, fortnight or month by grade, as the principle in force on the period's first day says)
 * that have ended, and those with at least one published letter. A period counts in the month its
 * letter was due (its last school day).
 */
export interface ClassLetterPeriodFact {
  classId: string;
  dueOn: string;
  kept: boolean;
}

/** The counted periods of every class in the school year [from, to), up to today. */
export function classLetterPeriods(
  classes: ReadonlyArray<{ id: string; grade: number; publishedOn: readonly string[] }>,
  input: {
    from: string;
    to: string;
    today: string;
    cadenceOn: (grade: number, day: string) => TUpdateCadence | null;
    isSchoolDay: (date: string) => boolean;
  },
): ClassLetterPeriodFact[] {
  return classes.flatMap((c) =>
    countedPeriods({
      from: input.from,
      to: input.to,
      today: input.today,
      publishedOn: c.publishedOn,
      cadenceOn: (day) => input.cadenceOn(c.grade, day),
      isSchoolDay: input.isSchoolDay,
    }).map((p) => ({ classId: c.id, dueOn: p.dueOn, kept: p.kept })),
  );
}

/**
 * The periods whose letter was due in [from, to), and those kept. `people` is the number of
 * classes behind the cell: the board sees a cell of fewer than five classes as "for få".
 */
export function lettersOnCadence(facts: readonly ClassLetterPeriodFact[], from: string, to: string): KeptShare {
  const counted = facts.filter((f) => f.dueOn >= from && f.dueOn < to);
  const kept = counted.filter((f) => f.kept).length;
  return {
    counted: counted.length,
    kept,
    share: counted.length ? kept / counted.length : null,
    people: new Set(counted.map((f) => f.classId)).size,
  };
}
