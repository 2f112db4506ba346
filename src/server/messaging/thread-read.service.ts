import { inTransaction, type SignedInContext } from '../context.js';
import type { TAuditAction } from '../../shared/api/audit.schema.js';
import type { Membership } from '../policies/membership.js';
import { AppError } from '../errors.js';
import { ZUuid } from '../../shared/api/common.schema.js';
import { recordAudit } from '../audit/audit.service.js';
import { markThreadNotificationsRead } from '../notifications/notification.service.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import { attachmentsOfThread } from '../attachments/attachment.service.js';
import {
  hasCustodyOf,
  mayAcknowledgeInThread,
  mayReplyInThread,
  runsTheSchool,
  takesPartInThread,
  type ThreadAccess,
} from '../policies/rules.js';
import { addWorkingDays, localDate, type SchoolCalendar } from '../../domain/calendar/working-days.js';
import type {
  TBrokenPromiseList,
  TParticipantRole,
  TThreadDetail,
  TThreadList,
  TThreadListQuery,
  TThreadReaders,
  TThreadSearchResult,
  TThreadSummary,
  TUrgentUseList,
} from '../../shared/api/messaging.schema.js';
import {
  findBrokenPromises,
  findMessages,
  findParticipants,
  findThread,
  findThreadSchoolForUser,
  findThreadsOfUser,
  findUrgentUses,
  markThreadRead,
  searchThreadsOfUser,
  type OwnThreadRow,
  type ParticipantRow,
  type ThreadRow,
} from './thread-read.repository.js';
import {
  presentMessage,
  presentName,
  presentParticipants,
  presentPreview,
  presentSnippet,
  presentThreadSummary,
  presentUrgentUse,
  type Reader,
} from './messaging.presenter.js';

/** A search answers with at most this many threads, best match first. */
export const THREAD_SEARCH_LIMIT = 50;
/** The leadership's list shows this many urgent uses, newest first. */
export const URGENT_USE_LIMIT = 500;

/** A thread with the caller's place in it. */
export interface LoadedThread {
  schoolId: string;
  thread: ThreadRow;
  participants: ParticipantRow[];
  m: Membership;
  access: ThreadAccess;
}

/**
 * A thread a route's policy has let the caller reach (`thread.read` and the like), with the
 * caller's place in it. Its school is looked for among the caller's own schools.
 */
export async function loadThread(ctx: SignedInContext, threadId: string): Promise<LoadedThread> {
  const schoolId = await findThreadSchoolForUser(ctx.db, ctx.actor.userId, threadId);
  const thread = schoolId ? await findThread(ctx.db, schoolId, threadId) : undefined;
  if (!schoolId || !thread) throw new AppError('not_found');
  const [participants, m] = await Promise.all([
    findParticipants(ctx.db, schoolId, [threadId]),
    ctx.membership(schoolId),
  ]);
  const access: ThreadAccess = {
    participantRole: participants.find((p) => p.person_id === m.personId)?.role ?? null,
    studentId: thread.student_id,
  };
  return { schoolId, thread, participants, m, access };
}

/**
 * The side a reader reads a thread from: their place in it; else a custody holder reading their
 * child's own conversation (where the principle lets them) reads as the home; else the leadership.
 */
function readerSide(m: Membership, access: ThreadAccess): TParticipantRole {
  if (access.participantRole) return access.participantRole;
  return access.studentId && hasCustodyOf(m, access.studentId) && !runsTheSchool(m) ? 'guardian' : 'staff';
}

/** A thread with its messages, their attachments and what the reader may do in it. */
export async function threadDetail(
  ctx: SignedInContext,
  schoolId: string,
  threadId: string,
  m: Membership,
): Promise<TThreadDetail> {
  const [thread, participants, messages, attachments] = await Promise.all([
    findThread(ctx.db, schoolId, threadId),
    findParticipants(ctx.db, schoolId, [threadId]),
    findMessages(ctx.db, schoolId, threadId),
    attachmentsOfThread(ctx, schoolId, threadId),
  ]);
  if (!thread) throw new AppError('not_found');
  const me = participants.find((p) => p.person_id === m.personId);
  const access: ThreadAccess = { participantRole: me?.role ?? null, studentId: thread.student_id };
  const reader: Reader = {
    personId: m.personId,
    side: readerSide(m, access),
    locale: ctx.locale,
    now: ctx.clock.now(),
  };
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
 * Opens a thread: its messages, read by the participants and by the leadership of its school
 * (the route's policy, `thread.read`). A participant's messages and notifications count as read
 * from now on; staff and the leadership reading a thread about a child are audit-logged. One
 * unit of work.
 */
export async function getThread(ctx: SignedInContext, threadId: string): Promise<TThreadDetail> {
  const { schoolId, thread, m, access } = await loadThread(ctx, threadId);
  await inTransaction(ctx, async (tx) => {
    if (m.personId && takesPartInThread(m, access)) {
      const now = tx.clock.now();
      await markThreadRead(tx.db, schoolId, threadId, m.personId, now);
      await markThreadNotificationsRead(tx, schoolId, threadId, m.personId, now);
    }
    if (thread.student_id && readerSide(m, access) === 'staff') {
      await recordAudit(tx, {
        schoolId,
        action: 'thread.read',
        studentId: thread.student_id,
      });
    }
  });
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
  action: TAuditAction,
): Promise<Array<{ row: T; summary: TThreadSummary }>> {
  const schoolIds = [...new Set(rows.map((r) => r.school_id))];
  const memberships = new Map(
    await Promise.all(schoolIds.map(async (schoolId) => [schoolId, await ctx.membership(schoolId)] as const)),
  );
  const now = ctx.clock.now();
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
    })),
  );
  return shown;
}

