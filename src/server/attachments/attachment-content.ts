import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../errors.js';
import { ATTACHMENT_NAME_MAX, ATTACHMENT_TYPES, type TAttachmentType } from '../../shared/api/attachment.schema.js';

/** What an accepted upload is stored as. */
export interface CheckedFile {
  contentType: TAttachmentType;
  name: string;
  content: Buffer;
  sha256: string;
}

/**
 * A decoded image larger than this many pixels is refused: a small compressed file can unpack
 * into gigabytes (a "decompression bomb"). 50 megapixels covers today's phone cameras.
 */
const MAX_IMAGE_PIXELS = 50_000_000;

const isAllowed = (mime: string): mime is TAttachmentType => Object.hasOwn(ATTACHMENT_TYPES, mime);

/**
 * Whether a CFB (OLE2) container holds a directory entry for a stream called `name`: an entry
 * starts on a 128-byte boundary after the 512-byte header, holds the name in UTF-16LE, its byte
 * length (with the terminator) at 0x40 and type 2 (stream) at 0x42. Legacy Word files carry a
 * "WordDocument" stream, legacy Excel files "Workbook" (or "Book" before Excel 97); an installer
 * or other CFB file carries neither, so it is refused.
 */
function cfbHasStream(bytes: Buffer, name: string): boolean {
  const needle = Buffer.from(`${name}\0`, 'utf16le');
  for (let at = bytes.indexOf(needle, 512); at !== -1; at = bytes.indexOf(needle, at + 2)) {
    if ((at - 512) % 128 === 0 && bytes.readUInt16LE(at + 0x40) === needle.length && bytes[at + 0x42] === 2)
      return true;
  }
  return false;
}

/** The content type of the bytes, or null when it is not one a message may carry. Names and claims are not asked. */
export async function sniffContentType(bytes: Buffer): Promise<TAttachmentType | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return null;
  if (found.mime === 'application/x-cfb') {
    if (cfbHasStream(bytes, 'WordDocument')) return 'application/msword';
    if (cfbHasStream(bytes, 'Workbook') || cfbHasStream(bytes, 'Book')) return 'application/vnd.ms-excel';
    return null;
  }
  return isAllowed(found.mime) ? found.mime : null;
}

/**
 * The uploader's file name made safe to store and to offer back: no folders, no control or
 * bidirectional-override characters (which can disguise "gpj.exe" as "exe.jpg"), trimmed to a
 * sane length, and ending in an extension that matches the content, so a PDF named
 * "faktura.exe" is offered as "faktura.exe.pdf".
 */
export function sanitiseFileName(original: string, contentType: TAttachmentType): string {
  const extensions: readonly string[] = ATTACHMENT_TYPES[contentType];
  const base = path.posix.basename(original.replace(/\\/g, '/'));
  let name = base
    .normalize('NFC')
    .replace(/[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, '')
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const ext = path.extname(name).toLowerCase();
  if (!extensions.includes(ext)) name = `${name}${extensions[0]}`;
  if (name.length > ATTACHMENT_NAME_MAX) {
    const keep = path.extname(name);
    name = `${name.slice(0, ATTACHMENT_NAME_MAX - keep.length)}${keep}`;
  }
  return name === extensions[0] ? `fil${name}` : name;
}

/**
 * An image decoded and encoded anew, so nothing of the original file but its pixels remains:
 * EXIF (with GPS positions), XMP, IPTC and comments are gone. `.rotate()` first turns the pixels
 * the way the EXIF orientation said, since that tag goes too. HEIC/HEIF is stored as JPEG, which
 * every browser shows. An image sharp cannot decode is refused rather than stored unchecked.
 */
export async function reencodeImage(
  bytes: Buffer,
  contentType: TAttachmentType,
): Promise<{ content: Buffer; contentType: TAttachmentType }> {
  try {
    if (contentType === 'image/gif') {
      // GIFs carry no orientation; animated ones keep their frames.
      return {
        content: await sharp(bytes, { animated: true, limitInputPixels: MAX_IMAGE_PIXELS }).gif().toBuffer(),
        contentType,
      };
    }
    const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).rotate();
    switch (contentType) {
      case 'image/png':
        return { content: await image.png().toBuffer(), contentType };
      case 'image/webp':
        return { content: await image.webp({ quality: 90 }).toBuffer(), contentType };
      case 'image/jpeg':
      case 'image/heic':
      case 'image/heif':
        return { content: await image.jpeg({ quality: 90 }).toBuffer(), contentType: 'image/jpeg' };
      default:
        return { content: bytes, contentType };
    }
  } catch {
    throw new AppError('attachment_image_unreadable');
  }
}

const IMAGE_TYPES: ReadonlySet<TAttachmentType> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'image/heif',
]);

/**
 * Checks an uploaded file and makes it fit to store: the type comes from the bytes (415 when it
 * is not allowed), images lose their metadata, and the name is made safe.
 */
export async function checkUploadedFile(bytes: Buffer, originalName: string): Promise<CheckedFile> {
  if (bytes.length === 0) throw new AppError('attachment_missing');
  const sniffed = await sniffContentType(bytes);
  if (!sniffed) throw new AppError('attachment_type_not_allowed');
  const { content, contentType } = IMAGE_TYPES.has(sniffed)
    ? await reencodeImage(bytes, sniffed)
    : { content: bytes, contentType: sniffed };
  return {
    contentType,
    name: sanitiseFileName(originalName, contentType),
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}
