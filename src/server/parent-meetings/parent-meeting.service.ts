import { inTransaction, type SignedInContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueJobs } from '../jobs/job-queue.js';
import type { NewJob } from '../jobs/job-kinds.js';
import { insertNotifications } from '../notifications/notification.repository.js';
import { notice } from '../notifications/notice-text.js';
import type { Membership } from '../policies/membership.js';
import { isHomeOfClass, mayPlanParentMeetingOf, runsParentMeetingsOf } from '../policies/rules.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import { toldByEmail } from '../notify/told-by-email.js';
import { className } from '../../shared/api/directory.schema.js';
import type {
  TAddAgendaItem,
  TClassParentMeetings,
  TMyParentMeetings,
  TParentMeeting,
  TParentMeetingAnswer,
  TParentMeetingAttendance,
  TParentMeetingTime,
} from '../../shared/api/parent-meeting.schema.js';
import type { TParentMeetingRules } from '../../shared/principle/principle.schema.js';
import { localDate } from '../../domain/calendar/working-days.js';
import { schoolYear, schoolYearOf } from '../../domain/figures/school-year.js';
import {
  localMinute,
  mayAnswer,
  mayTakeAttendance,
  nextStep,
  plannedTimeProblem,
  WELL_BEING_TOPIC_TITLES,
} from '../../domain/parent-meetings/parent-meetings.js';
import {
  answerForHousehold,
  deleteAgendaItem,
  findAgenda,
  findClassGuardians,
  findClassIdsOfStudents,
  findClassOf,
  findClassStudentIds,
  findMeetingHouseholds,
  findOwnHouseholds,
  findParentMeeting,
  findParentMeetingByKey,
  findParentMeetingsOfClasses,
  insertAgendaItem,
  insertHouseholds,
  insertParentMeeting,
  markParentMeetingHeld,
  markParentMeetingInvited,
  publishParentMeetingMinutes,
  setRepresented,
  updateAgendaItem,
  updateParentMeetingTime,
  type ClassGuardianRow,
  type ParentMeetingRow,
} from './parent-meeting.repository.js';
import { parentMeetingCalendarText } from './parent-meeting-notify.service.js';
import { presentParentMeeting, presentSummary, type MeetingView } from './parent-meeting.presenter.js';

type UnitOfWork = Pick<SignedInContext, 'db' | 'clock'>;

/** The principle's rules for parent meetings in force, or null where it sets none. */
async function meetingRules(db: Db, schoolId: string): Promise<TParentMeetingRules | null> {
  return (await findAdoptedPrinciple(db, schoolId))?.principle.parentMeetings ?? null;
}

function checkTime(t: TParentMeetingTime, now: Date) {
  const problem = plannedTimeProblem(t, localMinute(now));
  if (problem === 'ends_before_start') throw new AppError('parent_meeting_time_order', { field: 'to' });
  if (problem === 'in_past') throw new AppError('parent_meeting_in_past', { field: 'date' });
}

async function requireMeeting(db: Db, schoolId: string, meetingId: string): Promise<ParentMeetingRow> {
  const row = await findParentMeeting(db, schoolId, meetingId);
  if (!row) throw new AppError('not_found');
  return row;
}

async function requirePlanning(db: Db, schoolId: string, meetingId: string): Promise<ParentMeetingRow> {
  const row = await requireMeeting(db, schoolId, meetingId);
  if (row.invited_at) throw new AppError('parent_meeting_not_planning');
  return row;
}

const personOf = (m: Membership) => {
  if (!m.personId) throw new AppError('forbidden');
  return m.personId;
};

/**
 * Stores a planned meeting inside its caller's unit of work (a planner's request, or the demo
 * school's history): its time and place, and the agenda items given.
 */
export async function storeParentMeeting(
  tx: UnitOfWork,
  m: TParentMeetingTime & { schoolId: string; classId: string; createdBy: string; idempotencyKey: string | null },
): Promise<string> {
  return insertParentMeeting(tx.db, { ...m, createdAt: tx.clock.now() });
}

/**
 * The class's staff, the leadership, or a class parent representative where the principle lets
 * them help (the route's policy, `class.plan-parent-meeting`) plans a meeting: it is the
 * planners' alone until the homes are invited. An idempotency key makes a double click one meeting.
 */
