import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ThreadParticipantRole } from '../db/schema.js';

export interface NewAttachment {
  schoolId: string;
  uploadedBy: string;
  contentType: string;
  fileName: string;
  content: Buffer;
  sha256: string;
  at: Date;
}

/** What a message or a draft shows of an attachment: never its bytes. */
export interface AttachmentInfoRow {
  id: string;
  message_id: string | null;
  file_name: string;
  size: number;
  content_type: string;
}

const infoColumns = ['id', 'message_id', 'file_name', 'size', 'content_type'] as const;

/*
 * The bytes travel as hex text, which the database encodes and decodes: PGlite turns a bytea
 * parameter into text and a bytea result into bytes in a JavaScript loop, which took six seconds
 * (holding the server's thread and PGlite's one connection) for a 10 MB file; hex takes a tenth of
 * that. PostgreSQL's driver sends and reads bytea as the same hex text.
 */
export async function insertAttachment(db: Db, attachment: NewAttachment): Promise<AttachmentInfoRow> {
  return db
    .insertInto('attachments')
    .values({
      school_id: attachment.schoolId,
      uploaded_by: attachment.uploadedBy,
      message_id: null,
      content_type: attachment.contentType,
      file_name: attachment.fileName,
      size: attachment.content.length,
      sha256: attachment.sha256,
      content: sql<Buffer>`decode(${attachment.content.toString('hex')}, 'hex')`,
      created_at: attachment.at,
    })
    .returning(infoColumns)
    .executeTakeFirstOrThrow();
}

/** Claims the author's own pending uploads among `ids` for a message; returns how many were claimed. */
export async function claimAttachments(
  trx: Db,
  schoolId: string,
  authorId: string,
  messageId: string,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const claimed = await trx
    .updateTable('attachments')
    .set({ message_id: messageId })
    .where('school_id', '=', schoolId)
    .where('uploaded_by', '=', authorId)
    .where('message_id', 'is', null)
    .where('class_letter_id', 'is', null)
    .where('id', 'in', ids)
    .returning('id')
    .execute();
  return claimed.length;
}

/** The attachments of a thread's messages, oldest first. */
export function findAttachmentsOfThread(db: Db, schoolId: string, threadId: string): Promise<AttachmentInfoRow[]> {
  return db
    .selectFrom('attachments as a')
    .innerJoin('messages as m', (j) => j.onRef('m.school_id', '=', 'a.school_id').onRef('m.id', '=', 'a.message_id'))
    .select(['a.id', 'a.message_id', 'a.file_name', 'a.size', 'a.content_type'])
    .where('a.school_id', '=', schoolId)
    .where('m.thread_id', '=', threadId)
    .orderBy('a.seq')
    .execute();
}

/** A person's own pending uploads among `ids`, in the order of `ids`. */
export async function findPendingOfPerson(
  db: Db,
  schoolId: string,
  personId: string,
  ids: readonly string[],
): Promise<AttachmentInfoRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('attachments')
    .select(infoColumns)
    .where('school_id', '=', schoolId)
    .where('uploaded_by', '=', personId)
    .where('message_id', 'is', null)
    .where('class_letter_id', 'is', null)
    .where('id', 'in', [...ids])
    .execute();
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

export interface AttachmentFileRow {
  file_name: string;
  content_type: string;
  size: number;
  content: Uint8Array;
}

