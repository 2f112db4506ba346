import type { Db } from '../db/database.js';
import { storeNewThread } from '../messaging/message-send.service.js';
import { findCustodyGuardiansOf } from '../directory/student.repository.js';
import { localDate, shiftDate } from '../../domain/calendar/working-days.js';
import { schoolYearNameOf, startYearOf } from '../../domain/class-representatives/representatives.js';
import { findSeats } from '../class-representatives/class-representative.repository.js';
import { findClassesByName } from './demo.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Class parent representatives in use (issue 12): the seats the demo directory gives each class
 * were elected at the class's first parent meeting of the school year, in the last week of August
 * or the first of September, and recorded by the contact teacher; and one of 3.A's
 * representatives has written to the class's parents about play groups. Runs in the demo
 * history's unit of work.
 */
export async function addDemoRepresentatives(db: Db, schoolId: string, now: Date): Promise<void> {
  const today = localDate(now);
  const schoolYear = schoolYearNameOf(today);
  const start = startYearOf(schoolYear)!;
  const classes = await findClassesByName(db, schoolId);
  for (const [name, c] of classes) {
    // The youngest classes meet first: 0.A on 25 August, 9.B some ten days later; never after today.
    const meeting = shiftDate(`${start}-08-25`, c.grade + (name.endsWith('A') ? 0 : 1));
    await db
      .updateTable('class_representatives')
      .set({ elected_on: meeting < today ? meeting : today, elected_by: c.contactTeacherId })
      .where('school_id', '=', schoolId)
      .where('class_id', '=', c.id)
      .where('school_year', '=', schoolYear)
      .where('elected_on', 'is', null)
      .execute();
  }

  const classA = classes.get('3.A');
  if (!classA) return;
  const [writer] = await findSeats(db, schoolId, classA.id, schoolYear);
  if (!writer) return;
  const guardians = (await findCustodyGuardiansOf(db, schoolId, { classId: classA.id })).filter(
    (id) => id !== writer.person_id,
  );
  if (guardians.length === 0) return;
  const at = new Date(now.getTime() - 4 * DAY_MS);
  await storeNewThread(
    { db, clock: { now: () => at } },
    {
      schoolId,
      kind: 'group',
      studentId: null,
      subject: 'Legegrupper i 3.A efter efterårsferien',
      createdBy: writer.person_id,
      at,
      replyDueAt: null,
      classId: classA.id,
      representativeId: writer.person_id,
    },
    [writer.person_id, ...guardians].map((personId) => ({ personId, role: 'guardian' as const })),
    {
      authorId: writer.person_id,
      kind: 'message',
      body:
        'Kære forældre i 3.A\n\nVi er klassens kontaktforældre i år. Efter efterårsferien starter vi legegrupper igen: ' +
        'fire børn ad gangen, hjemme hos en af familierne, cirka hver tredje uge. Grupperne laves sammen med ' +
        'kontaktlæreren, så alle børn kommer til at lege med alle.\n\nSvar mig her, hvis I ikke kan være vært i ' +
        'denne runde – I behøver ikke sige hvorfor.\n\nMange hilsner',
      idempotencyKey: null,
    },
  );
}
