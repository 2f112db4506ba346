import type { Db } from '../db/database.js';
import {
  findClassesWithContactTeacher,
  insertPublishedLetters,
  insertReadsOfLettersBefore,
} from '../class-letters/class-letter.repository.js';
import { getISOWeek } from 'date-fns';
import { DEMO_ACCOUNTS } from './demo-directory.js';
import { findChildOfAccountInClass } from './demo.repository.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import { classUpdateCadenceFor } from '../../domain/principle/rules.js';
import { countedPeriods } from '../../domain/class-letters/cadence.js';
import { schoolYearOf } from '../../domain/figures/school-year.js';
import { isWorkingDay, localDate } from '../../domain/calendar/working-days.js';

/** The class that has fallen behind: its last three periods went without a letter. */
const BEHIND = '2B';
const MISSED_AT_THE_END = 3;

const TOPICS = [
  ['Læsebånd og biblioteket', 'Vi har læst hver morgen, og alle har lånt en ny bog på biblioteket.'],
  ['Tur til skoven', 'Vi har samlet blade og talt om, hvordan træerne gør klar til vinteren.'],
  ['Matematik med terninger', 'Vi har spillet terningespil og øvet plus og minus. Spil gerne med derhjemme.'],
  ['Trivsel i klassen', 'Vi har talt om, hvordan vi er gode kammerater i frikvarteret.'],
  ['Idrætsdag', 'Husk tøj til udendørs idræt og en drikkedunk.'],
  ['Projektuge', 'Eleverne har arbejdet i grupper og viser deres plakater fredag.'],
] as const;

/**
 * Class letters in use (issue 12): every class has written home on the principle's cadence this
 * school year (a letter on the last school day of each ended week, fortnight or month), except
 * 2.B, whose last three weeks went without one, so the leader's list and the figure show a class
 * behind. The running period is left open, so the demo contact teacher (3.A) sees when this
 * week's letter is due.
 */
export async function addDemoClassLetters(db: Db, schoolId: string, now: Date): Promise<void> {
  const [adopted, calendar, classes] = await Promise.all([
    findAdoptedPrinciple(db, schoolId),
    loadSchoolCalendar(db, schoolId),
    findClassesWithContactTeacher(db, schoolId),
  ]);
  if (!adopted) return;
  const today = localDate(now);
  const startYear = schoolYearOf(today);
  const isSchoolDay = (date: string) => isWorkingDay(date, calendar);
  const letters: Parameters<typeof insertPublishedLetters>[1][number][] = [];
  for (const c of classes) {
    const cadence = classUpdateCadenceFor(adopted.principle, c.grade);
    if (!cadence) continue;
    const periods = countedPeriods({
      from: `${startYear}-08-01`,
      to: `${startYear + 1}-08-01`,
      today,
      publishedOn: [],
      cadenceOn: () => cadence,
      isSchoolDay,
    });
    const written = c.external_id === BEHIND ? periods.slice(0, -MISSED_AT_THE_END) : periods;
    for (const [i, period] of written.entries()) {
      const [topic, text] = TOPICS[i % TOPICS.length]!;
      letters.push({
        schoolId,
        classId: c.id,
        writtenBy: c.teacher_id,
        title:
          cadence === 'weekly'
            ? `Ugebrev uge ${getISOWeek(new Date(`${period.dueOn}T12:00:00Z`))}: ${topic}`
            : `Nyt fra klassen: ${topic}`,
        bodyHtml: `<h2>${topic}</h2><p>${text}</p><ul><li>Husk madpakke og drikkedunk.</li><li>Skriv til mig i Samspil, hvis I har spørgsmål.</li></ul>`,
        at: new Date(`${period.dueOn}T12:30:00Z`),
      });
    }
  }
  await insertPublishedLetters(db, letters);
  // The demo guardian has read her children's letters up to last week; the latest wait for her.
  const children = await Promise.all(
    ['3A', '7A'].map((c) => findChildOfAccountInClass(db, schoolId, DEMO_ACCOUNTS.guardian, c)),
  );
  const guardianId = children.find((c) => c)?.guardianId;
  if (guardianId)
    await insertReadsOfLettersBefore(
      db,
      schoolId,
      guardianId,
      children.flatMap((c) => (c ? [c.classId] : [])),
      new Date(now.getTime() - 7 * 86_400_000),
    );
}