export async function planParentMeeting(
  ctx: SignedInContext,
  schoolId: string,
  classId: string,
  input: TParentMeetingTime,
  idempotencyKey: string | null,
): Promise<TParentMeeting> {
  const m = await ctx.membership(schoolId);
  const createdBy = personOf(m);
  checkTime(input, ctx.clock.now());
  const id = await inTransaction(ctx, async (tx) => {
    const earlier = idempotencyKey
      ? await findParentMeetingByKey(tx.db, schoolId, createdBy, idempotencyKey)
      : undefined;
    if (earlier) {
      if (earlier.class_id !== classId) throw new AppError('idempotency_key_reused');
      return earlier.id;
    }
    const created = await storeParentMeeting(tx, { ...input, schoolId, classId, createdBy, idempotencyKey });
    await recordAudit(tx, { schoolId, action: 'parent-meeting.plan', subject: created });
    return created;
  });
  return readFor(ctx, m, schoolId, id);
}

/** A new time or place while the meeting is planned (the route's policy, `parent-meeting.plan`). */
export async function rescheduleParentMeeting(
  ctx: SignedInContext,
  schoolId: string,
  meetingId: string,
  input: TParentMeetingTime,
): Promise<TParentMeeting> {
  const m = await ctx.membership(schoolId);
  checkTime(input, ctx.clock.now());
  await inTransaction(ctx, async (tx) => {
    await requirePlanning(tx.db, schoolId, meetingId);
    if (!(await updateParentMeetingTime(tx.db, schoolId, meetingId, input)))
      throw new AppError('parent_meeting_not_planning');
    await recordAudit(tx, { schoolId, action: 'parent-meeting.plan', subject: meetingId });
  });
  return readFor(ctx, m, schoolId, meetingId);
}

/**
 * Adds an agenda item while the meeting is planned: a topic of the well-being action plan (where
 * the principle puts them on the agenda; once, whoever picks it first) or the planner's own words.
 */
export async function addAgendaItem(
  ctx: SignedInContext,
  schoolId: string,
  meetingId: string,
  input: TAddAgendaItem,
): Promise<TParentMeeting> {
  const m = await ctx.membership(schoolId);
  const addedBy = personOf(m);
  await inTransaction(ctx, async (tx) => {
    await requirePlanning(tx.db, schoolId, meetingId);
    await storeAgendaItem(tx, schoolId, meetingId, input, addedBy);
    await recordAudit(tx, { schoolId, action: 'parent-meeting.plan', subject: meetingId });
  });
  return readFor(ctx, m, schoolId, meetingId);
}

/** Stores an agenda item inside its caller's unit of work (a planner, or the demo school). */
export async function storeAgendaItem(
  tx: UnitOfWork,
  schoolId: string,
  meetingId: string,
  input: TAddAgendaItem,
  addedBy: string,
): Promise<void> {
  if ('topic' in input && !(await meetingRules(tx.db, schoolId))?.wellBeingPlanTopics)
    throw new AppError('parent_meeting_topics_not_in_principle', { field: 'topic' });
  const item =
    'topic' in input
      ? { title: WELL_BEING_TOPIC_TITLES[input.topic].da, topic: input.topic }
      : { title: input.title, topic: null };
  await insertAgendaItem(tx.db, { schoolId, meetingId, ...item, addedBy, at: tx.clock.now() });
}

/** Changes an item's words, or removes it (`title` null), while the meeting is planned. */
export async function changeAgendaItem(
  ctx: SignedInContext,
  schoolId: string,
  meetingId: string,
  itemId: string,
  title: string | null,
): Promise<TParentMeeting> {
  const m = await ctx.membership(schoolId);
  await inTransaction(ctx, async (tx) => {
    await requirePlanning(tx.db, schoolId, meetingId);
    const changed =
      title === null
        ? await deleteAgendaItem(tx.db, schoolId, meetingId, itemId)
        : await updateAgendaItem(tx.db, schoolId, meetingId, itemId, title);
    if (!changed) throw new AppError('parent_meeting_agenda_item_missing');
    await recordAudit(tx, { schoolId, action: 'parent-meeting.plan', subject: meetingId });
  });
  return readFor(ctx, m, schoolId, meetingId);
}

