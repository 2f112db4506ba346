import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createTestUser } from '../testing/test-users.js';
import type { TDevMail } from '../../shared/api/auth.schema.js';

describe('the development mail page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await createTestUser(t.deps.db, { email: 'mette@example.dk' });
    await t.deps.mailer.send({ to: 'mette@example.dk', subject: 'Dit link', text: 'Et link', html: '<p>Et link</p>' });
  });
  afterAll(() => t.close());

  const mailPage = (remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/api/dev/mail', remoteAddress, headers });

  it('shows the kept mails to the machine itself, over IPv4 and IPv6', async () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const res = await mailPage(address);
      expect(res.statusCode, address).toBe(200);
      expect((res.json().mails as TDevMail[]).map((m) => m.to)).toEqual(['mette@example.dk']);
    }
  });

  it('shows only the mails to one address when asked, whatever its case', async () => {
    await t.deps.mailer.send({ to: 'Jonas@Example.dk', subject: 'Til Jonas', text: 'Hej', html: '<p>Hej</p>' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/dev/mail?to=jonas@example.dk',
      remoteAddress: '127.0.0.1',
    });
    expect(res.statusCode).toBe(200);
    expect((res.json().mails as TDevMail[]).map((m) => m.subject)).toEqual(['Til Jonas']);
    const all = (await mailPage('127.0.0.1')).json().mails as TDevMail[];
    expect(all.map((m) => m.subject)).toEqual(['Til Jonas', 'Dit link']);
  });

  it('does not exist for another machine on the network, nor through a proxy', async () => {
    for (const [address, headers] of [
      ['192.168.1.23', {}],
      ['10.0.0.5', {}],
      ['fe80::1', {}],
      // A reverse proxy on the same machine connects from loopback for every client.
      ['127.0.0.1', { 'x-forwarded-for': '192.168.1.23' }],
      ['127.0.0.1', { forwarded: 'for=192.168.1.23' }],
      // A client cannot make itself local by saying so.
      ['192.168.1.23', { 'x-forwarded-for': '127.0.0.1' }],
    ] as const) {
      const res = await mailPage(address, headers);
      expect(res.statusCode, `${address} ${JSON.stringify(headers)}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
      expect(res.body).not.toContain('mette@example.dk');
    }
  });
});
