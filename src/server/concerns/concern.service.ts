import { inTransaction, type SignedInContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertNotifications } from '../notifications/notification.repository.js';
import { notice } from '../notifications/notice-text.js';
import { findPeopleLocales } from '../conferences/people-locale.repository.js';
import { findAdoptedHistory } from '../principle/principle.service.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import { runsTheSchool } from '../policies/rules.js';
import { localDate, type SchoolCalendar } from '../../domain/calendar/working-days.js';
import { concernState, contactDueOn, contactProblem } from '../../domain/concerns/early-dialogue.js';
import { versionInForceOn, type AdoptedVersion } from '../../domain/principle/in-force.js';
import { ZConcernKind, ZPersonalChannel, type TPrinciple } from '../../shared/principle/principle.schema.js';
import type {
  TCloseConcern,
  TConcern,
  TConcernList,
  TConcernListQuery,
  TRecordConcernContact,
  TRegisterConcern,
  TStudentConcerns,
} from '../../shared/api/concern.schema.js';
import {
  findConcern,
  findConcernContacts,
  findConcerns,
  findConcernStudent,
  insertConcern,
  insertConcernContact,
  lockConcern,
  markConcernClosed,
  type ConcernRow,
} from './concern.repository.js';
import { presentConcern } from './concern.presenter.js';
import { findContactTeachers } from '../directory/class.repository.js';

/** The principle's history and the school's calendar: what every deadline of a concern is read from. */
interface Timetable {
  history: AdoptedVersion<TPrinciple>[];
  calendar: SchoolCalendar;
}

async function loadTimetable(db: Db, schoolId: string): Promise<Timetable> {
  const [history, calendar] = await Promise.all([findAdoptedHistory(db, schoolId), loadSchoolCalendar(db, schoolId)]);
  return { history, calendar };
}

/** The early-dialogue rule of the principle in force on a day; null where it sets none. */
const rulesOn = (t: Timetable, day: string) => versionInForceOn(t.history, day)?.principle.earlyDialogue ?? null;

/** Concerns with their contacts, deadlines (the principle in force the day each was registered) and state today. */
async function present(ctx: SignedInContext, schoolId: string, rows: readonly ConcernRow[]): Promise<TConcern[]> {
  if (rows.length === 0) return [];
  const [contacts, timetable] = await Promise.all([
    findConcernContacts(
      ctx.db,
      schoolId,
      rows.map((r) => r.id),
    ),
    loadTimetable(ctx.db, schoolId),
  ]);
  const today = localDate(ctx.clock.now());
  return rows.map((row) => {
    const own = contacts.filter((k) => k.concern_id === row.id);
    const registeredOn = localDate(row.registered_at);
    const dueOn = contactDueOn(registeredOn, rulesOn(timetable, registeredOn), timetable.calendar);
    const state = concernState(
      { dueOn, firstContactOn: own[0]?.contacted_on ?? null, closed: row.closed_at !== null },
      today,
    );
    return presentConcern(row, own, { dueOn, state });
  });
}

async function readOne(ctx: SignedInContext, schoolId: string, concernId: string): Promise<TConcern> {
  const row = await findConcern(ctx.db, schoolId, concernId);
  if (!row) throw new AppError('not_found');
  const [concern] = await present(ctx, schoolId, [row]);
  return concern!;
}

/**
 * A member of the child's staff team or the leadership registers a concern (the route's policy).
 * The kind must be one the principle in force lists (all three where it sets no rule). The
 * child's contact teachers are told in the same unit of work, with the day the home should be
 * contacted by; a retry with the same idempotency key answers with the concern already made.
 */
export async function registerConcern(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
  input: TRegisterConcern & { idempotencyKey?: string | undefined },
): Promise<TConcern> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const registeredBy = m.personId;
  const timetable = await loadTimetable(ctx.db, schoolId);
  const now = ctx.clock.now();
  const today = localDate(now);
  const rules = rulesOn(timetable, today);
  if (!(rules?.concernKinds ?? ZConcernKind.options).includes(input.kind))
    throw new AppError('concern_kind_not_in_principle', { field: 'kind' });
  const id = await inTransaction(ctx, async (tx) => {
    const made = await insertConcern(tx.db, {
      schoolId,
      studentId,
      kind: input.kind,
      text: input.text,
      registeredBy,
      registeredAt: now,
      idempotencyKey: input.idempotencyKey || null,
    });
    if (!made.same) throw new AppError('idempotency_key_reused', { field: 'idempotency-key' });
    if (!made.created) return made.id;
    const student = await findConcernStudent(tx.db, schoolId, studentId);
    if (!student) throw new AppError('not_found');
    const teachers = (await findContactTeachers(tx.db, schoolId, [student.class_id])).filter((p) => p !== registeredBy);
    const locales = await findPeopleLocales(tx.db, schoolId, teachers);
    const dueOn = contactDueOn(today, rules, timetable.calendar);
    await insertNotifications(
      tx.db,
      teachers.map((personId) => ({
        schoolId,
        personId,
        threadId: null,
        createdAt: now,
        dedupeKey: `concern:${made.id}`,
        ...notice(
          'concern-registered',
          { child: student.given_name, kind: input.kind, dueOn },
          locales.get(personId) ?? 'da',
        ),
      })),
    );
    await recordAudit(tx, { schoolId, action: 'concern.register', studentId, subject: input.kind });
    return made.id;
  });
  return readOne(ctx, schoolId, id);
}

