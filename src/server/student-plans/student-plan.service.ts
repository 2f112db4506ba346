import { inTransaction, type SignedInContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueJobs } from '../jobs/job-queue.js';
import type { ClaimedJob, NewJob } from '../jobs/job-kinds.js';
import { insertNotifications } from '../notifications/notification.repository.js';
import { notice } from '../notifications/notice-text.js';
import { studentPlanMail } from '../notify/templates/student-plan.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import type { Membership } from '../policies/membership.js';
import {
  hasCustodyOf,
  isContactTeacherOf,
  mayCommentOnStudentPlan,
  mayContributeToStudentPlan,
  mayDraftStudentPlanFor,
} from '../policies/rules.js';
import { localDate } from '../../domain/calendar/working-days.js';
import { schoolYearOf } from '../../domain/figures/school-year.js';
import { carriedOverGoals, goalProblems, type GoalDraft } from '../../domain/student-plans/goals.js';
import type {
  TConferenceStudentPlan,
  TGoalReviewInput,
  TMessageBook,
  TMessageBookEntryInput,
  TSaveStudentPlan,
  TStudentPlanComment,
  TStudentPlanInput,
  TStudentPlanPage,
  TStudentPlansDue,
} from '../../shared/api/student-plan.schema.js';
import { className } from '../../shared/api/directory.schema.js';
import {
  ensurePlan,
  findEarlierGoals,
  findEntries,
  findEntrySummary,
  findEntryReads,
  findNextPlansBy,
  findPlan,
  findPlanParts,
  findPlansBy,
  findPlanStudent,
  findPublishedGoalOfStudent,
  findPublishedPlanWithGoals,
  findStudentsWithPlanStatus,
  insertEntry,
  insertEntryReads,
  insertPlanComment,
  insertPlanRead,
  markPlanPublished,
  reviewGoal,
  saveDraft,
  upsertSubject,
  type PlanStudentRow,
} from './student-plan.repository.js';
import { presentConferencePlan, presentMessageBook, presentPlan, presentPlanPage } from './student-plan.presenter.js';
import { toldByEmail } from '../notify/told-by-email.js';
import { findCustodyHoldersToTell } from '../directory/student.repository.js';

type Form = 'student_plan' | 'message_book';
type Db = SignedInContext['db'];

const today = (ctx: Pick<SignedInContext, 'clock'>) => localDate(ctx.clock.now());

async function studentOf(db: Db, schoolId: string, studentId: string): Promise<PlanStudentRow> {
  const student = await findPlanStudent(db, schoolId, studentId);
  if (!student) throw new AppError('not_found');
  return student;
}

/** The form the adopted principle chose; null when it chose none (or none is adopted). */
async function formOf(db: Db, schoolId: string): Promise<Form | null> {
  const adopted = await findAdoptedPrinciple(db, schoolId);
  return adopted?.principle.conferences.studentPlan?.form ?? null;
}

async function personOf(ctx: SignedInContext, schoolId: string): Promise<{ m: Membership; personId: string }> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  return { m, personId: m.personId };
}

/** The student plan is written where the principle chose it, or chose neither form. */
async function requirePlanForm(db: Db, schoolId: string): Promise<Form | null> {
  const form = await formOf(db, schoolId);
  if (form === 'message_book') throw new AppError('student_plan_other_form');
  return form;
}

/** The first problem with the goals, as the error its field names. */
function checkGoals(goals: readonly GoalDraft[], forPublishing: boolean): void {
  const [problem] = goalProblems(goals, forPublishing);
  if (!problem) return;
  if (problem.code === 'student_plan_goal_text')
    throw new AppError(problem.code, { field: `goals.${problem.index}.text` });
  throw new AppError(problem.code, { field: 'goals' });
}

/**
 * This school year's plan of a student as the reader may see it (the route's policy,
 * `student-plan.read`, has decided they may read the student): staff see the draft and the
 * colleagues' input, the home and the student the published plan only. Every read is logged in
 * the child's audit log.
 */