// The inbox's cursor is the position of the last thread shown: its last activity and id.
const encodeInboxCursor = (row: { last_message_at: Date; id: string }) =>
  Buffer.from(`${row.last_message_at.toISOString()}|${row.id}`).toString('base64url');

function decodeInboxCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const moment = at ? new Date(at) : null;
  if (!moment || Number.isNaN(moment.getTime()) || !id || !ZUuid.safeParse(id).success) {
    throw new AppError('validation_failed', { field: 'before' });
  }
  return { at: moment, id };
}

/**
 * The caller's threads at all their schools, newest activity first, a page at a time, with the
 * unread count, the promise and a preview line of the newest message; optionally only the unread,
 * those awaiting a reply, or those about a child or a class.
 */
export async function listThreads(ctx: SignedInContext, query: TThreadListQuery): Promise<TThreadList> {
  const rows = await findThreadsOfUser(ctx.db, ctx.actor.userId, {
    show: query.show,
    studentId: query.studentId,
    classId: query.classId,
    before: query.before ? decodeInboxCursor(query.before) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const shown = await presentOwnThreads(ctx, page, 'thread.list');
  return {
    threads: shown.map(({ row, summary }) => ({ ...summary, preview: presentPreview(row) })),
    nextCursor: rows.length > query.limit && last ? encodeInboxCursor(last) : null,
  };
}

/**
 * Search in the caller's own threads (Danish full-text search over subjects and messages), with
 * the same visibility as the thread list: only threads the caller takes part in and may still
 * read. Each hit carries a plain-text snippet of its best matching message.
 */
export async function searchThreads(ctx: SignedInContext, text: string): Promise<TThreadSearchResult> {
  const rows = await searchThreadsOfUser(ctx.db, ctx.actor.userId, text, THREAD_SEARCH_LIMIT);
  const shown = await presentOwnThreads(ctx, rows, 'thread.search');
  return {
    threads: shown.map(({ row, summary }) => ({
      ...summary,
      matchedMessageId: row.matched_message_id,
      snippet: presentSnippet(row.snippet),
    })),
  };
}

/**
 * Who of the thread's guardians has read its newest message, by name, for the staff in it and
 * the leadership (the route's policy, `thread.list-readers`). The names are the staff's to see;
 * addresses and households never leave through here.
 */
export async function listThreadReaders(ctx: SignedInContext, threadId: string): Promise<TThreadReaders> {
  const { schoolId, thread, participants } = await loadThread(ctx, threadId);
  if (thread.student_id) {
    await recordAudit(ctx, {
      schoolId,
      action: 'thread.readers',
      studentId: thread.student_id,
    });
  }
  const guardians = participants.filter((p) => p.role === 'guardian');
  const hasRead = (p: ParticipantRow) =>
    p.last_read_at !== null && p.last_read_at.getTime() >= thread.last_message_at.getTime();
  return {
    read: guardians.filter(hasRead).map(presentName),
    notRead: guardians.filter((p) => !hasRead(p)).map(presentName),
  };
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
export async function listBrokenPromises(ctx: SignedInContext, schoolId: string): Promise<TBrokenPromiseList> {
  const now = ctx.clock.now();
  const [rows, calendar] = await Promise.all([
    findBrokenPromises(ctx.db, schoolId, now),
    loadSchoolCalendar(ctx.db, schoolId),
  ]);
  const participants = await findParticipants(
    ctx.db,
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

/**
 * Every use of "urgent" at the school, newest first, for the leadership: who, when, the thread's
 * subject, and whom it went to as a group ("Forældre i 3.A") or the child it is about. Never the
 * guardians' names or addresses. Seeing the children named is audit-logged.
 */
export async function listUrgentUses(ctx: SignedInContext, schoolId: string): Promise<TUrgentUseList> {
  const rows = await findUrgentUses(ctx.db, schoolId, URGENT_USE_LIMIT);
  await recordAudit(
    ctx,
    [...new Set(rows.flatMap((r) => (r.thread.student_id ? [r.thread.student_id] : [])))].map((studentId) => ({
      schoolId,
      action: 'message.urgent-list',
      studentId,
    })),
  );
  return { uses: rows.map((r) => presentUrgentUse(r, ctx.locale)) };
}
