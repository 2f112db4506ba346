import { z } from 'zod';
import { ZUuid } from './common.schema.js';

/** Largest attachment, in bytes (10 MB); the upload route, its error text and the file input share it. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Most attachments on one message. */
export const ATTACHMENTS_PER_MESSAGE_MAX = 5;
/** Longest stored file name, in characters. */
export const ATTACHMENT_NAME_MAX = 200;

/**
 * The kinds of file a message may carry, by the content type sniffed from the bytes, with the
 * file name extensions that belong to each. The client's file picker is offered the same list;
 * the server decides from the content alone.
 */
export const ATTACHMENT_TYPES = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/gif': ['.gif'],
  'image/heic': ['.heic'],
  'image/heif': ['.heif'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['.ods'],
  'application/vnd.oasis.opendocument.presentation': ['.odp'],
  'application/msword': ['.doc'],
  'application/vnd.ms-excel': ['.xls'],
} as const satisfies Record<string, readonly string[]>;
export type TAttachmentType = keyof typeof ATTACHMENT_TYPES;

/** The `accept` list of a file input: every allowed extension. */
export const ATTACHMENT_ACCEPT = Object.values(ATTACHMENT_TYPES).flat().join(',');

/** The multipart form field that carries the file. */
export const ATTACHMENT_FORM_FIELD = 'file';

export const ZAttachmentParams = z.object({ attachmentId: ZUuid });

/** An attachment as a message or a draft shows it. */
export const ZAttachment = z.object({
  id: ZUuid,
  /** The uploader's file name, cleaned of paths and control characters, its extension matching the content. */
  name: z.string(),
  /** Bytes as stored (images after their metadata was removed). */
  size: z.number().int().nonnegative(),
  /** Sniffed from the content, never taken from the name or the browser's claim. */
  contentType: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

/** Attachment ids to send with a message: the author's own uploads not yet sent. */
export const ZAttachmentIds = z.array(ZUuid).max(ATTACHMENTS_PER_MESSAGE_MAX);