export async function readStudentPlan(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
): Promise<TStudentPlanPage> {
  const student = await studentOf(ctx.db, schoolId, studentId);
  const m = await ctx.membership(schoolId);
  const year = schoolYearOf(today(ctx));
  const staff = mayContributeToStudentPlan(m, { classId: student.class_id });
  const [form, plan, plansBy, messageBook] = await Promise.all([
    formOf(ctx.db, schoolId),
    findPlan(ctx.db, schoolId, studentId, year),
    findPlansBy(ctx.db, schoolId, student.class_id, today(ctx)),
    findEntrySummary(ctx.db, schoolId, studentId),
  ]);
  const visible = plan && (staff || plan.status === 'published') ? plan : null;
  const parts = visible ? await findPlanParts(ctx.db, schoolId, visible.id) : null;
  const startsEmpty = staff && (!plan || (plan.status === 'draft' && parts?.goals.length === 0));
  const carriedOver = startsEmpty
    ? carriedOverGoals(
        (await findEarlierGoals(ctx.db, schoolId, studentId, year)).map((g) => ({
          id: g.id,
          kind: g.kind,
          position: g.position,
          text: g.text,
          schoolSupport: g.school_support,
          homeSupport: g.home_support,
          studentSupport: g.student_support,
          review: g.review,
        })),
      )
    : [];
  await recordAudit(ctx, { schoolId, action: 'student-plan.read', studentId });
  const draft = !plan || plan.status === 'draft';
  const published = plan?.status === 'published';
  const maySend = form !== 'message_book';
  const presented =
    visible && parts ? presentPlan(visible, parts, { staff, userId: ctx.actor.userId, personId: m.personId }) : null;
  return presentPlanPage({
    student,
    form,
    plansBy,
    plan: presented,
    carriedOver,
    messageBook,
    abilities: {
      edit: maySend && draft && mayDraftStudentPlanFor(m, { classId: student.class_id }),
      contribute: maySend && draft && staff,
      publish: maySend && plan?.status === 'draft' && mayDraftStudentPlanFor(m, { classId: student.class_id }),
      confirmRead: published && hasCustodyOf(m, studentId) && !(presented?.readByMe ?? false),
      comment: published && mayCommentOnStudentPlan(m, studentId),
      review: published && staff,
    },
  });
}

/**
 * The contact teacher saves the draft: the status per subject and 1–3 academic and 1–3 social
 * goals with how school, home and student support each. A published plan is not changed.
 */
export async function saveStudentPlan(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
  input: TSaveStudentPlan,
): Promise<TStudentPlanPage> {
  await studentOf(ctx.db, schoolId, studentId);
  await requirePlanForm(ctx.db, schoolId);
  checkGoals(input.goals, false);
  const { personId } = await personOf(ctx, schoolId);
  await inTransaction(ctx, async (tx) => {
    const at = tx.clock.now();
    const plan = await ensurePlan(tx.db, {
      schoolId,
      studentId,
      schoolYear: schoolYearOf(localDate(at)),
      personId,
      at,
    });
    if (plan.status === 'published') throw new AppError('student_plan_published');
    // Carried-over goals must point at this student's earlier goals; anything else is dropped.
    const earlier = new Set((await findEarlierGoals(tx.db, schoolId, studentId, plan.school_year)).map((g) => g.id));
    const goals = input.goals.map((g) => ({
      ...g,
      carriedFrom: g.carriedFrom && earlier.has(g.carriedFrom) ? g.carriedFrom : null,
    }));
    await saveDraft(tx.db, { schoolId, planId: plan.id, subjects: input.subjects, goals, personId, at });
    await recordAudit(tx, { schoolId, action: 'student-plan.change', studentId, subject: 'draft' });
  });
  return readStudentPlan(ctx, schoolId, studentId);
}

