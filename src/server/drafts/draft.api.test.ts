import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { MESSAGE_BODY_MAX } from '../../shared/api/messaging.schema.js';
import type { TAttachment } from '../../shared/api/attachment.schema.js';
import type { TDraftResult } from '../../shared/api/draft.schema.js';

describe('drafts', () => {
  let t: TestApp;
  let f: Fixture;

  const url = (kind: string, targetId: string, schoolId = f.schoolId) =>
    `/api/schools/${schoolId}/drafts/${kind}/${targetId}`;
  const call = (method: 'GET' | 'PUT' | 'DELETE', path: string, actor: ActorName, body?: unknown) =>
    t.request({
      method,
      url: path,
      as: f.users[actor],
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
  const draftOf = async (actor: ActorName, kind: string, targetId: string) =>
    ((await call('GET', url(kind, targetId), actor)).json() as TDraftResult).draft;

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  it('keeps one draft per writer and target, replaced as they type', async () => {
    expect(await draftOf('custodyGuardian', 'new-thread', f.ownStudent)).toBeNull();
    const saved = await call('PUT', url('new-thread', f.ownStudent), 'custodyGuardian', {
      subject: 'Madpakke',
      body: 'Emma har',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({
      draft: { subject: 'Madpakke', body: 'Emma har', attachments: [], updatedAt: TEST_NOW.toISOString() },
    });
    await call('PUT', url('new-thread', f.ownStudent), 'custodyGuardian', {
      subject: 'Madpakke',
      body: 'Emma har glemt sin madpakke.',
    });
    expect(await draftOf('custodyGuardian', 'new-thread', f.ownStudent)).toMatchObject({
      body: 'Emma har glemt sin madpakke.',
    });
    // Another target, and another writer, have their own.
    expect(await draftOf('custodyGuardian', 'reply', f.thread)).toBeNull();
    expect(await draftOf('protectedGuardian', 'new-thread', f.ownStudent)).toBeNull();
    const rows = await t.deps.db.selectFrom('drafts').select(['school_id', 'person_id', 'target_kind']).execute();
    expect(rows).toEqual([{ school_id: f.schoolId, person_id: f.people.custodyGuardian, target_kind: 'new-thread' }]);
  });

  it('is removed when discarded, or when saved empty', async () => {
    await call('PUT', url('reply', f.thread), 'contactTeacher', { body: 'Tak for' });
    expect((await call('DELETE', url('reply', f.thread), 'contactTeacher')).json()).toEqual({ ok: true });
    expect(await draftOf('contactTeacher', 'reply', f.thread)).toBeNull();
    await call('PUT', url('class-message', f.classA), 'contactTeacher', { subject: 'Udflugt', body: '' });
    expect(
      (await call('PUT', url('class-message', f.classA), 'contactTeacher', { subject: ' ', body: '' })).json(),
    ).toEqual({ draft: null });
    expect(await draftOf('contactTeacher', 'class-message', f.classA)).toBeNull();
  });

  it('holds only the writer’s own pending uploads', async () => {
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const boundary = 'samspil-draft-test';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ark.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = async (actor: ActorName) =>
      (
        await t.request({
          method: 'POST',
          url: `/api/schools/${f.schoolId}/attachments`,
          as: f.users[actor],
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload,
        })
      ).json() as TAttachment;
    const own = await upload('custodyGuardian');
    const someoneElses = await upload('contactTeacher');
    const saved = await call('PUT', url('reply', f.thread), 'custodyGuardian', {
      body: 'Se arket',
      attachmentIds: [own.id, someoneElses.id],
    });
    expect((saved.json() as TDraftResult).draft?.attachments).toEqual([own]);
    expect((await draftOf('custodyGuardian', 'reply', f.thread))?.attachments).toEqual([own]);
    // An upload removed is no longer the draft's.
    await call('DELETE', `/api/attachments/${own.id}`, 'custodyGuardian');
    expect((await draftOf('custodyGuardian', 'reply', f.thread))?.attachments).toEqual([]);
  });

  it('bounds the text like a message, and refuses unknown targets and other schools', async () => {
    expect(
      (
        await call('PUT', url('new-thread', f.ownStudent), 'custodyGuardian', {
          body: 'x'.repeat(MESSAGE_BODY_MAX + 1),
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await call('PUT', url('new-thread', f.ownStudent), 'custodyGuardian', { subject: 'x'.repeat(201), body: 'Hej' }))
        .statusCode,
    ).toBe(400);
    expect((await call('GET', url('letter', f.ownStudent), 'custodyGuardian')).statusCode).toBe(400);
    expect((await call('GET', url('new-thread', f.ownStudent, f.otherSchoolId), 'custodyGuardian')).statusCode).toBe(
      403,
    );
    expect((await call('GET', url('new-thread', f.ownStudent), 'suspendedGuardian')).statusCode).toBe(403);
  });

  it('is kept only for a target the writer may write to, and answers any other as missing', async () => {
    // Another family's child, a thread the writer is not in, a class the teacher does not teach.
    expect((await call('GET', url('new-thread', f.ownStudent), 'otherFamilyGuardian')).statusCode).toBe(404);
    expect((await call('PUT', url('reply', f.thread), 'otherFamilyGuardian', { body: 'Hej' })).statusCode).toBe(404);
    expect((await call('PUT', url('class-message', f.classA), 'otherClassTeacher', { body: 'Hej' })).statusCode).toBe(
      403,
    );
    expect((await call('GET', url('staff-thread', f.schoolId), 'custodyGuardian')).statusCode).toBe(403);
    expect(await t.deps.db.selectFrom('drafts').select('person_id').where('body', '=', 'Hej').execute()).toEqual([]);
    // The writer's own targets still work.
    expect((await call('GET', url('staff-thread', f.schoolId), 'otherClassTeacher')).statusCode).toBe(200);
    expect((await call('GET', url('new-thread', f.ownStudent), 'contactTeacher')).statusCode).toBe(200);
  });
});
