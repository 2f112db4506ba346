import type { Db } from '../db/database.js';
import type { RequestContext, SignedInContext } from '../http/route.js';
import type { Membership } from '../policies/membership.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { markThreadNotificationsRead } from '../notifications/notification.repository.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import { schedulePromiseReminder } from './promise-reminder.service.js';
import { attachmentsOfThread } from '../attachments/attachment.service.js';
import { routeGuardianMessage } from '../staff-absence/staff-absence.service.js';
import {
  mayAcknowledgeInThread,
  mayListThreadReaders,
  mayMarkUrgentInThread,
  mayReadThread,
  mayReplyInThread,
  mayWriteAboutStudent,
  mayWriteToGuardiansOf,
  takesPartInThread,
  worksWithStudent,
  type ThreadAccess,
} from '../policies/rules.js';
import { addWorkingDays, localDate, replyDueAt, type SchoolCalendar } from '../../domain/calendar/working-days.js';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_MAX,
  type TBrokenPromiseList,
  type TColleagueList,
  type TCreateGroupMessage,
  type TCreateStaffThread,
  type TCreateStudentThread,
  type TCreateThread,
  type TUrgentUseList,
  type TThreadDetail,
  type TThreadList,
  type TThreadReaders,
  type TThreadSearchResult,
  type TThreadSummary,
} from '../../shared/api/messaging.schema.js';
import {
  findBrokenPromises,
  findClass,
  audienceOfThread,
  findClassIdsOfGrade,
  findContactTeachers,
  findContactTeachersOfClasses,
  findCustodyChildrenIn,
  findCustodyGuardiansOf,
  findCustodyGuardiansOfStudent,
  findGuardianshipsOfUser,
  findLeaders,
  findMessageByKey,
  findMessages,
  findParticipants,
  findPrivateReplyThread,
  findThread,
  findThreadSchoolForUser,
  findThreadsOfUser,
  findStaff,
  findStudent,
  findUrgentUses,
  insertReply,
  insertThreadWithMessage,
  markThreadRead,
  searchThreadsOfUser,
  type NewMessage,
  type OwnThreadRow,
  type ParticipantRow,
  type GroupAudience,
  type PromiseChange,
  type ThreadRow,
} from './messaging.repository.js';
import {
  presentColleague,
  presentMessage,
  presentName,
  presentParticipants,
  presentSnippet,
  presentThreadSummary,
  presentUrgentUse,
  type Reader,
} from './messaging.presenter.js';

/** The route's policy has required a signed-in actor; this states it for the types. */
function signedInContext(ctx: RequestContext): SignedInContext {
  if (!ctx.actor) throw new AppError('not_signed_in');
  return ctx as SignedInContext;
}

/** The inbox shows this many threads, newest activity first. */
export const THREAD_LIST_LIMIT = 200;

