import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { SESSION_COOKIE } from './session.service.js';
import { createTestUser } from '../testing/test-users.js';

const PASSWORD = 'korrekt-hest-batteri';

describe('sessions: sign-out, sign-out everywhere, listing and ending one', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await createTestUser(t.deps.db, { email: 'mette@example.dk', password: PASSWORD });
    await createTestUser(t.deps.db, { email: 'ali@example.dk', password: PASSWORD });
  });
  afterAll(() => t.close());

  async function signIn(email: string, userAgent = 'Vitest'): Promise<string> {
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'user-agent': userAgent },
      payload: { email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    return `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
  }
  const sessionsWith = (cookie: string) => t.request({ method: 'GET', url: '/api/auth/sessions', headers: { cookie } });

  it('sign-out ends the session: the cookie is cleared and no longer works', async () => {
    const cookie = await signIn('mette@example.dk');
    expect((await sessionsWith(cookie)).statusCode).toBe(200);
    const res = await t.request({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const cleared = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cleared.value).toBe('');
    expect(cleared.expires!.getTime()).toBeLessThanOrEqual(Date.now());
    const after = await sessionsWith(cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('not_signed_in');
  });

  it('sign-out needs a session', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/sign-out' });
    expect(res.statusCode).toBe(401);
  });

  it("lists the user's own active sessions, newest use first, marking the current one", async () => {
    const phone = await signIn('ali@example.dk', 'Phone');
    t.clock.advance(5 * 60_000);
    const laptop = await signIn('ali@example.dk', 'Laptop');
    await signIn('mette@example.dk', 'Someone else');
    const res = await sessionsWith(laptop);
    const sessions = res.json().sessions as Array<Record<string, unknown>>;
    expect(sessions.map((s) => [s.userAgent, s.current, s.method])).toEqual([
      ['Laptop', true, 'password'],
      ['Phone', false, 'password'],
    ]);
    expect(Object.keys(sessions[0]!).sort()).toEqual([
      'createdAt',
      'current',
      'id',
      'lastSeenAt',
      'method',
      'userAgent',
    ]);
    expect((await sessionsWith(phone)).json().sessions.find((s: { current: boolean }) => s.current).userAgent).toBe(
      'Phone',
    );
  });

  it("ends one of one's own sessions, but answers 404 for another user's", async () => {
    const phone = await signIn('ali@example.dk', 'Old phone');
    const laptop = await signIn('ali@example.dk', 'Laptop 2');
    const metteCookie = await signIn('mette@example.dk');
    const phoneId = (await sessionsWith(phone)).json().sessions.find((s: { current: boolean }) => s.current)
      .id as string;

    const stranger = await t.request({
      method: 'DELETE',
      url: `/api/auth/sessions/${phoneId}`,
      headers: { cookie: metteCookie },
    });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.code).toBe('not_found');
    expect((await sessionsWith(phone)).statusCode).toBe(200);

    const own = await t.request({
      method: 'DELETE',
      url: `/api/auth/sessions/${phoneId}`,
      headers: { cookie: laptop },
    });
    expect(own.statusCode).toBe(200);
    expect(own.cookies).toEqual([]);
    expect((await sessionsWith(phone)).statusCode).toBe(401);
    expect((await sessionsWith(laptop)).statusCode).toBe(200);

    const again = await t.request({
      method: 'DELETE',
      url: `/api/auth/sessions/${phoneId}`,
      headers: { cookie: laptop },
    });
    expect(again.statusCode).toBe(404);
  });

  it('clears the cookie when the session ended by id is the current one', async () => {
    const cookie = await signIn('ali@example.dk', 'Tablet');
    const id = (await sessionsWith(cookie)).json().sessions.find((s: { current: boolean }) => s.current).id as string;
    const res = await t.request({ method: 'DELETE', url: `/api/auth/sessions/${id}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    expect((await sessionsWith(cookie)).statusCode).toBe(401);
  });

  it('sign-out everywhere ends every session of the user and no one else’s', async () => {
    const a = await signIn('mette@example.dk', 'A');
    const b = await signIn('mette@example.dk', 'B');
    const ali = await signIn('ali@example.dk', 'Ali');
    const open = (await sessionsWith(a)).json().sessions.length as number;
    const res = await t.request({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: { cookie: b } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, ended: open });
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    expect((await sessionsWith(a)).statusCode).toBe(401);
    expect((await sessionsWith(b)).statusCode).toBe(401);
    expect((await sessionsWith(ali)).statusCode).toBe(200);
    const again = await signIn('mette@example.dk');
    expect((await sessionsWith(again)).json().sessions).toHaveLength(1);
  });

  it('leaves sessions idle for more than two days out of the list, as they no longer work', async () => {
    const user = await createTestUser(t.deps.db, { email: 'idle@example.dk', password: PASSWORD });
    const old = await t.cookieFor(user);
    t.clock.advance(3 * 86_400_000);
    const fresh = await signIn('idle@example.dk');
    expect((await sessionsWith(old)).statusCode).toBe(401);
    expect((await sessionsWith(fresh)).json().sessions).toHaveLength(1);
  });
});
