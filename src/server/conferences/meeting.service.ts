import type { Db } from '../db/database.js';
import type { Locale } from '../../shared/errors.js';
import { inTransaction, type SignedInContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueJobs } from '../jobs/job-queue.js';
import type { ClaimedJob, NewJob } from '../jobs/job-kinds.js';
import { insertNotifications } from '../notifications/notification.repository.js';
import { notice } from '../notifications/notice-text.js';
import { conferenceSummaryMail } from '../notify/templates/conference-summary.js';
import type { Membership } from '../policies/membership.js';
import { mayBookInvitation, mayMarkAgreementDone, mayRecordConference, runsTheSchool } from '../policies/rules.js';
import type {
  TAddAgreement,
  TAddNote,
  TAddTopic,
  TAgreement,
  TConference,
  TMyAgreements,
  TMyConferences,
  TPreparation,
  TRound,
} from '../../shared/api/conference.schema.js';
import { preparationBand } from '../../domain/conferences/preparation.js';
import { localDate, morningBefore } from '../../domain/calendar/working-days.js';
import {
  findAgreement,
  findAgreementsOfConference,
  findAgreementsOfStudents,
  findConference,
  findConferenceGuardians,
  findStudentPerson,
  findNotes,
  findOpenAgreementsOfClasses,
  findOpenAgreementsOfStudent,
  findPreparation,
  findTopics,
  insertAgreement,
  insertNote,
  insertTopic,
  markAgreementDone,
  markConferenceHeld,
  upsertPreparation,
  findConferencesOfStudent,
  type AgreementRow,
  type ConferenceRow,
} from './meeting.repository.js';
import { presentAgreement, presentConference } from './meeting.presenter.js';
import { lockRound, setRoundStatus } from './invitation.repository.js';
import { findRounds } from './round.repository.js';
import { readRound } from './round.service.js';
import { findPublishedGoalOfStudent } from '../student-plans/student-plan.repository.js';
import { studentPlanForConference } from '../student-plans/student-plan.service.js';
import { findContactTeachers } from '../directory/class.repository.js';

type UnitOfWork = Pick<SignedInContext, 'db' | 'clock'>;

const markableBy = (m: Membership) => (a: AgreementRow) =>
  mayMarkAgreementDone(m, { id: a.id, studentId: a.student_id, classId: a.class_id, owner: a.owner });

async function conferenceOf(db: SignedInContext['db'], schoolId: string, invitationId: string): Promise<ConferenceRow> {
  const conference = await findConference(db, schoolId, invitationId);
  if (!conference) throw new AppError('not_found');
  return conference;
}

/** The facts the rules decide from, for a conference already loaded. */
async function readerOf(ctx: SignedInContext, schoolId: string, conference: ConferenceRow) {
  const m = await ctx.membership(schoolId);
  const personIds = (await findConferenceGuardians(ctx.db, schoolId, conference.id)).map((g) => g.id);
  const facts = { studentId: conference.student_id, classId: conference.class_id, personIds };
  const staff = mayRecordConference(m, facts);
  const guardian = mayBookInvitation(m, facts);
  const student = m.studentId === conference.student_id;
  return { m, staff, guardian, student };
}

/**
 * One conference as its reader may see it (the route's policy, `conference.read`, has decided
 * they may): staff see every note, the home and the student the shared ones only. The read is
 * logged in the child's audit log.
 */
export async function readConference(
  ctx: SignedInContext,
  schoolId: string,
  invitationId: string,
): Promise<TConference> {
  const conference = await conferenceOf(ctx.db, schoolId, invitationId);
  const reader = await readerOf(ctx, schoolId, conference);
  const [topics, preparation, notes, agreements, earlier, studentPlan] = await Promise.all([
    findTopics(ctx.db, schoolId, invitationId),
    findPreparation(ctx.db, schoolId, invitationId),
    findNotes(ctx.db, schoolId, invitationId, reader.staff),
    findAgreementsOfConference(ctx.db, schoolId, invitationId),
    findOpenAgreementsOfStudent(ctx.db, schoolId, conference.student_id, invitationId),
    studentPlanForConference(ctx.db, schoolId, conference.student_id, conference.date ?? localDate(ctx.clock.now())),
  ]);
  await recordAudit(ctx, { schoolId, action: 'conference.read', studentId: conference.student_id });
  const band = preparationBand(conference.grade);
  const open = conference.held_at === null;
  return presentConference({
    conference,
    abilities: {
      addTopic: open,
      prepare: open && (reader.student || reader.guardian),
      record: reader.staff,
    },
    topics,
    userId: ctx.actor.userId,
    band,
    answers: preparation && preparation.band === band ? preparation.answers : null,
    notes,
    agreements,
    earlierAgreements: earlier,
    mayMarkDone: markableBy(reader.m),
    studentPlan,
  });
}