/**
 * Invites every custody home of the class in one unit of work (the route's policy,
 * `parent-meeting.run`): a row per home for its answer, a notice to each custody holder in their
 * language, an e-mail with the calendar file where the directory says e-mail, and the audit row.
 * A second send tells no one again and answers the same.
 */
export async function inviteToParentMeeting(
  ctx: SignedInContext,
  schoolId: string,
  meetingId: string,
): Promise<TParentMeeting> {
  const m = await ctx.membership(schoolId);
  const by = personOf(m);
  await inTransaction(ctx, async (tx) => {
    const meeting = await requireMeeting(tx.db, schoolId, meetingId);
    if (meeting.invited_at) return;
    if (!mayAnswer({ date: meeting.date, from: meeting.starts_at }, localMinute(tx.clock.now())))
      throw new AppError('parent_meeting_started');
    await inviteHomes(tx, schoolId, meeting, by);
    await recordAudit(tx, { schoolId, action: 'parent-meeting.invite', subject: meetingId });
  });
  return readFor(ctx, m, schoolId, meetingId);
}

/** Invites the class's homes inside its caller's unit of work (a send, or the demo school's history). */
export async function inviteHomes(tx: UnitOfWork, schoolId: string, meeting: ParentMeetingRow, by: string) {
  const now = tx.clock.now();
  const guardians = await findClassGuardians(tx.db, schoolId, meeting.class_id);
  if (guardians.length === 0) throw new AppError('parent_meeting_no_homes');
  if (!(await markParentMeetingInvited(tx.db, schoolId, meeting.id, by, now))) return;
  await insertHouseholds(tx.db, schoolId, meeting.id, [...new Set(guardians.map((g) => g.household))], now);
  const people = uniquePeople(guardians);
  const params = {
    className: className(meeting.grade, meeting.letter),
    date: meeting.date,
    from: meeting.starts_at,
    to: meeting.ends_at,
    place: meeting.place,
  };
  await insertNotifications(
    tx.db,
    people.map((g) => ({
      schoolId,
      personId: g.person_id,
      threadId: null,
      createdAt: now,
      dedupeKey: `parent-meeting:${meeting.id}`,
      ...notice('parent-meeting-invitation', params, g.locale),
    })),
  );
  await enqueueJobs(
    tx.db,
    people.filter(toldByEmail).map((g): NewJob<'parent-meeting-email'> => ({
      schoolId,
      kind: 'parent-meeting-email',
      payload: { meetingId: meeting.id, personId: g.person_id },
      runAt: now,
      dedupeKey: `parent-meeting-email:${meeting.id}:${g.person_id}`,
      createdAt: now,
    })),
  );
}

/** A guardian of two children in the class is one person to tell. */
function uniquePeople(guardians: readonly ClassGuardianRow[]): ClassGuardianRow[] {
  const seen = new Map<string, ClassGuardianRow>();
  for (const g of guardians) if (!seen.has(g.person_id)) seen.set(g.person_id, g);
  return [...seen.values()];
}

/**
 * A home's answer (the route's policy, `parent-meeting.answer`: a custody holder of a child in
 * the class): coming with how many, or not. It replaces the home's earlier answer until the
 * meeting begins; the same answer twice is the same answer.
 */
export async function answerParentMeeting(
  ctx: SignedInContext,
  schoolId: string,
  meetingId: string,
  input: TParentMeetingAnswer,
): Promise<TParentMeeting> {
  const m = await ctx.membership(schoolId);
  const by = personOf(m);
  await inTransaction(ctx, async (tx) => {
    const meeting = await requireMeeting(tx.db, schoolId, meetingId);
    if (!meeting.invited_at) throw new AppError('parent_meeting_not_invited');
    if (!mayAnswer({ date: meeting.date, from: meeting.starts_at }, localMinute(tx.clock.now())))
      throw new AppError('parent_meeting_started');
    await storeAnswer(tx, schoolId, meetingId, by, input);
    await recordAudit(tx, { schoolId, action: 'parent-meeting.answer', subject: meetingId });
  });
  return readFor(ctx, m, schoolId, meetingId);
}

