import type { Db } from '../db/database.js';
import { hashPassword } from '../auth/password.js';
import { adoptPreset } from '../principle/principle.service.js';
import { importDirectoryRows } from '../directory-import/directory-import.service.js';
import type { TImportResult } from '../../shared/api/import.schema.js';
import type { TPrinciple } from '../../shared/principle/principle.schema.js';
import { inTransaction } from '../context.js';
import { promiseFor, storeNewThread, storeReply } from '../messaging/message-send.service.js';
import { markThreadRead } from '../messaging/thread-read.repository.js';
import { findCustodyGuardiansOf } from '../directory/student.repository.js';
import { uploadDemoPdf } from './demo-pdf.js';
import { createRandom } from '../../domain/random.js';
import { addDemoStaffAbsence } from '../staff-absence/staff-absence.service.js';
import { insertSchool } from '../schools/school.repository.js';
import { insertClosedDays } from '../school-calendar/school-calendar.repository.js';
import { demoClosedDays } from './demo-calendar.js';
import { demoRounds } from './demo-rounds.js';
import { openDemoRoundWithBooking } from './demo-booking.js';
import { addDemoPlannedRound } from './demo-planning.js';
import { addDemoConferenceMeetings } from './demo-conference-meetings.js';
import { addDemoMessageBook, addDemoStudentPlans } from './demo-student-plans.js';
import { addDemoTestResults } from './demo-test-results.js';
import { addDemoParentMeetings } from './demo-parent-meetings.js';
import { addDemoEvents } from './demo-events.js';
import { addDemoConcerns } from './demo-concerns.js';
import { addDemoRepresentatives } from './demo-representatives.js';
import { addDemoPlayGroups } from './demo-play-groups.js';
import { addDemoClassLetters } from './demo-class-letters.js';
import { insertRoundOnce } from '../conferences/round.repository.js';
import {
  buildDemoDirectory,
  DEMO_ACCOUNTS,
  DEMO_EMAIL_DOMAIN,
  DEMO_PASSWORD,
  DEMO_SCHOOL,
  DEMO_SEED,
  type DemoDirectory,
} from './demo-directory.js';
import {
  countSchools,
  deleteSchoolAndItsRows,
  deleteUnattachedUsersOfDomain,
  findPersonIdByExternalId,
  findChildOfAccountInClass,
  findClassesByName,
  findChildrenWithContactTeacher,
  findFamiliesOfSchool,
  findFirstFamilyOfClass,
  findInformationRightParents,
  findSchoolBySlug,
  findStudentWriterOfAccount,
  hasInformationRequests,
  hasPrincipleVersion,
  insertAuditEntries,
  insertInformationRequest,
  setPasswordHash,
  type DemoFamilyOfClass,
} from './demo.repository.js';
import { danishPossessive } from '../../shared/possessive.js';

/** The principle the demo school's board has adopted: Balleskolen's (seed 002). */
export const DEMO_PRESET_ID = 'seed-002';
/** The leader's id in the demo directory; they record the board's adoption. */
const DEMO_LEADER_ID = 'm001';

export interface DemoOutcome {
  schoolId: string;
  /** False when the demo school was already there and was left as it was. */
  created: boolean;
  accounts: DemoDirectory['accounts'];
  import: TImportResult | null;
}

/** The Danish school year starts in August: in November 2026 it is the school year 2026/27. */
export const schoolYearOf = (now: Date) => (now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1);

// argon2 is slow on purpose; every demo account shares one hash, made once per process.
let demoPasswordHash: Promise<string> | undefined;
const passwordHash = () => (demoPasswordHash ??= hashPassword(DEMO_PASSWORD));

/**
 * Puts the demo directory into a school through the CSV import's own use case (so the demo also
 * exercises the import), then sets what a CSV file does not carry: the demo accounts' password
 * and the board's adopted principle. Running it again changes nothing.
 */