/** A party adds a topic before the meeting; it shows the role that raised it, never the name. */
export async function addTopic(ctx: SignedInContext, schoolId: string, invitationId: string, input: TAddTopic) {
  const conference = await conferenceOf(ctx.db, schoolId, invitationId);
  const reader = await readerOf(ctx, schoolId, conference);
  if (conference.held_at) throw new AppError('conference_already_held');
  const raisedBy = reader.student ? 'student' : reader.guardian ? 'guardian' : 'staff';
  await inTransaction(ctx, (tx) =>
    insertTopic(tx.db, {
      schoolId,
      invitationId,
      raisedBy,
      userId: ctx.actor.userId,
      text: input.text,
      at: tx.clock.now(),
    }),
  );
  return readConference(ctx, schoolId, invitationId);
}

/** The student (with a grown-up for the youngest) saves their preparation, in the form of the grade. */
export async function prepareConference(
  ctx: SignedInContext,
  schoolId: string,
  invitationId: string,
  input: TPreparation,
) {
  const conference = await conferenceOf(ctx.db, schoolId, invitationId);
  if (input.band !== preparationBand(conference.grade))
    throw new AppError('conference_preparation_band', { field: 'band' });
  if (conference.held_at) throw new AppError('conference_already_held');
  await inTransaction(ctx, (tx) =>
    upsertPreparation(tx.db, {
      schoolId,
      invitationId,
      band: input.band,
      answers: input.answers,
      userId: ctx.actor.userId,
      at: tx.clock.now(),
    }),
  );
  return readConference(ctx, schoolId, invitationId);
}

async function staffPerson(ctx: SignedInContext, schoolId: string): Promise<string> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  return m.personId;
}

/** Staff write a note, for the school alone or shared with the home in the summary. */
export async function addNote(ctx: SignedInContext, schoolId: string, invitationId: string, input: TAddNote) {
  await conferenceOf(ctx.db, schoolId, invitationId);
  const personId = await staffPerson(ctx, schoolId);
  await inTransaction(ctx, (tx) =>
    insertNote(tx.db, { schoolId, invitationId, text: input.text, shared: input.shared, personId, at: tx.clock.now() }),
  );
  return readConference(ctx, schoolId, invitationId);
}

/**
 * Staff write down an agreement: who (school, home, student), what, by when. It belongs to the
 * student, so it comes up again at their next conference; its owners are reminded the morning
 * before it falls due (at once when that has passed), in the same unit of work.
 */
export async function addAgreement(ctx: SignedInContext, schoolId: string, invitationId: string, input: TAddAgreement) {
  const conference = await conferenceOf(ctx.db, schoolId, invitationId);
  const personId = await staffPerson(ctx, schoolId);
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    // A goal it attaches to must be one of this student's published goals; another is as none at all.
    if (input.goalId && !(await findPublishedGoalOfStudent(tx.db, schoolId, conference.student_id, input.goalId)))
      throw new AppError('not_found', { field: 'goalId' });
    const agreementId = await insertAgreement(tx.db, {
      goalId: input.goalId ?? null,
      schoolId,
      invitationId,
      studentId: conference.student_id,
      owner: input.owner,
      text: input.text,
      dueOn: input.dueOn,
      personId,
      at: now,
    });
    const remindAt = morningBefore(input.dueOn);
    await enqueueJobs(tx.db, [
      {
        schoolId,
        kind: 'conference-agreement-reminder',
        payload: { agreementId },
        runAt: remindAt > now ? remindAt : now,
        dedupeKey: `conference-agreement-reminder:${agreementId}`,
        createdAt: now,
      },
    ]);
  });
  return readConference(ctx, schoolId, invitationId);
}

