import { addWorkingDays, isWorkingDay, shiftDate, type SchoolCalendar } from '../calendar/working-days.js';

export { studentReadsOwnTestResults } from './student-reads.js';

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
