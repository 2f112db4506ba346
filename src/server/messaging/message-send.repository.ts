import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { MessageKind, ThreadKind, ThreadParticipantRole } from '../db/schema.js';

/**
 * Sending: threads, participants and messages as a send stores them. Every function takes the
 * handle of the use case's unit of work (message-send.service.ts opens it); none opens its own.
 */

export interface NewThread {
  schoolId: string;
  kind: ThreadKind;
  studentId: string | null;
  subject: string;
  createdBy: string;
  at: Date;
  replyDueAt: Date | null;
  /** The class or grade a group message went to (neither: the whole school). */
  classId?: string | null;
  grade?: number | null;
  /** The group message a guardian's private reply thread answers. */
  parentThreadId?: string | null;
  /** The class parent representative who wrote the group message, or whom a private reply thread answers. */
  representativeId?: string | null;
}

/** Creates a thread with its participants; the writer has read it from the start. */
export async function insertThread(
  db: Db,
  thread: NewThread,
  participants: ReadonlyArray<{ personId: string; role: ThreadParticipantRole }>,
): Promise<string> {
  const created = await db
    .insertInto('message_threads')
    .values({
      school_id: thread.schoolId,
      kind: thread.kind,
      class_id: thread.classId ?? null,
      grade: thread.grade ?? null,
      parent_thread_id: thread.parentThreadId ?? null,
      representative_id: thread.representativeId ?? null,
      student_id: thread.studentId,
      subject: thread.subject,
      created_by: thread.createdBy,
      created_at: thread.at,
      last_message_at: thread.at,
      reply_due_at: thread.replyDueAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (thread.replyDueAt) await openReplyPromise(db, thread.schoolId, created.id, thread.at, thread.replyDueAt);
  await db
    .insertInto('thread_participants')
    .values(
      participants.map((p) => ({
        school_id: thread.schoolId,
        thread_id: created.id,
        person_id: p.personId,
        role: p.role,
        last_read_at: p.personId === thread.createdBy ? thread.at : null,
      })),
    )
    .execute();
  return created.id;
}

export interface NewMessage {
  schoolId: string;
  authorId: string;
  kind: MessageKind;
  body: string;
  at: Date;
  /** The author's key for this send: the same key stores one message, however often it is sent. */
  idempotencyKey: string | null;
  /** Marked urgent by staff; the notification job reads it to announce the message at once. */
  urgent?: boolean;
}

/**
 * Inserts the message unless its author already sent one with the same idempotency key; the
 * unique index decides, so concurrent retries store exactly one. Null for a retry: its unit of
 * work must then be undone.
 */
export async function insertMessageOnce(db: Db, threadId: string, message: NewMessage): Promise<string | null> {
  const row = await db
    .insertInto('messages')
    .values({
      school_id: message.schoolId,
      thread_id: threadId,
      author_id: message.authorId,
      kind: message.kind,
      body: message.body,
      created_at: message.at,
      idempotency_key: message.idempotencyKey,
      urgent: message.urgent ?? false,
    })
    .onConflict((oc) => oc.columns(['school_id', 'author_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** What an earlier send with an idempotency key stored: its message and the thread it is in. */
export interface SentMessageRow {
  message_id: string;
  kind: MessageKind;
  body: string;
  thread_id: string;
  thread_kind: ThreadKind;
  student_id: string | null;
  subject: string;
  class_id: string | null;
  grade: number | null;
  parent_thread_id: string | null;
}

export function findSentByKey(
  db: Db,
  schoolId: string,
  authorId: string,
  idempotencyKey: string,
): Promise<SentMessageRow | undefined> {
  return db
    .selectFrom('messages as m')
    .innerJoin('message_threads as t', (j) =>
      j.onRef('t.school_id', '=', 'm.school_id').onRef('t.id', '=', 'm.thread_id'),
    )
    .select([
      'm.id as message_id',
      'm.kind',
      'm.body',
      't.id as thread_id',
      't.kind as thread_kind',
      't.student_id',
      't.subject',
      't.class_id',
      't.grade',
      't.parent_thread_id',
    ])
    .where('m.school_id', '=', schoolId)
    .where('m.author_id', '=', authorId)
    .where('m.idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

/** The author joins a thread they were not in (the leadership answering), having read it. */
export async function joinThread(
  db: Db,
  schoolId: string,
  threadId: string,
  personId: string,
  role: ThreadParticipantRole,
  at: Date,
): Promise<void> {
  await db
    .insertInto('thread_participants')
    .values({ school_id: schoolId, thread_id: threadId, person_id: personId, role, last_read_at: at })
    .onConflict((oc) => oc.columns(['school_id', 'thread_id', 'person_id']).doNothing())
    .execute();
}

/** How a new message changes the thread's promise. */
export type PromiseChange =
  /** A staff answer keeps an open promise. */
  | { kind: 'fulfil' }
  /** A guardian's message starts a new promise unless one is already open. */
  | { kind: 'start'; replyDueAt: Date | null }
  | { kind: 'none' };

/** A new message in a thread: its activity moves on, and its promise is kept, started or left. */
export async function recordThreadActivity(
  db: Db,
  schoolId: string,
  threadId: string,
  message: { authorId: string; at: Date },
  promise: PromiseChange,
): Promise<void> {
  const thread = () => db.updateTable('message_threads').where('school_id', '=', schoolId).where('id', '=', threadId);
  await thread()
    .set({ last_message_at: sql<Date>`greatest(last_message_at, ${message.at})` })
    .execute();
  if (promise.kind === 'fulfil') {
    await thread()
      .set({ promise_fulfilled_at: message.at, promise_fulfilled_by: message.authorId })
      .where('reply_due_at', 'is not', null)
      .where('promise_fulfilled_at', 'is', null)
      .execute();
    await db
      .updateTable('reply_promises')
      .set({ kept_at: sql<Date>`greatest(opened_at, ${message.at})`, kept_by: message.authorId })
      .where('school_id', '=', schoolId)
      .where('thread_id', '=', threadId)
      .where('kept_at', 'is', null)
      .execute();
  } else if (promise.kind === 'start') {
    const started = await thread()
      .set({ reply_due_at: promise.replyDueAt, promise_fulfilled_at: null, promise_fulfilled_by: null })
      .where((eb) => eb.or([eb('reply_due_at', 'is', null), eb('promise_fulfilled_at', 'is not', null)]))
      .executeTakeFirst();
    if (promise.replyDueAt && started.numUpdatedRows > 0n) {
      await openReplyPromise(db, schoolId, threadId, message.at, promise.replyDueAt);
    }
  }
}

/**
 * Records a promise the thread has just made, for the principle's figures. The database keeps at
 * most one open per thread, so a retry cannot open a second.
 */
async function openReplyPromise(db: Db, schoolId: string, threadId: string, at: Date, dueAt: Date): Promise<void> {
  await db
    .insertInto('reply_promises')
    .values({ school_id: schoolId, thread_id: threadId, opened_at: at, due_at: dueAt })
    .onConflict((oc) => oc.columns(['school_id', 'thread_id']).where('kept_at', 'is', null).doNothing())
    .execute();
}
