import type { Db } from '../db/database.js';
import { localDate, shiftDate } from '../../domain/calendar/working-days.js';
import { schoolDayFrom } from './demo-events.js';
import {
  inviteHomes,
  storeAgendaItem,
  storeAnswer,
  storeAttendance,
  storeMinutes,
  storeParentMeeting,
} from '../parent-meetings/parent-meeting.service.js';
import {
  findClassGuardians,
  findParentMeeting,
  findRepresentativesOf,
} from '../parent-meetings/parent-meeting.repository.js';
import { findClassesByName, markNoticesReadByAll } from './demo.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const MINUTES = `Referat af forældremødet i 3.A

1. Velkomst og nyt fra klassen: Klassen er kommet godt i gang efter sommerferien. Vi har arbejdet med klassens regler, som børnene selv har været med til at formulere.
2. Fællesskabet i klassen: Vi talte om, hvordan vi som forældre kan støtte, at alle børn er med. Kontaktforældrene foreslår legegrupper, som skifter hver måned.
3. Fødselsdage: Vi aftalte, at man inviterer enten hele klassen, alle piger eller alle drenge.
4. Eventuelt: Der var spørgsmål om lektiecaféen; kontaktlæreren sender information ud i næste ugebrev.`;

/**
 * Parent meetings in use (seed 001: two a year): 3.A held its autumn meeting some six weeks ago,
 * attendance taken and minutes sent home; the winter meeting in two weeks is planned with the class
 * parent representatives, the homes invited, and some have answered. Stored through the area's own
 * use cases with the clock of each day, in the demo history's unit of work.
 */
export async function addDemoParentMeetings(db: Db, schoolId: string, now: Date): Promise<void> {
  const at = (ms: number) => ({ db, clock: { now: () => new Date(now.getTime() + ms) } });
  const today = localDate(now);
  const classA = (await findClassesByName(db, schoolId)).get('3.A');
  const teacherId = classA?.contactTeacherId;
  if (!classA || !teacherId) return;
  const [representative] = await findRepresentativesOf(db, schoolId, classA.id);
  const guardians = await findClassGuardians(db, schoolId, classA.id);
  // One guardian of each home answers for it.
  const homes = [...new Map(guardians.map((g) => [g.household, g.person_id])).values()];
  if (homes.length === 0) return;

  // The autumn meeting, held on the last school day 40 days ago or before.
  let heldDay = shiftDate(today, -40);
  while (schoolDayFrom(heldDay) !== heldDay) heldDay = shiftDate(heldDay, -1);
  const held = await storeParentMeeting(at(-54 * DAY_MS), {
    schoolId,
    classId: classA.id,
    createdBy: teacherId,
    idempotencyKey: null,
    date: heldDay,
    from: '19:00',
    to: '21:00',
    place: 'Klasselokalet, 3.A',
  });
  for (const title of ['Velkomst og nyt fra klassen', 'Fællesskabet i klassen', 'Fødselsdage']) {
    await storeAgendaItem(at(-53 * DAY_MS), schoolId, held, { title }, teacherId);
  }
  if (representative)
    await storeAgendaItem(at(-52 * DAY_MS), schoolId, held, { title: 'Legegrupper i efteråret' }, representative);
  const heldRow = await findParentMeeting(db, schoolId, held);
  if (!heldRow) return;
  await inviteHomes(at(-50 * DAY_MS), schoolId, heldRow, teacherId);
  const households = [...new Set(guardians.map((g) => g.household))];
  await storeAttendance(at(-40 * DAY_MS), schoolId, held, {
    households: households.map((household, i) => ({ household, represented: i % 5 !== 4 && i % 7 !== 3 })),
  });
  await storeMinutes(at(-38 * DAY_MS), schoolId, heldRow, MINUTES, teacherId);
  // The homes read the autumn meeting's invitation and minutes long ago.
  await markNoticesReadByAll(db, schoolId, [`parent-meeting:${held}`, `parent-meeting-minutes:${held}`]);

  // The winter meeting in about two weeks: planned with the representatives, the homes invited, some answers in.
  const planned = await storeParentMeeting(at(-10 * DAY_MS), {
    schoolId,
    classId: classA.id,
    createdBy: teacherId,
    idempotencyKey: null,
    // On the first school day two weeks on or later: not on a weekend or in a holiday.
    date: schoolDayFrom(shiftDate(today, 14)),
    from: '19:00',
    to: '20:30',
    place: 'Aulaen',
  });
  await storeAgendaItem(at(-9 * DAY_MS), schoolId, planned, { title: 'Nyt fra klassen' }, teacherId);
  await storeAgendaItem(at(-9 * DAY_MS), schoolId, planned, { title: 'Digital trivsel og sociale medier' }, teacherId);
  if (representative)
    await storeAgendaItem(at(-8 * DAY_MS), schoolId, planned, { title: 'Julehygge i klassen' }, representative);
  const plannedRow = await findParentMeeting(db, schoolId, planned);
  if (!plannedRow) return;
  await inviteHomes(at(-5 * DAY_MS), schoolId, plannedRow, teacherId);
  for (const [i, personId] of homes.entries())
    if (i % 3 === 0)
      await storeAnswer(
        at(-3 * DAY_MS),
        schoolId,
        planned,
        personId,
        i % 9 === 6 ? { coming: false } : { coming: true, people: 2 },
      );
}