/** A colleague of the class adds their subject's status, or a comment, while the plan is a draft. */
export async function addStudentPlanInput(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
  input: TStudentPlanInput,
): Promise<TStudentPlanPage> {
  await studentOf(ctx.db, schoolId, studentId);
  await requirePlanForm(ctx.db, schoolId);
  const { personId } = await personOf(ctx, schoolId);
  await inTransaction(ctx, async (tx) => {
    const at = tx.clock.now();
    const plan = await ensurePlan(tx.db, {
      schoolId,
      studentId,
      schoolYear: schoolYearOf(localDate(at)),
      personId,
      at,
    });
    if (plan.status === 'published') throw new AppError('student_plan_published');
    if (input.subject !== null)
      await upsertSubject(tx.db, {
        schoolId,
        planId: plan.id,
        subject: input.subject,
        status: input.text,
        personId,
        at,
      });
    else
      await insertPlanComment(tx.db, {
        schoolId,
        planId: plan.id,
        goalId: null,
        role: 'staff',
        userId: ctx.actor.userId,
        text: input.text,
        at,
      });
    await recordAudit(tx, { schoolId, action: 'student-plan.change', studentId, subject: 'input' });
  });
  return readStudentPlan(ctx, schoolId, studentId);
}

/**
 * Tells the home, inside the unit of work that sends: a notice in the app for each custody holder
 * (not suspended; a § 23 parent asks for it) in their language, and an e-mail job for those told
 * by e-mail. One per person and occasion (the keys), so a retry tells no one twice.
 */
async function tellHome(
  tx: Pick<SignedInContext, 'db' | 'clock'>,
  schoolId: string,
  student: PlanStudentRow,
  form: Form,
  occasion: string,
): Promise<void> {
  const now = tx.clock.now();
  const guardians = await findCustodyHoldersToTell(tx.db, schoolId, student.id);
  await insertNotifications(
    tx.db,
    guardians.map((g) => ({
      schoolId,
      personId: g.person_id,
      threadId: null,
      ...notice('student-plan', { child: student.given_name, form }, g.locale),
      createdAt: now,
      dedupeKey: `${occasion}:${g.person_id}`,
    })),
  );
  await enqueueJobs(
    tx.db,
    guardians.filter(toldByEmail).map((g): NewJob<'student-plan-email'> => ({
      schoolId,
      kind: 'student-plan-email',
      payload: { studentId: student.id, personId: g.person_id, form },
      runAt: now,
      dedupeKey: `student-plan-email:${occasion}:${g.person_id}`,
      createdAt: now,
    })),
  );
}

/**
 * The contact teacher sends the plan home. It needs 1–3 goals of each kind. In the same unit of
 * work the home is told; a second click finds it published and tells no one again.
 */
export async function publishStudentPlan(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
): Promise<TStudentPlanPage> {
  const student = await studentOf(ctx.db, schoolId, studentId);
  const form = (await requirePlanForm(ctx.db, schoolId)) ?? 'student_plan';
  const { personId } = await personOf(ctx, schoolId);
  await inTransaction(ctx, async (tx) => {
    const at = tx.clock.now();
    const plan = await findPlan(tx.db, schoolId, studentId, schoolYearOf(localDate(at)));
    if (!plan) throw new AppError('student_plan_goals_missing', { field: 'goals' });
    if (plan.status === 'published') return;
    const { goals } = await findPlanParts(tx.db, schoolId, plan.id);
    checkGoals(
      goals.map((g) => ({
        kind: g.kind,
        text: g.text,
        schoolSupport: g.school_support,
        homeSupport: g.home_support,
        studentSupport: g.student_support,
      })),
      true,
    );
    if (!(await markPlanPublished(tx.db, schoolId, plan.id, personId, at))) return;
    await tellHome(tx, schoolId, student, form, `student-plan:${plan.id}`);
    await recordAudit(tx, { schoolId, action: 'student-plan.publish', studentId });
  });
  return readStudentPlan(ctx, schoolId, studentId);
}

/** A custody holder confirms "Vi har læst planen"; once per guardian, a repeat changes nothing. */
export async function confirmStudentPlanRead(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
): Promise<TStudentPlanPage> {
  await studentOf(ctx.db, schoolId, studentId);
  const { personId } = await personOf(ctx, schoolId);
  await inTransaction(ctx, async (tx) => {
    const plan = await findPlan(tx.db, schoolId, studentId, schoolYearOf(today(tx)));
    if (plan?.status !== 'published') throw new AppError('student_plan_not_published');
    await insertPlanRead(tx.db, schoolId, plan.id, personId, tx.clock.now());
  });
  return readStudentPlan(ctx, schoolId, studentId);
}