/** Stores a home's answer inside its caller's unit of work; a home that came to the class after the invitation is added. */
export async function storeAnswer(
  tx: UnitOfWork,
  schoolId: string,
  meetingId: string,
  personId: string,
  input: TParentMeetingAnswer,
): Promise<void> {
  const [household] = await findOwnHouseholds(tx.db, schoolId, personId);
  if (!household) throw new AppError('not_found');
  const now = tx.clock.now();
  await insertHouseholds(tx.db, schoolId, meetingId, [household], now);
  await answerForHousehold(tx.db, schoolId, meetingId, household, {
    coming: input.coming,
    people: input.coming ? input.people : 0,
    by: personId,
    at: now,
  });
}

/**
 * Attendance at the meeting (the route's policy, `parent-meeting.run`): each invited home
 * represented or not, once the meeting has begun; taking it marks the meeting held. A home not
 * invited refuses the whole list, nothing changed.
 */
export async function takeParentMeetingAttendance(
  ctx: SignedInContext,
  schoolId: string,
  meetingId: string,
  input: TParentMeetingAttendance,
): Promise<TParentMeeting> {
  const m = await ctx.membership(schoolId);
  await inTransaction(ctx, async (tx) => {
    const meeting = await requireMeeting(tx.db, schoolId, meetingId);
    if (!meeting.invited_at) throw new AppError('parent_meeting_not_invited');
    if (!mayTakeAttendance({ date: meeting.date, from: meeting.starts_at }, localMinute(tx.clock.now())))
      throw new AppError('parent_meeting_not_started');
    await storeAttendance(tx, schoolId, meetingId, input);
    await recordAudit(tx, { schoolId, action: 'parent-meeting.attendance', subject: meetingId });
  });
  return readFor(ctx, m, schoolId, meetingId);
}

/** Stores attendance inside its caller's unit of work (a request, or the demo school's history). */
export async function storeAttendance(
  tx: UnitOfWork,
  schoolId: string,
  meetingId: string,
  input: TParentMeetingAttendance,
): Promise<void> {
  const invited = new Set((await findMeetingHouseholds(tx.db, schoolId, [meetingId])).map((h) => h.household_key));
  if (input.households.some((h) => !invited.has(h.household)))
    throw new AppError('parent_meeting_household_unknown', { field: 'households' });
  await setRepresented(tx.db, schoolId, meetingId, input.households);
  await markParentMeetingHeld(tx.db, schoolId, meetingId, tx.clock.now());
}

/**
 * Publishes the minutes to the class's guardians once attendance is taken (the route's policy,
 * `parent-meeting.run`): a notice to each custody holder in their language, in one unit of work.
 * Minutes once published stand; a second publish changes nothing.
 */
export async function publishMinutes(
  ctx: SignedInContext,
  schoolId: string,
  meetingId: string,
  minutes: string,
): Promise<TParentMeeting> {
  const m = await ctx.membership(schoolId);
  const by = personOf(m);
  await inTransaction(ctx, async (tx) => {
    const meeting = await requireMeeting(tx.db, schoolId, meetingId);
    if (meeting.minutes_published_at) return;
    if (!meeting.held_at) throw new AppError('parent_meeting_not_held');
    await storeMinutes(tx, schoolId, meeting, minutes, by);
    await recordAudit(tx, { schoolId, action: 'parent-meeting.minutes', subject: meetingId });
  });
  return readFor(ctx, m, schoolId, meetingId);
}

/** Publishes minutes inside its caller's unit of work, telling the class's custody holders. */
export async function storeMinutes(
  tx: UnitOfWork,
  schoolId: string,
  meeting: ParentMeetingRow,
  minutes: string,
  by: string,
): Promise<void> {
  const now = tx.clock.now();
  if (!(await publishParentMeetingMinutes(tx.db, schoolId, meeting.id, minutes, by, now))) return;
  const people = uniquePeople(await findClassGuardians(tx.db, schoolId, meeting.class_id));
  await insertNotifications(
    tx.db,
    people.map((g) => ({
      schoolId,
      personId: g.person_id,
      threadId: null,
      createdAt: now,
      dedupeKey: `parent-meeting-minutes:${meeting.id}`,
      ...notice(
        'parent-meeting-minutes',
        { className: className(meeting.grade, meeting.letter), date: meeting.date },
        g.locale,
      ),
    })),
  );
}

