import type { Db } from '../db/database.js';
import {
  findInvitees,
  findRoundInvitations,
  insertBooking,
  insertInvitation,
  setRoundStatus,
} from '../conferences/invitation.repository.js';
import {
  insertAgreement,
  insertAgreements,
  insertNote,
  insertNotes,
  insertTopic,
  markConferenceHeld,
  upsertPreparation,
} from '../conferences/meeting.repository.js';
import { closeRound } from '../conferences/meeting.service.js';
import { insertRoundOnce } from '../conferences/round.repository.js';
import { addDays, mondayOfWeek } from './demo-calendar.js';
import { DEMO_ACCOUNTS } from './demo-directory.js';
import { findClassesByName, findDemoInvitation, findDemoUserId } from './demo.repository.js';

export const AUTUMN_ROUND = 'Skole-hjem-samtaler, efterår';
const DAY_MS = 24 * 60 * 60 * 1000;
const at = (date: string, time: string) => new Date(`${date}T${time}:00Z`);

/** What the school and the home agree on in the demo's autumn conferences, by the owner. */
const AGREEMENTS = {
  school: ['Ekstra læsetræning to gange om ugen', 'Kontaktlæreren følger op på trivslen i frikvarteret'],
  home: ['Læse 20 minutter hver aften', 'Tjekke Samspil for lektier hver søndag'],
  student: ['Række hånden op mindst én gang hver time', 'Øve tabeller 10 minutter om dagen'],
} as const;

/**
 * The demo school's finished autumn round for 3.A and 7.A (issue 10's demo): every home was
 * invited, every conference held, with a shared note and agreements (the done ones due before
 * today, the open ones after), and the demo guardian's conference about Oscar (7.A) with topics, his
 * own goals and one agreement for the home that is overdue. The round's days lie in week 40, or
 * three weeks back when the demo is made earlier in the school year. Runs in the demo history's
 * unit of work.
 */
export async function addDemoConferenceMeetings(
  db: Db,
  schoolId: string,
  leaderId: string,
  now: Date,
  schoolYear: number,
): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  const weekForty = addDays(mondayOfWeek(schoolYear, 40), 1);
  const threeWeeksBack = new Date(now.getTime() - 21 * DAY_MS).toISOString().slice(0, 10);
  const first = weekForty < threeWeeksBack ? weekForty : threeWeeksBack;
  const classes = await findClassesByName(db, schoolId);
  const chosen = ['3.A', '7.A'].flatMap((name) => {
    const found = classes.get(name);
    return found ? [{ name, ...found }] : [];
  });
  if (chosen.length !== 2) return;
  const roundId = await insertRoundOnce(db, {
    name: AUTUMN_ROUND,
    kind: 'regular',
    studentIds: [],
    filling: 'self_booking',
    classIds: chosen.map((c) => c.id),
    days: [
      { date: first, from: '14:00', to: '17:30' },
      { date: addDays(first, 1), from: '14:00', to: '17:30' },
    ],
    minutesByGrade: { '3': 15, '7': 20 },
    alsoTakingPart: [],
    formats: ['in_person'],
    videoLink: null,
    counsellorId: null,
    rooms: { [chosen[0]!.id]: 'Lokale 12', [chosen[1]!.id]: 'Lokale 31' },
    inviteOn: addDays(first, -28),
    plansBy: addDays(first, -7),
    schoolId,
    createdBy: leaderId,
    at: at(addDays(first, -35), '09:00'),
    idempotencyKey: null,
  });
  if (!roundId) return;

  // The invitations went out four weeks before; their notices were read long ago, so none is stored.
  const households = new Map<string, { studentId: string; classId: string; personIds: string[] }>();
  for (const row of await findInvitees(db, schoolId, roundId)) {
    const key = `${row.student_id}/${row.household_key}`;
    const household = households.get(key) ?? { studentId: row.student_id, classId: row.class_id, personIds: [] };
    household.personIds.push(row.person_id);
    households.set(key, household);
  }
  for (const [key, h] of households)
    await insertInvitation(
      db,
      {
        schoolId,
        roundId,
        studentId: h.studentId,
        classId: h.classId,
        householdKey: key.slice(key.indexOf('/') + 1),
        at: at(addDays(first, -28), '07:00'),
      },
      h.personIds,
    );

  await setRoundStatus(db, schoolId, roundId, 'open');
  const teacherOf = new Map(chosen.map((c) => [c.id, c.contactTeacherId]));
  const { invitations } = await findRoundInvitations(db, schoolId, roundId);
  const classOf = new Map([...households.values()].map((h) => [h.studentId, h.classId]));
  // Each home had its time: a class's meetings one after the other from 14:00, the first
  // afternoon until it is full, then the second (a home beyond both was met at another time).
  const minutesOf = (classId: string) => (chosen.find((c) => c.id === classId)?.name === '3.A' ? 15 : 20);
  const booked = new Map<string, number>();
  const timeOf = (classId: string) => {
    const minutes = minutesOf(classId);
    const perDay = Math.floor(((17.5 - 14) * 60) / minutes);
    const k = booked.get(classId) ?? 0;
    booked.set(classId, k + 1);
    if (k >= 2 * perDay) return null;
    const start = 14 * 60 + (k % perDay) * minutes;
    const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return { date: addDays(first, Math.floor(k / perDay)), from: clock(start), to: clock(start + minutes) };
  };
  const notes: Parameters<typeof insertNotes>[1][number][] = [];
  const agreements: Parameters<typeof insertAgreements>[1][number][] = [];
  for (const [i, invitation] of invitations.entries()) {
    const classId = classOf.get(invitation.student_id) ?? '';
    const teacher = teacherOf.get(classId);
    if (!teacher) continue;
    const time = timeOf(classId);
    if (time)
      await insertBooking(db, {
        schoolId,
        roundId,
        invitationId: invitation.id,
        classId,
        ...time,
        bookedBy: teacher,
        at: at(addDays(first, -20), '19:00'),
      });
    const held = at(time?.date ?? addDays(first, i % 2), time?.to ?? '15:30');
    await markConferenceHeld(db, schoolId, invitation.id, teacher, held);
    const made = {
      schoolId,
      invitationId: invitation.id,
      studentId: invitation.student_id,
      personId: teacher,
      at: held,
    };
    notes.push({
      ...made,
      text: `${invitation.given_name} er glad for at gå i skole og har gode venner i klassen. Vi talte om læsning og om at række hånden op.`,
      shared: true,
    });
    // One agreement is done (due before today), one open (due after).
    agreements.push(
      {
        ...made,
        owner: 'home',
        text: AGREEMENTS.home[i % 2]!,
        dueOn: addDays(first, 21),
        doneAt: at(addDays(first, 18), '19:00'),
      },
      {
        ...made,
        owner: i % 3 === 0 ? 'school' : 'student',
        text: (i % 3 === 0 ? AGREEMENTS.school : AGREEMENTS.student)[i % 2]!,
        dueOn: addDays(today, 14 + (i % 40)),
        doneAt: null,
      },
    );
  }
  await insertNotes(db, notes);
  await insertAgreements(db, agreements);

  const oscar = await findDemoInvitation(db, schoolId, roundId, DEMO_ACCOUNTS.guardian, '7A');
  const oscarsRow = invitations.find((i) => i.id === oscar?.invitationId);
  const teacher7A = chosen[1]!.contactTeacherId;
  if (oscarsRow && teacher7A) await addOscarsConference(db, schoolId, oscarsRow, teacher7A, first, today);
  await closeRound({ db, clock: { now: () => now } }, schoolId, roundId);
}

