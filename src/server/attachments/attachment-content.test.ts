import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import {
  checkUploadedFile,
  DOCUMENT_MAX_ENTRIES,
  DOCUMENT_MAX_INFLATED_BYTES,
  sanitiseFileName,
  sniffContentType,
} from './attachment-content.js';
import { bombDocx, declaringSize, docx } from './fixtures/office-document.js';
import { contentDisposition } from './attachment-http.js';
import { AppError } from '../errors.js';

/** A CFB (OLE2) file whose first directory sector names one stream, as legacy Office files do. */
function cfbWithStream(name: string): Buffer {
  const bytes = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  const entry = 512 + 128; // the second directory entry, after the root entry
  const encoded = Buffer.from(`${name}\0`, 'utf16le');
  encoded.copy(bytes, entry);
  bytes.writeUInt16LE(encoded.length, entry + 0x40);
  bytes[entry + 0x42] = 2;
  return bytes;
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
};

describe('attachment content', () => {
  it('knows a type from the bytes alone', async () => {
    expect(await sniffContentType(Buffer.from('%PDF-1.7\n1 0 obj\n'))).toBe('application/pdf');
    expect(
      await sniffContentType(
        await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
          .png()
          .toBuffer(),
      ),
    ).toBe('image/png');
    // A Windows program and an HTML page are not allowed, whatever they are called.
    expect(
      await sniffContentType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1')),
    ).toBeNull();
    expect(await sniffContentType(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull();
  });

  it('accepts legacy Word and Excel files by their CFB streams, and no other CFB file', async () => {
    expect(await sniffContentType(cfbWithStream('WordDocument'))).toBe('application/msword');
    expect(await sniffContentType(cfbWithStream('Workbook'))).toBe('application/vnd.ms-excel');
    // An installer (.msi) is a CFB file too.
    expect(await sniffContentType(cfbWithStream('SummaryInformation'))).toBeNull();
  });

  it('makes names safe and matching their content', () => {
    expect(sanitiseFileName('C:\\Users\\mette\\Skema.PDF', 'application/pdf')).toBe('Skema.PDF');
    expect(sanitiseFileName('../../etc/faktura.exe', 'application/pdf')).toBe('faktura.exe.pdf');
    // A right-to-left override would show "gpj.exe" as "exe.jpg".
    expect(sanitiseFileName('foto\u202Egpj.exe', 'image/jpeg')).toBe('fotogpj.exe.jpg');
    expect(sanitiseFileName('   ', 'image/png')).toBe('fil.png');
    expect(sanitiseFileName(`${'a'.repeat(300)}.pdf`, 'application/pdf')).toHaveLength(200);
  });

  it('removes GPS and the rest of EXIF from a JPEG, keeping its orientation', async () => {
    const original = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#c33' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Make: 'Samspil', Model: 'Testkamera' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '55/1 40/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '12/1 34/1 0/1',
        },
      })
      .toBuffer();
    const before = await sharp(original).metadata();
    // The GPS IFD pointer (tag 0x8825, little-endian) is in the original's EXIF.
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    expect(before.orientation).toBe(6);

    const checked = await checkUploadedFile(original, 'IMG_0001.JPG');
    const after = await sharp(checked.content).metadata();
    expect(checked.contentType).toBe('image/jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    // Turned as the orientation said: 40×20 stored on its side shows as 20×40.
    expect([after.width, after.height]).toEqual([20, 40]);
  });

  it('stores an iPhone’s HEIC photo as JPEG, upright, without GPS or the rest of EXIF', async () => {
    const heic = readFileSync(new URL('./fixtures/iphone-rotated-gps.heic', import.meta.url));
    // The fixture carries GPS (tag 0x8825) and orientation 6 in its EXIF, little-endian.
    expect(heic.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    expect(heic.includes(Buffer.from([0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x00]))).toBe(true);
    expect(await sniffContentType(heic)).toBe('image/heic');

    const checked = await checkUploadedFile(heic, 'IMG_0001.HEIC');
    expect(checked).toMatchObject({ contentType: 'image/jpeg', name: 'IMG_0001.jpg' });
    const after = await sharp(checked.content).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 64, height: 128 });
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    // Turned once, by the HEIF's own rotation: the sensor's left half (red) is on top.
    const { data, info } = await sharp(checked.content).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    expect(pixel(32, 16)[0]).toBeGreaterThan(180);
    expect(pixel(32, 112)[2]).toBeGreaterThan(180);
    expect(pixel(32, 112)[0]).toBeLessThan(80);
  });

  it('decodes a 12-megapixel HEIC beside the server’s thread, which goes on answering meanwhile', async () => {
    const heic = readFileSync(new URL('./fixtures/flat-12mp.heic', import.meta.url));
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    try {
      const checked = await checkUploadedFile(heic, 'IMG_0003.HEIC');
      expect(await sharp(checked.content).metadata()).toMatchObject({ format: 'jpeg', width: 4032, height: 3024 });
    } finally {
      clearInterval(ticker);
    }
    // The decoder (WebAssembly, seconds of CPU) was loaded and run by a worker thread only: this
    // thread never loaded it, and its timers went on firing while the worker decoded.
    const loadedHere = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('heic-decode'));
    expect(loadedHere).toEqual([]);
    expect(ticks).toBeGreaterThan(0);
  }, 30_000);

  it('refuses what it cannot check', async () => {
    expect(await refusal(checkUploadedFile(Buffer.alloc(0), 'tom.pdf'))).toBe('attachment_missing');
    expect(await refusal(checkUploadedFile(Buffer.from('MZ\x90\x00', 'latin1'), 'rapport.pdf'))).toBe(
      'attachment_type_not_allowed',
    );
    // A PNG signature with nothing behind it cannot be decoded and is not stored unchecked.
    expect(
      await refusal(
        checkUploadedFile(
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
          'x.png',
        ),
      ),
    ).toBe('attachment_image_unreadable');
    // A HEIC header with no image behind it.
    const heic = readFileSync(new URL('./fixtures/iphone-rotated-gps.heic', import.meta.url));
    expect(await refusal(checkUploadedFile(heic.subarray(0, 300), 'IMG_0002.HEIC'))).toBe(
      'attachment_image_unreadable',
    );
  });

  it(
    'accepts an office document as it is, and refuses one that unpacks to far too much',
    { timeout: 30_000 },
    async () => {
      const letter = docx();
      const checked = await checkUploadedFile(letter, 'Madplan.docx');
      expect(checked.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(checked.content.equals(letter)).toBe(true);
      // Just under the limit unpacks and passes: the check counts what it inflates, not more.
      expect(
        (await checkUploadedFile(bombDocx(DOCUMENT_MAX_INFLATED_BYTES / 1024 / 1024 - 1), 'stor.docx')).contentType,
      ).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

      // 200 MiB of zeros in some 200 kB, declared honestly: refused from the central directory.
      const bomb = bombDocx(200);
      expect(bomb.length).toBeLessThan(300_000);
      expect(await sniffContentType(bomb)).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(await refusal(checkUploadedFile(bomb, 'bombe.docx'))).toBe('attachment_document_too_large');
      // The same bomb declaring 1 kB for its part: inflating it shows the lie.
      expect(await refusal(checkUploadedFile(declaringSize(bomb, 'word/media/padding.bin', 1000), 'bombe.docx'))).toBe(
        'attachment_document_unreadable',
      );
      // Tens of thousands of empty parts.
      expect(await refusal(checkUploadedFile(docx('Mange dele', DOCUMENT_MAX_ENTRIES), 'dele.docx'))).toBe(
        'attachment_document_too_large',
      );
      expect((await checkUploadedFile(docx('Mange dele', 100), 'dele.docx')).content.length).toBeGreaterThan(0);
    },
  );

  it('offers the file under its own name (RFC 5987) with an ASCII fallback', () => {
    expect(contentDisposition('Ærø "tur".pdf')).toBe(
      `attachment; filename="Aeroe _tur_.pdf"; filename*=UTF-8''%C3%86r%C3%B8%20%22tur%22.pdf`,
    );
  });
});
