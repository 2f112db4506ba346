import type { Db } from '../db/database.js';
import { insertConcern, insertConcernContact } from '../concerns/concern.repository.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import { contactDueOn } from '../../domain/concerns/early-dialogue.js';
import { isWorkingDay, localDate, shiftDate, type SchoolCalendar } from '../../domain/calendar/working-days.js';
import { DEMO_ACCOUNTS } from './demo-directory.js';
import { findFirstFamilyOfClass, type DemoFamilyOfClass } from './demo.repository.js';

/** The early-dialogue rule of the demo's principle (seed 002): the home within two working days. */
const RULE = { contactWithinWorkingDays: 2 };

/** 10:00 in Copenhagen (winter time) on a day: when a concern was registered. */
const morningOf = (day: string) => new Date(`${day}T09:00:00Z`);

/** The latest working day at least `days` calendar days before `today` whose contact deadline has passed by `today`. */
function workingDayBefore(today: string, days: number, calendar: SchoolCalendar): string {
  let day = shiftDate(today, -days);
  while (!isWorkingDay(day, calendar) || contactDueOn(day, RULE, calendar)! >= today) day = shiftDate(day, -1);
  return day;
}

/**
 * Early dialogue in use (issue 11, point 4), stored by the concerns' own repository: a concern whose
 * home was called the next day, one met at a meeting on its deadline, ONE past its deadline without
 * contact (the leader's list shows exactly this one) and one registered today, not yet due, on the
 * demo contact teacher's (3.A) work list. The children are not the demo accounts' own.
 */
export async function addDemoConcerns(db: Db, schoolId: string, now: Date): Promise<void> {
  const calendar = await loadSchoolCalendar(db, schoolId);
  const today = localDate(now);
  const notDemo = Object.values(DEMO_ACCOUNTS);
  const [called, met, overdue, open] = await Promise.all(
    ['6B', '5B', '4A', '3A'].map((klass) => findFirstFamilyOfClass(db, schoolId, klass, notDemo)),
  );
  const register = async (
    family: DemoFamilyOfClass,
    day: string,
    kind: 'academic' | 'well_being' | 'behaviour',
    text: string,
    at = morningOf(day),
  ) =>
    (
      await insertConcern(db, {
        schoolId,
        studentId: family.studentId,
        kind,
        text: `${family.studentName} ${text}`,
        registeredBy: family.teacherId,
        registeredAt: at,
        idempotencyKey: null,
      })
    ).id;
  const contact = (
    family: DemoFamilyOfClass,
    concernId: string,
    day: string,
    channel: 'phone' | 'meeting',
    agreed: string,
  ) =>
    insertConcernContact(db, {
      schoolId,
      concernId,
      contactedOn: day,
      channel,
      agreed,
      recordedBy: family.teacherId,
      recordedAt: morningOf(day),
    });

  if (called) {
    const day = workingDayBefore(today, 21, calendar);
    const id = await register(
      called,
      day,
      'academic',
      'har ikke afleveret de sidste tre opgaver i dansk og virker træt i timerne.',
    );
    await contact(
      called,
      id,
      contactDueOn(day, { contactWithinWorkingDays: 1 }, calendar)!,
      'phone',
      'Far fortæller om en uro derhjemme. Vi laver en ugeplan for afleveringer, og far kigger den igennem hver søndag.',
    );
  }
  if (met) {
    const day = workingDayBefore(today, 14, calendar);
    const id = await register(
      met,
      day,
      'well_being',
      'har flere gange siddet alene i frikvartererne og siger, at ingen vil lege.',
    );
    await contact(
      met,
      id,
      contactDueOn(day, RULE, calendar)!,
      'meeting',
      'Møde med begge forældre: vi sætter legegrupper i gang i klassen, og hjemmet inviterer en klassekammerat hjem.',
    );
  }
  if (overdue) {
    const day = workingDayBefore(today, 7, calendar);
    await register(
      overdue,
      day,
      'behaviour',
      'er kommet op at slås to gange i denne uge og har svært ved at falde til ro efter frikvarteret.',
    );
  }
  if (open) await register(open, today, 'well_being', 'virker ked af det og har grædt i skolen to dage i træk.', now);
}