/** What the reader may do with and see of a meeting. */
async function viewOf(
  db: Db,
  m: Membership,
  schoolId: string,
  row: ParentMeetingRow,
  rules: TParentMeetingRules | null,
  now: Date,
): Promise<MeetingView> {
  const facts = { classId: row.class_id, representativesHelp: rules?.representativesHelpPlan ?? false };
  const guardians = await findClassGuardians(db, schoolId, row.class_id);
  const childIds = guardians.length ? await childrenOfCaller(db, schoolId, m, row.class_id) : [];
  const home = isHomeOfClass(m, { childIds });
  const planning = row.invited_at === null;
  const own = m.personId && home ? ((await findOwnHouseholds(db, schoolId, m.personId))[0] ?? null) : null;
  return {
    staff: runsParentMeetingsOf(m, row.class_id),
    mayPlan: planning && mayPlanParentMeetingOf(m, facts),
    mayAnswer: home && !planning && mayAnswer({ date: row.date, from: row.starts_at }, localMinute(now)),
    begun: mayTakeAttendance({ date: row.date, from: row.starts_at }, localMinute(now)),
    ownHousehold: own,
    personId: m.personId,
    topicsOffered: rules?.wellBeingPlanTopics ?? false,
    guardians,
  };
}

/** The caller's children among the class's (custody or not; the rules ask for custody). */
async function childrenOfCaller(db: Db, schoolId: string, m: Membership, classId: string): Promise<string[]> {
  if (m.guardianOf.size === 0) return [];
  const inClass = new Set(await findClassStudentIds(db, schoolId, classId));
  return [...m.guardianOf.keys()].filter((id) => inClass.has(id));
}

/**
 * A meeting as the caller may see it. Staff see each home with its children's first names, which
 * is logged in those children's audit log with the answer that shows them.
 */
async function readFor(ctx: SignedInContext, m: Membership, schoolId: string, id: string): Promise<TParentMeeting> {
  const row = await requireMeeting(ctx.db, schoolId, id);
  const rules = await meetingRules(ctx.db, schoolId);
  const [view, agenda, households] = await Promise.all([
    viewOf(ctx.db, m, schoolId, row, rules, ctx.clock.now()),
    findAgenda(ctx.db, schoolId, [id]),
    findMeetingHouseholds(ctx.db, schoolId, [id]),
  ]);
  const meeting = presentParentMeeting(row, agenda, households, view);
  if (meeting.households?.length) {
    const studentIds = await findClassStudentIds(ctx.db, schoolId, row.class_id);
    await recordAudit(
      ctx,
      studentIds.map((studentId) => ({ schoolId, action: 'parent-meeting.households' as const, studentId })),
    );
  }
  return meeting;
}

/** One meeting (the route's policy, `parent-meeting.read`). */
export async function readParentMeeting(ctx: SignedInContext, schoolId: string, meetingId: string) {
  return readFor(ctx, await ctx.membership(schoolId), schoolId, meetingId);
}

/** The calendar entry's facts of a meeting the caller may read. */
export async function findMeetingForCalendar(db: Db, schoolId: string, meetingId: string) {
  const [row, agenda] = await Promise.all([
    requireMeeting(db, schoolId, meetingId),
    findAgenda(db, schoolId, [meetingId]),
  ]);
  return { row, agenda };
}

/** Held this school year and what the principle asks, for a class's page and the home page. */
function yearOf(rows: readonly ParentMeetingRow[], today: string) {
  const year = schoolYear(schoolYearOf(today));
  const inYear = rows.filter((r) => r.date >= year.from && r.date < year.to);
  return {
    held: inYear.filter((r) => r.held_at !== null).length,
    upcoming: rows.filter((r) => r.held_at === null && r.date >= today),
    year,
  };
}

