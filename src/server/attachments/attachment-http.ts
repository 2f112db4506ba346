import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { ATTACHMENT_FORM_FIELD, ATTACHMENT_MAX_BYTES } from '../../shared/api/attachment.schema.js';
import { attachmentTooLarge } from './attachment.service.js';
import type { AttachmentFileRow } from './attachment.repository.js';

/** The route layer of attachments: reading an upload from a multipart request, and sending a file back. */

/**
 * Reads the one file of a multipart upload, refusing a missing or oversized one with a translated
 * error before anything is stored.
 */
export async function readUploadedFile(request: FastifyRequest): Promise<{ bytes: Buffer; name: string }> {
  // Fastify's bodyLimit does not apply here, as the multipart parser leaves the body to the route.
  const bodyLimit = request.routeOptions.bodyLimit ?? ATTACHMENT_MAX_BYTES;
  if (Number(request.headers['content-length']) > bodyLimit) throw attachmentTooLarge();
  if (!request.isMultipart()) throw new AppError('attachment_missing', { field: ATTACHMENT_FORM_FIELD });
  // A body sent in chunks declares no length, and busboy reads an oversized file's rest to its
  // end before the answer: one that goes on past the limit is cut off, or it would keep the
  // server reading as long as the sender likes.
  let received = 0;
  request.raw.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > bodyLimit) request.raw.destroy();
  });
  try {
    const file: MultipartFile | undefined = await request.file({
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 0, parts: 2 },
    });
    if (!file || file.fieldname !== ATTACHMENT_FORM_FIELD) {
      throw new AppError('attachment_missing', { field: ATTACHMENT_FORM_FIELD });
    }
    const bytes = await file.toBuffer();
    // busboy marks a file that passes the limit `truncated` and hands on nothing more of it;
    // toBuffer() looks at the mark only after each chunk it gets, so when the limit falls on a
    // chunk's end no chunk follows the mark, and it returned the first ATTACHMENT_MAX_BYTES as if
    // they were the whole file.
    if (file.file.truncated || bytes.length > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge();
    return { bytes, name: file.filename };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw attachmentTooLarge();
    throw new AppError('attachment_missing', { field: ATTACHMENT_FORM_FIELD });
  }
}

/** RFC 6266/5987 Content-Disposition: an ASCII fallback name (Danish letters spelt out) and the exact name in UTF-8. */
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
 * Sends an attachment always as a download, in a sandbox, with the sniffed type and no sniffing
 * by the browser, so an upload can never run as a page of ours.
 */
export function sendAttachment(reply: FastifyReply, file: AttachmentFileRow): FastifyReply {
  return reply
    .header('content-type', file.content_type)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.file_name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.content));
}
