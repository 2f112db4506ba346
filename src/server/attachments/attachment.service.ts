import type { AppDeps } from '../deps.js';
import type { Db } from '../db/database.js';
import { inTransaction, type SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ClaimedJob } from '../jobs/job-kinds.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { ATTACHMENT_MAX_BYTES, type TAttachment } from '../../shared/api/attachment.schema.js';
import { checkUploadedFile } from './attachment-content.js';
import {
  claimAttachments,
  deletePendingAttachment,
  deleteStalePendingAttachments,
  findAttachmentFile,
  findAttachmentSchool,
  findAttachmentsOfThread,
  findPendingOfPerson,
  findThreadOfAttachment,
  insertAttachment,
  setClassLetterAttachments,
  findAttachmentsOfClassLetters,
  type AttachmentFileRow,
  type AttachmentInfoRow,
} from './attachment.repository.js';

/** An upload not sent with a message within this long is removed (unless a draft holds it). */
export const PENDING_ATTACHMENT_TTL_MS = 24 * 3_600_000;
export const REMOVE_STALE_ATTACHMENTS_JOB = 'attachments.remove-stale';

const MB = 1024 * 1024;
/** The refusal of a file over the size limit (413), in the reader's language. */
export const attachmentTooLarge = () =>
  new AppError('attachment_too_large', { status: 413, params: { maxMb: Math.round(ATTACHMENT_MAX_BYTES / MB) } });

export const presentAttachment = (row: AttachmentInfoRow): TAttachment => ({
  id: row.id,
  name: row.file_name,
  size: row.size,
  contentType: row.content_type,
});

/**
 * A member who may write messages uploads a file to send with one (the route's policy decides
 * who; the route reads the file from the request). The type is decided from the bytes alone;
 * images are stored without their metadata (GPS positions in EXIF above all). The upload is the
 * uploader's alone until a message they send claims it; one never sent is removed by a job after
 * PENDING_ATTACHMENT_TTL_MS. The upload and its clean-up job are one unit of work.
 */
export async function uploadAttachment(
  ctx: SignedInContext,
  schoolId: string,
  file: { bytes: Buffer; name: string },
): Promise<TAttachment> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const uploadedBy = m.personId;
  const checked = await checkUploadedFile(file.bytes, file.name);
  const now = ctx.clock.now();
  const row = await inTransaction(ctx, async (tx) => {
    const stored = await insertAttachment(tx.db, {
      schoolId,
      uploadedBy,
      contentType: checked.contentType,
      fileName: checked.name,
      content: checked.content,
      sha256: checked.sha256,
      at: now,
    });
    await scheduleStaleAttachmentRemoval(tx.db, schoolId, now);
    return stored;
  });
  return presentAttachment(row);
}

/**
 * Queues the school's clean-up for when this upload turns stale. Uploads within the same hour
 * share one run (rounded up to the hour), which removes every stale upload of the school.
 */
async function scheduleStaleAttachmentRemoval(db: Db, schoolId: string, now: Date): Promise<void> {
  const runAt = new Date(Math.ceil((now.getTime() + PENDING_ATTACHMENT_TTL_MS) / 3_600_000) * 3_600_000);
  await enqueueJob(db, {
    schoolId,
    kind: REMOVE_STALE_ATTACHMENTS_JOB,
    payload: {},
    runAt,
    dedupeKey: `${REMOVE_STALE_ATTACHMENTS_JOB}:${schoolId}:${runAt.toISOString()}`,
    createdAt: now,
  });
}

/** The job: removes the school's uploads older than PENDING_ATTACHMENT_TTL_MS that no message and no draft holds. */
export async function handleRemoveStaleAttachments(
  deps: AppDeps,
  job: ClaimedJob<'attachments.remove-stale'>,
): Promise<void> {
  if (!job.schoolId) return;
  await deleteStalePendingAttachments(
    deps.db,
    job.schoolId,
    new Date(deps.clock.now().getTime() - PENDING_ATTACHMENT_TTL_MS),
  );
}

/**
 * Claims the author's own pending uploads for their new message, in the unit of work that stores
 * the message. An id that is not the author's pending upload at that school (someone else's,
 * already sent, removed, or unknown) refuses the send with `attachment_not_available`, which
 * undoes all of it.
 */