export async function findAttachmentFile(
  db: Db,
  schoolId: string,
  attachmentId: string,
): Promise<AttachmentFileRow | undefined> {
  const row = await db
    .selectFrom('attachments')
    .select(['file_name', 'content_type', 'size', sql<string>`encode(content, 'hex')`.as('content_hex')])
    .where('school_id', '=', schoolId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { content_hex, ...file } = row;
  return { ...file, content: Buffer.from(content_hex, 'hex') };
}

/** An attachment's school, looked for among the schools the user belongs to (as a person or as a student). */
export async function findAttachmentSchool(db: Db, userId: string, attachmentId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('attachments')
    .select('school_id')
    .where('id', '=', attachmentId)
    .where('school_id', 'in', (eb) =>
      eb
        .selectFrom('people')
        .select('people.school_id')
        .where('people.user_id', '=', userId)
        .union(eb.selectFrom('students').select('students.school_id').where('students.user_id', '=', userId)),
    )
    .executeTakeFirst();
  return row?.school_id;
}

/** The thread a sent attachment's message is in, with the reader's place in it; undefined while pending. */
export async function findThreadOfAttachment(
  db: Db,
  schoolId: string,
  attachmentId: string,
  readerId: string,
): Promise<{ thread_id: string; student_id: string | null; reader_role: ThreadParticipantRole | null } | undefined> {
  return db
    .selectFrom('attachments as a')
    .innerJoin('messages as m', (j) => j.onRef('m.school_id', '=', 'a.school_id').onRef('m.id', '=', 'a.message_id'))
    .innerJoin('message_threads as t', (j) =>
      j.onRef('t.school_id', '=', 'm.school_id').onRef('t.id', '=', 'm.thread_id'),
    )
    .leftJoin('thread_participants as tp', (j) =>
      j.onRef('tp.school_id', '=', 't.school_id').onRef('tp.thread_id', '=', 't.id').on('tp.person_id', '=', readerId),
    )
    .select(['m.thread_id', 't.student_id', 'tp.role as reader_role'])
    .where('a.school_id', '=', schoolId)
    .where('a.id', '=', attachmentId)
    .executeTakeFirst();
}

/** Removes a pending upload; false when there was none. */
export async function deletePendingAttachment(db: Db, schoolId: string, attachmentId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('attachments')
    .where('school_id', '=', schoolId)
    .where('id', '=', attachmentId)
    .where('message_id', 'is', null)
    .where('class_letter_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Removes the school's uploads that were never sent and are older than `before`, except those a
 * draft of their uploader still holds: the writer meant to come back to them.
 */
export async function deleteStalePendingAttachments(db: Db, schoolId: string, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('attachments as a')
    .where('a.school_id', '=', schoolId)
    .where('a.message_id', 'is', null)
    .where('a.class_letter_id', 'is', null)
    .where('a.created_at', '<', before)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('drafts as d')
            .select(sql`1`.as('one'))
            .whereRef('d.school_id', '=', 'a.school_id')
            .whereRef('d.person_id', '=', 'a.uploaded_by')
            .where(sql<boolean>`d.attachment_ids @> jsonb_build_array(a.id::text)`),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * A class letter carries exactly `ids`: the writer's own pending uploads among them are claimed
 * for it, and the letter's earlier attachments not among them are removed. Returns how many of
 * `ids` the letter carries now (fewer than asked: one was not the writer's or not pending).
 */
export async function setClassLetterAttachments(
  db: Db,
  schoolId: string,
  writerId: string,
  letterId: string,
  ids: readonly string[],
): Promise<number> {
  await db
    .deleteFrom('attachments')
    .where('school_id', '=', schoolId)
    .where('class_letter_id', '=', letterId)
    .$if(ids.length > 0, (q) => q.where('id', 'not in', [...ids]))
    .execute();
  if (ids.length === 0) return 0;
  await db
    .updateTable('attachments')
    .set({ class_letter_id: letterId })
    .where('school_id', '=', schoolId)
    .where('uploaded_by', '=', writerId)
    .where('message_id', 'is', null)
    .where('class_letter_id', 'is', null)
    .where('id', 'in', [...ids])
    .execute();
  const carried = await db
    .selectFrom('attachments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('school_id', '=', schoolId)
    .where('class_letter_id', '=', letterId)
    .where('id', 'in', [...ids])
    .executeTakeFirstOrThrow();
  return carried.n;
}

/** The attachments of class letters, by letter. */
export async function findAttachmentsOfClassLetters(
  db: Db,
  schoolId: string,
  letterIds: readonly string[],
): Promise<Array<AttachmentInfoRow & { class_letter_id: string | null }>> {
  if (letterIds.length === 0) return [];
  return db
    .selectFrom('attachments')
    .select([...infoColumns, 'class_letter_id'])
    .where('school_id', '=', schoolId)
    .where('class_letter_id', 'in', [...letterIds])
    .orderBy('seq')
    .execute();
}
