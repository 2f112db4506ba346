import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { SESSION_COOKIE } from './session.service.js';
import { createTestUser } from '../testing/test-users.js';

const PASSWORD = 'korrekt-hest-batteri';

/** Each test signs in from its own client address, so the per-address rate limit (real time) never mixes tests. */
let ip = 0;
const nextIp = () => `10.${(ip += 1) >> 16}.${(ip >> 8) & 255}.${ip & 255}`;

describe('POST /api/auth/sign-in', () => {
  let t: TestApp;
  let userId: string;
  beforeAll(async () => {
    t = await startTestApp();
    userId = await createTestUser(t.deps.db, {
      email: 'Mette.Hansen@Example.dk',
      name: 'Mette Hansen',
      password: PASSWORD,
      locale: 'en',
    });
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string, from = nextIp(), headers: Record<string, string> = {}) =>
    t.request({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'x-forwarded-for': from, 'user-agent': 'Vitest', ...headers },
      payload: { email, password },
    });

  it('signs in, answers the user and sets an httpOnly, SameSite=Lax session cookie that expires with the session', async () => {
    const res = await signIn(' mette.hansen@example.DK ', PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { id: userId, name: 'Mette Hansen', email: 'Mette.Hansen@Example.dk', locale: 'en' },
    });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.expires?.getTime()).toBe(t.clock.now().getTime() + t.deps.config.sessionDays * 86_400_000);

    const sessions = await t.request({
      method: 'GET',
      url: '/api/auth/sessions',
      headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` },
    });
    expect(sessions.statusCode).toBe(200);
    expect(sessions.json().sessions).toEqual([
      expect.objectContaining({ method: 'password', userAgent: 'Vitest', current: true }),
    ]);
  });

  it('marks the cookie Secure when the app is served over https', async () => {
    const https = await startTestApp({ publicUrl: 'https://samspil.example' });
    try {
      await createTestUser(https.deps.db, { email: 'a@example.dk', password: PASSWORD });
      const res = await https.request({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'a@example.dk', password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    } finally {
      await https.close();
    }
  });

  it('answers a wrong password and an unknown address with the same 401 body', async () => {
    const wrong = await signIn('mette.hansen@example.dk', 'forkert-adgangskode');
    const unknown = await signIn('nobody@example.dk', 'forkert-adgangskode');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (body: { error: Record<string, unknown> }) => ({ ...body.error, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(wrong.cookies).toEqual([]);
    expect(unknown.cookies).toEqual([]);
  });

  it('spends a password check on an unknown address too, so it takes comparable time', async () => {
    // The work is measured as this process's CPU time (argon2 runs on its thread pool), not the
    // wall clock: other processes on a busy machine stretch the wall clock, not our CPU time.
    const time = async (email: string) => {
      const started = process.cpuUsage();
      await signIn(email, 'forkert-adgangskode');
      const spent = process.cpuUsage(started);
      return (spent.user + spent.system) / 1000;
    };
    await createTestUser(t.deps.db, { email: 'timing@example.dk', password: PASSWORD });
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      known.push(await time('timing@example.dk'));
      unknown.push(await time(`timing-${i}@example.dk`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    // Without the dummy hash an unknown address answers from one index lookup, tens of times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });

  it('refuses a user without a password like a wrong password', async () => {
    await createTestUser(t.deps.db, { email: 'oidc-only@example.dk' });
    const res = await signIn('oidc-only@example.dk', 'anything-at-all');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
  });

  it('locks a client out of an address after five failures within 15 minutes, even for the right password, until 15 minutes have passed', async () => {
    await createTestUser(t.deps.db, { email: 'locked@example.dk', password: PASSWORD });
    const guesser = nextIp();
    const codes: Array<[number, string]> = [];
    for (let i = 0; i < 5; i += 1) {
      t.clock.advance(60_000);
      const res = await signIn('locked@example.dk', `wrong-${i}`, guesser);
      codes.push([res.statusCode, res.json().error.code]);
    }
    expect(codes).toEqual([...Array(4).fill([401, 'invalid_credentials']), [429, 'sign_in_locked']]);

    const right = await signIn('locked@example.dk', PASSWORD, guesser);
    expect(right.statusCode).toBe(429);
    expect(right.json().error).toMatchObject({
      code: 'sign_in_locked',
      message: expect.stringContaining('15 minutter'),
    });
    expect(right.cookies).toEqual([]);

    t.clock.advance(14 * 60_000);
    const almost = await signIn('locked@example.dk', PASSWORD, guesser, { 'accept-language': 'en' });
    expect(almost.statusCode).toBe(429);
    expect(almost.json().error.message).toContain('1 minutes');

    t.clock.advance(60_000);
    const after = await signIn('locked@example.dk', PASSWORD, guesser);
    expect(after.statusCode).toBe(200);
  });

  it("lets the owner sign in from her own client after a stranger's many wrong passwords", async () => {
    await createTestUser(t.deps.db, { email: 'owner@example.dk', password: PASSWORD });
    const stranger = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1)
      statuses.push((await signIn('owner@example.dk', `guess-${i}`, stranger)).statusCode);
    expect(statuses).toEqual([...Array(4).fill(401), ...Array(21).fill(429)]);

    const owner = await signIn('owner@example.dk', PASSWORD);
    expect(owner.statusCode).toBe(200);
    expect((await signIn('owner@example.dk', PASSWORD, stranger)).json().error.code).toBe('sign_in_locked');
  });

  it('slows guesses from many clients, address-wide, so brute force stays hopeless', async () => {
    await createTestUser(t.deps.db, { email: 'botnet@example.dk', password: PASSWORD });
    const checked: number[] = [];
    const slowed: string[] = [];
    // A guess every fifteen seconds, each from a new client, for an hour.
    for (let i = 0; i < 240; i += 1) {
      t.clock.advance(15_000);
      const res = await signIn('botnet@example.dk', `guess-${i}`);
      if (res.json().error.code === 'invalid_credentials') checked.push(i);
      else slowed.push(res.json().error.code);
    }
    // Ten free checks, the doubling back-off (1 s … 256 s) and then one check in five minutes.
    expect(checked.length).toBeGreaterThan(10);
    expect(checked.length).toBeLessThanOrEqual(10 + 9 + 12);
    expect(new Set(slowed)).toEqual(new Set(['sign_in_slowed']));

    // The owner is slowed too, for at most five minutes, and told so, with the e-mail link as the way round.
    const owner = await signIn('botnet@example.dk', PASSWORD, nextIp(), { 'accept-language': 'en' });
    expect(owner.statusCode).toBe(429);
    expect(owner.json().error).toMatchObject({
      code: 'sign_in_slowed',
      message: expect.stringMatching(/Try again in \d+ seconds, or sign in with a link by e-mail/),
    });
    t.clock.advance(5 * 60_000);
    expect((await signIn('botnet@example.dk', PASSWORD)).statusCode).toBe(200);
  }, 120_000);

  it('clears away throttle rows that no longer count when a guess fails, and keeps the ones that do', async () => {
    await createTestUser(t.deps.db, { email: 'rows@example.dk', password: PASSWORD });
    const rows = () => t.deps.db.selectFrom('sign_in_throttle').select('key').execute();
    const locked = nextIp();
    for (let i = 0; i < 5; i += 1) await signIn('rows@example.dk', 'wrong', locked);
    for (let i = 0; i < 5; i += 1) await signIn(`spray-${i}@example.dk`, 'wrong');
    const before = (await rows()).length;
    expect(before).toBeGreaterThanOrEqual(12);

    t.clock.advance(24 * 60 * 60_000 + 60_000);
    const guesser = nextIp();
    for (let i = 0; i < 5; i += 1) await signIn('rows@example.dk', 'wrong', guesser);
    // Only the rows of the new guesses are left, the address's and its client's, and the lock holds.
    expect((await rows()).length).toBe(2);
    expect((await signIn('rows@example.dk', PASSWORD, guesser)).json().error.code).toBe('sign_in_locked');
    expect((await signIn('rows@example.dk', PASSWORD, locked)).statusCode).toBe(200);
  });

  it('locks an unknown address the same way, so the lock reveals nothing', async () => {
    const from = nextIp();
    const codes: number[] = [];
    for (let i = 0; i < 6; i += 1) codes.push((await signIn('ghost@example.dk', `wrong-${i}`, from)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('lets no more than five of many parallel guesses from one client check a password', async () => {
    await createTestUser(t.deps.db, { email: 'parallel@example.dk', password: PASSWORD });
    const from = nextIp();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn('parallel@example.dk', `guess-${i}`, from)),
    );
    const checked = results.filter((r) => r.json().error.code === 'invalid_credentials').length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    expect((await signIn('parallel@example.dk', PASSWORD, from)).statusCode).toBe(429);
  });

  it('lets no more than ten of many parallel guesses from many clients check a password', async () => {
    await createTestUser(t.deps.db, { email: 'parallel-many@example.dk', password: PASSWORD });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn('parallel-many@example.dk', `guess-${i}`)),
    );
    const checked = results.filter((r) => r.json().error.code === 'invalid_credentials').length;
    expect(checked).toBeLessThanOrEqual(10);
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
  });

  it('resets the count after a successful sign-in', async () => {
    await createTestUser(t.deps.db, { email: 'reset@example.dk', password: PASSWORD });
    const from = nextIp();
    for (let i = 0; i < 4; i += 1) expect((await signIn('reset@example.dk', 'wrong', from)).statusCode).toBe(401);
    expect((await signIn('reset@example.dk', PASSWORD, from)).statusCode).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await signIn('reset@example.dk', 'wrong', from)).statusCode).toBe(401);
    expect((await signIn('reset@example.dk', PASSWORD, from)).statusCode).toBe(200);
  });

  it('forgets failures older than the 15-minute window', async () => {
    await createTestUser(t.deps.db, { email: 'slow@example.dk', password: PASSWORD });
    const from = nextIp();
    for (let i = 0; i < 4; i += 1) expect((await signIn('slow@example.dk', 'wrong', from)).statusCode).toBe(401);
    t.clock.advance(15 * 60_000);
    expect((await signIn('slow@example.dk', 'wrong', from)).statusCode).toBe(401);
    expect((await signIn('slow@example.dk', PASSWORD, from)).statusCode).toBe(200);
  });

  it('limits the requests of one client address per minute as a second line', async () => {
    const from = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1)
      statuses.push(
        (
          await t.request({
            method: 'POST',
            url: '/api/auth/sign-in',
            headers: { 'x-forwarded-for': from },
            payload: { email: `x${i}@example.dk`, password: 'p' },
          })
        ).statusCode,
      );
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    const other = await signIn('mette.hansen@example.dk', PASSWORD);
    expect(other.statusCode).toBe(200);
  });

  it('rejects a malformed body before looking anything up', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'x-forwarded-for': nextIp() },
      payload: { email: 'not-an-address', password: PASSWORD },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'email' });
  });

  describe('cross-site request protection', () => {
    it('refuses a sign-in posted from another site by Origin', async () => {
      const res = await signIn('mette.hansen@example.dk', PASSWORD, nextIp(), { origin: 'https://evil.example' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('cross_site_request');
      expect(res.cookies).toEqual([]);
    });

    it('refuses a sign-in the browser marks as cross-site', async () => {
      const res = await signIn('mette.hansen@example.dk', PASSWORD, nextIp(), { 'sec-fetch-site': 'cross-site' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('cross_site_request');
    });

    it('refuses sign-out posted from another site, so the session survives', async () => {
      const cookie = await t.cookieFor(userId);
      const res = await t.request({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: { cookie, origin: 'https://evil.example' },
      });
      expect(res.statusCode).toBe(403);
      expect((await t.request({ method: 'GET', url: '/api/auth/sessions', headers: { cookie } })).statusCode).toBe(200);
    });

    it('lets a scripted client without Origin or Sec-Fetch-Site sign in, and a same-origin browser too', async () => {
      expect((await signIn('mette.hansen@example.dk', PASSWORD)).statusCode).toBe(200);
      const sameOrigin = await signIn('mette.hansen@example.dk', PASSWORD, nextIp(), {
        host: 'samspil.example',
        origin: 'https://samspil.example',
        'sec-fetch-site': 'same-origin',
      });
      expect(sameOrigin.statusCode).toBe(200);
    });
  });
});
