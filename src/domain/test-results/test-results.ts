import { addWorkingDays, isWorkingDay, shiftDate, type SchoolCalendar } from '../calendar/working-days.js';
import { preparationBand } from '../conferences/preparation.js';

/**
 * Folkeskoleloven § 13: "Eleverne og forældrene skal regelmæssigt underrettes om lærernes …
 * syn på elevernes udbytte af skolegangen. Forældrene skal underrettes skriftligt om
 * resultaterne af test." The parents are told in writing; the student is told too, and from the
 * grade in which students present their own goals at the conference (seed 000: students take
 * part more as they grow older; `preparation.ts`: own goals from grade 7) they read their own
 * written results in the app. Younger students hear them from their teacher and their parents.
 */
export const studentReadsOwnTestResults = (grade: number) => preparationBand(grade) === 'goals';

/** Working days after recording a result without telling the home before its recorder is reminded. */
export const TEST_RESULT_REMINDER_WORKING_DAYS = 3;

/** The last day on which a result recorded on `recordedOn` is told in writing in time. */
export const writtenByDay = (recordedOn: string, workingDays: number, calendar: SchoolCalendar) =>
  addWorkingDays(recordedOn, workingDays, calendar);

/** The working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, calendar: SchoolCalendar): number {
  let count = 0;
  for (let day = shiftDate(from, 1); day <= to; day = shiftDate(day, 1)) if (isWorkingDay(day, calendar)) count += 1;
  return count;
}

/** Whether a test day is acceptable: taken on or before today (a result of a test not yet taken is not a result). */
export const takenOnIsPast = (takenOn: string, today: string) => takenOn <= today;
