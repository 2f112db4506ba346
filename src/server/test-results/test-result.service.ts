import type { Db } from '../db/database.js';
import { inTransaction, type SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueJobs } from '../jobs/job-queue.js';
import type { NewJob } from '../jobs/job-kinds.js';
import { insertNotifications } from '../notifications/notification.repository.js';
import { notice } from '../notifications/notice-text.js';
import type { Membership } from '../policies/membership.js';
import { hasCustodyOf, mayRecordTestResultOf, runsTheSchool, worksWithStudent } from '../policies/rules.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import type {
  TRecordTestResult,
  TTestResult,
  TTestResultList,
  TUnsentTestResultList,
} from '../../shared/api/test-result.schema.js';
import { className } from '../../shared/api/directory.schema.js';
import { localDate, morningBefore, shiftDate } from '../../domain/calendar/working-days.js';
import {
  studentReadsOwnTestResults,
  takenOnIsPast,
  TEST_RESULT_REMINDER_WORKING_DAYS,
  writtenByDay,
} from '../../domain/test-results/test-results.js';
import {
  findConferenceStudent,
  findDeliveries,
  findTestResult,
  findTestResultByKey,
  findTestResultsOfStudent,
  findUnsentTestResults,
  insertDeliveries,
  insertTestResult,
  markDeliveriesRead,
  markTestResultSent,
  type TestResultRow,
} from './test-result.repository.js';
import { presentTestResult } from './test-result.presenter.js';
import { toldByEmail } from '../notify/told-by-email.js';
import { findCustodyHoldersToTell } from '../directory/student.repository.js';

type UnitOfWork = Pick<SignedInContext, 'db' | 'clock'>;

/** What the principle promises when none is adopted, or one from before the rule (specs/principle-figures.md). */
const DEFAULT_WORKING_DAYS = 10;

/** The adopted principle's working days within which the home is told a result in writing. */
export async function inWritingWithinWorkingDays(db: Db, schoolId: string): Promise<number> {
  const adopted = await findAdoptedPrinciple(db, schoolId);
  return adopted?.principle.conferences.testResultsInWritingWorkingDays ?? DEFAULT_WORKING_DAYS;
}

/**
 * Records a result inside its caller's unit of work, with the reminder to tell the home if it
 * has not been told a few working days later. The demo school records through this too.
 */
export async function storeTestResult(
  tx: UnitOfWork,
  r: { schoolId: string; studentId: string; recordedBy: string; idempotencyKey: string | null } & TRecordTestResult,
): Promise<string> {
  const now = tx.clock.now();
  const id = await insertTestResult(tx.db, { ...r, recordedAt: now });
  const calendar = await loadSchoolCalendar(tx.db, r.schoolId);
  const remindOn = writtenByDay(localDate(now), TEST_RESULT_REMINDER_WORKING_DAYS, calendar);
  await enqueueJobs(tx.db, [
    {
      schoolId: r.schoolId,
      kind: 'test-result-reminder',
      payload: { testResultId: id },
      runAt: morningBefore(shiftDate(remindOn, 1)),
      dedupeKey: `test-result-reminder:${id}`,
      createdAt: now,
    },
  ]);
  return id;
}

/**
 * Staff of the student's class (or the leadership) record a result (the route's policy,
 * `student.record-test-result`). A test not yet taken is refused; an idempotency key makes a
 * double click record one result.
 */
export async function recordTestResult(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
  input: TRecordTestResult,
  idempotencyKey: string | null,
): Promise<TTestResult> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const recordedBy = m.personId;
  if (!takenOnIsPast(input.takenOn, localDate(ctx.clock.now())))
    throw new AppError('test_result_taken_in_future', { field: 'takenOn' });
  const id = await inTransaction(ctx, async (tx) => {
    const earlier = idempotencyKey ? await findTestResultByKey(tx.db, schoolId, recordedBy, idempotencyKey) : undefined;
    if (earlier) {
      if (earlier.student_id !== studentId) throw new AppError('idempotency_key_reused');
      return earlier.id;
    }
    const created = await storeTestResult(tx, { ...input, schoolId, studentId, recordedBy, idempotencyKey });
    await recordAudit(tx, { schoolId, action: 'test-result.record', studentId, subject: input.testName });
    return created;
  });
  return readFor(ctx, m, schoolId, id);
}

