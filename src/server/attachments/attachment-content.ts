import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Sharp } from 'sharp';
import type * as Yauzl from 'yauzl';
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

// sharp (libvips), file-type and yauzl load on the first upload, not when the server starts:
// together they were a tenth of the start-up's CPU time, paid by every start that never sees a file.
const loadSharp = async () => (await import('sharp')).default;

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
  const { fileTypeFromBuffer } = await import('file-type');
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
 * Decodes the first image of a HEIC/HEIF file in a worker thread and posts back its RGBA pixels
 * (or an error). libheif's WebAssembly decodes synchronously, a second or more for a 12-megapixel
 * photo, which in the server's own thread would hold up every other request. The worker is given
 * as source, since the server is bundled (dist/server) and the tests run TypeScript: neither has
 * a worker file to point at. It loads heic-decode from the path the server resolved.
 */
const HEIF_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const decode = require(workerData.decoder);
(async () => {
  const images = await decode.all({ buffer: workerData.bytes });
  try {
    const primary = images[0];
    if (!primary || primary.width * primary.height > workerData.maxPixels) throw new Error('no image of a sane size');
    const { width, height, data } = await primary.decode();
    parentPort.postMessage({ width, height, data }, [data.buffer]);
  } finally {
    images.dispose();
  }
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

type HeifWorkerAnswer = { width: number; height: number; data: Uint8ClampedArray } | { error: string };

/**
 * The pixels of a HEIC/HEIF photo (an iPhone's default), for sharp to encode: sharp's prebuilt
 * libvips reads no HEVC, so libheif compiled to WebAssembly decodes it (heic-decode, in a worker
 * thread). libheif turns the pixels as the file's own rotation and mirroring say (irot/imir),
 * which the EXIF orientation of such a photo repeats and must not be applied again. The size is
 * checked before decoding, as sharp checks other images.
 */
async function decodeHeif(bytes: Buffer): Promise<Sharp> {
  const worker = new Worker(HEIF_WORKER, {
    eval: true,
    workerData: { decoder: createRequire(import.meta.url).resolve('heic-decode'), bytes, maxPixels: MAX_IMAGE_PIXELS },
  });
  try {
    const answer = await new Promise<HeifWorkerAnswer>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('the HEIF worker stopped without an answer')));
    });
    if ('error' in answer) throw new Error(answer.error);
    const { width, height, data } = answer;
    const sharp = await loadSharp();
    return sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
      raw: { width, height, channels: 4 },
      limitInputPixels: MAX_IMAGE_PIXELS,
    });
  } finally {
    await worker.terminate();
  }
}

/**
 * An image decoded and encoded anew, so nothing of the original file but its pixels remains:
 * EXIF (with GPS positions), XMP, IPTC and comments are gone. `.rotate()` first turns the pixels
 * the way the EXIF orientation said, since that tag goes too. HEIC/HEIF is stored as JPEG, which
 * every browser shows. An image that cannot be decoded is refused rather than stored unchecked.
 */
export async function reencodeImage(
  bytes: Buffer,
  contentType: TAttachmentType,
): Promise<{ content: Buffer; contentType: TAttachmentType }> {
  try {
    const sharp = await loadSharp();
    if (contentType === 'image/gif') {
      // GIFs carry no orientation; animated ones keep their frames.
      return {
        content: await sharp(bytes, { animated: true, limitInputPixels: MAX_IMAGE_PIXELS }).gif().toBuffer(),
        contentType,
      };
    }
    const image =
      contentType === 'image/heic' || contentType === 'image/heif'
        ? await decodeHeif(bytes)
        : sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).rotate();
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

/** Office documents that are ZIP archives of XML parts: Office Open XML and OpenDocument. */
const ZIP_DOCUMENT_TYPES: ReadonlySet<TAttachmentType> = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/**
 * The most an office document's parts may unpack to, all together. Pictures in a document are
 * already compressed and text parts shrink some ten times, so a 10 MB document unpacks to 100 MB
 * at the very most; a "decompression bomb" of a few hundred kilobytes unpacks to gigabytes in
 * the recipient's word processor or preview.
 */
export const DOCUMENT_MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/** The most parts an office document may hold: a long report with pictures has a few hundred. */
export const DOCUMENT_MAX_ENTRIES = 10_000;

const documentTooLarge = () =>
  new AppError('attachment_document_too_large', {
    params: { maxMb: DOCUMENT_MAX_INFLATED_BYTES / 1024 / 1024 },
  });

/**
 * Refuses an office document (a ZIP archive) whose parts unpack to more than
 * DOCUMENT_MAX_INFLATED_BYTES or that holds more than DOCUMENT_MAX_ENTRIES parts. The sizes the
 * central directory declares are added up first, so nothing of an honest bomb is inflated; then
 * every part is inflated and counted, since a bomb can declare small sizes: yauzl fails a part
 * whose bytes differ from its declared size, so the work stops at the declared total, which is
 * within the limit. An archive that cannot be read is refused rather than passed on unchecked.
 */
export async function checkDocumentArchive(bytes: Buffer): Promise<void> {
  let zip: Yauzl.ZipFile;
  try {
    zip = await (await import('yauzl')).default.fromBufferPromise(bytes, { lazyEntries: true });
  } catch {
    throw new AppError('attachment_document_unreadable');
  }
  try {
    if (zip.entryCount > DOCUMENT_MAX_ENTRIES) throw documentTooLarge();
    const entries: Yauzl.Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (declared > DOCUMENT_MAX_INFLATED_BYTES) throw documentTooLarge();
      entries.push(entry);
    }
    let inflated = 0;
    for (const entry of entries) {
      for await (const chunk of await zip.openReadStreamPromise(entry)) {
        inflated += (chunk as Buffer).length;
        if (inflated > DOCUMENT_MAX_INFLATED_BYTES) throw documentTooLarge();
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('attachment_document_unreadable');
  } finally {
    zip.close();
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
 * is not allowed), office documents must not unpack to too much, images lose their metadata, and
 * the name is made safe.
 */
export async function checkUploadedFile(bytes: Buffer, originalName: string): Promise<CheckedFile> {
  if (bytes.length === 0) throw new AppError('attachment_missing');
  const sniffed = await sniffContentType(bytes);
  if (!sniffed) throw new AppError('attachment_type_not_allowed');
  if (ZIP_DOCUMENT_TYPES.has(sniffed)) await checkDocumentArchive(bytes);
  const { content, contentType } = IMAGE_TYPES.has(sniffed)
    ? await reencodeImage(bytes, sniffed)
    : { content: bytes, contentType: sniffed };
  // A HEIC photo stored as JPEG is offered as "IMG_0001.jpg", not "IMG_0001.HEIC.jpg".
  const extension = path.extname(originalName).toLowerCase();
  const converted = contentType !== sniffed && (ATTACHMENT_TYPES[sniffed] as readonly string[]).includes(extension);
  return {
    contentType,
    name: sanitiseFileName(converted ? originalName.slice(0, -extension.length) : originalName, contentType),
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}
