import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import { ZAttachment, ZAttachmentIds } from './attachment.schema.js';
import { MESSAGE_BODY_MAX, THREAD_SUBJECT_MAX } from './messaging.schema.js';

/**
 * What a draft is written for: a new thread about a child (the target is the student), a reply
 * in a thread (the thread), or a message to a class's guardians (the class). A message to
 * colleagues and the leadership's message to parents (whatever audience is chosen) are keyed by
 * their school.
 */
export const DRAFT_TARGET_KINDS = ['new-thread', 'reply', 'class-message', 'staff-thread', 'parents-message'] as const;
export const ZDraftTargetKind = z.enum(DRAFT_TARGET_KINDS);
export type TDraftTargetKind = z.infer<typeof ZDraftTargetKind>;

export const ZDraftParams = z.object({ schoolId: ZUuid, targetKind: ZDraftTargetKind, targetId: ZUuid });
export type TDraftParams = z.infer<typeof ZDraftParams>;

/** The composer's text as it stands; empty text and no attachments removes the draft. Urgency is not kept. */
export const ZSaveDraft = z.object({
  subject: text({ max: THREAD_SUBJECT_MAX, trim: false }).default(''),
  body: text({ max: MESSAGE_BODY_MAX, lines: true, trim: false }).default(''),
  /** The writer's own uploads not yet sent; others are dropped. */
  attachmentIds: ZAttachmentIds.default([]),
});
export type TSaveDraft = z.input<typeof ZSaveDraft>;

export const ZDraft = z.object({
  subject: z.string(),
  body: z.string(),
  /** The uploads still waiting to be sent. */
  attachments: z.array(ZAttachment),
  updatedAt: z.iso.datetime(),
});
export type TDraft = z.infer<typeof ZDraft>;

/** A draft, or null when the writer has none for this target. */
export const ZDraftResult = z.object({ draft: ZDraft.nullable() });
export type TDraftResult = z.infer<typeof ZDraftResult>;
