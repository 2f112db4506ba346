import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';

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
      content: attachment.content,
      created_at: attachment.at,
    })
    .returning(infoColumns)
    .executeTakeFirstOrThrow();
}

/**
 * Claims the author's own pending uploads for a message, inside the transaction that stores the
 * message. An id that is not the author's pending upload at that school (someone else's, already
 * sent, removed, or unknown) throws `attachment_not_available`, which undoes the whole send.
 */
export async function claimAttachments(
  trx: Db,
  schoolId: string,
  authorId: string,
  messageId: string,
  ids: readonly string[],
): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const claimed = await trx
    .updateTable('attachments')
    .set({ message_id: messageId })
    .where('school_id', '=', schoolId)
    .where('uploaded_by', '=', authorId)
    .where('message_id', 'is', null)
    .where('id', 'in', wanted)
    .returning('id')
    .execute();
  if (claimed.length !== wanted.length) throw new AppError('attachment_not_available', { field: 'attachmentIds' });
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
    .where('id', 'in', [...ids])
    .execute();
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

/** Where an attachment lives and who may see it: its uploader, or its message's thread. */
export interface AttachmentPlaceRow {
  school_id: string;
  id: string;
  uploaded_by: string;
  message_id: string | null;
  thread_id: string | null;
}

/** An attachment looked for only among the schools the user belongs to. */
export function findAttachmentForUser(
  db: Db,
  userId: string,
  attachmentId: string,
): Promise<AttachmentPlaceRow | undefined> {
  return db
    .selectFrom('attachments as a')
    .leftJoin('messages as m', (j) => j.onRef('m.school_id', '=', 'a.school_id').onRef('m.id', '=', 'a.message_id'))
    .select(['a.school_id', 'a.id', 'a.uploaded_by', 'a.message_id', 'm.thread_id'])
    .where('a.id', '=', attachmentId)
    .where('a.school_id', 'in', db.selectFrom('people').select('school_id').where('user_id', '=', userId))
    .executeTakeFirst();
}

export interface AttachmentFileRow {
  file_name: string;
  content_type: string;
  size: number;
  content: Uint8Array;
}

export function findAttachmentFile(
  db: Db,
  schoolId: string,
  attachmentId: string,
): Promise<AttachmentFileRow | undefined> {
  return db
    .selectFrom('attachments')
    .select(['file_name', 'content_type', 'size', 'content'])
    .where('school_id', '=', schoolId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

/** Removes a person's own pending upload; false when there was none. */
export async function deletePendingAttachment(
  db: Db,
  schoolId: string,
  personId: string,
  attachmentId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('attachments')
    .where('school_id', '=', schoolId)
    .where('id', '=', attachmentId)
    .where('uploaded_by', '=', personId)
    .where('message_id', 'is', null)
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