/**
 * Staff mark the conference held. In the same unit of work each guardian it was sent to who can
 * be reached by e-mail gets a job for the written summary (shared notes and agreements) in their
 * own language. Marking it twice is refused, so the home gets one summary.
 */
export async function markHeld(ctx: SignedInContext, schoolId: string, invitationId: string) {
  await conferenceOf(ctx.db, schoolId, invitationId);
  const personId = await staffPerson(ctx, schoolId);
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    if (!(await markConferenceHeld(tx.db, schoolId, invitationId, personId, now)))
      throw new AppError('conference_already_held');
    const guardians = await findConferenceGuardians(tx.db, schoolId, invitationId);
    await enqueueJobs(
      tx.db,
      guardians
        .filter((g) => g.user_email ?? g.person_email)
        .map((g): NewJob<'conference-summary-email'> => ({
          schoolId,
          kind: 'conference-summary-email',
          payload: { invitationId, personId: g.id },
          runAt: now,
          dedupeKey: `conference-summary-email:${invitationId}:${g.id}`,
          createdAt: now,
        })),
    );
  });
  return readConference(ctx, schoolId, invitationId);
}

/** One guardian's summary e-mail: the shared notes and the agreements, in their language. */
export async function handleConferenceSummaryEmail(
  deps: AppDeps,
  job: ClaimedJob<'conference-summary-email'>,
): Promise<void> {
  const { invitationId, personId } = job.payload;
  if (!job.schoolId) throw new Error('a conference summary without a school');
  const schoolId = job.schoolId;
  const conference = await findConference(deps.db, schoolId, invitationId);
  const guardian = (await findConferenceGuardians(deps.db, schoolId, invitationId)).find((g) => g.id === personId);
  const to = guardian?.user_email ?? guardian?.person_email;
  if (!conference || !guardian || !to) return;
  const [notes, agreements] = await Promise.all([
    findNotes(deps.db, schoolId, invitationId, false),
    findAgreementsOfConference(deps.db, schoolId, invitationId),
  ]);
  const mail = conferenceSummaryMail({
    locale: guardian.locale === 'en' ? 'en' : 'da',
    name: guardian.given_name,
    child: conference.given_name,
    notes: notes.map((n) => n.text),
    agreements: agreements.map((a) => ({ owner: a.owner, text: a.text, dueOn: a.due_on })),
    appUrl: `${deps.config.publicUrl}/schools/${schoolId}/conferences/${invitationId}`,
  });
  await deps.mailer.send({ schoolId, to, ...mail });
}

/** Whom an agreement belongs to, with their language: the home's guardians, the student, or the class's contact teachers. */
async function ownersOf(
  db: Db,
  schoolId: string,
  agreement: { owner: 'school' | 'home' | 'student'; invitation_id: string; student_id: string; class_id: string },
): Promise<Array<{ id: string; locale: Locale }>> {
  const inLocale = (locale: string | null): Locale => (locale === 'en' ? 'en' : 'da');
  if (agreement.owner === 'home')
    return (await findConferenceGuardians(db, schoolId, agreement.invitation_id)).map((g) => ({
      id: g.id,
      locale: inLocale(g.locale),
    }));
  if (agreement.owner === 'student')
    return (await findStudentPerson(db, schoolId, agreement.student_id)).map((p) => ({
      id: p.id,
      locale: inLocale(p.locale),
    }));
  return (await findContactTeachers(db, schoolId, [agreement.class_id])).map((id) => ({ id, locale: 'da' }));
}

/**
 * The reminder the morning before an agreement falls due: a notice in the app for its owners
 * (the home: the guardians of the conference; the school: the class's contact teachers; the
 * student: the student, when they have a login), in their language. A done agreement reminds no one.
 */
export async function handleAgreementReminder(
  deps: AppDeps,
  job: ClaimedJob<'conference-agreement-reminder'>,
): Promise<void> {
  if (!job.schoolId) throw new Error('an agreement reminder without a school');
  const schoolId = job.schoolId;
  const agreement = await findAgreement(deps.db, schoolId, job.payload.agreementId);
  if (!agreement || agreement.done_at) return;
  const recipients = await ownersOf(deps.db, schoolId, agreement);
  const now = deps.clock.now();
  await insertNotifications(
    deps.db,
    recipients.map((r) => ({
      schoolId,
      personId: r.id,
      threadId: null,
      createdAt: now,
      dedupeKey: `conference-agreement-reminder:${agreement.id}`,
      ...(agreement.owner === 'student'
        ? notice('conference-own-agreement-reminder', { text: agreement.text, dueOn: agreement.due_on }, r.locale)
        : notice(
            'conference-agreement-reminder',
            { text: agreement.text, child: agreement.given_name, dueOn: agreement.due_on },
            r.locale,
          )),
    })),
  );
}

