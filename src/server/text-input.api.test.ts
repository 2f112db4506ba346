import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing/test-app.js';
import { createFixture, type Fixture } from './testing/fixture.js';
import { findPreset } from '../domain/principle/presets.js';
import { ERROR_MESSAGES } from '../shared/errors.js';
import type { TThreadDetail } from '../shared/api/messaging.schema.js';

/**
 * Text that PostgreSQL cannot store (NUL) or UTF-8 cannot hold (a lone surrogate half), control
 * characters and bidi overrides: refused by the shared schemas with a translated 400 naming the
 * field, before anything is written. Before, NUL gave a 500 (22021) and a lone surrogate was
 * stored as U+FFFD.
 */
describe('text input is checked in one place', () => {
  let t: TestApp;
  let f: Fixture;
  const json = { 'content-type': 'application/json' };
  const threadCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('message_threads')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  it('answers a NUL in the search query with a 400 in the reader’s language, naming the field', async () => {
    const da = await t.request({ method: 'GET', url: '/api/threads/search?q=a%00b', as: f.users.custodyGuardian });
    expect(da.statusCode).toBe(400);
    expect(da.json().error).toMatchObject({
      code: 'text_invalid_characters',
      field: 'q',
      message: ERROR_MESSAGES.text_invalid_characters.da,
    });
    const en = await t.request({
      method: 'GET',
      url: '/api/threads/search?q=a%00b',
      as: f.users.custodyGuardian,
      headers: { cookie: 'samspil_lang=en' },
    });
    expect(en.json().error).toMatchObject({
      code: 'text_invalid_characters',
      message: ERROR_MESSAGES.text_invalid_characters.en,
    });
  });

  it('answers the public principle page with a NUL for a slug with a 400, also to anonymous callers', async () => {
    const res = await t.request({ method: 'GET', url: '/api/public/schools/%00/principle' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'text_invalid_characters', field: 'slug' });
  });

  it('refuses NUL, a lone surrogate and a right-to-left override in a new thread, and stores nothing', async () => {
    const before = await threadCount();
    for (const [field, value] of [
      ['subject', 'Madpakke\u0000'],
      ['subject', '\u202egnp.exe'],
      ['body', 'Hej \ud800'],
      ['body', 'Hej\u0000'],
    ] as const) {
      const res = await t.request({
        method: 'POST',
        url: '/api/threads',
        as: f.users.custodyGuardian,
        headers: json,
        payload: JSON.stringify({ studentId: f.ownStudent, subject: 'Emma', body: 'Hej', [field]: value }),
      });
      expect(res.statusCode, `${field} ${JSON.stringify(value)}`).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'text_invalid_characters', field });
    }
    expect(await threadCount()).toBe(before);
  });

  it('keeps right-to-left text with its embeddings as typed in a message body', async () => {
    const body = 'مرحبا \u202bفصل 3.A\u202c\nשלום \u2068Emma\u2069';
    const res = await t.request({
      method: 'POST',
      url: '/api/threads',
      as: f.users.custodyGuardian,
      headers: json,
      payload: JSON.stringify({ studentId: f.ownStudent, subject: 'مرحبا Emma', body }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    const thread = (
      await t.request({ method: 'GET', url: `/api/threads/${id}`, as: f.users.custodyGuardian })
    ).json() as TThreadDetail;
    expect(thread.subject).toBe('مرحبا Emma');
    expect(thread.messages[0]?.body).toBe(body);
  });

  it('refuses a lone surrogate in a principle draft and keeps the draft as it was', async () => {
    const url = `/api/schools/${f.schoolId}/principle/draft`;
    expect(
      (await t.request({ method: 'POST', url, as: f.users.leader, headers: json, payload: '{}' })).statusCode,
    ).toBe(201);
    const saved = (await t.request({ method: 'GET', url, as: f.users.leader })).body;
    const principle = structuredClone(findPreset('seed-001')!.principle);
    principle.texts.purpose.da = 'Samarbejde \ud800';
    const res = await t.request({ method: 'PUT', url, as: f.users.leader, headers: json, payload: { principle } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'text_invalid_characters', field: 'principle.texts.purpose.da' });
    expect((await t.request({ method: 'GET', url, as: f.users.leader })).body).toBe(saved);
  });

  it('refuses a control character in a closed day’s label, a draft and an acknowledgement', async () => {
    const cases = [
      {
        method: 'PUT' as const,
        url: `/api/schools/${f.schoolId}/closed-days`,
        as: f.users.leader,
        payload: { schoolYear: 2026, days: [{ date: '2026-10-12', label: 'Efterårsferie\u0007' }] },
        field: 'days.0.label',
      },
      {
        method: 'PUT' as const,
        url: `/api/schools/${f.schoolId}/drafts/reply/${f.thread}`,
        as: f.users.custodyGuardian,
        payload: { subject: '', body: 'Hej\u0000' },
        field: 'body',
      },
      {
        method: 'POST' as const,
        url: `/api/threads/${f.thread}/acknowledge`,
        as: f.users.contactTeacher,
        payload: { body: 'Modtaget\u001b[2J' },
        field: 'body',
      },
    ];
    for (const { field, ...request } of cases) {
      const res = await t.request({ ...request, headers: json });
      expect(res.statusCode, request.url).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'text_invalid_characters', field });
    }
  });

  it('still answers other invalid input with validation_failed', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/threads',
      as: f.users.custodyGuardian,
      headers: json,
      payload: JSON.stringify({ studentId: f.ownStudent, subject: '', body: 'Hej' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'subject' });
  });
});