/**
 * Tells every custody holder (not suspended) in one unit of work: a notice in the app in their
 * language, an e-mail job where the directory says e-mail, and a delivery row each, which their
 * reading marks read. A second send (a double click) tells no one again and answers the same.
 */
export async function sendTestResult(ctx: SignedInContext, schoolId: string, testResultId: string) {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const sentBy = m.personId;
  await inTransaction(ctx, async (tx) => {
    const studentId = await tellTheHome(tx, schoolId, testResultId, sentBy);
    if (studentId) await recordAudit(tx, { schoolId, action: 'test-result.send', studentId });
  });
  return readFor(ctx, m, schoolId, testResultId);
}

/**
 * Sends a result to the home inside its caller's unit of work (a send, or the demo school's
 * history): the student's id, or null when it was sent before and no one is told again.
 */
export async function tellTheHome(
  tx: UnitOfWork,
  schoolId: string,
  testResultId: string,
  sentBy: string,
): Promise<string | null> {
  const now = tx.clock.now();
  if (!(await markTestResultSent(tx.db, schoolId, testResultId, sentBy, now))) return null;
  const result = await findTestResult(tx.db, schoolId, testResultId);
  if (!result) throw new AppError('not_found');
  const holders = await findCustodyHoldersToTell(tx.db, schoolId, result.student_id);
  await insertDeliveries(
    tx.db,
    holders.map((g) => ({ schoolId, testResultId, personId: g.person_id, emailed: toldByEmail(g), deliveredAt: now })),
  );
  await insertNotifications(
    tx.db,
    holders.map((g) => ({
      schoolId,
      personId: g.person_id,
      threadId: null,
      createdAt: now,
      dedupeKey: `test-result:${testResultId}`,
      ...notice('test-result', { child: result.student_given_name, test: result.test_name }, g.locale),
    })),
  );
  await enqueueJobs(
    tx.db,
    holders.filter(toldByEmail).map((g): NewJob<'test-result-email'> => ({
      schoolId,
      kind: 'test-result-email',
      payload: { testResultId, personId: g.person_id },
      runAt: now,
      dedupeKey: `test-result-email:${testResultId}:${g.person_id}`,
      createdAt: now,
    })),
  );
  return result.student_id;
}

/**
 * Results as the reader may see them; a custody holder reading them marks their deliveries read.
 * Runs inside its caller's unit of work, with the read's audit row.
 */
async function present(
  ctx: SignedInContext,
  m: Membership,
  schoolId: string,
  rows: TestResultRow[],
): Promise<TTestResult[]> {
  const staffRows = rows.filter((r) => worksWithStudent(m, { classId: r.class_id }));
  const deliveries = await findDeliveries(
    ctx.db,
    schoolId,
    rows.map((r) => r.id),
  );
  const own = m.personId
    ? rows.filter((r) => r.sent_at !== null && hasCustodyOf(m, r.student_id)).map((r) => r.id)
    : [];
  const now = ctx.clock.now();
  if (own.length > 0 && m.personId) {
    const personId = m.personId;
    await markDeliveriesRead(ctx.db, schoolId, personId, own, now);
  }
  return rows.map((r) => {
    const staff = staffRows.includes(r);
    const mine = deliveries.find((d) => d.test_result_id === r.id && d.person_id === m.personId);
    return presentTestResult(r, {
      deliveries: staff ? deliveries.filter((d) => d.test_result_id === r.id) : null,
      readAt: own.includes(r.id) ? (mine?.read_at ?? now) : null,
      maySend: staff && r.sent_at === null && mayRecordTestResultOf(m, { classId: r.class_id }),
    });
  });
}

async function readFor(ctx: SignedInContext, m: Membership, schoolId: string, id: string): Promise<TTestResult> {
  const row = await findTestResult(ctx.db, schoolId, id);
  if (!row) throw new AppError('not_found');
  const [result] = await present(ctx, m, schoolId, [row]);
  return result!;
}