/**
 * The agreements the caller follows: a guardian's for their children (custody), a student's
 * own, and for staff the open ones of their classes' children (all classes for the leadership).
 * Logged per child, since the list names children.
 */
export async function listMyAgreements(ctx: SignedInContext, schoolId: string): Promise<TMyAgreements> {
  const m = await ctx.membership(schoolId);
  const children = [...m.guardianOf].filter(([, kind]) => kind === 'custody').map(([id]) => id);
  if (m.studentId) children.push(m.studentId);
  const [own, taught] = await Promise.all([
    findAgreementsOfStudents(ctx.db, schoolId, children),
    runsTheSchool(m) || m.classRoles.size === 0
      ? Promise.resolve([])
      : findOpenAgreementsOfClasses(ctx.db, schoolId, [...m.classRoles.keys()]),
  ]);
  const seen = new Set<string>();
  const rows = [...own, ...taught].filter((a) => !seen.has(a.id) && seen.add(a.id));
  await recordAudit(
    ctx,
    [...new Set(rows.map((a) => a.student_id))].map((studentId) => ({
      schoolId,
      action: 'conference.agreements' as const,
      studentId,
    })),
  );
  const may = markableBy(m);
  return { agreements: rows.map((a) => presentAgreement(a, may(a))) };
}

/** An agreement's owner (or the child's staff) marks it done; done once, the first time counts. */
export async function markAgreementAsDone(
  ctx: SignedInContext,
  schoolId: string,
  agreementId: string,
): Promise<TAgreement> {
  await inTransaction(ctx, (tx) => markAgreementDone(tx.db, schoolId, agreementId, ctx.actor.userId, tx.clock.now()));
  const agreement = await findAgreement(ctx.db, schoolId, agreementId);
  if (!agreement) throw new AppError('not_found');
  return presentAgreement(agreement, markableBy(await ctx.membership(schoolId))(agreement));
}

/** A signed-in student's own conferences (anyone else has none): where they prepare. */
export async function listMyConferences(ctx: SignedInContext, schoolId: string): Promise<TMyConferences> {
  const m = await ctx.membership(schoolId);
  if (!m.studentId) return { conferences: [] };
  const rows = await findConferencesOfStudent(ctx.db, schoolId, m.studentId);
  return {
    conferences: rows.map((r) => ({
      id: r.id,
      round: { id: r.round_id, name: r.round_name },
      booking: r.date && r.starts_at && r.ends_at ? { date: r.date, from: r.starts_at, to: r.ends_at } : null,
      heldAt: r.held_at ? r.held_at.toISOString() : null,
    })),
  };
}

/**
 * Staff finish a round after its last day (the route's policy: those who plan all its classes).
 * A draft round, or one whose days are not over, is refused.
 */
export async function finishRound(ctx: SignedInContext, schoolId: string, roundId: string): Promise<TRound> {
  await inTransaction(ctx, (tx: UnitOfWork) => closeRound(tx, schoolId, roundId));
  return readRound(ctx, schoolId, roundId);
}

/** Finishes a round inside its caller's unit of work (a leader's "finish", or the demo school's history). */
export async function closeRound(tx: UnitOfWork, schoolId: string, roundId: string): Promise<void> {
  const round = await lockRound(tx.db, schoolId, roundId);
  if (!round) throw new AppError('not_found');
  if (round.status === 'draft' || round.status === 'finished') throw new AppError('round_not_over');
  const { days } = await findRounds(tx.db, schoolId, { ids: [roundId] });
  const last = days
    .map((d) => d.date)
    .sort()
    .at(-1);
  if (!last || last >= localDate(tx.clock.now())) throw new AppError('round_not_over');
  await setRoundStatus(tx.db, schoolId, roundId, 'finished');
}