export async function claimAttachmentsForMessage(
  db: Db,
  schoolId: string,
  authorId: string,
  messageId: string,
  ids: readonly string[],
): Promise<void> {
  const wanted = [...new Set(ids)];
  if ((await claimAttachments(db, schoolId, authorId, messageId, wanted)) !== wanted.length) {
    throw new AppError('attachment_not_available', { field: 'attachmentIds' });
  }
}

/** A person's own pending uploads among `ids`, in the order of `ids` (a draft's attachments). */
export async function pendingUploadsOf(
  db: Db,
  schoolId: string,
  personId: string,
  ids: readonly string[],
): Promise<TAttachment[]> {
  return (await findPendingOfPerson(db, schoolId, personId, ids)).map(presentAttachment);
}

/** The attachments of a thread's messages, by message id, as the thread detail shows them. */
export async function attachmentsOfThread(
  deps: Pick<AppDeps, 'db'>,
  schoolId: string,
  threadId: string,
): Promise<Map<string, TAttachment[]>> {
  const byMessage = new Map<string, TAttachment[]>();
  for (const row of await findAttachmentsOfThread(deps.db, schoolId, threadId)) {
    if (!row.message_id) continue;
    byMessage.set(row.message_id, [...(byMessage.get(row.message_id) ?? []), presentAttachment(row)]);
  }
  return byMessage;
}

/**
 * An attachment's file, for a reader the route's policy (`attachment.read`) has let through: a
 * pending upload's uploader, whoever may read a sent one's thread, or whoever may read the class
 * letter that carries it (its staff and the leadership, and once published the class's custody
 * holders and students). The rule decides from the membership, so a student is served as the
 * rule says whether or not their login has a person record. Staff reading a child's thread this
 * way are audit-logged as a thread read is; a class letter holds no child's data of its own.
 */
export async function readAttachment(ctx: SignedInContext, attachmentId: string): Promise<AttachmentFileRow> {
  const schoolId = await findAttachmentSchool(ctx.db, ctx.actor.userId, attachmentId);
  if (!schoolId) throw new AppError('not_found');
  const m = await ctx.membership(schoolId);
  const [file, thread] = await Promise.all([
    findAttachmentFile(ctx.db, schoolId, attachmentId),
    m.personId ? findThreadOfAttachment(ctx.db, schoolId, attachmentId, m.personId) : undefined,
  ]);
  if (!file) throw new AppError('not_found');
  if (thread?.student_id && thread.reader_role !== 'guardian') {
    await recordAudit(ctx, {
      schoolId,
      action: 'thread.attachment',
      studentId: thread.student_id,
    });
  }
  return file;
}

/** The uploader removes a pending upload before sending (the route's policy, `attachment.remove`). */
export async function removePendingAttachment(ctx: SignedInContext, attachmentId: string): Promise<{ ok: true }> {
  const schoolId = await findAttachmentSchool(ctx.db, ctx.actor.userId, attachmentId);
  if (!schoolId || !(await deletePendingAttachment(ctx.db, schoolId, attachmentId))) throw new AppError('not_found');
  return { ok: true };
}

/**
 * Sets the files and images a class letter carries, in the unit of work that saves the letter:
 * the writer's own pending uploads are claimed, the letter's others dropped. An id that is not
 * the writer's pending upload nor the letter's own refuses the save with `attachment_not_available`.
 */
export async function setAttachmentsOfClassLetter(
  db: Db,
  schoolId: string,
  writerId: string,
  letterId: string,
  ids: readonly string[],
): Promise<void> {
  const wanted = [...new Set(ids)];
  if ((await setClassLetterAttachments(db, schoolId, writerId, letterId, wanted)) !== wanted.length) {
    throw new AppError('attachment_not_available', { field: 'attachmentIds' });
  }
}

/** The attachments of class letters, by letter id. */
export async function attachmentsOfClassLetters(
  db: Db,
  schoolId: string,
  letterIds: readonly string[],
): Promise<Map<string, TAttachment[]>> {
  const byLetter = new Map<string, TAttachment[]>();
  for (const row of await findAttachmentsOfClassLetters(db, schoolId, letterIds)) {
    if (!row.class_letter_id) continue;
    byLetter.set(row.class_letter_id, [...(byLetter.get(row.class_letter_id) ?? []), presentAttachment(row)]);
  }
  return byLetter;
}
