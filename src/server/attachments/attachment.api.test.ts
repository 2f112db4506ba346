import { createHash, randomFillSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { SESSION_COOKIE, startSession } from '../auth/session.service.js';
import { runDueJobs } from '../jobs/job-runner.js';
import { JOB_HANDLERS } from '../jobs/job-handlers.js';
import { ATTACHMENT_MAX_BYTES, type TAttachment } from '../../shared/api/attachment.schema.js';
import type { TThreadDetail } from '../../shared/api/messaging.schema.js';
import { bombDocx, docx } from './fixtures/office-document.js';

const HOUR = 3_600_000;

/** A multipart body with one file, as a browser's FormData sends it. */
function multipart(fileName: string, bytes: Buffer, declaredType = 'application/octet-stream', field = 'file') {
  const boundary = `----samspil${createHash('sha1').update(fileName).digest('hex').slice(0, 16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${declaredType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('attachments', () => {
  let t: TestApp;
  let f: Fixture;
  let png: Buffer;

  // A fresh session per request: the tests move the clock by a day, past the sessions' idle limit.
  const cookieOf = async (actor: ActorName) =>
    `${SESSION_COOKIE}=${(await startSession(t.deps, f.users[actor]!, 'password')).token}`;
  const upload = async (
    actor: ActorName,
    fileName: string,
    bytes: Buffer,
    declaredType?: string,
    schoolId = f.schoolId,
  ) => {
    const body = multipart(fileName, bytes, declaredType);
    return t.app.inject({
      method: 'POST',
      url: `/api/schools/${schoolId}/attachments`,
      headers: { cookie: await cookieOf(actor), 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const uploaded = async (actor: ActorName, fileName = 'tegning.png', bytes = png) => {
    const res = await upload(actor, fileName, bytes);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as TAttachment;
  };
  const json = async (method: 'GET' | 'POST' | 'DELETE', url: string, actor: ActorName, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: await cookieOf(actor), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
  const count = async (table: 'attachments' | 'messages' | 'message_threads') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const stored = (id: string) =>
    t.deps.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  const writeThread = (actor: ActorName, attachmentIds: string[]) =>
    json('POST', '/api/threads', actor, {
      studentId: f.ownStudent,
      subject: 'Tegning',
      body: 'Se Emmas tegning.',
      attachmentIds,
    });

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer();
  });
  beforeEach(() => t.clock.set(TEST_NOW));
  afterAll(() => t.close());

  describe('upload', () => {
    it('stores a PNG for its uploader, pending, with its sniffed type, size and checksum', async () => {
      const attachment = await uploaded('custodyGuardian', 'Emmas tegning.png');
      expect(attachment).toMatchObject({ name: 'Emmas tegning.png', contentType: 'image/png' });
      const row = await stored(attachment.id);
      expect(row).toMatchObject({
        school_id: f.schoolId,
        uploaded_by: f.people.custodyGuardian,
        message_id: null,
        content_type: 'image/png',
        size: attachment.size,
      });
      const content = Buffer.from(row!.content);
      expect(content.length).toBe(attachment.size);
      expect(row!.sha256).toBe(createHash('sha256').update(content).digest('hex'));
      expect(row!.created_at.toISOString()).toBe(TEST_NOW.toISOString());
    });

    it('stores a JPEG with GPS in its EXIF without any metadata', async () => {
      const jpeg = await sharp({ create: { width: 10, height: 6, channels: 3, background: '#c33' } })
        .jpeg()
        .withExif({
          IFD0: { Make: 'Samspil' },
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '55/1 40/1 0/1',
            GPSLongitudeRef: 'E',
            GPSLongitude: '12/1 34/1 0/1',
          },
        })
        .toBuffer();
      expect((await sharp(jpeg).metadata()).exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);
      const attachment = await uploaded('contactTeacher', 'udflugt.jpg', jpeg);
      const metadata = await sharp(Buffer.from((await stored(attachment.id))!.content)).metadata();
      expect(metadata.format).toBe('jpeg');
      expect(metadata.exif).toBeUndefined();
    });

    it('stores an iPhone’s HEIC photo as a JPEG without its GPS position', async () => {
      const heic = readFileSync(new URL('./fixtures/iphone-rotated-gps.heic', import.meta.url));
      const attachment = await uploaded('custodyGuardian', 'IMG_0001.HEIC', heic);
      expect(attachment).toMatchObject({ name: 'IMG_0001.jpg', contentType: 'image/jpeg' });
      const download = await json('GET', `/api/attachments/${attachment.id}`, 'custodyGuardian');
      expect(download.headers['content-type']).toBe('image/jpeg');
      const metadata = await sharp(download.rawPayload).metadata();
      expect(metadata).toMatchObject({ format: 'jpeg', width: 64, height: 128 });
      expect(metadata.exif).toBeUndefined();
    });

    it('decides the type from the content: a PDF called .png and declared as an image is a PDF', async () => {
      const res = await upload('custodyGuardian', 'skema.png', Buffer.from('%PDF-1.4\n%%EOF\n'), 'image/png');
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ contentType: 'application/pdf', name: 'skema.png.pdf' });
    });

    it('refuses a program renamed .pdf and a web page renamed .png with 415, translated, storing nothing', async () => {
      const before = await count('attachments');
      const exe = await upload(
        'custodyGuardian',
        'faktura.pdf',
        Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'),
        'application/pdf',
      );
      expect(exe.statusCode).toBe(415);
      expect(exe.json().error).toMatchObject({
        code: 'attachment_type_not_allowed',
        message: expect.stringContaining('kan ikke vedhæftes'),
      });
      const html = await upload(
        'custodyGuardian',
        'billede.png',
        Buffer.from('<!doctype html><script>alert(document.cookie)</script>'),
        'image/png',
      );
      expect(html.statusCode).toBe(415);
      expect(await count('attachments')).toBe(before);
    });

    it('refuses a file over 10 MB with 413, translated, storing nothing', async () => {
      const before = await count('attachments');
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x20)]);
      const res = await upload('custodyGuardian', 'stor.pdf', big);
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({
        code: 'attachment_too_large',
        message: 'Filen er for stor. En vedhæftet fil må højst fylde 10 MB.',
      });
      expect(await count('attachments')).toBe(before);
    });

    it('stores an office document unchanged, and refuses one that unpacks to 200 MB with 422, storing nothing', async () => {
      const letter = docx();
      const attachment = await uploaded('contactTeacher', 'Madplan.docx', letter);
      expect(attachment.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect((await json('GET', `/api/attachments/${attachment.id}`, 'contactTeacher')).rawPayload.equals(letter)).toBe(
        true,
      );

      const before = await count('attachments');
      const res = await upload('contactTeacher', 'Referat.docx', bombDocx(200));
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'attachment_document_too_large',
        message: expect.stringContaining('over 100 MB'),
      });
      expect(await count('attachments')).toBe(before);
    });

    describe('at the size limit, over a real socket', () => {
      let base: string;
      beforeAll(async () => {
        await t.app.listen({ port: 0, host: '127.0.0.1' });
        base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      });

      /** A PDF of exactly `size` bytes. */
      const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size - 9, 0x20)]);
      /**
       * Sends the upload with a Content-Length, or streamed (chunked, no length) in pieces whose
       * sizes vary with `seed`, one of them ending exactly at the limit: how the bytes arrive
       * decided whether busboy's cut was noticed.
       */
      const send = async (bytes: Buffer, seed: number) => {
        const body = multipart('stor.pdf', bytes);
        const cookie = await cookieOf('custodyGuardian');
        const url = `${base}/api/schools/${f.schoolId}/attachments`;
        if (seed % 2 === 0) {
          return fetch(url, {
            method: 'POST',
            headers: { cookie, 'content-type': body.contentType },
            body: body.payload,
          });
        }
        const head = body.payload.indexOf(bytes.subarray(0, 9));
        const cuts = [head + ATTACHMENT_MAX_BYTES];
        for (let at = 0; at < body.payload.length; at += 40_000 + ((seed * 7919) % 90_000)) cuts.push(at);
        cuts.sort((a, b) => a - b);
        const pieces = cuts.map((at, i) => body.payload.subarray(at, cuts[i + 1] ?? body.payload.length));
        const stream = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const piece = pieces.shift();
            if (!piece) return controller.close();
            await new Promise((resolve) => setImmediate(resolve));
            controller.enqueue(piece);
          },
        });
        return fetch(url, {
          method: 'POST',
          headers: { cookie, 'content-type': body.contentType },
          body: stream,
          duplex: 'half',
        } as RequestInit);
      };

      // Ten times within a minute: before the bytes went to PGlite as hex, each round took over ten seconds.
      it('stores a file of exactly the limit whole, sent either way, ten times', { timeout: 60_000 }, async () => {
        for (let i = 0; i < 10; i++) {
          const bytes = pdfOf(ATTACHMENT_MAX_BYTES);
          randomFillSync(bytes, 9);
          const res = await send(bytes, i);
          expect(res.status, await res.clone().text()).toBe(201);
          const { id } = (await res.json()) as TAttachment;
          const download = await fetch(`${base}/api/attachments/${id}`, {
            headers: { cookie: await cookieOf('custodyGuardian') },
          });
          expect(Buffer.from(await download.arrayBuffer()).equals(bytes), `try ${i}`).toBe(true);
          expect((await json('DELETE', `/api/attachments/${id}`, 'custodyGuardian')).statusCode).toBe(200);
        }
      });

      it('stops reading a chunked upload that goes on past the limit', async () => {
        const before = await count('attachments');
        const body = multipart('endlos.pdf', Buffer.from('%PDF-1.4\n'));
        const head = body.payload.subarray(0, body.payload.indexOf('%PDF') + 9);
        const piece = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const endless = new ReadableStream<Uint8Array>({
          pull(controller) {
            // Without a cut-off the server reads all of it, 20 times the limit, before answering.
            if (sent > 20 * ATTACHMENT_MAX_BYTES) return controller.close();
            controller.enqueue(sent === 0 ? head : piece);
            sent += sent === 0 ? head.length : piece.length;
          },
        });
        const outcome = await fetch(`${base}/api/schools/${f.schoolId}/attachments`, {
          method: 'POST',
          headers: { cookie: await cookieOf('custodyGuardian'), 'content-type': body.contentType },
          body: endless,
          duplex: 'half',
        } as RequestInit).then(
          (res) => res.status,
          () => 'cut off',
        );
        expect(outcome).toBe('cut off');
        expect(sent).toBeLessThan(3 * ATTACHMENT_MAX_BYTES);
        expect(await count('attachments')).toBe(before);
      });

      it(
        'refuses every file over the limit with 413 and stores nothing, however it arrives',
        { timeout: 240_000 },
        async () => {
          const before = await count('attachments');
          for (const over of [1, 2, 3, 4096, 60_000]) {
            for (let i = 0; i < 20; i++) {
              const res = await send(pdfOf(ATTACHMENT_MAX_BYTES + over), i);
              expect(res.status, `+${over} bytes, try ${i}`).toBe(413);
              expect(((await res.json()) as { error: { code: string } }).error.code).toBe('attachment_too_large');
              expect(await count('attachments'), `+${over} bytes, try ${i}`).toBe(before);
            }
          }
        },
      );
    });

    it('answers a request without a file with 400 attachment_missing', async () => {
      const res = await json('POST', `/api/schools/${f.schoolId}/attachments`, 'custodyGuardian', {});
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('attachment_missing');
      const wrongField = multipart('a.png', png, 'image/png', 'other');
      const other = await t.app.inject({
        method: 'POST',
        url: `/api/schools/${f.schoolId}/attachments`,
        headers: { cookie: await cookieOf('custodyGuardian'), 'content-type': wrongField.contentType },
        payload: wrongField.payload,
      });
      expect(other.json().error.code).toBe('attachment_missing');
    });

    it('is for those who write messages at the school: not a suspended guardian, not another school', async () => {
      expect((await upload('suspendedGuardian', 'a.png', png)).statusCode).toBe(403);
      expect((await upload('boardMember', 'a.png', png)).statusCode).toBe(403);
      expect((await upload('custodyGuardian', 'a.png', png, 'image/png', f.otherSchoolId)).statusCode).toBe(403);
    });
  });

  describe('sending', () => {
    it('claims the author’s uploads for a new thread, shown on the message', async () => {
      const a = await uploaded('custodyGuardian', 'tegning.png');
      const b = await uploaded('custodyGuardian', 'madplan.png');
      const res = await writeThread('custodyGuardian', [a.id, b.id]);
      expect(res.statusCode, res.body).toBe(201);
      const thread = res.json() as TThreadDetail;
      expect(thread.messages[0]!.attachments).toEqual([a, b]);
      expect((await stored(a.id))!.message_id).toBe(thread.messages[0]!.id);
      const teacherView = (await json('GET', `/api/threads/${thread.id}`, 'contactTeacher')).json() as TThreadDetail;
      expect(teacherView.messages[0]!.attachments.map((x) => x.name)).toEqual(['tegning.png', 'madplan.png']);
    });

    it('undoes the whole send when an id is not the author’s own pending upload', async () => {
      const own = await uploaded('custodyGuardian');
      const teachers = await uploaded('contactTeacher');
      const before = { threads: await count('message_threads'), messages: await count('messages') };
      const res = await writeThread('custodyGuardian', [own.id, teachers.id]);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'attachment_not_available', field: 'attachmentIds' });
      expect({ threads: await count('message_threads'), messages: await count('messages') }).toEqual(before);
      expect((await stored(own.id))!.message_id).toBeNull();
      expect((await stored(teachers.id))!.message_id).toBeNull();
      // An upload already sent cannot be sent again, nor an unknown id.
      const sent = (await writeThread('custodyGuardian', [own.id])).json() as TThreadDetail;
      expect((await writeThread('custodyGuardian', [own.id])).statusCode).toBe(422);
      expect((await writeThread('custodyGuardian', ['6f1c2a3e-8d4b-4c6a-9e2f-0b7d5a1c3e9f'])).statusCode).toBe(422);
      expect(
        (
          await json('POST', `/api/threads/${sent.id}/messages`, 'contactTeacher', {
            body: 'Tak.',
            attachmentIds: [own.id],
          })
        ).statusCode,
      ).toBe(422);
      expect((await json('GET', `/api/threads/${sent.id}`, 'custodyGuardian')).json().messages).toHaveLength(1);
    });

    it('refuses more than five attachments', async () => {
      const ids = Array.from({ length: 6 }, () => '6f1c2a3e-8d4b-4c6a-9e2f-0b7d5a1c3e9f');
      expect((await writeThread('custodyGuardian', ids)).statusCode).toBe(400);
    });

    it('claims uploads for a reply and for a class message', async () => {
      const reply = await uploaded('contactTeacher', 'svar.png');
      const res = await json('POST', `/api/threads/${f.thread}/messages`, 'contactTeacher', {
        body: 'Her er ugeplanen.',
        attachmentIds: [reply.id],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect((res.json() as TThreadDetail).messages.at(-1)!.attachments).toEqual([reply]);

      const letter = await uploaded('contactTeacher', 'brev.png');
      const group = await json('POST', `/api/schools/${f.schoolId}/classes/${f.classA}/messages`, 'contactTeacher', {
        subject: 'Udflugt',
        body: 'Se brevet.',
        attachmentIds: [letter.id],
      });
      expect(group.statusCode, group.body).toBe(201);
      const groupThread = group.json() as TThreadDetail;
      expect(groupThread.messages[0]!.attachments).toEqual([letter]);
      // A guardian of the class reads it and may download it.
      expect((await json('GET', `/api/attachments/${letter.id}`, 'custodyGuardian')).statusCode).toBe(200);
      expect((await json('GET', `/api/attachments/${letter.id}`, 'otherFamilyGuardian')).statusCode).toBe(404);
    });

    it('claims uploads for a thread staff start with a child’s parents and for one between colleagues', async () => {
      const note = await uploaded('contactTeacher', 'note.png');
      const home = await json('POST', `/api/schools/${f.schoolId}/students/${f.ownStudent}/threads`, 'contactTeacher', {
        subject: 'Emmas tegning',
        body: 'Se her.',
        attachmentIds: [note.id],
      });
      expect(home.statusCode, home.body).toBe(201);
      expect((home.json() as TThreadDetail).messages[0]!.attachments).toEqual([note]);
      expect((await json('GET', `/api/attachments/${note.id}`, 'custodyGuardian')).statusCode).toBe(200);

      const plan = await uploaded('contactTeacher', 'plan.png');
      const staff = await json('POST', `/api/schools/${f.schoolId}/threads`, 'contactTeacher', {
        recipientIds: [f.people.otherClassTeacher],
        subject: 'Plan',
        body: 'Til mødet.',
        attachmentIds: [plan.id],
      });
      expect(staff.statusCode, staff.body).toBe(201);
      expect((staff.json() as TThreadDetail).messages[0]!.attachments).toEqual([plan]);
      expect((await json('GET', `/api/attachments/${plan.id}`, 'otherClassTeacher')).statusCode).toBe(200);
      expect((await json('GET', `/api/attachments/${plan.id}`, 'custodyGuardian')).statusCode).toBe(404);
    });
  });

  describe('download', () => {
    it('gives the file to whoever may read its thread, as a sandboxed download; anyone else 404', async () => {
      const a = await uploaded('custodyGuardian', 'Ærø-tur.png');
      const thread = (await writeThread('custodyGuardian', [a.id])).json() as TThreadDetail;
      const res = await json('GET', `/api/attachments/${a.id}`, 'contactTeacher');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Aeroe-tur.png"; filename*=UTF-8''%C3%86r%C3%B8-tur.png`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain('sandbox');
      expect(res.rawPayload.equals(Buffer.from((await stored(a.id))!.content))).toBe(true);

      for (const actor of ['custodyGuardian', 'leader'] as const)
        expect((await json('GET', `/api/attachments/${a.id}`, actor)).statusCode).toBe(200);
      for (const actor of [
        'otherFamilyGuardian',
        'otherClassTeacher',
        'informationRightParent',
        'suspendedGuardian',
        'boardMember',
        'otherSchoolLeader',
      ] as const) {
        expect((await json('GET', `/api/attachments/${a.id}`, actor)).statusCode, actor).toBe(404);
      }
      expect(thread.student?.id).toBe(f.ownStudent);
    });

    it("logs staff downloads from a child's thread as the thread read is, and not the guardian's own", async () => {
      const a = await uploaded('custodyGuardian');
      await writeThread('custodyGuardian', [a.id]);
      const logged = () =>
        t.deps.db
          .selectFrom('audit_log')
          .select(['action', 'student_id', 'actor_user_id'])
          .where('action', '=', 'thread.attachment')
          .execute();
      const before = (await logged()).length;
      await json('GET', `/api/attachments/${a.id}`, 'custodyGuardian');
      expect(await logged()).toHaveLength(before);
      await json('GET', `/api/attachments/${a.id}`, 'leader');
      expect((await logged()).at(-1)).toEqual({
        action: 'thread.attachment',
        student_id: f.ownStudent,
        actor_user_id: f.users.leader,
      });
    });

    it('gives a pending upload to its uploader alone', async () => {
      const a = await uploaded('custodyGuardian');
      expect((await json('GET', `/api/attachments/${a.id}`, 'custodyGuardian')).statusCode).toBe(200);
      for (const actor of ['contactTeacher', 'leader', 'protectedGuardian'] as const)
        expect((await json('GET', `/api/attachments/${a.id}`, actor)).statusCode).toBe(404);
    });
  });

  describe('removal', () => {
    it('lets the uploader remove a pending upload, and nobody a sent one', async () => {
      const a = await uploaded('custodyGuardian');
      expect((await json('DELETE', `/api/attachments/${a.id}`, 'contactTeacher')).statusCode).toBe(404);
      expect((await json('DELETE', `/api/attachments/${a.id}`, 'custodyGuardian')).statusCode).toBe(200);
      expect(await stored(a.id)).toBeUndefined();
      const b = await uploaded('custodyGuardian');
      await writeThread('custodyGuardian', [b.id]);
      expect((await json('DELETE', `/api/attachments/${b.id}`, 'custodyGuardian')).statusCode).toBe(404);
      expect(await stored(b.id)).toBeDefined();
    });

    it('removes uploads never sent after 24 hours, keeping sent ones and those a draft holds', async () => {
      const stale = await uploaded('custodyGuardian');
      const sent = await uploaded('custodyGuardian');
      const drafted = await uploaded('custodyGuardian');
      await writeThread('custodyGuardian', [sent.id]);
      const draft = await json(
        'GET',
        `/api/schools/${f.schoolId}/drafts/new-thread/${f.ownStudent}`,
        'custodyGuardian',
      );
      expect(draft.statusCode).toBe(200);
      await t.app.inject({
        method: 'PUT',
        url: `/api/schools/${f.schoolId}/drafts/new-thread/${f.ownStudent}`,
        headers: { cookie: await cookieOf('custodyGuardian'), 'content-type': 'application/json' },
        payload: JSON.stringify({ body: 'Halvfærdig', attachmentIds: [drafted.id] }),
      });
      t.clock.set(new Date(TEST_NOW.getTime() + 23 * HOUR));
      await runDueJobs(t.deps, JOB_HANDLERS);
      expect(await stored(stale.id)).toBeDefined();
      t.clock.set(new Date(TEST_NOW.getTime() + 25 * HOUR));
      await runDueJobs(t.deps, JOB_HANDLERS);
      expect(await stored(stale.id)).toBeUndefined();
      expect(await stored(sent.id)).toBeDefined();
      expect(await stored(drafted.id)).toBeDefined();
    });
  });
});