/** The demo guardian's conference about Oscar (7.A): topics, his goals, a staff-only note and the overdue agreement. */
async function addOscarsConference(
  db: Db,
  schoolId: string,
  oscar: { id: string; student_id: string },
  teacher: string,
  first: string,
  today: string,
) {
  const [guardianUser, studentUser, teacherUser] = await Promise.all([
    findDemoUserId(db, DEMO_ACCOUNTS.guardian),
    findDemoUserId(db, DEMO_ACCOUNTS.student),
    findDemoUserId(db, DEMO_ACCOUNTS.contactTeacher),
  ]);
  if (!guardianUser || !studentUser || !teacherUser) return;
  const invitationId = oscar.id;
  const before = at(addDays(first, -3), '18:00');
  for (const [raisedBy, userId, text] of [
    ['guardian', guardianUser, 'Oscar bruger lang tid på lektierne om aftenen'],
    ['student', studentUser, 'Jeg vil gerne tale om valgfag i 8. klasse'],
    ['staff', teacherUser, 'Fremmøde om morgenen'],
  ] as const)
    await insertTopic(db, { schoolId, invitationId, raisedBy, userId, text, at: before });
  await upsertPreparation(db, {
    schoolId,
    invitationId,
    band: 'goals',
    answers: { goals: ['Aflevere alle opgaver til tiden', 'Blive bedre til engelsk grammatik', 'Komme til tiden'] },
    userId: studentUser,
    at: before,
  });
  await insertNote(db, {
    schoolId,
    invitationId,
    text: 'Tal med AKT-vejlederen, hvis fremmødet ikke bliver bedre.',
    shared: false,
    personId: teacher,
    at: at(first, '15:45'),
  });
  await insertAgreement(db, {
    schoolId,
    invitationId,
    studentId: oscar.student_id,
    owner: 'home',
    text: 'Følge Oscar i skole om mandagen, så han er der kl. 8',
    dueOn: addDays(today, -5),
    personId: teacher,
    at: at(first, '15:45'),
  });
}
