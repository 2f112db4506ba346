import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from './testing/test-app.js';
import { createFixture, type Fixture } from './testing/fixture.js';
import { createLogger } from './logger.js';
import { SESSION_COOKIE } from './auth/session.service.js';
import type { TDevMail } from '../shared/api/auth.schema.js';

const SUBJECT = 'Fortroligt emne om Emma';
const BODY = 'Hemmelig tekst: Emma har det svært derhjemme';
const SEARCH_TERM = 'skilsmisseaftale';

describe('the log during a sign-in, a search and a failing insert', () => {
  let t: TestApp;
  let f: Fixture;
  const lines: string[] = [];
  const log = () => lines.join('');
  beforeAll(async () => {
    t = await startTestApp(
      {},
      { log: createLogger({ enabled: true, destination: { write: (line) => lines.push(line) } }), requestLog: true },
    );
    f = await createFixture(t.deps.db);
    // An injected failure: the insert of this message breaks a rule, as a real bug would.
    await sql`alter table messages add constraint logging_test_refuses check (body not like 'Hemmelig tekst%')`.execute(
      t.deps.db,
    );
  });
  afterAll(() => t.close());

  it('keeps the sign-in link, the session, message text and search terms out of it', async () => {
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/auth/magic-link',
          payload: { email: 'custodyguardian@fixture.samspil.dk' },
        })
      ).statusCode,
    ).toBe(202);
    const mail = await vi.waitFor(async () => {
      const mails = (await t.request({ method: 'GET', url: '/api/dev/mail' })).json().mails as TDevMail[];
      expect(mails).toHaveLength(1);
      return mails[0]!;
    });
    const token = /\/login\/link#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    // The mailed link keeps the token in the fragment, which no browser sends; a link mailed
    // before that had it in the query, which a browser does send.
    await t.request({ method: 'GET', url: `/login/link?token=${token}` });
    const signIn = await t.request({ method: 'POST', url: '/api/auth/magic-link/verify', payload: { token } });
    expect(signIn.statusCode).toBe(200);
    const session = signIn.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const cookie = `${SESSION_COOKIE}=${session}`;

    const search = await t.request({
      method: 'GET',
      url: `/api/threads/search?q=${SEARCH_TERM}`,
      headers: { cookie },
    });
    expect(search.statusCode).toBe(200);

    const failing = await t.request({
      method: 'POST',
      url: '/api/threads',
      headers: { cookie },
      payload: { studentId: f.ownStudent, subject: SUBJECT, body: BODY },
    });
    expect(failing.statusCode).toBe(500);

    const written = log();
    // The requests and the failure are there, so the test reads a real log...
    expect(written).toContain('GET /login/link?token=[redacted] 404');
    expect(written).toContain('POST /api/auth/magic-link/verify 200');
    expect(written).toContain('GET /api/threads/search?q=[redacted] 200');
    expect(written).toContain('logging_test_refuses');
    expect(written).toContain('23514');
    // ...and nothing in it lets a reader sign in or read what was written.
    for (const secret of [token, session, SUBJECT, BODY, 'Hemmelig', SEARCH_TERM]) {
      expect(written, `the log holds ${secret}`).not.toContain(secret);
    }
  });
});