/**
 * A child's concerns, newest first, with what the principle in force asks today (for the form).
 * Reading them is audit-logged as a read of the child's sensitive data.
 */
export async function listStudentConcerns(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
): Promise<TStudentConcerns> {
  const [rows, timetable] = await Promise.all([
    findConcerns(ctx.db, schoolId, { studentId }),
    loadTimetable(ctx.db, schoolId),
  ]);
  const today = localDate(ctx.clock.now());
  const rules = rulesOn(timetable, today);
  const concerns = await present(ctx, schoolId, rows);
  await recordAudit(ctx, { schoolId, action: 'concern.read', studentId });
  return {
    concerns,
    rules: {
      kinds: rules?.concernKinds ?? [...ZConcernKind.options],
      channels: rules?.channels ?? [...ZPersonalChannel.options],
      contactWithinWorkingDays: rules?.contactWithinWorkingDays ?? null,
    },
    today,
  };
}

/**
 * The concerns a member of staff follows up: those about the children of their classes, the whole
 * school's for the leadership; `awaiting-contact` keeps those whose home has not been contacted
 * yet (the work list, and the leader's list of overdue ones). Each child listed is audit-logged.
 */
export async function listConcerns(
  ctx: SignedInContext,
  schoolId: string,
  query: TConcernListQuery,
): Promise<TConcernList> {
  const m = await ctx.membership(schoolId);
  const classIds = runsTheSchool(m) ? 'all' : [...m.classRoles.keys()];
  const rows = await findConcerns(ctx.db, schoolId, { classIds, awaitingContact: query.show === 'awaiting-contact' });
  const concerns = await present(ctx, schoolId, rows);
  await recordAudit(
    ctx,
    [...new Set(rows.map((r) => r.student_id))].map((studentId) => ({ schoolId, action: 'concern.list', studentId })),
  );
  // Overdue first, then the nearest deadline, so the list answers "who must I call now?".
  const order = (c: TConcern) => (c.state === 'overdue' ? 0 : c.state === 'awaiting' ? 1 : 2);
  concerns.sort((a, b) => order(a) - order(b) || (a.contactDueOn ?? '9999').localeCompare(b.contactDueOn ?? '9999'));
  return { concerns };
}

/** One concern (the route's policy: the child's staff team or the leadership), audit-logged as read. */
export async function readConcern(ctx: SignedInContext, schoolId: string, concernId: string): Promise<TConcern> {
  const concern = await readOne(ctx, schoolId, concernId);
  await recordAudit(ctx, { schoolId, action: 'concern.read', studentId: concern.student.id });
  return concern;
}

/**
 * Records a contact with the home: the day (from the registration up to today), the channel (one
 * the principle in force when the concern was registered names: a phone call or a meeting, never
 * a written message alone) and what was agreed. A closed concern takes no more contacts.
 */
export async function recordConcernContact(
  ctx: SignedInContext,
  schoolId: string,
  concernId: string,
  input: TRecordConcernContact,
): Promise<TConcern> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const recordedBy = m.personId;
  const timetable = await loadTimetable(ctx.db, schoolId);
  await inTransaction(ctx, async (tx) => {
    const concern = await lockConcern(tx.db, schoolId, concernId);
    if (!concern) throw new AppError('not_found');
    if (concern.closed_at) throw new AppError('concern_closed');
    const registeredOn = localDate(concern.registered_at);
    const problem = contactProblem(input, {
      registeredOn,
      today: localDate(tx.clock.now()),
      channels: rulesOn(timetable, registeredOn)?.channels ?? null,
    });
    if (problem)
      throw new AppError(problem, { field: problem === 'concern_channel_not_allowed' ? 'channel' : 'contactedOn' });
    await insertConcernContact(tx.db, {
      schoolId,
      concernId,
      contactedOn: input.contactedOn,
      channel: input.channel,
      agreed: input.agreed,
      recordedBy,
      recordedAt: tx.clock.now(),
    });
    await recordAudit(tx, {
      schoolId,
      action: 'concern.contact',
      studentId: concern.student_id,
      subject: input.channel,
    });
  });
  return readOne(ctx, schoolId, concernId);
}

/** Closes a concern with a note (resolved, handed on, or a needs-based conference took over). */
export async function closeConcern(
  ctx: SignedInContext,
  schoolId: string,
  concernId: string,
  input: TCloseConcern,
): Promise<TConcern> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const closedBy = m.personId;
  await inTransaction(ctx, async (tx) => {
    const concern = await lockConcern(tx.db, schoolId, concernId);
    if (!concern) throw new AppError('not_found');
    if (concern.closed_at) throw new AppError('concern_closed');
    await markConcernClosed(tx.db, schoolId, concernId, { closedAt: tx.clock.now(), closedBy, note: input.note });
    await recordAudit(tx, { schoolId, action: 'concern.close', studentId: concern.student_id });
  });
  return readOne(ctx, schoolId, concernId);
}
