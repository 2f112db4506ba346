import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createTestUser } from '../testing/test-users.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** The decoded body of the message's part with this content type (quoted-printable or base64). */
function partOf(raw: string, contentType: string): string {
  const start = raw.search(new RegExp(`^Content-Type: ${contentType.replace('/', '\\/')}`, 'mi'));
  if (start < 0) throw new Error(`no ${contentType} part`);
  const part = raw.slice(start);
  const headerEnd = part.search(/\r?\n\r?\n/);
  const headers = part.slice(0, headerEnd);
  const body = part
    .slice(headerEnd)
    .replace(/^\r?\n\r?\n/, '')
    .split(/\r?\n--/)[0]!;
  const encoding = /Content-Transfer-Encoding: ([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

describe('mail delivery over SMTP', () => {
  const received: Received[] = [];
  let smtp: SMTPServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'samspil' && auth.password === 'hemmelig') callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    t = await startTestApp({
      smtpUrl: `smtp://samspil:hemmelig@127.0.0.1:${port}`,
      mailFrom: 'Samspil <no-reply@samspil.example>',
    });
    await createTestUser(t.deps.db, { email: 'mette@example.dk', name: 'Mette Æbelø', locale: 'da' });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('delivers the sign-in link to a real SMTP server, in Danish, as text and HTML, and the delivered link signs in', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/magic-link',
      payload: { email: 'mette@example.dk' },
    });
    expect(res.statusCode).toBe(202);
    const mail = await vi.waitFor(() => {
      expect(received).toHaveLength(1);
      return received[0]!;
    });
    expect(mail.from).toBe('no-reply@samspil.example');
    expect(mail.to).toEqual(['mette@example.dk']);
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    const text = partOf(mail.raw, 'text/plain');
    const html = partOf(mail.raw, 'text/html');
    expect(text).toContain('Hej Mette Æbelø');
    expect(html).toContain('<html lang="da">');
    const token = /\/login\/link#token=([A-Za-z0-9_-]+)/.exec(text)![1]!;
    expect(html).toContain(`href="http://localhost:3000/login/link#token=${token}"`);

    const outbox = await vi.waitFor(async () => {
      const row = await t.deps.db.selectFrom('mail_outbox').select(['sent_at', 'error']).executeTakeFirstOrThrow();
      expect(row.sent_at).not.toBeNull();
      return row;
    });
    expect(outbox.error).toBeNull();

    const verify = await t.request({ method: 'POST', url: '/api/auth/magic-link/verify', payload: { token } });
    expect(verify.statusCode).toBe(200);
    expect(verify.json().user.email).toBe('mette@example.dk');
  });

  it('delivers a calendar file attached to the mail, and keeps it on the outbox row', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Samspil//DA\r\nEND:VCALENDAR\r\n';
    const before = received.length;
    await t.deps.mailer.send({
      to: 'mette@example.dk',
      subject: 'Jeres tid til skole-hjem-samtale om Emma',
      text: 'Samtalen er mandag.',
      attachments: [
        { filename: 'samtale.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics },
      ],
    });
    const mail = await vi.waitFor(() => {
      expect(received).toHaveLength(before + 1);
      return received[before]!;
    });
    expect(mail.raw).toMatch(/^Content-Disposition: attachment; filename=samtale\.ics/m);
    expect(partOf(mail.raw, 'text/calendar')).toBe(ics);
    expect(partOf(mail.raw, 'text/plain')).toContain('Samtalen er mandag.');
    const row = await t.deps.db
      .selectFrom('mail_outbox')
      .select(['attachments', 'sent_at'])
      .where('subject', '=', 'Jeres tid til skole-hjem-samtale om Emma')
      .executeTakeFirstOrThrow();
    expect(row.attachments).toEqual([
      { filename: 'samtale.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics },
    ]);
    expect(row.sent_at).not.toBeNull();
  });

  it('keeps the error on the outbox row when the server refuses the mail', async () => {
    const failing = await startTestApp({
      smtpUrl: `smtp://samspil:forkert@127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    });
    try {
      await expect(failing.deps.mailer.send({ to: 'x@example.dk', subject: 'Emne', text: 'Tekst' })).rejects.toThrow(
        /Invalid login/,
      );
      const row = await failing.deps.db
        .selectFrom('mail_outbox')
        .select(['sent_at', 'error'])
        .executeTakeFirstOrThrow();
      expect(row.sent_at).toBeNull();
      expect(row.error).toMatch(/auth|Invalid/i);
    } finally {
      await failing.close();
    }
  });
});
