import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { MAX_JOB_ATTEMPTS, runDueJobs } from '../jobs/job-runner.js';
import { JOB_HANDLERS } from '../jobs/job-handlers.js';
import { startDigestChains } from './message-notification.service.js';
import type { TThreadDetail } from '../../shared/api/messaging.schema.js';
import type { TNotificationList, TNotificationSettingsList } from '../../shared/api/notification.schema.js';

interface Received {
  to: string;
  subject: string;
  raw: string;
}

/** Monday 23 November 2026 in Copenhagen (UTC+1) at a wall-clock hour. */
const monday = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 23, hour - 1, minute));
const tuesday = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 24, hour - 1, minute));

/** The decoded MIME header or body text, enough to read subjects and plain-text parts in assertions. */
function decodeWords(raw: string): string {
  const unfolded = raw.replace(/\r?\n[ \t]+/g, ' ');
  const words = unfolded
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*(?==\?UTF-8\?)/gi, '=?UTF-8?$1?$2?=')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
    );
  return words.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/gi, (m) => {
    try {
      return decodeURIComponent(m.replace(/=/g, '%'));
    } catch {
      return m;
    }
  });
}

describe('notifications of new messages, in the app and by e-mail over SMTP', () => {
  const received: Received[] = [];
  /** Addresses the SMTP server refuses, to play a failing mail server. */
  const refused = new Set<string>();
  let smtp: SMTPServer;
  let t: TestApp;
  let f: Fixture;
  let subjectNo = 0;
  const email = (actor: ActorName) => `${actor.toLowerCase()}@fixture.samspil.dk`;
  const mailsTo = (actor: ActorName) => received.filter((m) => m.to === email(actor));

  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    actor: ActorName,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => t.request({ method, url, as: f.users[actor], payload: payload as never, headers });
  const sendToClass = async (body: Record<string, unknown> = {}, actor: ActorName = 'contactTeacher') => {
    const subject = `Udflugt ${(subjectNo += 1)}`;
    const res = await call('POST', `/api/schools/${f.schoolId}/classes/${f.classA}/messages`, actor, {
      subject,
      body: 'Emma skal have regntøj med fredag.',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { subject, threadId: (res.json() as TThreadDetail).id };
  };
  const writeToTeacher = async () => {
    const subject = `Frikvarteret ${(subjectNo += 1)}`;
    const res = await call('POST', '/api/threads', 'custodyGuardian', {
      studentId: f.ownStudent,
      subject,
      body: 'Emma er ked af det.',
    });
    expect(res.statusCode, res.body).toBe(201);
    return { subject, threadId: (res.json() as TThreadDetail).id };
  };
  const settings = (actor: ActorName, body: Record<string, unknown>) =>
    call('PUT', '/api/me/notification-settings', actor, {
      schoolId: f.schoolId,
      mode: 'digest',
      quietHours: { from: '18:00', to: '07:00', weekends: true },
      ...body,
    });
  /** Runs jobs until none is due at the manual clock's time, as the job loop does. */
  const runAll = async () => {
    let ran = 0;
    for (let n = await runDueJobs(t.deps, JOB_HANDLERS); n > 0; n = await runDueJobs(t.deps, JOB_HANDLERS)) ran += n;
    return ran;
  };
  const noticesOf = (threadId: string) =>
    t.deps.db
      .selectFrom('notifications')
      .selectAll()
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'message')
      .orderBy('person_id')
      .execute();

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refused.has(address.address)) callback(new Error('550 mailbox unavailable'));
        else callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const subject = decodeWords(/^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '');
          for (const r of session.envelope.rcptTo) received.push({ to: r.address, subject, raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    t = await startTestApp({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Samspil <no-reply@samspil.example>' });
    f = await createFixture(t.deps.db);
    // Seed 002's quiet hours for staff: 18:00–07:00 and weekends.
    await adoptTestPrinciple(t.deps.db, f.schoolId);
    await t.deps.db.updateTable('users').set({ locale: 'en' }).where('id', '=', f.users.protectedGuardian!).execute();
  });
  beforeEach(async () => {
    t.clock.set(TEST_NOW);
    refused.clear();
    received.length = 0;
    // Each test starts with nothing queued but what it queues itself, and the defaults.
    await t.deps.db.updateTable('jobs').set({ done_at: TEST_NOW }).where('done_at', 'is', null).execute();
    await t.deps.db.deleteFrom('notification_settings').execute();
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('tells each recipient in the app in their language, and e-mails at once the guardian who chose it — without the message body', async () => {
    expect((await settings('custodyGuardian', { mode: 'immediate' })).statusCode).toBe(200);
    const { subject, threadId } = await sendToClass();
    await runAll();

    const notices = await noticesOf(threadId);
    expect(notices.map((n) => n.person_id).sort()).toEqual(
      [f.people.custodyGuardian!, f.people.protectedGuardian!].sort(),
    );
    const byPerson = new Map(notices.map((n) => [n.person_id, n]));
    expect(byPerson.get(f.people.custodyGuardian!)).toMatchObject({
      title: `Ny besked: ${subject}`,
      body: 'Fra Birgitte Lund',
      read_at: null,
    });
    expect(byPerson.get(f.people.protectedGuardian!)).toMatchObject({
      title: `New message: ${subject}`,
      body: 'From Birgitte Lund',
    });

    expect(mailsTo('custodyGuardian')).toHaveLength(1);
    const mail = mailsTo('custodyGuardian')[0]!;
    expect(mail.subject).toBe(`Ny besked: ${subject}`);
    const text = decodeWords(mail.raw);
    expect(text).toContain(`http://localhost:3000/messages/${threadId}`);
    expect(text).toContain('Birgitte Lund');
    expect(text).not.toContain('regntøj');
    // Digest is the default: the other guardian waits for 17:00; the § 23 parent and the suspended guardian get nothing.
    expect(received.map((m) => m.to)).toEqual([email('custodyGuardian')]);

    const list = (await call('GET', '/api/notifications', 'custodyGuardian')).json() as TNotificationList;
    expect(list.notifications[0]).toMatchObject({
      kind: 'message',
      threadId,
      title: `Ny besked: ${subject}`,
      readAt: null,
    });
  });

  it('sends the daily digest at 17:00 in Copenhagen with what is still unread, and nothing on a day with nothing new', async () => {
    await startDigestChains(t.deps);
    // What earlier tests sent is read (its notices marked read), so the digest holds today's news below.
    expect((await call('POST', '/api/notifications/read-all', 'protectedGuardian')).statusCode).toBe(200);
    const first = await sendToClass();
    const second = await sendToClass();
    await runAll();
    // The guardian reads the second message in the app before 17:00: the digest leaves it out.
    expect((await call('GET', `/api/threads/${second.threadId}`, 'protectedGuardian')).statusCode).toBe(200);

    t.clock.set(monday(16, 59));
    await runAll();
    expect(received).toHaveLength(0);

    t.clock.set(monday(17));
    await runAll();
    expect(mailsTo('protectedGuardian')).toHaveLength(1);
    const digest = mailsTo('protectedGuardian')[0]!;
    expect(digest.subject).toBe("Today's summary: 1 new message");
    const text = decodeWords(digest.raw);
    expect(text).toContain(`${first.subject} — from Birgitte Lund`);
    expect(text).toContain(`http://localhost:3000/messages/${first.threadId}`);
    expect(text).not.toContain(second.subject);
    expect(mailsTo('custodyGuardian')).toHaveLength(1);

    const next = await t.deps.db
      .selectFrom('jobs')
      .select(['run_at', 'done_at'])
      .where('kind', '=', 'notification-digest')
      .where('school_id', '=', f.schoolId)
      .where('done_at', 'is', null)
      .execute();
    expect(next.map((j) => j.run_at.toISOString())).toEqual([tuesday(17).toISOString()]);

    received.length = 0;
    t.clock.set(tuesday(17));
    await runAll();
    expect(received).toHaveLength(0);
  });

  it('e-mails an urgent message at once to everyone, past the digest and staff quiet hours', async () => {
    t.clock.set(monday(20));
    const { subject, threadId } = await sendToClass({ urgent: true });
    await runAll();
    expect(new Set(received.map((m) => m.to))).toEqual(new Set([email('custodyGuardian'), email('protectedGuardian')]));
    expect(mailsTo('custodyGuardian')[0]!.subject).toBe(`Haster: ${subject}`);
    expect(mailsTo('protectedGuardian')[0]!.subject).toBe(`Urgent: ${subject}`);

    // The leadership's urgent answer in a thread reaches the contact teacher at 20:00, inside their quiet hours.
    received.length = 0;
    t.clock.advance(60_000);
    const urgent = await call('POST', `/api/threads/${threadId}/messages`, 'leader', {
      body: 'Ring venligst til skolen.',
      urgent: true,
    });
    expect(urgent.statusCode, urgent.body).toBeLessThan(300);
    await runAll();
    expect(mailsTo('contactTeacher').map((m) => m.subject)).toEqual([`Haster: ${subject}`]);
  });

  it('holds a staff e-mail until their quiet hours end: the principle’s by default, their own once set', async () => {
    t.clock.set(monday(20));
    const { subject, threadId } = await writeToTeacher();
    await runAll();
    // In the app at once; by e-mail only at 07:00.
    expect((await noticesOf(threadId)).map((n) => n.person_id)).toEqual([f.people.contactTeacher]);
    expect(mailsTo('contactTeacher')).toHaveLength(0);
    t.clock.set(tuesday(6, 59));
    await runAll();
    expect(mailsTo('contactTeacher')).toHaveLength(0);
    t.clock.set(tuesday(7));
    await runAll();
    expect(mailsTo('contactTeacher').map((m) => m.subject)).toEqual([`Ny besked: ${subject}`]);

    // Own quiet hours 16:00–08:30: a message at 17:00 is e-mailed at 08:30.
    received.length = 0;
    t.clock.set(tuesday(12));
    expect(
      (await settings('contactTeacher', { quietHours: { from: '16:00', to: '08:30', weekends: true } })).statusCode,
    ).toBe(200);
    t.clock.set(tuesday(17));
    const late = await writeToTeacher();
    await runAll();
    const aboutLate = () => mailsTo('contactTeacher').filter((m) => m.subject === `Ny besked: ${late.subject}`);
    t.clock.set(new Date(Date.UTC(2026, 10, 25, 7, 29)));
    await runAll();
    expect(aboutLate()).toHaveLength(0);
    t.clock.set(new Date(Date.UTC(2026, 10, 25, 7, 30)));
    await runAll();
    expect(aboutLate()).toHaveLength(1);
  });

  it('does not e-mail a staff member about a message they read in the app while the e-mail waited', async () => {
    t.clock.set(monday(21));
    const { threadId } = await writeToTeacher();
    await runAll();
    expect((await call('GET', `/api/threads/${threadId}`, 'contactTeacher')).statusCode).toBe(200);
    t.clock.set(tuesday(7));
    await runAll();
    expect(mailsTo('contactTeacher')).toHaveLength(0);
  });

  it('retries only the e-mail that failed: a second run notifies no one twice', async () => {
    await settings('custodyGuardian', { mode: 'immediate' });
    await settings('protectedGuardian', { mode: 'immediate' });
    refused.add(email('protectedGuardian'));
    const { threadId } = await sendToClass();
    await runAll();
    expect(received.map((m) => m.to)).toEqual([email('custodyGuardian')]);
    const failed = await t.deps.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'message-email')
      .where('done_at', 'is', null)
      .execute();
    expect(failed).toHaveLength(1);
    expect(failed[0]!.last_error).toMatch(/550/);

    refused.clear();
    t.clock.advance(60_000);
    await runAll();
    expect(received.map((m) => m.to).sort()).toEqual([email('custodyGuardian'), email('protectedGuardian')].sort());
    expect(await noticesOf(threadId)).toHaveLength(2);
  });

  it('gives an e-mail up after the last attempt, marks it failed and logs it', async () => {
    await settings('custodyGuardian', { mode: 'immediate' });
    refused.add(email('custodyGuardian'));
    await sendToClass();
    const gaveUp: string[] = [];
    const run = async () => {
      for (
        let n = await runDueJobs(t.deps, JOB_HANDLERS, (job) => gaveUp.push(job.kind));
        n > 0;
        n = await runDueJobs(t.deps, JOB_HANDLERS, (job) => gaveUp.push(job.kind))
      );
    };
    for (let round = 0; round < MAX_JOB_ATTEMPTS + 2; round += 1) {
      await run();
      t.clock.advance(7 * 3_600_000);
    }
    const job = await t.deps.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'message-email')
      .where('dedupe_key', 'like', `%:${f.people.custodyGuardian}`)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ attempts: MAX_JOB_ATTEMPTS, done_at: null });
    expect(job.failed_at).not.toBeNull();
    expect(job.last_error).toMatch(/550/);
    expect(gaveUp).toEqual(['message-email']);
  });

  it('sends the promise reminder once per staff member even when one e-mail fails, at their own quiet hours', async () => {
    const { threadId } = await writeToTeacher();
    await runAll();
    received.length = 0;
    // Quiet until 09:00: the 08:00 reminder is in the app at once and e-mailed at 09:00.
    await settings('contactTeacher', { quietHours: { from: '18:00', to: '09:00', weekends: true } });
    refused.add(email('contactTeacher'));
    const wednesday0800 = new Date('2026-11-25T07:00:00Z');
    t.clock.set(wednesday0800);
    await runAll();
    const reminders = () =>
      t.deps.db
        .selectFrom('notifications')
        .selectAll()
        .where('thread_id', '=', threadId)
        .where('kind', '=', 'promise-reminder')
        .execute();
    expect(await reminders()).toHaveLength(1);
    t.clock.set(new Date('2026-11-25T08:00:00Z'));
    await runAll();
    expect(received).toHaveLength(0);
    refused.clear();
    t.clock.advance(60_000);
    await runAll();
    expect(mailsTo('contactTeacher')).toHaveLength(1);
    expect(await reminders()).toHaveLength(1);
  });

  it('marks all of a person’s notifications read at once', async () => {
    await sendToClass();
    await sendToClass();
    await runAll();
    expect(
      ((await call('GET', '/api/notifications', 'custodyGuardian')).json() as TNotificationList).unread,
    ).toBeGreaterThanOrEqual(2);
    const res = await call('POST', '/api/notifications/read-all', 'custodyGuardian');
    expect(res.statusCode).toBe(200);
    expect((res.json() as TNotificationList).unread).toBe(0);
    expect(
      ((await call('GET', '/api/notifications', 'contactTeacher')).json() as TNotificationList).unread,
    ).toBeGreaterThan(0);
  });

  it('stops telling a guardian about a school-wide message once they hold custody of no child at the school (§ 23)', async () => {
    const sent = await call('POST', `/api/schools/${f.schoolId}/messages`, 'leader', {
      subject: 'Juleafslutning',
      body: 'Vi ses i kirken.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const threadId = (sent.json() as TThreadDetail).id;
    await runAll();
    const toGuardian = async () => (await noticesOf(threadId)).filter((n) => n.person_id === f.people.custodyGuardian);
    expect(await toGuardian()).toHaveLength(1);
    const custody = () => t.deps.db.updateTable('guardianships').where('person_id', '=', f.people.custodyGuardian!);
    await custody().set({ kind: 'information_right' }).execute();
    try {
      const again = await call('POST', `/api/threads/${threadId}/messages`, 'leader', { body: 'Husk salmebogen.' });
      expect(again.statusCode, again.body).toBe(201);
      await runAll();
      expect(await toGuardian()).toHaveLength(1);
    } finally {
      await custody().set({ kind: 'custody' }).execute();
    }
  });

  it('counts a notification read once its thread is opened, and only that thread’s', async () => {
    await call('POST', '/api/notifications/read-all', 'custodyGuardian');
    const first = await sendToClass();
    const second = await sendToClass();
    await runAll();
    const unreadAbout = async () => {
      const list = (await call('GET', '/api/notifications', 'custodyGuardian')).json() as TNotificationList;
      return list.notifications.filter((n) => n.readAt === null).map((n) => n.threadId ?? '');
    };
    expect((await unreadAbout()).sort()).toEqual([first.threadId, second.threadId].sort());
    expect((await call('GET', `/api/threads/${first.threadId}`, 'custodyGuardian')).statusCode).toBe(200);
    expect(await unreadAbout()).toEqual([second.threadId]);
  });
});

describe('notification settings', () => {
  let t: TestApp;
  let f: Fixture;
  const get = async (actor: ActorName) =>
    (
      await t.request({ method: 'GET', url: '/api/me/notification-settings', as: f.users[actor] })
    ).json() as TNotificationSettingsList;
  const put = (actor: ActorName, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.request({
      method: 'PUT',
      url: '/api/me/notification-settings',
      as: f.users[actor],
      payload: { schoolId: f.schoolId, mode: 'digest', quietHours: null, ...body },
      headers,
    });

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
  });
  afterAll(() => t.close());

  it('defaults to the digest for guardians and the principle’s quiet hours for staff', async () => {
    const principle = { from: '18:00', to: '07:00', weekends: true };
    expect((await get('custodyGuardian')).schools).toEqual([
      {
        schoolId: f.schoolId,
        schoolName: 'Fixture Skole',
        asGuardian: true,
        asStaff: false,
        mode: 'digest',
        quietHours: principle,
        principleQuietHours: principle,
      },
    ]);
    expect((await get('contactTeacher')).schools[0]).toMatchObject({
      asGuardian: false,
      asStaff: true,
      quietHours: principle,
    });
    // Those who get no messages have nothing to set.
    for (const actor of ['suspendedGuardian', 'student', 'boardMember'] as const)
      expect((await get(actor)).schools).toEqual([]);
  });

  it('saves a guardian’s choice and a staff member’s own quiet hours, or none', async () => {
    expect((await put('custodyGuardian', { mode: 'immediate' })).statusCode).toBe(200);
    expect((await get('custodyGuardian')).schools[0]?.mode).toBe('immediate');
    const own = { from: '17:00', to: '08:00', weekends: false };
    const saved = (await put('contactTeacher', { quietHours: own })).json() as TNotificationSettingsList;
    expect(saved.schools[0]).toMatchObject({
      quietHours: own,
      principleQuietHours: { from: '18:00', to: '07:00', weekends: true },
    });
    await put('contactTeacher', { quietHours: null });
    expect((await get('contactTeacher')).schools[0]?.quietHours).toBeNull();
  });

  it('refuses invalid settings with a translated error, and settings at a school where the caller gets no messages', async () => {
    const same = await put('contactTeacher', { quietHours: { from: '18:00', to: '18:00', weekends: true } });
    expect(same.statusCode).toBe(400);
    expect(same.json()).toMatchObject({
      error: { code: 'validation_failed', message: 'Nogle felter er ikke udfyldt rigtigt.', field: 'quietHours.to' },
    });
    const english = await put('contactTeacher', { mode: 'hourly' }, { cookie: 'samspil_lang=en' });
    expect(english.statusCode).toBe(400);
    expect(english.json()).toMatchObject({
      error: { code: 'validation_failed', message: 'Some fields are not filled in correctly.', field: 'mode' },
    });
    expect(
      (await put('contactTeacher', { quietHours: { from: '25:00', to: '07:00', weekends: true } })).statusCode,
    ).toBe(400);
    for (const actor of ['suspendedGuardian', 'boardMember', 'student', 'otherSchoolLeader'] as const)
      expect((await put(actor, {})).statusCode, actor).toBe(403);
  });
});