/** The `idempotency-key` header, if sent: any text up to IDEMPOTENCY_KEY_MAX characters. */
export function idempotencyKeyOf(ctx: RequestContext): string | null {
  const value = ctx.request.headers[IDEMPOTENCY_KEY_HEADER];
  if (value === undefined) return null;
  const key = (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  if (key === '') return null;
  if (key.length > IDEMPOTENCY_KEY_MAX) throw new AppError('validation_failed', { field: IDEMPOTENCY_KEY_HEADER });
  return key;
}

/**
 * The promise for a message arriving at `at`: the end of the Nth working day after it, N being
 * the response time of the school's adopted principle (seed 002: three days). Null when the
 * principle sets none or no principle is adopted.
 */
export async function promiseFor(db: Db, schoolId: string, at: Date): Promise<Date | null> {
  const adopted = await findAdoptedPrinciple(db, schoolId);
  const responseTime = adopted?.principle.communication.responseTime;
  if (!responseTime) return null;
  return replyDueAt(at, responseTime.workingDays, await loadSchoolCalendar(db, schoolId));
}

/**
 * A guardian writes to the school about their child. The school is the child's; the child's
 * contact teachers receive it (the leaders when the class has none). A custody holder may
 * write, and so may a parent with the right to information only (§ 23: they may ask, and
 * nothing else is pushed to them); a suspended guardian may not. A child who is not the
 * writer's is answered as missing, never as forbidden.
 */
export async function createThread(
  context: RequestContext,
  input: TCreateThread,
  idempotencyKey: string | null,
): Promise<TThreadDetail> {
  const ctx = signedInContext(context);
  // This route is the guardians' way in; staff mark urgent on their own sends only.
  if (input.urgent) throw new AppError('urgent_staff_only', { field: 'urgent' });
  const relations = await findGuardianshipsOfUser(ctx.deps.db, ctx.actor.userId, input.studentId);
  const relation = relations.find((r) => !r.suspended) ?? relations[0];
  if (!relation) throw new AppError('not_found');
  const { schoolId } = relation;
  const m = await ctx.membership(schoolId);
  if (!m.personId || !mayWriteAboutStudent(m, input.studentId))
    throw new AppError(m.suspended ? 'guardian_suspended' : 'not_found');
  const authorId = m.personId;

  if (idempotencyKey) {
    const earlier = await retriedThread(ctx.deps.db, schoolId, authorId, idempotencyKey, input);
    if (earlier) return threadDetail(ctx, schoolId, earlier, m);
  }

  const contactTeachers = await findContactTeachers(ctx.deps.db, schoolId, relation.classId);
  const recipients = (contactTeachers.length > 0 ? contactTeachers : await findLeaders(ctx.deps.db, schoolId)).filter(
    (id) => id !== authorId,
  );
  if (recipients.length === 0) throw new AppError('thread_no_recipient');

  const now = ctx.deps.clock.now();
  // An absent recipient's substitute receives it as well, or the promise counts from the first
  // return when nobody is at work to read it; the guardian is told which (src/server/staff-absence).
  const routing = await routeGuardianMessage(
    ctx.deps.db,
    schoolId,
    { ids: recipients, kind: contactTeachers.length > 0 ? 'contact_teacher' : 'leader' },
    authorId,
    now,
    ctx.locale,
  );
  const message: NewMessage = {
    schoolId,
    authorId,
    kind: 'message',
    body: input.body,
    at: now,
    idempotencyKey,
    attachmentIds: input.attachmentIds,
  };
  const threadId =
    (await insertThreadWithMessage(
      ctx.deps.db,
      {
        schoolId,
        studentId: input.studentId,
        subject: input.subject,
        createdBy: authorId,
        replyDueAt: routing.replyDueAt,
      },
      [
        { personId: authorId, role: 'guardian' },
        ...routing.staffIds.map((personId) => ({ personId, role: 'staff' as const })),
      ],
      message,
    )) ?? (idempotencyKey ? await retriedThread(ctx.deps.db, schoolId, authorId, idempotencyKey, input) : null);
  if (!threadId) throw new Error('a send lost to a concurrent retry left no message behind');
  await schedulePromiseReminder(ctx.deps, schoolId, threadId);
  return { ...(await threadDetail(ctx, schoolId, threadId, m)), absenceNotices: routing.notices };
}

/** The thread an earlier send with this key created; a key reused for a different message is refused. */
async function retriedThread(
  db: Db,
  schoolId: string,
  authorId: string,
  key: string,
  input: TCreateThread,
): Promise<string | null> {
  const earlier = await findMessageByKey(db, schoolId, authorId, key);
  if (!earlier) return null;
  const thread = await findThread(db, schoolId, earlier.thread_id);
  if (!thread || thread.student_id !== input.studentId || earlier.body !== input.body || earlier.kind !== 'message') {
    throw new AppError('idempotency_key_reused', { field: IDEMPOTENCY_KEY_HEADER });
  }
  return thread.id;
}

interface LoadedThread {
  schoolId: string;
  thread: ThreadRow;
  participants: ParticipantRow[];
  m: Membership;
  access: ThreadAccess;
}

/**
 * A thread as the actor may see it. Its school is looked for only among the actor's own
 * schools, and a thread the actor may not read is answered as missing.
 */
async function loadReadableThread(ctx: SignedInContext, threadId: string): Promise<LoadedThread> {
  const schoolId = await findThreadSchoolForUser(ctx.deps.db, ctx.actor.userId, threadId);
  const thread = schoolId ? await findThread(ctx.deps.db, schoolId, threadId) : undefined;
  if (!schoolId || !thread) throw new AppError('not_found');
  const [participants, m] = await Promise.all([
    findParticipants(ctx.deps.db, schoolId, [threadId]),
    ctx.membership(schoolId),
  ]);
  const access: ThreadAccess = {
    participantRole: participants.find((p) => p.person_id === m.personId)?.role ?? null,
    studentId: thread.student_id,
  };
  if (!mayReadThread(m, access)) throw new AppError('not_found');
  return { schoolId, thread, participants, m, access };
}

function readerOf(ctx: RequestContext, m: Membership, access: ThreadAccess): Reader {
  return {
    personId: m.personId,
    side: access.participantRole ?? 'staff',
    locale: ctx.locale,
    now: ctx.deps.clock.now(),
  };
}

async function threadDetail(
  ctx: SignedInContext,
  schoolId: string,
  threadId: string,
  m: Membership,
): Promise<TThreadDetail> {
  const [thread, participants, messages, attachments] = await Promise.all([
    findThread(ctx.deps.db, schoolId, threadId),
    findParticipants(ctx.deps.db, schoolId, [threadId]),
    findMessages(ctx.deps.db, schoolId, threadId),
    attachmentsOfThread(ctx.deps, schoolId, threadId),
  ]);
  if (!thread) throw new AppError('not_found');
  const me = participants.find((p) => p.person_id === m.personId);
  const access: ThreadAccess = { participantRole: me?.role ?? null, studentId: thread.student_id };
  const reader = readerOf(ctx, m, access);
  const unread = me
    ? messages.filter((msg) => msg.author_id !== me.person_id && (!me.last_read_at || msg.created_at > me.last_read_at))
        .length
    : 0;
  return {
    ...presentThreadSummary(thread, participants, unread, reader),
    participants: presentParticipants(thread, participants, ctx.locale),
    messages: messages.map((msg) => presentMessage(msg, participants, reader, attachments.get(msg.id))),
    abilities: { reply: mayReplyInThread(m, access), acknowledge: mayAcknowledgeInThread(m, access) },
  };
}

/**
 * Opens a thread: its messages, read by the participants and by the leadership of its school.
 * A participant's messages count as read from now on. Staff and the leadership reading a thread
 * about a child are audit-logged.
 */
export async function getThread(context: RequestContext, threadId: string): Promise<TThreadDetail> {
  const ctx = signedInContext(context);
  const { schoolId, thread, m, access } = await loadReadableThread(ctx, threadId);
  if (m.personId && takesPartInThread(m, access)) {
    const now = ctx.deps.clock.now();
    await markThreadRead(ctx.deps.db, schoolId, threadId, m.personId, now);
    await markThreadNotificationsRead(ctx.deps.db, schoolId, threadId, m.personId, now);
  }
  if (thread.student_id && access.participantRole !== 'guardian') {
    await recordAudit(ctx, {
      schoolId,
      action: 'thread.read',
      studentId: thread.student_id,
      subject: 'message thread',
    });
  }
  return threadDetail(ctx, schoolId, threadId, m);
}

/**
 * Of the caller's own thread rows, those they still take part in, as list rows: a guardian's
 * threads about a child disappear while suspended or once they are no longer the child's
 * guardian. Staff seeing threads about a child is audit-logged under `action`.
 */
async function presentOwnThreads<T extends OwnThreadRow>(
  ctx: SignedInContext,
  rows: T[],
  action: string,
): Promise<Array<{ row: T; summary: TThreadSummary }>> {
  const schoolIds = [...new Set(rows.map((r) => r.school_id))];
  const memberships = new Map(
    await Promise.all(schoolIds.map(async (schoolId) => [schoolId, await ctx.membership(schoolId)] as const)),
  );
  const now = ctx.deps.clock.now();
  const shown = rows.flatMap((row) => {
    const m = memberships.get(row.school_id);
    if (!m || !takesPartInThread(m, { participantRole: row.role, studentId: row.student_id })) return [];
    const reader: Reader = { personId: row.person_id, side: row.role, locale: ctx.locale, now };
    return [{ row, summary: presentThreadSummary(row, row.parties, row.unread_count, reader) }];
  });
  const staffReads = shown.filter(({ row }) => row.role === 'staff' && row.student_id);
  await recordAudit(
    ctx,
    [...new Map(staffReads.map(({ row }) => [`${row.school_id}/${row.student_id}`, row])).values()].map((r) => ({
      schoolId: r.school_id,
      action,
      studentId: r.student_id,
      subject: 'message threads',
    })),
  );
  return shown;
}

/** The caller's threads at all their schools, newest activity first, with the unread count and the promise. */
export async function listThreads(context: RequestContext): Promise<TThreadList> {
  const ctx = signedInContext(context);
  const rows = await findThreadsOfUser(ctx.deps.db, ctx.actor.userId, THREAD_LIST_LIMIT);
  return { threads: (await presentOwnThreads(ctx, rows, 'thread.list')).map(({ summary }) => summary) };
}

/** A search answers with at most this many threads, best match first. */
export const THREAD_SEARCH_LIMIT = 50;

/**
 * Search in the caller's own threads (Danish full-text search over subjects and messages), with
 * the same visibility as the thread list: only threads the caller takes part in and may still
 * read. Each hit carries a plain-text snippet of its best matching message.
 */
export async function searchThreads(context: RequestContext, text: string): Promise<TThreadSearchResult> {
  const ctx = signedInContext(context);
  const rows = await searchThreadsOfUser(ctx.deps.db, ctx.actor.userId, text, THREAD_SEARCH_LIMIT);
  const shown = await presentOwnThreads(ctx, rows, 'thread.search');
  return {
    threads: shown.map(({ row, summary }) => ({
      ...summary,
      matchedMessageId: row.matched_message_id,
      snippet: presentSnippet(row.snippet),
    })),
  };
}

/** Every urgent use is logged, with the child when the thread is about one, for the leadership to review. */
async function recordUrgentUse(ctx: SignedInContext, schoolId: string, studentId: string | null): Promise<void> {
  await recordAudit(ctx, { schoolId, action: 'message.urgent', studentId, subject: 'urgent message' });
}

async function addMessage(
  ctx: SignedInContext,
  loaded: LoadedThread,
  kind: NewMessage['kind'],
  body: string,
  idempotencyKey: string | null,
  urgent = false,
  attachmentIds: readonly string[] = [],
): Promise<TThreadDetail> {
  const { schoolId, thread, m, access } = loaded;
  if (!m.personId) throw new AppError('not_found');
  // The leadership answering a thread it is not in joins it as staff with this message.
  const side = access.participantRole ?? 'staff';
  const now = ctx.deps.clock.now();
  const promise: PromiseChange =
    side === 'staff'
      ? { kind: 'fulfil' }
      : thread.reply_due_at && !thread.promise_fulfilled_at
        ? { kind: 'none' }
        : { kind: 'start', replyDueAt: await promiseFor(ctx.deps.db, schoolId, now) };
  const message: NewMessage = {
    schoolId,
    authorId: m.personId,
    kind,
    body,
    at: now,
    idempotencyKey,
    urgent,
    attachmentIds,
  };
  const id = await insertReply(
    ctx.deps.db,
    thread.id,
    message,
    promise,
    access.participantRole === null ? 'staff' : undefined,
  );
  if (id === null && idempotencyKey) {
    const earlier = await findMessageByKey(ctx.deps.db, schoolId, m.personId, idempotencyKey);
    if (!earlier || earlier.thread_id !== thread.id || earlier.kind !== kind || earlier.body !== body) {
      throw new AppError('idempotency_key_reused', { field: IDEMPOTENCY_KEY_HEADER });
    }
  } else {
    if (thread.student_id && side === 'staff') {
      // An answer about a child discloses the child's matters; to a § 23 parent it must be logged.
      await recordAudit(ctx, {
        schoolId,
        action: kind === 'acknowledgement' ? 'thread.acknowledge' : 'thread.reply',
        studentId: thread.student_id,
        subject: 'message thread',
      });
    }
    if (urgent) await recordUrgentUse(ctx, schoolId, thread.student_id);
  }
  if (promise.kind === 'start') await schedulePromiseReminder(ctx.deps, schoolId, thread.id);
  return threadDetail(ctx, schoolId, thread.id, m);
}

/**
 * A participant writes in a thread, and so may the leadership, who joins it as staff with its
 * first message. Any staff answer keeps the promise; a guardian's message starts a new promise
 * when none is open, and leaves an open one as it was. Only staff may mark the message urgent.
 */
export async function postMessage(
  context: RequestContext,
  threadId: string,
  body: string,
  idempotencyKey: string | null,
  urgent = false,
  attachmentIds: readonly string[] = [],
): Promise<TThreadDetail> {
  const ctx = signedInContext(context);
  const loaded = await loadReadableThread(ctx, threadId);
  if (!mayReplyInThread(loaded.m, loaded.access)) throw new AppError('forbidden');
  if (urgent && !mayMarkUrgentInThread(loaded.m, loaded.access))
    throw new AppError('urgent_staff_only', { field: 'urgent' });
  if (loaded.thread.kind === 'group' && loaded.access.participantRole === 'guardian')
    return replyPrivately(ctx, loaded, body, idempotencyKey, attachmentIds);
  return addMessage(ctx, loaded, 'message', body, idempotencyKey, urgent, attachmentIds);
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === '23505';

/**
 * A guardian's answer to a group message goes to the staff alone: into the guardian's own reply
 * thread for that message, made on the first answer with the group message's staff in it, so no
 * other guardian ever sees it. It is a message like any other: it starts a promise. Answers with
 * the reply thread's detail, whose id is not the group message's.
 */
async function replyPrivately(
  ctx: SignedInContext,
  group: LoadedThread,
  body: string,
  idempotencyKey: string | null,
  attachmentIds: readonly string[],
): Promise<TThreadDetail> {
  const { schoolId, thread, participants, m } = group;
  const { db } = ctx.deps;
  if (!m.personId || thread.kind !== 'group') throw new AppError('not_found');
  const guardianId = m.personId;
  const continueIn = async (replyThreadId: string) =>
    addMessage(
      ctx,
      await loadReadableThread(ctx, replyThreadId),
      'message',
      body,
      idempotencyKey,
      false,
      attachmentIds,
    );

  const existing = await findPrivateReplyThread(db, schoolId, thread.id, guardianId);
  if (existing) return continueIn(existing);
  // Only a custody holder of a child still in the audience (class, grade or school) answers; the
  // reply is about that child when there is one, and about no child when several are in it.
  const children = await findCustodyChildrenIn(db, schoolId, guardianId, audienceOfThread(thread));
  if (children.length === 0) throw new AppError('forbidden');
  const now = ctx.deps.clock.now();
  const staff = participants
    .filter((p) => p.role === 'staff')
    .map((p) => ({ personId: p.person_id, role: 'staff' as const }));
  try {
    const created = await insertThreadWithMessage(
      db,
      {
        schoolId,
        studentId: children.length === 1 ? children[0]! : null,
        subject: thread.subject,
        createdBy: guardianId,
        replyDueAt: await promiseFor(db, schoolId, now),
        group: { parentThreadId: thread.id },
      },
      [{ personId: guardianId, role: 'guardian' }, ...staff],
      { schoolId, authorId: guardianId, kind: 'message', body, at: now, idempotencyKey, attachmentIds },
    );
    if (created) {
      await schedulePromiseReminder(ctx.deps, schoolId, created);
      return threadDetail(ctx, schoolId, created, m);
    }
  } catch (error) {
    // Two first answers raced and the other made the reply thread: continue in it.
    if (!isUniqueViolation(error)) throw error;
  }
  const made = await findPrivateReplyThread(db, schoolId, thread.id, guardianId);
  if (!made) throw new AppError('idempotency_key_reused', { field: IDEMPOTENCY_KEY_HEADER });
  return continueIn(made);
}

/**
 * Who a group message reaches and which staff are in it with the writer: the staff who see the
 * private answers. Undefined when the class or grade does not exist at the school.
 *  - a class: its contact teachers, the hub of its collaboration with the homes;
 *  - a grade (årgang): the contact teachers of its classes;
 *  - the whole school: the school's leaders, who answer for what the school says to every family.
 */
async function staffOfAudience(db: Db, schoolId: string, audience: GroupAudience): Promise<string[] | undefined> {
  if ('classId' in audience)
    return (await findClass(db, schoolId, audience.classId))
      ? findContactTeachers(db, schoolId, audience.classId)
      : undefined;
  if ('grade' in audience) {
    const classIds = await findClassIdsOfGrade(db, schoolId, audience.grade);
    return classIds.length > 0 ? findContactTeachersOfClasses(db, schoolId, classIds) : undefined;
  }
  return findLeaders(db, schoolId);
}

/**
 * Staff write to all the guardians of a class, a grade or the whole school in one thread, shown
 * as "Forældre i 3.A", "Forældre i 3. årgang" or "Forældre på Demo Skole". It reaches the custody
 * holders of the audience's students, never a parent with the right to information only (§ 23:
 * nothing is pushed to them) nor a suspended guardian. The audience's staff (staffOfAudience) are
 * in the thread with the writer, so they see the answers, which each guardian sends privately.
 * The route's policy has decided that the writer may write to this audience.
 */
async function sendGroupMessage(
  context: RequestContext,
  schoolId: string,
  audience: GroupAudience,
  input: TCreateGroupMessage,
  idempotencyKey: string | null,
): Promise<TThreadDetail> {
  const ctx = signedInContext(context);
  const { db } = ctx.deps;
  const m = await ctx.membership(schoolId);
  const audienceStaff = m.personId ? await staffOfAudience(db, schoolId, audience) : undefined;
  if (!m.personId || !audienceStaff) throw new AppError('not_found');
  const authorId = m.personId;
  const retried = async () =>
    idempotencyKey ? retriedGroupMessage(db, schoolId, authorId, idempotencyKey, audience, input) : null;

  const earlier = await retried();
  if (earlier) return threadDetail(ctx, schoolId, earlier, m);
  const staff = [...new Set([authorId, ...audienceStaff])];
  const guardians = (await findCustodyGuardiansOf(db, schoolId, audience)).filter((id) => !staff.includes(id));
  if (guardians.length === 0) throw new AppError('classId' in audience ? 'class_no_guardians' : 'group_no_guardians');

  const now = ctx.deps.clock.now();
  const urgent = input.urgent ?? false;
  const created = await insertThreadWithMessage(
    db,
    { schoolId, studentId: null, subject: input.subject, createdBy: authorId, replyDueAt: null, group: audience },
    [
      ...staff.map((personId) => ({ personId, role: 'staff' as const })),
      ...guardians.map((personId) => ({ personId, role: 'guardian' as const })),
    ],
    {
      schoolId,
      authorId,
      kind: 'message',
      body: input.body,
      at: now,
      idempotencyKey,
      urgent,
      attachmentIds: input.attachmentIds,
    },
  );
  if (created && urgent) await recordUrgentUse(ctx, schoolId, null);
  const threadId = created ?? (await retried());
  if (!threadId) throw new Error('a send lost to a concurrent retry left no message behind');
  return threadDetail(ctx, schoolId, threadId, m);
}

/** Staff of the class or the leadership write to the class's guardians ("Forældre i 3.A"). */
export const sendClassMessage = (
  ctx: RequestContext,
  schoolId: string,
  classId: string,
  input: TCreateGroupMessage,
  idempotencyKey: string | null,
) => sendGroupMessage(ctx, schoolId, { classId }, input, idempotencyKey);

/** Staff of a class in the grade or the leadership write to the grade's guardians ("Forældre i 3. årgang"). */
export const sendGradeMessage = (
  ctx: RequestContext,
  schoolId: string,
  grade: number,
  input: TCreateGroupMessage,
  idempotencyKey: string | null,
) => sendGroupMessage(ctx, schoolId, { grade }, input, idempotencyKey);

/** The leadership writes to the guardians of the whole school ("Forældre på Demo Skole"). */
export const sendSchoolMessage = (
  ctx: RequestContext,
  schoolId: string,
  input: TCreateGroupMessage,
  idempotencyKey: string | null,
) => sendGroupMessage(ctx, schoolId, { wholeSchool: true }, input, idempotencyKey);

const sameAudience = (thread: ThreadRow, audience: GroupAudience) =>
  JSON.stringify(audienceOfThread(thread)) === JSON.stringify(audience);

/** The group message an earlier send with this key created; a key reused for a different message or audience is refused. */
async function retriedGroupMessage(
  db: Db,
  schoolId: string,
  authorId: string,
  key: string,
  audience: GroupAudience,
  input: TCreateGroupMessage,
): Promise<string | null> {
  const earlier = await findMessageByKey(db, schoolId, authorId, key);
  if (!earlier) return null;
  const thread = await findThread(db, schoolId, earlier.thread_id);
  if (
    !thread ||
    thread.kind !== 'group' ||
    !sameAudience(thread, audience) ||
    thread.subject !== input.subject ||
    earlier.body !== input.body
  ) {
    throw new AppError('idempotency_key_reused', { field: IDEMPOTENCY_KEY_HEADER });
  }
  return thread.id;
}

/**
 * Who of the thread's guardians has read its newest message, by name, for the staff in it. The
 * names are the staff's to see; addresses and households never leave through here.
 */
export async function listThreadReaders(context: RequestContext, threadId: string): Promise<TThreadReaders> {
  const ctx = signedInContext(context);
  const { schoolId, thread, participants, m, access } = await loadReadableThread(ctx, threadId);
  if (!mayListThreadReaders(m, access)) throw new AppError('forbidden');
  if (thread.student_id)
    await recordAudit(ctx, {
      schoolId,
      action: 'thread.readers',
      studentId: thread.student_id,
      subject: 'message thread',
    });
  const guardians = participants.filter((p) => p.role === 'guardian');
  const hasRead = (p: ParticipantRow) =>
    p.last_read_at !== null && p.last_read_at.getTime() >= thread.last_message_at.getTime();
  return {
    read: guardians.filter(hasRead).map(presentName),
    notRead: guardians.filter((p) => !hasRead(p)).map(presentName),
  };
}

/** A staff participant confirms receipt ("modtaget – jeg ringer til dig"), which keeps the promise too. */
export async function acknowledgeThread(
  context: RequestContext,
  threadId: string,
  body: string | undefined,
  idempotencyKey: string | null,
): Promise<TThreadDetail> {
  const ctx = signedInContext(context);
  const loaded = await loadReadableThread(ctx, threadId);
  if (!mayAcknowledgeInThread(loaded.m, loaded.access)) throw new AppError('forbidden');
  return addMessage(ctx, loaded, 'acknowledgement', body ?? '', idempotencyKey);
}

/** Working days of the school calendar after the due day, up to and including today. */
export function workingDaysLate(dueAt: Date, now: Date, calendar: SchoolCalendar): number {
  const today = localDate(now);
  let day = localDate(dueAt);
  let late = 0;
  for (;;) {
    day = addWorkingDays(day, 1, calendar);
    if (day > today) return late;
    late += 1;
  }
}

/**
 * The promises the school did not keep: answers due before now that have not come, with the
 * staff who owed them and how many working days late they are. For the leadership.
 */
export async function listBrokenPromises(context: RequestContext, schoolId: string): Promise<TBrokenPromiseList> {
  const ctx = signedInContext(context);
  const now = ctx.deps.clock.now();
  const [rows, calendar] = await Promise.all([
    findBrokenPromises(ctx.deps.db, schoolId, now),
    loadSchoolCalendar(ctx.deps.db, schoolId),
  ]);
  const participants = await findParticipants(
    ctx.deps.db,
    schoolId,
    rows.map((r) => r.id),
  );
  const of = (threadId: string, role: ParticipantRow['role']) =>
    participants.filter((p) => p.thread_id === threadId && p.role === role).map(presentName);
  await recordAudit(
    ctx,
    [...new Set(rows.flatMap((r) => (r.student_id ? [r.student_id] : [])))].map((studentId) => ({
      schoolId,
      action: 'thread.broken-promises',
      studentId,
      subject: 'message threads',
    })),
  );
  return {
    promises: rows.map((r) => ({
      threadId: r.id,
      subject: r.subject,
      student:
        r.student_id && r.student_given_name !== null
          ? { id: r.student_id, name: `${r.student_given_name} ${r.student_family_name ?? ''}`.trim() }
          : null,
      guardians: of(r.id, 'guardian'),
      owedBy: of(r.id, 'staff'),
      replyDueAt: r.reply_due_at.toISOString(),
      workingDaysLate: workingDaysLate(r.reply_due_at, now, calendar),
    })),
  };
}

/** The thread an earlier staff send with this key created, when it was the same message; a key reused otherwise is refused. */
async function retriedStaffThread(
  db: Db,
  schoolId: string,
  authorId: string,
  key: string,
  sent: { studentId: string | null; subject: string; body: string },
): Promise<string | null> {
  const earlier = await findMessageByKey(db, schoolId, authorId, key);
  if (!earlier) return null;
  const thread = await findThread(db, schoolId, earlier.thread_id);
  if (
    !thread ||
    thread.kind !== 'direct' ||
    thread.student_id !== sent.studentId ||
    thread.subject !== sent.subject ||
    earlier.body !== sent.body ||
    earlier.kind !== 'message'
  ) {
    throw new AppError('idempotency_key_reused', { field: IDEMPOTENCY_KEY_HEADER });
  }
  return thread.id;
}

/**
 * Staff start a thread with a child's guardians: the writer and the child's custody holders who
 * are not suspended. A parent with the right to information only is not included (§ 23: nothing
 * is pushed to them). The school owes no answer to its own message, so no promise is set; a
 * guardian's answer starts one as always. The child's class staff and the leadership may write;
 * for anyone else the child is answered as missing.
 */
export async function createStudentThread(
  context: RequestContext,
  schoolId: string,
  studentId: string,
  input: TCreateStudentThread,
  idempotencyKey: string | null,
): Promise<TThreadDetail> {
  const ctx = signedInContext(context);
  const { db } = ctx.deps;
  const m = await ctx.membership(schoolId);
  const student = await findStudent(db, schoolId, studentId);
  if (!m.personId || !student || !mayWriteToGuardiansOf(m, student)) throw new AppError('not_found');
  const authorId = m.personId;
  const sent = { studentId, subject: input.subject, body: input.body };
  const retried = async () =>
    idempotencyKey ? retriedStaffThread(db, schoolId, authorId, idempotencyKey, sent) : null;

  const earlier = await retried();
  if (earlier) return threadDetail(ctx, schoolId, earlier, m);
  const guardians = (await findCustodyGuardiansOfStudent(db, schoolId, studentId)).filter((id) => id !== authorId);
  if (guardians.length === 0) throw new AppError('student_no_guardians');

  const urgent = input.urgent ?? false;
  const created = await insertThreadWithMessage(
    db,
    { schoolId, studentId, subject: input.subject, createdBy: authorId, replyDueAt: null },
    [{ personId: authorId, role: 'staff' }, ...guardians.map((personId) => ({ personId, role: 'guardian' as const }))],
    {
      schoolId,
      authorId,
      kind: 'message',
      body: input.body,
      at: ctx.deps.clock.now(),
      idempotencyKey,
      urgent,
      attachmentIds: input.attachmentIds,
    },
  );
  if (created) {
    // Writing to the home about a child discloses the child's matters: logged like a reply.
    await recordAudit(ctx, { schoolId, action: 'thread.start', studentId, subject: 'message thread' });
    if (urgent) await recordUrgentUse(ctx, schoolId, studentId);
  }
  const threadId = created ?? (await retried());
  if (!threadId) throw new Error('a send lost to a concurrent retry left no message behind');
  return threadDetail(ctx, schoolId, threadId, m);
}

/**
 * A staff member writes to colleagues at the school, optionally about a child they work with.
 * Every recipient must be staff of the school; an unknown or unauthorised one refuses the whole
 * message. Staff owe each other no promise.
 */
export async function createStaffThread(
  context: RequestContext,
  schoolId: string,
  input: TCreateStaffThread,
  idempotencyKey: string | null,
): Promise<TThreadDetail> {
  const ctx = signedInContext(context);
  const { db } = ctx.deps;
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('not_found');
  const authorId = m.personId;
  const studentId = input.studentId ?? null;
  if (studentId) {
    const student = await findStudent(db, schoolId, studentId);
    if (!student || !worksWithStudent(m, student)) throw new AppError('not_found', { field: 'studentId' });
  }
  const sent = { studentId, subject: input.subject, body: input.body };
  const retried = async () =>
    idempotencyKey ? retriedStaffThread(db, schoolId, authorId, idempotencyKey, sent) : null;

  const earlier = await retried();
  if (earlier) return threadDetail(ctx, schoolId, earlier, m);
  const wanted = [...new Set(input.recipientIds)].filter((id) => id !== authorId);
  const recipients = await findStaff(db, schoolId, wanted);
  if (wanted.length === 0 || recipients.length !== wanted.length)
    throw new AppError('recipient_not_staff', { field: 'recipientIds' });

  const created = await insertThreadWithMessage(
    db,
    { schoolId, studentId, subject: input.subject, createdBy: authorId, replyDueAt: null },
    [authorId, ...wanted].map((personId) => ({ personId, role: 'staff' as const })),
    {
      schoolId,
      authorId,
      kind: 'message',
      body: input.body,
      at: ctx.deps.clock.now(),
      idempotencyKey,
      attachmentIds: input.attachmentIds,
    },
  );
  if (created && studentId)
    await recordAudit(ctx, { schoolId, action: 'thread.start', studentId, subject: 'message thread' });
  const threadId = created ?? (await retried());
  if (!threadId) throw new Error('a send lost to a concurrent retry left no message behind');
  return threadDetail(ctx, schoolId, threadId, m);
}

/** The caller's colleagues at the school, to choose recipients from: names and roles only. */
export async function listColleagues(context: RequestContext, schoolId: string): Promise<TColleagueList> {
  const ctx = signedInContext(context);
  const m = await ctx.membership(schoolId);
  const staff = (await findStaff(ctx.deps.db, schoolId)).filter((p) => p.id !== m.personId);
  return { staff: staff.map(presentColleague) };
}

/** The leadership's list shows this many urgent uses, newest first. */
export const URGENT_USE_LIMIT = 500;

/**
 * Every use of "urgent" at the school, newest first, for the leadership: who, when, the thread's
 * subject, and whom it went to as a group ("Forældre i 3.A") or the child it is about. Never the
 * guardians' names or addresses. Seeing the children named is audit-logged.
 */
export async function listUrgentUses(context: RequestContext, schoolId: string): Promise<TUrgentUseList> {
  const ctx = signedInContext(context);
  const rows = await findUrgentUses(ctx.deps.db, schoolId, URGENT_USE_LIMIT);
  await recordAudit(
    ctx,
    [...new Set(rows.flatMap((r) => (r.thread.student_id ? [r.thread.student_id] : [])))].map((studentId) => ({
      schoolId,
      action: 'message.urgent-list',
      studentId,
      subject: 'urgent messages',
    })),
  );
  return { uses: rows.map((r) => presentUrgentUse(r, ctx.locale)) };
}
