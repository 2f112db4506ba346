import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import type { TDevMail } from '../../shared/api/auth.schema.js';
import { SESSION_COOKIE } from './session.service.js';
import { createTestUser } from '../testing/test-users.js';

let ip = 0;
const nextIp = () => `198.51.100.${(ip += 1)}`;

describe('sign-in by mailed link', () => {
  let t: TestApp;
  let mette: string;
  beforeAll(async () => {
    t = await startTestApp();
    mette = await createTestUser(t.deps.db, { email: 'mette@example.dk', name: 'Mette Hansen', locale: 'da' });
    await createTestUser(t.deps.db, { email: 'ali@example.dk', name: 'Ali Hassan', locale: 'en' });
  });
  afterAll(() => t.close());

  const requestLink = (email: string, from = nextIp()) =>
    t.request({
      method: 'POST',
      url: '/api/auth/magic-link',
      headers: { 'x-forwarded-for': from },
      payload: { email },
    });
  const verify = (token: string, from = nextIp()) =>
    t.request({
      method: 'POST',
      url: '/api/auth/magic-link/verify',
      headers: { 'x-forwarded-for': from },
      payload: { token },
    });
  const mails = async () => (await t.request({ method: 'GET', url: '/api/dev/mail' })).json().mails as TDevMail[];
  /** The link is mailed after the 202 has gone, so the test waits for it. */
  async function nextMailTo(to: string, count: number): Promise<TDevMail> {
    return vi.waitFor(async () => {
      const list = (await mails()).filter((m) => m.to === to);
      expect(list).toHaveLength(count);
      return list[0]!;
    });
  }
  const tokenIn = (mail: TDevMail) => /\/login\/link#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;

  it('mails a Danish link to a Danish user and signs in exactly once with it', async () => {
    const res = await requestLink(' Mette@Example.dk ');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ ok: true });
    const mail = await nextMailTo('mette@example.dk', 1);
    expect(mail.subject).toBe('Dit link til at logge ind på Samspil');
    expect(mail.text).toContain('Hej Mette Hansen');
    expect(mail.text).toContain(`http://localhost:3000/login/link#token=${tokenIn(mail)}`);

    const first = await verify(tokenIn(mail));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      user: { id: mette, name: 'Mette Hansen', email: 'mette@example.dk', locale: 'da' },
    });
    const cookie = first.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const sessions = await t.request({
      method: 'GET',
      url: '/api/auth/sessions',
      headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` },
    });
    expect(sessions.json().sessions).toEqual([expect.objectContaining({ method: 'magic-link', current: true })]);

    const second = await verify(tokenIn(mail));
    expect(second.statusCode).toBe(400);
    expect(second.json().error.code).toBe('magic_link_invalid');
    expect(second.cookies).toEqual([]);
  });

  it('mails an English link to an English user', async () => {
    await requestLink('ali@example.dk');
    const mail = await nextMailTo('ali@example.dk', 1);
    expect(mail.subject).toBe('Your link to sign in to Samspil');
    expect(mail.text).toContain('Hello Ali Hassan');
  });

  it('answers an unknown address exactly like a known one, and mails nothing', async () => {
    const before = (await mails()).length;
    const unknown = await requestLink('nobody@example.dk');
    const known = await requestLink('ali@example.dk');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.json()).toEqual(known.json());
    await nextMailTo('ali@example.dk', 2);
    expect((await mails()).length).toBe(before + 1);
    expect((await mails()).some((m) => m.to === 'nobody@example.dk')).toBe(false);
  });

  it('refuses a link after 15 minutes', async () => {
    await createTestUser(t.deps.db, { email: 'late@example.dk' });
    await requestLink('late@example.dk');
    const mail = await nextMailTo('late@example.dk', 1);
    t.clock.advance(15 * 60_000);
    const res = await verify(tokenIn(mail));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('magic_link_invalid');
  });

  it('accepts a link just before it expires, and retires the other open links then', async () => {
    await createTestUser(t.deps.db, { email: 'twice@example.dk' });
    await requestLink('twice@example.dk');
    const older = await nextMailTo('twice@example.dk', 1);
    await requestLink('twice@example.dk');
    const newer = await nextMailTo('twice@example.dk', 2);
    expect(tokenIn(newer)).not.toBe(tokenIn(older));
    t.clock.advance(15 * 60_000 - 1000);
    expect((await verify(tokenIn(newer))).statusCode).toBe(200);
    expect((await verify(tokenIn(older))).statusCode).toBe(400);
  });

  it('refuses unknown tokens', async () => {
    const res = await verify('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('magic_link_invalid');
  });

  it('lets only one of two simultaneous uses of a link through', async () => {
    await createTestUser(t.deps.db, { email: 'race@example.dk' });
    await requestLink('race@example.dk');
    const token = tokenIn(await nextMailTo('race@example.dk', 1));
    const results = await Promise.all([verify(token), verify(token), verify(token)]);
    expect(results.map((r) => r.statusCode).sort((a, b) => a - b)).toEqual([200, 400, 400]);
  });

  it('has no GET that uses a link up, so mail scanners following it change nothing', async () => {
    await createTestUser(t.deps.db, { email: 'scanned@example.dk' });
    await requestLink('scanned@example.dk');
    const token = tokenIn(await nextMailTo('scanned@example.dk', 1));
    expect((await t.request({ method: 'GET', url: `/api/auth/magic-link/verify?token=${token}` })).statusCode).toBe(
      404,
    );
    expect((await t.request({ method: 'GET', url: `/login/link?token=${token}` })).statusCode).toBe(404);
    expect((await verify(token)).statusCode).toBe(200);
  });

  it('clears the password lock of the client that used it, since the mailbox proved who it is', async () => {
    await createTestUser(t.deps.db, { email: 'forgot@example.dk', password: 'the-right-password' });
    const mine = nextIp();
    const signIn = (password: string) =>
      t.request({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'x-forwarded-for': mine },
        payload: { email: 'forgot@example.dk', password },
      });
    for (let i = 0; i < 5; i += 1) await signIn('wrong');
    expect((await signIn('the-right-password')).statusCode).toBe(429);
    await requestLink('forgot@example.dk');
    expect((await verify(tokenIn(await nextMailTo('forgot@example.dk', 1)), mine)).statusCode).toBe(200);
    expect((await signIn('the-right-password')).statusCode).toBe(200);
  });

  it('signs the owner in while strangers have locked and slowed password sign-in to her address', async () => {
    await createTestUser(t.deps.db, { email: 'besieged@example.dk', password: 'the-right-password' });
    const guess = (from: string) =>
      t.request({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'x-forwarded-for': from },
        payload: { email: 'besieged@example.dk', password: 'a-guess' },
      });
    const stranger = nextIp();
    for (let i = 0; i < 6; i += 1) await guess(stranger);
    expect((await guess(stranger)).json().error.code).toBe('sign_in_locked');
    await requestLink('besieged@example.dk');
    expect((await verify(tokenIn(await nextMailTo('besieged@example.dk', 1)))).statusCode).toBe(200);

    for (let i = 0; i < 12; i += 1) await guess(nextIp());
    expect((await guess(nextIp())).json().error.code).toBe('sign_in_slowed');
    await requestLink('besieged@example.dk');
    expect((await verify(tokenIn(await nextMailTo('besieged@example.dk', 2)))).statusCode).toBe(200);
    // Her link forgives the strangers nothing: the address is still slowed.
    expect((await guess(nextIp())).json().error.code).toBe('sign_in_slowed');
  });

  it('sends at most three links per account within 15 minutes, so nobody can flood a mailbox', async () => {
    await createTestUser(t.deps.db, { email: 'flood@example.dk' });
    for (let i = 0; i < 5; i += 1) expect((await requestLink('flood@example.dk')).statusCode).toBe(202);
    await nextMailTo('flood@example.dk', 3);
    // The refused requests may still be running; they count from when they were made, so moving
    // the clock now cannot let them through. Waiting for exactly four proves none of them did.
    t.clock.advance(15 * 60_000);
    await requestLink('flood@example.dk');
    await nextMailTo('flood@example.dk', 4);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await mails()).filter((m) => m.to === 'flood@example.dk')).toHaveLength(4);
  });

  it('limits link requests per client address', async () => {
    const from = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await requestLink(`nobody-${i}@example.dk`, from)).statusCode);
    expect(statuses.filter((s) => s === 202)).toHaveLength(20);
    expect(statuses[20]).toBe(429);
  });
});

describe('GET /api/dev/mail', () => {
  it('shows the newest 50 kept mails without SMTP outside production', async () => {
    const t = await startTestApp();
    try {
      for (let i = 0; i < 52; i += 1)
        await t.deps.mailer.send({
          to: `r${i}@example.dk`,
          subject: `Emne ${i}`,
          text: `Tekst ${i}`,
          html: '<p>x</p>',
        });
      const res = await t.request({ method: 'GET', url: '/api/dev/mail' });
      expect(res.statusCode).toBe(200);
      const list = res.json().mails as TDevMail[];
      expect(list).toHaveLength(50);
      expect(list[0]).toEqual({
        id: expect.any(String),
        to: 'r51@example.dk',
        subject: 'Emne 51',
        text: 'Tekst 51',
        createdAt: t.clock.now().toISOString(),
      });
      expect(list.at(-1)!.to).toBe('r2@example.dk');
      const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
      expect(Object.keys(doc.paths)).not.toContain('/api/dev/mail');
    } finally {
      await t.close();
    }
  });

  it('does not exist in production', async () => {
    const t = await startTestApp({ production: true });
    try {
      const res = await t.request({ method: 'GET', url: '/api/dev/mail' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    } finally {
      await t.close();
    }
  });

  it('does not exist when mail is delivered over SMTP', async () => {
    const t = await startTestApp({ smtpUrl: 'smtp://127.0.0.1:9' });
    try {
      expect((await t.request({ method: 'GET', url: '/api/dev/mail' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
