import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { SESSION_COOKIE } from './session.service.js';
import { createTestUser } from '../testing/test-users.js';

/** The people the test login service knows, by the login typed into its form. */
const ACCOUNTS: Record<string, { email: string; email_verified: boolean; name: string }> = {
  'sub-mette': { email: 'mette@example.dk', email_verified: true, name: 'Mette Hansen' },
  'sub-stranger': { email: 'stranger@example.dk', email_verified: true, name: 'Ukendt Person' },
  'sub-unverified': { email: 'ali@example.dk', email_verified: false, name: 'Ali Hassan' },
  'sub-newcomer': { email: 'linked@example.dk', email_verified: true, name: 'Lone Linket' },
};

/** A browser's cookies, enough for one sign-in: every cookie goes to both servers, as both live on 127.0.0.1. */
class CookieJar {
  private cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const name = pair!.slice(0, pair!.indexOf('=')).trim();
      const value = pair!.slice(pair!.indexOf('=') + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]!) < new Date()),
      );
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }
}

describe('sign-in through an OpenID Connect login service (end to end)', () => {
  let providerServer: http.Server;
  let issuer: string;
  let t: TestApp;
  let samspil: string;
  let mette: string;

  beforeAll(async () => {
    providerServer = http.createServer();
    await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;

    t = await startTestApp({
      oidc: { issuer, clientId: 'samspil', clientSecret: 'samspil-secret', name: 'Test-login' },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    samspil = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    // The address the app is reached at is only known once it listens; links and the callback derive from it.
    t.deps.config.publicUrl = samspil;

    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'samspil',
          client_secret: 'samspil-secret',
          redirect_uris: [`${samspil}/api/auth/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: (_ctx, id) => {
        const claims = ACCOUNTS[id];
        return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
      },
      jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }] },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    });
    providerServer.on('request', provider.callback());

    mette = await createTestUser(t.deps.db, { email: 'Mette@Example.dk', name: 'Mette Hansen' });
    await createTestUser(t.deps.db, { email: 'ali@example.dk', name: 'Ali Hassan' });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => providerServer.close(() => resolve()));
  });

  const fetchWith = async (jar: CookieJar, url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.take(res);
    return res;
  };

  /**
   * Clicks "sign in with the login service" and goes through it like a browser: follows the
   * redirects, fills in the provider's login form and consent form (or cancels), and stops at
   * Samspil's answer to the callback.
   */
  async function signInThroughProvider(
    login: string,
    options: { cancel?: boolean; beforeCallback?: (jar: CookieJar) => Promise<void> } = {},
  ) {
    const jar = new CookieJar();
    let res = await fetchWith(jar, `${samspil}/api/auth/oidc/start`);
    expect(res.status).toBe(302);
    let url = new URL(res.headers.get('location')!);
    expect(url.origin).toBe(issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    for (let step = 0; step < 12; step += 1) {
      if (url.href.startsWith(`${samspil}/api/auth/oidc/callback`)) {
        await options.beforeCallback?.(jar);
        return { res: await fetchWith(jar, url.href), jar, callbackUrl: url };
      }
      res = await fetchWith(jar, url.href);
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, url);
        continue;
      }
      expect(res.status).toBe(200);
      const html = await res.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(html)![1]!;
      if (options.cancel) {
        url = new URL(/href="([^"]+\/abort)"/.exec(html)![1]!, url);
        continue;
      }
      const action = new URL(/<form[^>]*action="([^"]+)"/.exec(html)![1]!, url);
      res = await fetchWith(jar, action.href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt, login, password: 'any' }).toString(),
      });
      expect(res.status).toBe(303);
      url = new URL(res.headers.get('location')!, action);
    }
    throw new Error('the sign-in did not come back to Samspil');
  }

  const sessionsWith = (jar: CookieJar) =>
    fetch(`${samspil}/api/auth/sessions`, { headers: { cookie: `${SESSION_COOKIE}=${jar.get(SESSION_COOKIE)}` } });

  it('tells the sign-in page about the login service', async () => {
    const res = await fetch(`${samspil}/api/auth/providers`);
    expect(await res.json()).toEqual({ password: true, magicLink: true, oidc: { name: 'Test-login' } });
  });

  it('signs in a user found by the verified e-mail, links the identity, and the session cookie works', async () => {
    const { res, jar } = await signInThroughProvider('sub-mette');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    expect(jar.get(SESSION_COOKIE)).toBeTruthy();
    expect(jar.get('samspil_oidc')).toBeUndefined();
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);

    const sessions = await sessionsWith(jar);
    expect(sessions.status).toBe(200);
    expect((await sessions.json()).sessions).toEqual([expect.objectContaining({ method: 'oidc', current: true })]);

    const user = await t.deps.db
      .selectFrom('users')
      .select(['oidc_issuer', 'oidc_subject'])
      .where('id', '=', mette)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ oidc_issuer: issuer, oidc_subject: 'sub-mette' });
  });

  it('finds a linked user by their identity even after their e-mail at the service changes', async () => {
    ACCOUNTS['sub-mette']!.email = 'mette.ny@example.dk';
    try {
      const { res, jar } = await signInThroughProvider('sub-mette');
      expect(res.headers.get('location')).toBe('/');
      const me = await fetch(`${samspil}/api/auth/sessions`, {
        headers: { cookie: `${SESSION_COOKIE}=${jar.get(SESSION_COOKIE)}` },
      });
      expect(me.status).toBe(200);
      const sessionUser = await t.deps.db
        .selectFrom('sessions')
        .select('user_id')
        .where('method', '=', 'oidc')
        .orderBy('created_at', 'desc')
        .execute();
      expect(new Set(sessionUser.map((s) => s.user_id))).toEqual(new Set([mette]));
    } finally {
      ACCOUNTS['sub-mette']!.email = 'mette@example.dk';
    }
  });

  it('sends someone no school knows back to the sign-in page with oidc_no_account', async () => {
    const { res, jar } = await signInThroughProvider('sub-stranger');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?error=oidc_no_account');
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  });

  it('does not trust an e-mail address the service has not verified', async () => {
    const { res } = await signInThroughProvider('sub-unverified');
    expect(res.headers.get('location')).toBe('/login?error=oidc_no_account');
    const ali = await t.deps.db
      .selectFrom('users')
      .select('oidc_subject')
      .where('email', '=', 'ali@example.dk')
      .executeTakeFirstOrThrow();
    expect(ali.oidc_subject).toBeNull();
  });

  it('does not hand an account already linked to another identity to a new one with the same address', async () => {
    const linked = await createTestUser(t.deps.db, { email: 'linked@example.dk' });
    await t.deps.db
      .updateTable('users')
      .set({ oidc_issuer: issuer, oidc_subject: 'sub-original' })
      .where('id', '=', linked)
      .execute();
    const { res } = await signInThroughProvider('sub-newcomer');
    expect(res.headers.get('location')).toBe('/login?error=oidc_no_account');
    const row = await t.deps.db
      .selectFrom('users')
      .select('oidc_subject')
      .where('id', '=', linked)
      .executeTakeFirstOrThrow();
    expect(row.oidc_subject).toBe('sub-original');
  });

  it('fails when the answer belongs to another sign-in attempt (state mismatch)', async () => {
    const { res, jar } = await signInThroughProvider('sub-mette', {
      async beforeCallback(jar) {
        const other = new CookieJar();
        await fetchWith(other, `${samspil}/api/auth/oidc/start`);
        jar.set('samspil_oidc', other.get('samspil_oidc')!);
      },
    });
    expect(res.headers.get('location')).toBe('/login?error=oidc_failed');
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  });

  it('fails when the browser that comes back did not start the sign-in', async () => {
    const { res } = await signInThroughProvider('sub-mette', {
      async beforeCallback(jar) {
        jar.set('samspil_oidc', '');
      },
    });
    expect(res.headers.get('location')).toBe('/login?error=oidc_failed');
  });

  it('fails when an authorization code is replayed', async () => {
    const first = await signInThroughProvider('sub-mette');
    expect(first.res.headers.get('location')).toBe('/');
    const replay = await fetch(first.callbackUrl, { redirect: 'manual', headers: { cookie: first.jar.header() } });
    expect(replay.headers.get('location')).toBe('/login?error=oidc_failed');
  });

  it('sends the user back with oidc_failed when they cancel at the login service', async () => {
    const { res, callbackUrl } = await signInThroughProvider('sub-mette', { cancel: true });
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
    expect(res.headers.get('location')).toBe('/login?error=oidc_failed');
  });
});

describe('without a login service', () => {
  it('says so to the sign-in page and answers 404 oidc_not_configured', async () => {
    const t = await startTestApp();
    try {
      expect((await t.request({ method: 'GET', url: '/api/auth/providers' })).json()).toEqual({
        password: true,
        magicLink: true,
        oidc: null,
      });
      for (const url of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y']) {
        const res = await t.request({ method: 'GET', url });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('oidc_not_configured');
      }
    } finally {
      await t.close();
    }
  });
});