export async function applyDemoDirectory(
  db: Db,
  schoolId: string,
  options: { now: Date; seed?: number },
): Promise<TImportResult> {
  const schoolYear = schoolYearOf(options.now);
  const directory = buildDemoDirectory({ seed: options.seed ?? DEMO_SEED, schoolYear });
  const result = await importDirectoryRows(
    db,
    { headers: directory.headers, rows: directory.rows, encoding: 'utf-8', delimiter: ',' },
    { schoolId, fileName: 'demo-skole.csv', dryRun: false, byName: 'Demo-generatoren', now: options.now, locale: 'da' },
  );
  await setPasswordHash(db, Object.values(DEMO_ACCOUNTS), await passwordHash());
  if (!(await hasPrincipleVersion(db, schoolId))) {
    const recordedBy = (await findPersonIdByExternalId(db, schoolId, DEMO_LEADER_ID)) ?? null;
    // The board adopted Balleskolen's principle in March with its own rule: students write to
    // their contact teacher from 4th grade, and their parents see that they do, not what they
    // write. It kept a running message book (meddelelsesbog) that spring; in June it chose the
    // student plan instead (seed 000's elevplan, home seven days before the conference), so the
    // demo shows the plan at this year's conferences and last spring's message book beside it.
    // In June it also let the class parent representatives help plan the parent meetings, with
    // the well-being action plan's topics on the agenda (seed 001).
    const boardsOwn = (form: 'message_book' | 'student_plan') => (principle: TPrinciple) => ({
      ...principle,
      communication: {
        ...principle.communication,
        studentMessages: { fromGrade: 4, guardiansSee: 'activity' as const },
      },
      conferences: { ...principle.conferences, studentPlan: { form, leadDays: 7 } },
      parentMeetings: principle.parentMeetings && {
        ...principle.parentMeetings,
        wellBeingPlanTopics: form === 'student_plan',
        representativesHelpPlan: form === 'student_plan',
      },
    });
    for (const [day, month, form] of [
      ['12', 'marts', 'message_book'],
      ['18', 'juni', 'student_plan'],
    ] as const)
      await adoptPreset(db, {
        schoolId,
        presetId: DEMO_PRESET_ID,
        adoptedOn: `${schoolYear}-${month === 'marts' ? '03' : '06'}-${day}`,
        adoptedBy: `Skolebestyrelsen, møde ${day}. ${month} ${schoolYear}`,
        recordedBy,
        now: options.now,
        adjust: boardsOwn(form),
      });
  }
  if (!(await hasInformationRequests(db, schoolId))) {
    // The school's history is one unit of work: its messages come with their jobs and audit rows.
    await inTransaction({ db }, (tx) => addDemoActivity(tx.db, schoolId, options.now));
  }
  return result;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The demo's history is written as of `now`: its promise reminders are queued from then. */
const demoWork = (db: Db, now: Date) => ({ db, clock: { now: () => now } });
const HOUR_MS = 60 * 60 * 1000;

/**
 * A little of the daily work, so a fresh demo shows the features in use: parents with a right to
 * information only (§ 23) have asked — one answered, one waiting for the contact teacher — and the
 * demo guardian's children's audit log shows their contact teachers' reads.
 */
async function addDemoActivity(db: Db, schoolId: string, now: Date): Promise<void> {
  // The school's holidays first: the history's promises skip them as real ones do.
  await insertClosedDays(db, schoolId, demoClosedDays(schoolYearOf(now)));
  const [answered, waiting] = await findInformationRightParents(db, schoolId, 2);
  const audit: Parameters<typeof insertAuditEntries>[1] = [];
  if (answered?.teacherId) {
    const at = new Date(now.getTime() - 6 * DAY_MS);
    const teacherName = `${answered.teacherGiven} ${answered.teacherFamily}`;
    await insertInformationRequest(db, {
      schoolId,
      studentId: answered.studentId,
      personId: answered.personId,
      message: `Hvordan går det med ${answered.studentName} fagligt og socialt? Jeg vil gerne have en kort status før jul.`,
      createdAt: new Date(now.getTime() - 8 * DAY_MS),
      answer: {
        response: `${answered.studentName} trives i klassen, arbejder godt i dansk og matematik og er en aktiv del af fællesskabet i frikvartererne. Kontakt mig gerne, hvis du vil høre mere.`,
        at,
        by: answered.teacherId,
      },
    });
    audit.push({
      schoolId,
      at,
      actorUserId: answered.teacherUserId,
      actorName: teacherName,
      actorRole: 'contact_teacher',
      action: 'information-request.answer',
      studentId: answered.studentId,
      subject: 'answered',
    });
  }
  if (waiting) {
    await insertInformationRequest(db, {
      schoolId,
      studentId: waiting.studentId,
      personId: waiting.personId,
      message: `Må jeg få en orientering om ${danishPossessive(waiting.studentName)} fravær og trivsel i dette skoleår?`,
      createdAt: new Date(now.getTime() - 1 * DAY_MS),
    });
  }
  // Each child's contact teacher looked at the child's page, twice on one day: the family's log
  // shows it as one line with a count.
  for (const [i, child] of (await findChildrenWithContactTeacher(db, schoolId, DEMO_ACCOUNTS.guardian)).entries()) {
    for (const minutes of [0, 95])
      audit.push({
        schoolId,
        at: new Date(now.getTime() - (i + 2) * DAY_MS + minutes * 60_000),
        actorUserId: child.teacherUserId,
        actorName: `${child.teacherGiven} ${child.teacherFamily}`,
        actorRole: 'contact_teacher',
        action: 'student.read',
        studentId: child.studentId,
        subject: '',
      });
  }
  await insertAuditEntries(db, audit);
  await addDemoMessageHistory(db, schoolId, now);
  await addDemoMessages(db, schoolId, now);
  await addDemoStudentMessage(db, schoolId, now);
  const leaderId = await findPersonIdByExternalId(db, schoolId, DEMO_LEADER_ID);
  if (leaderId) {
    await addDemoSchoolMessage(db, schoolId, leaderId, now);
    await addDemoStaffAbsence(db, schoolId, leaderId, now);
    await addDemoRounds(db, schoolId, leaderId, now);
    await addDemoConferenceMeetings(db, schoolId, leaderId, now, schoolYearOf(now));
    await addDemoStudentPlans(db, schoolId, now);
    await addDemoMessageBook(db, schoolId, now);
    // The winter round is open for booking: the demo guardian has booked Emma's time (3.A) and
    // can book Oscar's (7.A) herself; 5.B's round waits, a draft, to be sent.
    await openDemoRoundWithBooking(db, schoolId, now, {
      name: 'Skole-hjem-samtaler, vinter',
      guardianEmail: DEMO_ACCOUNTS.guardian,
      childClassExternalId: '3A',
    });
    await addDemoPlannedRound(db, schoolId, leaderId, now, schoolYearOf(now));
  }
  await addDemoTestResults(db, schoolId, now);
  await addDemoConcerns(db, schoolId, now);
  await addDemoRepresentatives(db, schoolId, now);
  await addDemoParentMeetings(db, schoolId, now);
  await addDemoEvents(db, schoolId, leaderId, now);
  await addDemoPlayGroups(db, schoolId, schoolYearOf(now));
  await addDemoClassLetters(db, schoolId, now);
}

/**
 * The conference rounds of `demoRounds`, stored as the round's create stores them: the leader's
 * for 3.A and 7.A, and 5.B's contact teacher's, whose late invitations the principle warns about.
 */
async function addDemoRounds(db: Db, schoolId: string, leaderId: string, now: Date): Promise<void> {
  const classes = await findClassesByName(db, schoolId);
  for (const { plannedBy, classNames, round } of demoRounds(schoolYearOf(now))) {
    const chosen = classNames.flatMap((name) => {
      const found = classes.get(name);
      return found ? [{ name, ...found }] : [];
    });
    if (chosen.length !== classNames.length) continue;
    const createdBy = plannedBy === 'leader' ? leaderId : chosen[0]?.contactTeacherId;
    if (!createdBy) continue;
    await insertRoundOnce(db, {
      ...round,
      classIds: chosen.map((klass) => klass.id),
      rooms: Object.fromEntries(
        chosen.flatMap((klass) => (round.rooms[klass.name] ? [[klass.id, round.rooms[klass.name]!]] : [])),
      ),
      schoolId,
      createdBy,
      at: now,
      idempotencyKey: null,
    });
  }
}

type DemoFamily = { guardianId: string; studentId: string; teacherId: string };

/** A guardian's question to a child's contact teacher, through the send path, with the promise of its day. */
async function demoDirectThread(
  db: Db,
  schoolId: string,
  now: Date,
  family: DemoFamily,
  subject: string,
  body: string,
  at: Date,
) {
  return storeNewThread(
    demoWork(db, now),
    {
      schoolId,
      kind: 'direct',
      studentId: family.studentId,
      subject,
      createdBy: family.guardianId,
      at,
      replyDueAt: await promiseFor(db, schoolId, at),
    },
    [
      { personId: family.guardianId, role: 'guardian' },
      { personId: family.teacherId, role: 'staff' },
    ],
    { authorId: family.guardianId, kind: 'message', body, idempotencyKey: null },
  );
}

/** What parents ask the school about in the demo's history; the answers are short and kind. */
const HISTORY_QUESTIONS: ReadonlyArray<readonly [string, string]> = [
  ['Fravær i morgen', 'skal til lægen i morgen formiddag og kommer først i skole efter frokost.'],
  ['Glemt idrætstøj', 'har glemt sit idrætstøj i omklædningsrummet. Er det fundet?'],
  ['Lektiehjælp', 'har svært ved at komme i gang med lektierne. Har I gode råd?'],
  ['Fødselsdag i klassen', 'vil gerne invitere hele klassen til fødselsdag. Må vi dele invitationer ud i skolen?'],
  ['Cykelhjelm', 'har mistet sin cykelhjelm. Har nogen set en blå hjelm?'],
  ['Ferie', 'skal med på familiebesøg i Polen fra torsdag. Hvordan får hun opgaverne med?'],
  ['Trivsel i frikvarteret', 'fortæller, at der har været drillerier i frikvarteret. Kan vi tale om det?'],
  ['Madpakke', 'har haft madpakken med hjem urørt tre dage i træk. Spiser hun i skolen?'],
];
const HISTORY_ANSWERS = [
  'Tak for beskeden. Det er noteret.',
  'Tak, jeg kigger efter det i morgen og vender tilbage.',
  'God idé. Lad os tage en snak i telefonen på torsdag.',
  'Tak. Jeg giver besked til de andre lærere i klassen.',
];

/**
 * The school year so far, so the leader's and the board's figures show the promise in use: about
 * eighty questions from families across the school since the summer holiday, most answered within
 * hours, some after a day or two, a few late. None is left unanswered (the list of broken promises
 * stays the one family of `addDemoMessages`), and every thread has been read by both sides, so the
 * history sends no e-mails; the demo contact teacher's inbox holds her classes' share of it.
 */
async function addDemoMessageHistory(db: Db, schoolId: string, now: Date): Promise<void> {
  const families = await findFamiliesOfSchool(db, schoolId, Object.values(DEMO_ACCOUNTS), 400);
  if (families.length === 0) return;
  const random = createRandom(DEMO_SEED + 1);
  const schoolYearStart = Date.UTC(schoolYearOf(now), 7, 12, 6);
  const from = Math.max(schoolYearStart, now.getTime() - 120 * DAY_MS);
  const until = now.getTime() - 7 * DAY_MS;
  if (until <= from) return;
  const count = Math.round(((until - from) / DAY_MS) * 0.8);
  for (let i = 0; i < count; i++) {
    const family = random.pick(families);
    // A weekday between 7 and 21 o'clock (UTC, close enough for a demo's history).
    let at = new Date(from + random.next() * (until - from));
    while (at.getUTCDay() === 0 || at.getUTCDay() === 6) at = new Date(at.getTime() + DAY_MS);
    at.setUTCHours(random.between(6, 19), random.int(60), 0, 0);
    const [subject, body] = random.pick(HISTORY_QUESTIONS);
    const work = demoWork(db, now);
    const threadId = await demoDirectThread(db, schoolId, now, family, subject, `${family.studentName} ${body}`, at);
    if (!threadId) continue;
    // Most within a working day, some within the promise, about one in twelve late.
    const roll = random.next();
    const hours = roll < 0.6 ? random.between(1, 8) : roll < 0.92 ? random.between(18, 60) : random.between(100, 200);
    // Staff answer in the school day: an answer that would fall in the evening or the night waits
    // for the next morning.
    let answeredAt = new Date(at.getTime() + hours * HOUR_MS);
    if (answeredAt.getUTCHours() >= 15 || answeredAt.getUTCHours() < 6) {
      const morning = new Date(answeredAt.getTime() + (answeredAt.getUTCHours() >= 15 ? DAY_MS : 0));
      morning.setUTCHours(6, random.int(60), 0, 0);
      answeredAt = morning;
    }
    // Answered after the question, and before today.
    answeredAt = new Date(
      Math.max(at.getTime() + 10 * 60_000, Math.min(answeredAt.getTime(), now.getTime() - 2 * HOUR_MS)),
    );
    await storeReply(
      work,
      threadId,
      {
        schoolId,
        authorId: family.teacherId,
        kind: random.chance(0.2) ? 'acknowledgement' : 'message',
        body: random.pick(HISTORY_ANSWERS),
        at: answeredAt,
        idempotencyKey: null,
      },
      { kind: 'fulfil' },
    );
    await markThreadRead(db, schoolId, threadId, family.teacherId, answeredAt);
    await markThreadRead(db, schoolId, threadId, family.guardianId, new Date(answeredAt.getTime() + HOUR_MS));
  }
}

/**
 * The leader has written to every family of the school ("Forældre på Demo Skole") about the
 * Christmas service, a week ago: older than the class messages, so they stay on top of the inbox.
 */
async function addDemoSchoolMessage(db: Db, schoolId: string, leaderId: string, now: Date): Promise<void> {
  const at = new Date(now.getTime() - 7 * DAY_MS);
  const guardians = (await findCustodyGuardiansOf(db, schoolId, { wholeSchool: true })).filter((id) => id !== leaderId);
  await storeNewThread(
    demoWork(db, now),
    {
      schoolId,
      kind: 'group',
      studentId: null,
      subject: 'Juleafslutning i kirken 18. december',
      createdBy: leaderId,
      at,
      replyDueAt: null,
    },
    [{ personId: leaderId, role: 'staff' }, ...guardians.map((personId) => ({ personId, role: 'guardian' as const }))],
    {
      authorId: leaderId,
      kind: 'message',
      body: 'Kære forældre på Demo Skole\n\nVi holder juleafslutning i kirken fredag den 18. december kl. 10. Alle elever går sammen med deres klasse fra skolen kl. 9.30, og I er meget velkomne i kirken. Skoledagen slutter kl. 12.\n\nGlædelig jul\nHanne Skovgaard, skoleleder',
      idempotencyKey: null,
    },
  );
}

/**
 * The demo school's principle lets students write to their contact teacher from 4th grade (its
 * parents see that and when, not what): Oscar in 7.A asked about a deadline three days ago and
 * was answered the same afternoon; both have read it.
 */
async function addDemoStudentMessage(db: Db, schoolId: string, now: Date): Promise<void> {
  const oscar = await findStudentWriterOfAccount(db, schoolId, DEMO_ACCOUNTS.student);
  if (!oscar) return;
  const at = new Date(now.getTime() - 3 * DAY_MS);
  const work = demoWork(db, now);
  const threadId = await storeNewThread(
    work,
    {
      schoolId,
      kind: 'direct',
      studentId: oscar.studentId,
      subject: 'Afleveringen i dansk',
      createdBy: oscar.personId,
      at,
      replyDueAt: await promiseFor(db, schoolId, at),
    },
    [
      { personId: oscar.personId, role: 'student' },
      { personId: oscar.teacherId, role: 'staff' },
    ],
    {
      authorId: oscar.personId,
      kind: 'message',
      body: 'Hej. Jeg var syg i tirsdags og nåede ikke at høre om novelleopgaven. Hvornår skal den afleveres?',
      idempotencyKey: null,
    },
  );
  if (!threadId) return;
  const answeredAt = new Date(at.getTime() + 4 * HOUR_MS);
  await storeReply(
    work,
    threadId,
    {
      schoolId,
      authorId: oscar.teacherId,
      kind: 'message',
      body: 'Hej Oscar. God bedring! Novellen skal afleveres fredag i næste uge. Opgaven ligger i jeres mappe, og du kan spørge mig i timen i morgen.',
      at: answeredAt,
      idempotencyKey: null,
    },
    { kind: 'fulfil' },
  );
  await markThreadRead(db, schoolId, threadId, oscar.personId, new Date(answeredAt.getTime() + 2 * HOUR_MS));
}

/** The programme 3.A's contact teacher attaches to the class message about the trip. */
const DEMO_TRIP_PROGRAMME = [
  'Tur til Økolariet fredag',
  '',
  '8.15  Vi går fra skolen',
  '9.00  Værksted om vand og klima',
  '11.00  Madpakker i parken',
  '13.00  Tilbage på skolen',
];

/**
 * Messages with a promise in use: the demo guardian has written to 3.A's contact teacher twice —
 * one answered, one waiting within its promise — a family in 4.A has waited two weeks for an
 * answer (so the leader's list of broken promises is not empty), and 3.A's contact teacher has
 * written to the class's parents, with the trip's programme as a PDF, some of whom have read it.
 */
async function addDemoMessages(db: Db, schoolId: string, now: Date): Promise<void> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const directThread = (family: DemoFamily, subject: string, body: string, at: Date) =>
    demoDirectThread(db, schoolId, now, family, subject, body, at);

  const emma = await findChildOfAccountInClass(db, schoolId, DEMO_ACCOUNTS.guardian, '3A');
  if (emma) {
    const answered = await directThread(
      emma,
      'Tandlæge torsdag',
      `${emma.studentName} skal til tandlæge torsdag kl. 10 og kommer i skole bagefter, ca. kl. 11.30.`,
      ago(5 * DAY_MS),
    );
    if (answered) {
      const at = ago(5 * DAY_MS - 3 * HOUR_MS);
      await storeReply(
        demoWork(db, now),
        answered,
        {
          schoolId,
          authorId: emma.teacherId,
          kind: 'message',
          body: `Tak for beskeden. Jeg sørger for, at ${emma.studentName} får dagens opgaver, når hun kommer.`,
          at,
          idempotencyKey: null,
        },
        { kind: 'fulfil' },
      );
      await markThreadRead(db, schoolId, answered, emma.guardianId, ago(4 * DAY_MS));
    }
    await directThread(
      emma,
      'Lektier i matematik',
      `${emma.studentName} synes, at matematiklektierne er svære i denne uge. Kan vi tale om, hvordan vi bedst hjælper hende hjemme?`,
      ago(3 * HOUR_MS),
    );

    const guardians = await findCustodyGuardiansOf(db, schoolId, { classId: emma.classId });
    const groupAt = ago(DAY_MS);
    const programme = await uploadDemoPdf(db, {
      schoolId,
      uploadedBy: emma.teacherId,
      name: 'Program for turen til Økolariet.pdf',
      lines: DEMO_TRIP_PROGRAMME,
      at: groupAt,
    });
    const group = await storeNewThread(
      demoWork(db, now),
      {
        schoolId,
        kind: 'group',
        studentId: null,
        subject: 'Tur til Økolariet fredag',
        createdBy: emma.teacherId,
        at: groupAt,
        replyDueAt: null,
        classId: emma.classId,
      },
      [
        { personId: emma.teacherId, role: 'staff' },
        ...guardians.filter((id) => id !== emma.teacherId).map((personId) => ({ personId, role: 'guardian' as const })),
      ],
      {
        authorId: emma.teacherId,
        kind: 'message',
        body: 'Kære forældre i 3.A\n\nPå fredag tager vi på tur til Økolariet. Vi går fra skolen kl. 8.15 og er tilbage kl. 13. Husk madpakke, drikkedunk og tøj efter vejret. Læs om stedet på https://www.okolariet.dk\n\nVenlig hilsen Birgitte',
        idempotencyKey: null,
      },
      [programme],
    );
    // Some parents have read it; the demo guardian has not, so it shows as new.
    const readers = guardians.filter((id) => id !== emma.guardianId).slice(0, Math.ceil(guardians.length / 2));
    for (const [i, personId] of readers.entries())
      if (group) await markThreadRead(db, schoolId, group, personId, new Date(groupAt.getTime() + (i + 1) * HOUR_MS));
    await addDemoStaffMessages(db, schoolId, emma, guardians, now);
  }

  const waiting = await findFirstFamilyOfClass(db, schoolId, '4A', Object.values(DEMO_ACCOUNTS));
  if (waiting) {
    await directThread(
      waiting,
      'Frikvarteret',
      `${waiting.studentName} fortæller derhjemme, at det er svært at finde nogen at lege med i frikvartererne. Hvad oplever I i skolen?`,
      ago(14 * DAY_MS),
    );
  }
}