/** The student comments on one of their own goals of the published plan. */
export async function commentOnStudentPlan(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
  input: TStudentPlanComment,
): Promise<TStudentPlanPage> {
  await studentOf(ctx.db, schoolId, studentId);
  await inTransaction(ctx, async (tx) => {
    const goal = await findPublishedGoalOfStudent(tx.db, schoolId, studentId, input.goalId);
    if (!goal) throw new AppError('not_found', { field: 'goalId' });
    await insertPlanComment(tx.db, {
      schoolId,
      planId: goal.plan_id,
      goalId: goal.id,
      role: 'student',
      userId: ctx.actor.userId,
      text: input.text,
      at: tx.clock.now(),
    });
  });
  return readStudentPlan(ctx, schoolId, studentId);
}

/** At the conference the class's staff review a goal: reached, partly, or continue (it carries over unless reached). */
export async function reviewStudentPlanGoal(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
  input: TGoalReviewInput,
): Promise<TStudentPlanPage> {
  await studentOf(ctx.db, schoolId, studentId);
  const { personId } = await personOf(ctx, schoolId);
  await inTransaction(ctx, async (tx) => {
    const goal = await findPublishedGoalOfStudent(tx.db, schoolId, studentId, input.goalId);
    if (!goal) throw new AppError('not_found', { field: 'goalId' });
    await reviewGoal(tx.db, {
      schoolId,
      planId: goal.plan_id,
      goalId: goal.id,
      review: input.review,
      personId,
      at: tx.clock.now(),
    });
    await recordAudit(tx, { schoolId, action: 'student-plan.change', studentId, subject: `review ${input.review}` });
  });
  return readStudentPlan(ctx, schoolId, studentId);
}

/**
 * The contact teacher's work list: the students of their classes whose plan the next conference
 * round asks for by its `plans_by` day and that is not published yet (missing or a draft), soonest
 * first. Names of the class's own students, logged as a list.
 */
export async function listDueStudentPlans(ctx: SignedInContext, schoolId: string): Promise<TStudentPlansDue> {
  const m = await ctx.membership(schoolId);
  const classIds = [...m.classRoles.keys()].filter((classId) => isContactTeacherOf(m, classId));
  const day = today(ctx);
  const plansBy = await findNextPlansBy(ctx.db, schoolId, classIds, day);
  if ((await formOf(ctx.db, schoolId)) === 'message_book') return { plans: [] };
  const rows = await findStudentsWithPlanStatus(ctx.db, schoolId, [...plansBy.keys()], schoolYearOf(day));
  const due = rows.filter((r) => r.status !== 'published');
  await recordAudit(
    ctx,
    due.map((r) => ({ schoolId, action: 'student-plan.list' as const, studentId: r.id })),
  );
  return {
    plans: due
      .map((r) => ({
        student: { id: r.id, name: `${r.given_name} ${r.family_name}`.trim(), className: className(r.grade, r.letter) },
        plansBy: plansBy.get(r.class_id) ?? day,
        status: r.status === 'draft' ? ('draft' as const) : ('missing' as const),
      }))
      .sort((a, b) => a.plansBy.localeCompare(b.plansBy)),
  };
}

/**
 * The student's message book as the reader may see it (`student-plan.read`): the entries, newest
 * first; staff see which guardians confirmed each, the home whether they did. Logged.
 */
