import { defineRoute } from '../http/route.js';
import { attachmentContracts } from '../../shared/api/attachment.contract.js';
import { atSchool, requireAccess } from '../policies/policy.js';
import { mayWriteMessages } from '../policies/rules.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ATTACHMENT_FORM_FIELD, ATTACHMENT_MAX_BYTES, ZAttachmentParams } from '../../shared/api/attachment.schema.js';
import { readAttachment, removePendingAttachment, uploadAttachment } from './attachment.service.js';
import { readUploadedFile, sendAttachment } from './attachment-http.js';

const attachmentId = ({ params }: { params: { attachmentId: string } }) => params.attachmentId;

/** Room for the multipart envelope (boundaries, part headers) around a file of the largest size. */
const MULTIPART_OVERHEAD = 64 * 1024;

export const attachmentRoutes = [
  defineRoute({
    ...attachmentContracts.upload,
    summary:
      `Upload one file to send with a message: multipart/form-data with the file in the field "${ATTACHMENT_FORM_FIELD}", at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB (413 attachment_too_large). ` +
      'The type is sniffed from the bytes, never from the name or the declared type: PDF, JPEG, PNG, WebP, GIF, HEIC/HEIF (stored as JPEG), ' +
      'docx, xlsx, pptx, odt, ods, odp, doc and xls; anything else is 415 attachment_type_not_allowed and nothing is stored. Images are re-encoded without metadata (EXIF, GPS). ' +
      'An office document that unpacks to over 100 MB or holds over 10,000 parts is 422 attachment_document_too_large; one that cannot be read, 415 attachment_document_unreadable. ' +
      "The upload is the uploader's alone until a message they send names it in attachmentIds; one never sent is removed after 24 hours.",
    tags: ['attachments'],
    bodyLimit: ATTACHMENT_MAX_BYTES + MULTIPART_OVERHEAD,
    policy: atSchool(ZSchoolParams, 'guardian (not suspended) or staff of the school', (m) => mayWriteMessages(m)),
    handler: async (ctx, { params }, { request }) =>
      uploadAttachment(ctx, params.schoolId, await readUploadedFile(request)),
  }),
  defineRoute({
    ...attachmentContracts.download,
    summary:
      'Download an attachment, always as a file (Content-Disposition: attachment), with its sniffed Content-Type, nosniff and a sandboxing Content-Security-Policy. ' +
      "A sent one is for whoever may read its thread (staff reads of a child's thread are audit-logged); a class letter's image or file for whoever may read the letter (its class's staff and the leadership; once published, the class's custody holders and students); a pending one for its uploader; anyone else gets 404.",
    tags: ['attachments'],
    policy: requireAccess('attachment.read', { params: ZAttachmentParams }, attachmentId),
    handler: async (ctx, { params }, { reply }) =>
      sendAttachment(reply, await readAttachment(ctx, params.attachmentId)),
  }),
  defineRoute({
    ...attachmentContracts.remove,
    summary: "Remove one of your own uploads before it is sent. Anything else (sent, someone else's, unknown) is 404.",
    tags: ['attachments'],
    policy: requireAccess('attachment.remove', { params: ZAttachmentParams }, attachmentId),
    handler: (ctx, { params }) => removePendingAttachment(ctx, params.attachmentId),
  }),
];