/** A class's meetings this school year (the route's policy, `class.parent-meetings`): the planning ones for its planners only. */
export async function listClassParentMeetings(
  ctx: SignedInContext,
  schoolId: string,
  classId: string,
): Promise<TClassParentMeetings> {
  const m = await ctx.membership(schoolId);
  const today = localDate(ctx.clock.now());
  const year = schoolYear(schoolYearOf(today));
  const [klass, rows, rules] = await Promise.all([
    findClassOf(ctx.db, schoolId, classId),
    findParentMeetingsOfClasses(ctx.db, schoolId, [classId], year.from),
    meetingRules(ctx.db, schoolId),
  ]);
  if (!klass) throw new AppError('not_found');
  const facts = { classId, representativesHelp: rules?.representativesHelpPlan ?? false };
  const seesPlanning = mayPlanParentMeetingOf(m, facts) || m.representativeOf.has(classId);
  const visible = rows.filter((r) => r.invited_at !== null || seesPlanning);
  const households = await findMeetingHouseholds(
    ctx.db,
    schoolId,
    visible.map((r) => r.id),
  );
  const own = m.personId ? await findOwnHouseholds(ctx.db, schoolId, m.personId) : [];
  return {
    class: { id: classId, name: className(klass.grade, klass.letter), grade: klass.grade },
    meetings: visible.map((r) => presentSummary(r, households, own[0] ?? null)),
    heldThisYear: yearOf(rows, today).held,
    perYear: rules?.perYear ?? null,
    mayPlan: mayPlanParentMeetingOf(m, facts),
  };
}

/**
 * The caller's parent meetings for the home page: for each class they plan for, this year's count
 * against the principle and what to do now; for a home, its class's coming meetings to answer and
 * recent minutes to read.
 */
export async function listMyParentMeetings(ctx: SignedInContext, schoolId: string): Promise<TMyParentMeetings> {
  const m = await ctx.membership(schoolId);
  const today = localDate(ctx.clock.now());
  const year = schoolYear(schoolYearOf(today));
  const rules = await meetingRules(ctx.db, schoolId);
  const planned = [...m.classRoles]
    .filter(([, role]) => role === 'contact_teacher')
    .map(([classId]) => classId)
    .concat(rules?.representativesHelpPlan ? [...m.representativeOf] : []);
  const planClasses = [...new Set(planned)];
  const homeClasses = m.guardianOf.size
    ? await findClassIdsOfStudents(
        ctx.db,
        schoolId,
        [...m.guardianOf].filter(([, k]) => k === 'custody').map(([id]) => id),
      )
    : [];
  const rows = await findParentMeetingsOfClasses(
    ctx.db,
    schoolId,
    [...new Set([...planClasses, ...homeClasses])],
    year.from,
  );
  const households = await findMeetingHouseholds(
    ctx.db,
    schoolId,
    rows.map((r) => r.id),
  );
  const own = m.personId ? ((await findOwnHouseholds(ctx.db, schoolId, m.personId))[0] ?? null) : null;
  const classes = await Promise.all(
    planClasses.map(async (classId) => {
      const ofClass = rows.filter((r) => r.class_id === classId);
      const { held, upcoming } = yearOf(ofClass, today);
      const klass = await findClassOf(ctx.db, schoolId, classId);
      return {
        class: { id: classId, name: klass ? className(klass.grade, klass.letter) : '', grade: klass?.grade ?? 0 },
        heldThisYear: held,
        perYear: rules?.perYear ?? null,
        next: upcoming[0] ? presentSummary(upcoming[0], households, own) : null,
        step: nextStep({ held, upcoming: upcoming.length, target: rules?.perYear ?? null }),
      };
    }),
  );
  const homeRows = rows.filter((r) => homeClasses.includes(r.class_id) && r.invited_at !== null);
  const weeksAgo = new Date(ctx.clock.now().getTime() - 28 * 24 * 3600 * 1000);
  return {
    classes,
    upcoming: homeRows
      .filter((r) => r.held_at === null && r.date >= today)
      .map((r) => presentSummary(r, households, own)),
    minutes: homeRows
      .filter((r) => r.minutes_published_at !== null && r.minutes_published_at >= weeksAgo)
      .map((r) => presentSummary(r, households, own)),
  };
}

/** The meeting as an iCalendar file in the reader's language (the route's policy, `parent-meeting.read`). */
export async function readParentMeetingCalendar(ctx: SignedInContext, schoolId: string, meetingId: string) {
  const { row, agenda } = await findMeetingForCalendar(ctx.db, schoolId, meetingId);
  return parentMeetingCalendarText(row, agenda, ctx.locale, ctx.clock.now());
}
