import type { SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { pendingUploadsOf } from '../attachments/attachment.service.js';
import type { TDraftParams, TDraftResult, TSaveDraft } from '../../shared/api/draft.schema.js';
import { deleteDraft, findDraft, upsertDraft, type DraftKey } from './draft.repository.js';

/**
 * A draft is the writer's own: it is found by their person at the school, so nobody else can
 * name it. The target is only its key; whether the writer may send there is decided on sending.
 */
async function draftKey(ctx: SignedInContext, params: TDraftParams): Promise<DraftKey> {
  const m = await ctx.membership(params.schoolId);
  if (!m.personId) throw new AppError('not_found');
  return { schoolId: params.schoolId, personId: m.personId, targetKind: params.targetKind, targetId: params.targetId };
}

/** The writer's draft with the uploads it holds that are still waiting to be sent. */
export async function getDraft(ctx: SignedInContext, params: TDraftParams): Promise<TDraftResult> {
  const key = await draftKey(ctx, params);
  const row = await findDraft(ctx.db, key);
  if (!row) return { draft: null };
  const attachments = await pendingUploadsOf(ctx.db, key.schoolId, key.personId, row.attachment_ids);
  return {
    draft: {
      subject: row.subject,
      body: row.body,
      attachments,
      updatedAt: row.updated_at.toISOString(),
    },
  };
}

/**
 * Saves what the composer holds. Attachment ids that are not the writer's own pending uploads
 * are dropped; a draft with no text and no attachments is removed instead.
 */
export async function saveDraft(
  ctx: SignedInContext,
  params: TDraftParams,
  input: Required<TSaveDraft>,
): Promise<TDraftResult> {
  const key = await draftKey(ctx, params);
  const attachments = await pendingUploadsOf(ctx.db, key.schoolId, key.personId, [...new Set(input.attachmentIds)]);
  if (input.subject.trim() === '' && input.body.trim() === '' && attachments.length === 0) {
    await deleteDraft(ctx.db, key);
    return { draft: null };
  }
  const at = ctx.clock.now();
  await upsertDraft(ctx.db, key, {
    subject: input.subject,
    body: input.body,
    attachmentIds: attachments.map((a) => a.id),
    at,
  });
  return {
    draft: {
      subject: input.subject,
      body: input.body,
      attachments,
      updatedAt: at.toISOString(),
    },
  };
}

/** Removes the draft: discarded by the writer, or sent (the client removes it after a successful send). */
export async function discardDraft(ctx: SignedInContext, params: TDraftParams): Promise<{ ok: true }> {
  await deleteDraft(ctx.db, await draftKey(ctx, params));
  return { ok: true };
}