/**
 * One result (the route's policy, `test-result.read`, has decided the reader may). The read is
 * logged in the child's audit log; a custody holder's read marks the result read for the staff.
 */
export async function readTestResult(ctx: SignedInContext, schoolId: string, testResultId: string) {
  const m = await ctx.membership(schoolId);
  // The read marks it read and is logged: one unit of work.
  return inTransaction(ctx, async (tx) => {
    const result = await readFor(tx, m, schoolId, testResultId);
    await recordAudit(tx, { schoolId, action: 'test-result.read', studentId: result.student.id });
    return result;
  });
}

/**
 * A student's results (the route's policy, `student.test-results`): staff of the class and the
 * leadership all of them, with each custody holder's read state; the custody holders and the
 * student those told to the home. Logged in the child's audit log.
 */
export async function listStudentTestResults(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
  since?: string,
): Promise<TTestResultList> {
  const m = await ctx.membership(schoolId);
  // A custody holder's list marks their results read; that and the audit row are one unit of work.
  return inTransaction(ctx, async (tx) => {
    const all = await findTestResultsOfStudent(tx.db, schoolId, studentId, { takenSince: since });
    const staff = all[0] !== undefined && worksWithStudent(m, { classId: all[0].class_id });
    const visible = staff ? all : all.filter((r) => r.sent_at !== null);
    await recordAudit(tx, { schoolId, action: 'test-result.list', studentId });
    return {
      results: await present(tx, m, schoolId, visible),
      inWritingWithinWorkingDays: await inWritingWithinWorkingDays(tx.db, schoolId),
    };
  });
}

/**
 * The student's results of the last two years for the conference page (the route's policy,
 * `conference.read`): what each reader may see of them, as for the student's own list; a student
 * below grade 7 sees none on the page (their parents were told).
 */
export async function listConferenceTestResults(
  ctx: SignedInContext,
  schoolId: string,
  invitationId: string,
): Promise<TTestResultList> {
  const conference = await findConferenceStudent(ctx.db, schoolId, invitationId);
  if (!conference) throw new AppError('not_found');
  const m = await ctx.membership(schoolId);
  const since = shiftDate(localDate(ctx.clock.now()), -730);
  const list = await listStudentTestResults(ctx, schoolId, conference.student_id, since);
  const studentOnly = m.studentId === conference.student_id;
  if (studentOnly && !list.results.every((r) => studentReadsOwnTestResults(r.student.class.grade)))
    return { ...list, results: [] };
  return list;
}

/**
 * The caller's work list: results not yet told to the home, that they recorded or of the classes
 * they are the contact teacher of (the whole school for the leadership). Logged per child.
 */
export async function listUnsentTestResults(ctx: SignedInContext, schoolId: string): Promise<TUnsentTestResultList> {
  const m = await ctx.membership(schoolId);
  const classIds = runsTheSchool(m)
    ? ('all' as const)
    : [...m.classRoles].filter(([, role]) => role === 'contact_teacher').map(([classId]) => classId);
  const [rows, calendar, history] = await Promise.all([
    findUnsentTestResults(ctx.db, schoolId, { classIds, recordedBy: m.personId }),
    loadSchoolCalendar(ctx.db, schoolId),
    inWritingWithinWorkingDays(ctx.db, schoolId),
  ]);
  await recordAudit(
    ctx,
    [...new Set(rows.map((r) => r.student_id))].map((studentId) => ({
      schoolId,
      action: 'test-result.list' as const,
      studentId,
    })),
  );
  return {
    results: rows.map((r) => ({
      id: r.id,
      student: {
        id: r.student_id,
        name: `${r.student_given_name} ${r.student_family_name}`.trim(),
        class: { id: r.class_id, name: className(r.grade, r.letter), grade: r.grade },
      },
      testName: r.test_name,
      takenOn: r.taken_on,
      recordedAt: r.recorded_at.toISOString(),
      tellBy: writtenByDay(localDate(r.recorded_at), history, calendar),
    })),
  };
}
