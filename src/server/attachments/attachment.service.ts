import type { MultipartFile } from '@fastify/multipart';
import type { AppDeps } from '../deps.js';
import type { RequestContext, SignedInContext } from '../http/route.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertJob, type ClaimedJob } from '../jobs/job.repository.js';
import { findParticipants, findThread } from '../messaging/messaging.repository.js';
import { mayReadThread, mayWriteMessages, type ThreadAccess } from '../policies/rules.js';
import { ATTACHMENT_FORM_FIELD, ATTACHMENT_MAX_BYTES, type TAttachment } from '../../shared/api/attachment.schema.js';
import { checkUploadedFile } from './attachment-content.js';
import {
  deletePendingAttachment,
  deleteStalePendingAttachments,
  findAttachmentFile,
  findAttachmentForUser,
  findAttachmentsOfThread,
  insertAttachment,
  type AttachmentInfoRow,
} from './attachment.repository.js';

/** An upload not sent with a message within this long is removed (unless a draft holds it). */
export const PENDING_ATTACHMENT_TTL_MS = 24 * 3_600_000;
export const REMOVE_STALE_ATTACHMENTS_JOB = 'attachments.remove-stale';

const MB = 1024 * 1024;
const tooLarge = () =>
  new AppError('attachment_too_large', { status: 413, params: { maxMb: Math.round(ATTACHMENT_MAX_BYTES / MB) } });

function signedInContext(ctx: RequestContext): SignedInContext {
  if (!ctx.actor) throw new AppError('not_signed_in');
  return ctx as SignedInContext;
}

export const presentAttachment = (row: AttachmentInfoRow): TAttachment => ({
  id: row.id,
  name: row.file_name,
  size: row.size,
  contentType: row.content_type,
});

/** Reads the one file of a multipart upload, refusing a missing or oversized one with a translated error. */
async function readUploadedFile(ctx: RequestContext): Promise<{ bytes: Buffer; name: string }> {
  if (!ctx.request.isMultipart()) throw new AppError('attachment_missing', { field: ATTACHMENT_FORM_FIELD });
  try {
    const file: MultipartFile | undefined = await ctx.request.file({
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 0, parts: 2 },
    });
    if (!file || file.fieldname !== ATTACHMENT_FORM_FIELD)
      throw new AppError('attachment_missing', { field: ATTACHMENT_FORM_FIELD });
    return { bytes: await file.toBuffer(), name: file.filename };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw new AppError('attachment_missing', { field: ATTACHMENT_FORM_FIELD });
  }
}

/**
 * A member who may write messages uploads a file to send with one. The type is decided from the
 * bytes alone; images are stored without their metadata (GPS positions in EXIF above all). The
 * upload is the uploader's alone until a message they send claims it; one never sent is removed
 * by a job after PENDING_ATTACHMENT_TTL_MS.
 */
export async function uploadAttachment(context: RequestContext, schoolId: string): Promise<TAttachment> {
  const ctx = signedInContext(context);
  if (Number(ctx.request.headers['content-length']) > (ctx.request.routeOptions.bodyLimit ?? ATTACHMENT_MAX_BYTES))
    throw tooLarge();
  const m = await ctx.membership(schoolId);
  if (!m.personId || !mayWriteMessages(m)) throw new AppError('forbidden');
  const { bytes, name } = await readUploadedFile(ctx);
  const checked = await checkUploadedFile(bytes, name);
  const now = ctx.deps.clock.now();
  const row = await insertAttachment(ctx.deps.db, {
    schoolId,
    uploadedBy: m.personId,
    contentType: checked.contentType,
    fileName: checked.name,
    content: checked.content,
    sha256: checked.sha256,
    at: now,
  });
  await scheduleStaleAttachmentRemoval(ctx.deps, schoolId, now);
  return presentAttachment(row);
}

/**
 * Queues the school's clean-up for when this upload turns stale. Uploads within the same hour
 * share one run (rounded up to the hour), which removes every stale upload of the school.
 */
