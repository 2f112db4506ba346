import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { GoalDraft, GoalReview } from '../../domain/student-plans/goals.js';

/** The student a plan or message book is about, with their class. */
export interface PlanStudentRow {
  id: string;
  given_name: string;
  family_name: string;
  class_id: string;
  grade: number;
  letter: string;
}

export async function findPlanStudent(
  db: Db,
  schoolId: string,
  studentId: string,
): Promise<PlanStudentRow | undefined> {
  return db
    .selectFrom('students as s')
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 's.school_id').onRef('c.id', '=', 's.class_id'))
    .select(['s.id', 's.given_name', 's.family_name', 's.class_id', 'c.grade', 'c.letter'])
    .where('s.school_id', '=', schoolId)
    .where('s.id', '=', studentId)
    .executeTakeFirst();
}

export interface PlanRow {
  id: string;
  student_id: string;
  school_year: number;
  status: 'draft' | 'published';
  published_at: Date | null;
}

export async function findPlan(
  db: Db,
  schoolId: string,
  studentId: string,
  schoolYear: number,
): Promise<PlanRow | undefined> {
  return db
    .selectFrom('student_plans')
    .select(['id', 'student_id', 'school_year', 'status', 'published_at'])
    .where('school_id', '=', schoolId)
    .where('student_id', '=', studentId)
    .where('school_year', '=', schoolYear)
    .executeTakeFirst();
}

/** The student's plan for the year, made as an empty draft when there is none yet. */
export async function ensurePlan(
  db: Db,
  plan: { schoolId: string; studentId: string; schoolYear: number; personId: string; at: Date },
): Promise<PlanRow> {
  await db
    .insertInto('student_plans')
    .values({
      school_id: plan.schoolId,
      student_id: plan.studentId,
      school_year: plan.schoolYear,
      created_by: plan.personId,
      created_at: plan.at,
      updated_at: plan.at,
    })
    .onConflict((oc) => oc.columns(['school_id', 'student_id', 'school_year']).doNothing())
    .execute();
  const row = await findPlan(db, plan.schoolId, plan.studentId, plan.schoolYear);
  if (!row) throw new Error('the plan was just made');
  return row;
}

export interface PlanSubjectRow {
  subject: string;
  status: string;
  given_name: string;
  family_name: string;
}

export interface PlanGoalRow {
  id: string;
  kind: 'academic' | 'social';
  position: number;
  text: string;
  school_support: string;
  home_support: string;
  student_support: string;
  carried_from: string | null;
  review: GoalReview | null;
}

export interface PlanCommentRow {
  id: string;
  goal_id: string | null;
  written_by_role: 'staff' | 'student';
  user_id: string;
  text: string;
  created_at: Date;
  author: string | null;
}

export interface ReadRow {
  person_id: string;
  given_name: string;
  family_name: string;
  read_at: Date;
}

const goalColumns = [
  'g.id',
  'g.kind',
  'g.position',
  'g.text',
  'g.school_support',
  'g.home_support',
  'g.student_support',
  'g.carried_from',
  'g.review',
] as const;

/** A plan's subjects, goals, comments and read confirmations. */
export async function findPlanParts(db: Db, schoolId: string, planId: string) {
  const [subjects, goals, comments, reads] = await Promise.all([
    db
      .selectFrom('student_plan_subjects as s')
      .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 's.school_id').onRef('p.id', '=', 's.written_by'))
      .select(['s.subject', 's.status', 'p.given_name', 'p.family_name'])
      .where('s.school_id', '=', schoolId)
      .where('s.plan_id', '=', planId)
      .orderBy('s.subject')
      .execute(),
    db
      .selectFrom('student_plan_goals as g')
      .select(goalColumns)
      .where('g.school_id', '=', schoolId)
      .where('g.plan_id', '=', planId)
      .orderBy('g.kind')
      .orderBy('g.position')
      .execute(),
    db
      .selectFrom('student_plan_comments as c')
      .leftJoin('people as p', (j) =>
        j
          .onRef('p.school_id', '=', 'c.school_id')
          .onRef('p.user_id', '=', 'c.user_id')
          .on('c.written_by_role', '=', 'staff'),
      )
      .select([
        'c.id',
        'c.goal_id',
        'c.written_by_role',
        'c.user_id',
        'c.text',
        'c.created_at',
        sql<string | null>`p.given_name || ' ' || p.family_name`.as('author'),
      ])
      .where('c.school_id', '=', schoolId)
      .where('c.plan_id', '=', planId)
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('student_plan_reads as r')
      .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'r.school_id').onRef('p.id', '=', 'r.person_id'))
      .select(['r.person_id', 'p.given_name', 'p.family_name', 'r.read_at'])
      .where('r.school_id', '=', schoolId)
      .where('r.plan_id', '=', planId)
      .orderBy('r.read_at')
      .execute(),
  ]);
  return { subjects, goals, comments, reads };
}