/**
 * Staff writing first: 3.A's contact teacher warned the class's parents of chickenpox, marked
 * urgent (illness) and so in the audit log and the leader's list of urgent messages, and wrote
 * to Emma's parents about her reading, a thread with no promise until a parent answers.
 */
async function addDemoStaffMessages(
  db: Db,
  schoolId: string,
  emma: DemoFamilyOfClass,
  classGuardians: string[],
  now: Date,
): Promise<void> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const urgentAt = ago(2 * DAY_MS);
  const urgent = await storeNewThread(
    demoWork(db, now),
    {
      schoolId,
      kind: 'group',
      studentId: null,
      subject: 'Skoldkopper i 3.A',
      createdBy: emma.teacherId,
      at: urgentAt,
      replyDueAt: null,
      classId: emma.classId,
    },
    [
      { personId: emma.teacherId, role: 'staff' },
      ...classGuardians
        .filter((id) => id !== emma.teacherId)
        .map((personId) => ({ personId, role: 'guardian' as const })),
    ],
    {
      authorId: emma.teacherId,
      kind: 'message',
      body: 'Kære forældre i 3.A\n\nDer er skoldkopper i klassen. Hold øje med feber og udslæt, og hold jeres barn hjemme, hvis det bliver sygt. Ring til kontoret, hvis I har spørgsmål.\n\nVenlig hilsen Birgitte',
      idempotencyKey: null,
      urgent: true,
    },
  );
  const teacher = (await findChildrenWithContactTeacher(db, schoolId, DEMO_ACCOUNTS.guardian)).find(
    (child) => child.studentId === emma.studentId,
  );
  if (urgent && teacher) {
    await insertAuditEntries(db, [
      {
        schoolId,
        at: urgentAt,
        actorUserId: teacher.teacherUserId,
        actorName: `${teacher.teacherGiven} ${teacher.teacherFamily}`,
        actorRole: 'contact_teacher',
        action: 'message.urgent',
        studentId: null,
        subject: 'urgent message',
      },
    ]);
  }
  const parents = (await findCustodyGuardiansOf(db, schoolId, { studentId: emma.studentId })).filter(
    (id) => id !== emma.teacherId,
  );
  await storeNewThread(
    demoWork(db, now),
    {
      schoolId,
      kind: 'direct',
      studentId: emma.studentId,
      subject: `${danishPossessive(emma.studentName)} læsebog`,
      createdBy: emma.teacherId,
      at: ago(2 * DAY_MS - 2 * HOUR_MS),
      replyDueAt: null,
    },
    [
      { personId: emma.teacherId, role: 'staff' },
      ...parents.map((personId) => ({ personId, role: 'guardian' as const })),
    ],
    {
      authorId: emma.teacherId,
      kind: 'message',
      body: `Hej\n\n${emma.studentName} har fået en ny læsebog med hjem. Læs gerne 15 minutter med hende hver dag, og skriv til mig, hvis den er for svær.\n\nVenlig hilsen Birgitte`,
      idempotencyKey: null,
    },
  );
}

