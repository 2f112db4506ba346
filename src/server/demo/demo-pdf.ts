import type { Db } from '../db/database.js';
import { checkUploadedFile } from '../attachments/attachment-content.js';
import { insertAttachment } from '../attachments/attachment.repository.js';

/**
 * A one-page PDF of plain lines of text, for the demo school's attachment. Built by hand because
 * it is a handful of fixed objects: Helvetica with WinAnsi encoding covers Danish letters, and the
 * cross-reference table is computed from the byte offsets, so readers open it without repair.
 */
export function textPdf(lines: readonly string[]): Buffer {
  const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = ['BT', '/F1 14 Tf', '72 770 Td', '20 TL', ...lines.map((line) => `(${escape(line)}) '`), 'ET'].join(
    '\n',
  );
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = Buffer.byteLength(pdf, 'latin1');
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/**
 * Stores a text PDF as a pending upload of `uploadedBy`, checked like any upload, for a demo
 * message to claim through its attachmentIds. Returns the attachment id.
 */
export async function uploadDemoPdf(
  db: Db,
  upload: { schoolId: string; uploadedBy: string; name: string; lines: readonly string[]; at: Date },
): Promise<string> {
  const checked = await checkUploadedFile(textPdf(upload.lines), upload.name);
  const row = await insertAttachment(db, {
    schoolId: upload.schoolId,
    uploadedBy: upload.uploadedBy,
    contentType: checked.contentType,
    fileName: checked.name,
    content: checked.content,
    sha256: checked.sha256,
    at: upload.at,
  });
  return row.id;
}