export async function readMessageBook(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
): Promise<TMessageBook> {
  const student = await studentOf(ctx.db, schoolId, studentId);
  const m = await ctx.membership(schoolId);
  const staff = mayContributeToStudentPlan(m, { classId: student.class_id });
  const [form, entries] = await Promise.all([formOf(ctx.db, schoolId), findEntries(ctx.db, schoolId, studentId)]);
  const reads = await findEntryReads(
    ctx.db,
    schoolId,
    entries.map((e) => e.id),
  );
  await recordAudit(ctx, { schoolId, action: 'message-book.read', studentId });
  const unread = entries.some((e) => !reads.some((r) => r.entry_id === e.id && r.person_id === m.personId));
  return presentMessageBook({
    student,
    form,
    entries,
    reads,
    reader: { staff, personId: m.personId },
    abilities: { write: staff && form !== 'student_plan', confirmRead: hasCustodyOf(m, studentId) && unread },
  });
}

/**
 * A member of the class's staff writes a dated entry: progress and well-being. The home is told in
 * the same unit of work; with an idempotency key a repeated request stores one entry.
 */
export async function addMessageBookEntry(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
  input: TMessageBookEntryInput & { idempotencyKey?: string },
): Promise<TMessageBook> {
  const student = await studentOf(ctx.db, schoolId, studentId);
  if ((await formOf(ctx.db, schoolId)) === 'student_plan') throw new AppError('message_book_other_form');
  const { personId } = await personOf(ctx, schoolId);
  await inTransaction(ctx, async (tx) => {
    const entry = await insertEntry(tx.db, {
      schoolId,
      studentId,
      progress: input.progress,
      wellBeing: input.wellBeing,
      personId,
      at: tx.clock.now(),
      idempotencyKey: input.idempotencyKey?.trim() || null,
    });
    if (!entry.created) return;
    await tellHome(tx, schoolId, student, 'message_book', `message-book:${entry.id}`);
    await recordAudit(tx, { schoolId, action: 'message-book.write', studentId });
  });
  return readMessageBook(ctx, schoolId, studentId);
}

/** A custody holder confirms reading the message book: every entry written so far. */
export async function confirmMessageBookRead(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
): Promise<TMessageBook> {
  await studentOf(ctx.db, schoolId, studentId);
  const { personId } = await personOf(ctx, schoolId);
  await inTransaction(ctx, (tx) => insertEntryReads(tx.db, schoolId, studentId, personId, tx.clock.now()));
  return readMessageBook(ctx, schoolId, studentId);
}

/**
 * The conference's seam (issue 11, point 6): the student's latest published plan with its goals,
 * or where the principle chose the message book its latest entries; null when nothing went home.
 * The conference's read is logged by the conference itself.
 */
export async function studentPlanForConference(
  db: Db,
  schoolId: string,
  studentId: string,
  day: string,
): Promise<TConferenceStudentPlan | null> {
  const form = await formOf(db, schoolId);
  if (form === 'message_book') {
    const entries = await findEntries(db, schoolId, studentId, 3);
    return entries.length > 0 ? presentConferencePlan({ form, entries }) : null;
  }
  const found = await findPublishedPlanWithGoals(db, schoolId, studentId, schoolYearOf(day));
  return found ? presentConferencePlan({ form: 'student_plan', plan: found.plan, goals: found.goals }) : null;
}

/** One guardian's e-mail that the plan went home or the book has a new entry, in their language. */
export async function handleStudentPlanEmail(deps: AppDeps, job: ClaimedJob<'student-plan-email'>): Promise<void> {
  if (!job.schoolId) throw new Error('a student-plan e-mail without a school');
  const schoolId = job.schoolId;
  const { studentId, personId, form } = job.payload;
  const [student, guardians] = await Promise.all([
    findPlanStudent(deps.db, schoolId, studentId),
    findCustodyHoldersToTell(deps.db, schoolId, studentId),
  ]);
  const guardian = guardians.find((g) => g.person_id === personId);
  if (!student || !guardian?.email) return;
  const page = form === 'student_plan' ? 'student-plan' : 'message-book';
  const mail = studentPlanMail({
    locale: guardian.locale,
    name: guardian.given_name,
    child: student.given_name,
    form,
    appUrl: `${deps.config.publicUrl}/schools/${schoolId}/students/${studentId}/${page}`,
  });
  await deps.mailer.send({ schoolId, to: guardian.email, ...mail });
}