/**
 * Creates "Demo Skole" unless it exists. With `reset` an existing demo school is deleted first,
 * with every row of it and the demo's own logins, and built again from the seed.
 */
export async function ensureDemoSchool(
  db: Db,
  options: { now: Date; reset?: boolean; seed?: number },
): Promise<DemoOutcome> {
  const accounts = buildDemoDirectory({
    seed: options.seed ?? DEMO_SEED,
    schoolYear: schoolYearOf(options.now),
  }).accounts;
  const existing = await findSchoolBySlug(db, DEMO_SCHOOL.slug);
  if (existing && !options.reset) return { schoolId: existing.id, created: false, accounts, import: null };
  if (existing) {
    await inTransaction({ db }, (tx) => deleteSchoolAndItsRows(tx.db, existing.id));
    await deleteUnattachedUsersOfDomain(db, DEMO_EMAIL_DOMAIN);
  }
  const schoolId = await insertSchool(db, DEMO_SCHOOL);
  try {
    const result = await applyDemoDirectory(db, schoolId, options);
    return { schoolId, created: true, accounts, import: result };
  } catch (error) {
    // A half-built demo school would be taken for a finished one next time.
    await deleteSchoolAndItsRows(db, schoolId);
    throw error;
  }
}

/** A database without any school gets the demo school, so a fresh install has something to show. */
export async function ensureDemoSchoolIfEmpty(db: Db, now: Date): Promise<DemoOutcome | null> {
  return (await countSchools(db)) === 0 ? ensureDemoSchool(db, { now }) : null;
}