/** The goals of the student's latest plan before this school year, with their reviews. */
export async function findEarlierGoals(
  db: Db,
  schoolId: string,
  studentId: string,
  schoolYear: number,
): Promise<PlanGoalRow[]> {
  const earlier = await db
    .selectFrom('student_plans')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('student_id', '=', studentId)
    .where('school_year', '<', schoolYear)
    .where('status', '=', 'published')
    .orderBy('school_year', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!earlier) return [];
  return db
    .selectFrom('student_plan_goals as g')
    .select(goalColumns)
    .where('g.school_id', '=', schoolId)
    .where('g.plan_id', '=', earlier.id)
    .orderBy('g.kind')
    .orderBy('g.position')
    .execute();
}

/**
 * Saves a draft: the subjects as given (a subject whose status is unchanged keeps its author, so a
 * colleague's input stays theirs) and the goals, numbered per kind in the order given.
 */
export async function saveDraft(
  db: Db,
  draft: {
    schoolId: string;
    planId: string;
    subjects: Array<{ subject: string; status: string }>;
    goals: readonly GoalDraft[];
    personId: string;
    at: Date;
  },
): Promise<void> {
  const { schoolId, planId } = draft;
  let del = db.deleteFrom('student_plan_subjects').where('school_id', '=', schoolId).where('plan_id', '=', planId);
  if (draft.subjects.length > 0)
    del = del.where(
      'subject',
      'not in',
      draft.subjects.map((s) => s.subject),
    );
  await del.execute();
  for (const s of draft.subjects)
    await upsertSubject(db, { schoolId, planId, ...s, personId: draft.personId, at: draft.at });
  await db.deleteFrom('student_plan_goals').where('school_id', '=', schoolId).where('plan_id', '=', planId).execute();
  const positions = { academic: 0, social: 0 };
  if (draft.goals.length > 0)
    await db
      .insertInto('student_plan_goals')
      .values(
        draft.goals.map((g) => ({
          school_id: schoolId,
          plan_id: planId,
          kind: g.kind,
          position: (positions[g.kind] += 1),
          text: g.text,
          school_support: g.schoolSupport,
          home_support: g.homeSupport,
          student_support: g.studentSupport,
          carried_from: g.carriedFrom ?? null,
        })),
      )
      .execute();
  await db
    .updateTable('student_plans')
    .set({ updated_at: draft.at })
    .where('school_id', '=', schoolId)
    .where('id', '=', planId)
    .execute();
}

/** A subject's status; a changed status takes its writer as author. */
export async function upsertSubject(
  db: Db,
  s: { schoolId: string; planId: string; subject: string; status: string; personId: string; at: Date },
): Promise<void> {
  await db
    .insertInto('student_plan_subjects')
    .values({
      school_id: s.schoolId,
      plan_id: s.planId,
      subject: s.subject,
      status: s.status,
      written_by: s.personId,
      written_at: s.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['school_id', 'plan_id', 'subject'])
        .doUpdateSet({
          status: (eb) => eb.ref('excluded.status'),
          written_by: (eb) => eb.ref('excluded.written_by'),
          written_at: (eb) => eb.ref('excluded.written_at'),
        })
        .where(sql<boolean>`student_plan_subjects.status is distinct from excluded.status`),
    )
    .execute();
}