async function scheduleStaleAttachmentRemoval(deps: Pick<AppDeps, 'db'>, schoolId: string, now: Date): Promise<void> {
  const runAt = new Date(Math.ceil((now.getTime() + PENDING_ATTACHMENT_TTL_MS) / 3_600_000) * 3_600_000);
  await insertJob(deps.db, {
    schoolId,
    kind: REMOVE_STALE_ATTACHMENTS_JOB,
    payload: {},
    runAt,
    dedupeKey: `${REMOVE_STALE_ATTACHMENTS_JOB}:${schoolId}:${runAt.toISOString()}`,
    createdAt: now,
  });
}

/** The job: removes the school's uploads older than PENDING_ATTACHMENT_TTL_MS that no message and no draft holds. */
export async function handleRemoveStaleAttachments(deps: AppDeps, job: ClaimedJob): Promise<void> {
  if (!job.schoolId) return;
  await deleteStalePendingAttachments(
    deps.db,
    job.schoolId,
    new Date(deps.clock.now().getTime() - PENDING_ATTACHMENT_TTL_MS),
  );
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

/** RFC 6266/5987 Content-Disposition: an ASCII fallback name and the exact name in UTF-8. */
const DANISH_LETTERS: Record<string, string> = { æ: 'ae', Æ: 'Ae', ø: 'oe', Ø: 'Oe', å: 'aa', Å: 'Aa' };

export function contentDisposition(name: string): string {
  const ascii =
    name
      .replace(/[æøåÆØÅ]/g, (c) => DANISH_LETTERS[c] ?? c)
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%;]/g, '_')
      .trim() || 'fil';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Downloads an attachment. A pending upload is its uploader's alone; a sent one is for whoever
 * may read its thread (the participants and the leadership, as GET /api/threads/:threadId), and
 * staff reading a child's thread this way are audit-logged as a thread read is. Anyone else gets
 * 404, as if it did not exist. The file is always offered as a download, in a sandbox, with the
 * sniffed type and no sniffing by the browser, so an upload can never run as a page of ours.
 */
export async function downloadAttachment(context: RequestContext, attachmentId: string) {
  const ctx = signedInContext(context);
  const { db } = ctx.deps;
  const place = await findAttachmentForUser(db, ctx.actor.userId, attachmentId);
  if (!place) throw new AppError('not_found');
  const m = await ctx.membership(place.school_id);
  if (!place.thread_id) {
    if (place.uploaded_by !== m.personId) throw new AppError('not_found');
  } else {
    const [thread, participants] = await Promise.all([
      findThread(db, place.school_id, place.thread_id),
      findParticipants(db, place.school_id, [place.thread_id]),
    ]);
    if (!thread) throw new AppError('not_found');
    const access: ThreadAccess = {
      participantRole: participants.find((p) => p.person_id === m.personId)?.role ?? null,
      studentId: thread.student_id,
    };
    if (!mayReadThread(m, access)) throw new AppError('not_found');
    if (thread.student_id && access.participantRole !== 'guardian') {
      await recordAudit(ctx, {
        schoolId: place.school_id,
        action: 'thread.attachment',
        studentId: thread.student_id,
        subject: 'message attachment',
      });
    }
  }
  const file = await findAttachmentFile(db, place.school_id, attachmentId);
  if (!file) throw new AppError('not_found');
  return ctx.reply
    .header('content-type', file.content_type)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.file_name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.content));
}

/** The uploader removes a pending upload before sending; anything else is answered as missing. */
export async function removePendingAttachment(context: RequestContext, attachmentId: string): Promise<{ ok: true }> {
  const ctx = signedInContext(context);
  const place = await findAttachmentForUser(ctx.deps.db, ctx.actor.userId, attachmentId);
  if (!place) throw new AppError('not_found');
  const m = await ctx.membership(place.school_id);
  if (!m.personId || !(await deletePendingAttachment(ctx.deps.db, place.school_id, m.personId, attachmentId)))
    throw new AppError('not_found');
  return { ok: true };
}