export async function insertPlanComment(
  db: Db,
  c: {
    schoolId: string;
    planId: string;
    goalId: string | null;
    role: 'staff' | 'student';
    userId: string;
    text: string;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('student_plan_comments')
    .values({
      school_id: c.schoolId,
      plan_id: c.planId,
      goal_id: c.goalId,
      written_by_role: c.role,
      user_id: c.userId,
      text: c.text,
      created_at: c.at,
    })
    .execute();
}

/** Publishes a draft; false when it was already published (a second click, or a colleague first). */
export async function markPlanPublished(
  db: Db,
  schoolId: string,
  planId: string,
  personId: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('student_plans')
    .set({ status: 'published', published_at: at, published_by: personId, updated_at: at })
    .where('school_id', '=', schoolId)
    .where('id', '=', planId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertPlanRead(db: Db, schoolId: string, planId: string, personId: string, at: Date) {
  await db
    .insertInto('student_plan_reads')
    .values({ school_id: schoolId, plan_id: planId, person_id: personId, read_at: at })
    .onConflict((oc) => oc.columns(['school_id', 'plan_id', 'person_id']).doNothing())
    .execute();
}

/** Records a goal's review at the conference; false when the goal is not one of this plan's. */
export async function reviewGoal(
  db: Db,
  r: { schoolId: string; planId: string; goalId: string; review: GoalReview; personId: string; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('student_plan_goals')
    .set({ review: r.review, reviewed_at: r.at, reviewed_by: r.personId })
    .where('school_id', '=', r.schoolId)
    .where('plan_id', '=', r.planId)
    .where('id', '=', r.goalId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A goal of a published plan of the student, or undefined. */
export async function findPublishedGoalOfStudent(
  db: Db,
  schoolId: string,
  studentId: string,
  goalId: string,
): Promise<{ id: string; plan_id: string } | undefined> {
  return db
    .selectFrom('student_plan_goals as g')
    .innerJoin('student_plans as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.plan_id'))
    .select(['g.id', 'g.plan_id'])
    .where('g.school_id', '=', schoolId)
    .where('g.id', '=', goalId)
    .where('p.student_id', '=', studentId)
    .where('p.status', '=', 'published')
    .executeTakeFirst();
}

/**
 * The day the next conference round of a class asks plans to be sent by: the round (not finished)
 * with the earliest afternoon from `today` on that names a day; null when none does.
 */
export async function findPlansBy(db: Db, schoolId: string, classId: string, today: string): Promise<string | null> {
  const rows = await findNextPlansBy(db, schoolId, [classId], today);
  return rows.get(classId) ?? null;
}

/** The next round's `plans_by` for each of some classes (see findPlansBy). */
export async function findNextPlansBy(
  db: Db,
  schoolId: string,
  classIds: readonly string[],
  today: string,
): Promise<Map<string, string>> {
  if (classIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('conference_rounds as r')
    .innerJoin('conference_round_classes as rc', (j) =>
      j.onRef('rc.school_id', '=', 'r.school_id').onRef('rc.round_id', '=', 'r.id'),
    )
    .innerJoin('conference_round_days as d', (j) =>
      j.onRef('d.school_id', '=', 'r.school_id').onRef('d.round_id', '=', 'r.id'),
    )
    .select(['rc.class_id', 'r.plans_by', sql<string>`min(d.date)::text`.as('first_day')])
    .where('r.school_id', '=', schoolId)
    .where('rc.class_id', 'in', [...classIds])
    .where('r.status', '!=', 'finished')
    .where('r.plans_by', 'is not', null)
    .groupBy(['rc.class_id', 'r.id', 'r.plans_by'])
    .having(sql<boolean>`max(d.date) >= ${today}::date`)
    .orderBy('first_day')
    .execute();
  const next = new Map<string, string>();
  for (const row of rows) if (row.plans_by && !next.has(row.class_id)) next.set(row.class_id, String(row.plans_by));
  return next;
}

/** The students of some classes with their plan's status for a school year (null: none yet). */
export async function findStudentsWithPlanStatus(
  db: Db,
  schoolId: string,
  classIds: readonly string[],
  schoolYear: number,
) {
  if (classIds.length === 0) return [];
  return db
    .selectFrom('students as s')
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 's.school_id').onRef('c.id', '=', 's.class_id'))
    .leftJoin('student_plans as p', (j) =>
      j
        .onRef('p.school_id', '=', 's.school_id')
        .onRef('p.student_id', '=', 's.id')
        .on('p.school_year', '=', schoolYear),
    )
    .select(['s.id', 's.given_name', 's.family_name', 's.class_id', 'c.grade', 'c.letter', 'p.status'])
    .where('s.school_id', '=', schoolId)
    .where('s.class_id', 'in', [...classIds])
    .orderBy('c.grade')
    .orderBy('c.letter')
    .orderBy('s.given_name')
    .execute();
}

export interface EntryRow {
  id: string;
  progress: string;
  well_being: string;
  created_at: Date;
  author: string;
}

/** The student's message book, newest first. */
export async function findEntries(db: Db, schoolId: string, studentId: string, limit = 200): Promise<EntryRow[]> {
  return db
    .selectFrom('message_book_entries as e')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'e.school_id').onRef('p.id', '=', 'e.written_by'))
    .select([
      'e.id',
      'e.progress',
      'e.well_being',
      'e.created_at',
      sql<string>`p.given_name || ' ' || p.family_name`.as('author'),
    ])
    .where('e.school_id', '=', schoolId)
    .where('e.student_id', '=', studentId)
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}

/** How many entries the student's message book has, and when the latest was written. */
export async function findEntrySummary(
  db: Db,
  schoolId: string,
  studentId: string,
): Promise<{ entries: number; lastWrittenAt: Date | null }> {
  const row = await db
    .selectFrom('message_book_entries')
    .select((eb) => [eb.fn.countAll<string>().as('entries'), eb.fn.max('created_at').as('last')])
    .where('school_id', '=', schoolId)
    .where('student_id', '=', studentId)
    .executeTakeFirstOrThrow();
  return { entries: Number(row.entries), lastWrittenAt: row.last ? new Date(row.last) : null };
}

export async function findEntryReads(db: Db, schoolId: string, entryIds: readonly string[]) {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom('message_book_reads as r')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'r.school_id').onRef('p.id', '=', 'r.person_id'))
    .select(['r.entry_id', 'r.person_id', 'p.given_name', 'p.family_name', 'r.read_at'])
    .where('r.school_id', '=', schoolId)
    .where('r.entry_id', 'in', [...entryIds])
    .orderBy('r.read_at')
    .execute();
}

/** A new entry; with an idempotency key a repeat from the same writer answers with the first entry. */
export async function insertEntry(
  db: Db,
  e: {
    schoolId: string;
    studentId: string;
    progress: string;
    wellBeing: string;
    personId: string;
    at: Date;
    idempotencyKey: string | null;
  },
): Promise<{ id: string; created: boolean }> {
  const row = await db
    .insertInto('message_book_entries')
    .values({
      school_id: e.schoolId,
      student_id: e.studentId,
      progress: e.progress,
      well_being: e.wellBeing,
      written_by: e.personId,
      created_at: e.at,
      idempotency_key: e.idempotencyKey,
    })
    .onConflict((oc) => oc.columns(['school_id', 'written_by', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return { id: row.id, created: true };
  const first = await db
    .selectFrom('message_book_entries')
    .select('id')
    .where('school_id', '=', e.schoolId)
    .where('written_by', '=', e.personId)
    .where('idempotency_key', '=', e.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { id: first.id, created: false };
}

/** The guardian confirms reading every entry of the student's book written so far. */
export async function insertEntryReads(db: Db, schoolId: string, studentId: string, personId: string, at: Date) {
  await db
    .insertInto('message_book_reads')
    .columns(['school_id', 'entry_id', 'person_id', 'read_at'])
    .expression(
      db
        .selectFrom('message_book_entries')
        .select([
          'school_id',
          'id',
          sql<string>`${personId}::uuid`.as('person_id'),
          sql<Date>`${at}::timestamptz`.as('read_at'),
        ])
        .where('school_id', '=', schoolId)
        .where('student_id', '=', studentId)
        .where('created_at', '<=', at),
    )
    .onConflict((oc) => oc.columns(['school_id', 'entry_id', 'person_id']).doNothing())
    .execute();
}

/** The student's latest published plan up to a school year, with its goals, for the conference page. */
export async function findPublishedPlanWithGoals(db: Db, schoolId: string, studentId: string, schoolYear: number) {
  const plan = await db
    .selectFrom('student_plans')
    .select(['id', 'student_id', 'school_year', 'status', 'published_at'])
    .where('school_id', '=', schoolId)
    .where('student_id', '=', studentId)
    .where('school_year', '<=', schoolYear)
    .where('status', '=', 'published')
    .orderBy('school_year', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!plan) return null;
  const goals = await db
    .selectFrom('student_plan_goals as g')
    .select(goalColumns)
    .where('g.school_id', '=', schoolId)
    .where('g.plan_id', '=', plan.id)
    .orderBy('g.kind')
    .orderBy('g.position')
    .execute();
  return { plan, goals };
}

/** The held conferences of a round with their day (the booked time, else the day marked held) and the student's class. */
export async function findHeldConferencesOfRound(db: Db, schoolId: string, roundId: string) {
  return db
    .selectFrom('conference_invitations as i')
    .leftJoin('conference_bookings as b', (j) =>
      j.onRef('b.school_id', '=', 'i.school_id').onRef('b.invitation_id', '=', 'i.id').on('b.cancelled_at', 'is', null),
    )
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'i.school_id').onRef('s.id', '=', 'i.student_id'))
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 's.school_id').onRef('c.id', '=', 's.class_id'))
    .select([
      'i.id as invitation_id',
      'i.student_id',
      's.given_name',
      's.class_id',
      'c.grade',
      sql<string>`coalesce(b.date::text, to_char(i.held_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD'))`.as(
        'meeting_day',
      ),
    ])
    .where('i.school_id', '=', schoolId)
    .where('i.round_id', '=', roundId)
    .where('i.held_at', 'is not', null)
    .orderBy('c.grade')
    .orderBy('s.given_name')
    .execute();
}
