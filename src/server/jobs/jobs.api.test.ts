import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type Fixture } from '../testing/fixture.js';
import { runDueJobs, startJobLoop, type JobHandlers } from './job-runner.js';
import { JOB_HANDLERS } from './job-handlers.js';
import { enqueueJob } from './job-queue.js';
import { inTransaction } from '../context.js';
import { insertJobs } from './job.repository.js';
import type { TThreadDetail } from '../../shared/api/messaging.schema.js';

/** Wednesday 25 November 2026, 08:00 in Copenhagen: the reminder for a promise due Thursday. */
const WEDNESDAY_0800 = new Date('2026-11-25T07:00:00Z');

describe('background jobs and the promise reminder', () => {
  let t: TestApp;
  let f: Fixture;
  let subjectNo = 0;

  const write = async () => {
    const subject = `Frikvarteret ${(subjectNo += 1)}`;
    const res = await t.request({
      method: 'POST',
      url: '/api/threads',
      as: f.users.custodyGuardian,
      payload: { studentId: f.ownStudent, subject, body: 'Emma er ked af det.' },
    });
    expect(res.statusCode).toBe(201);
    // The message's own notification and e-mail go out now, so what follows is the reminder alone.
    await runAll();
    return { subject, threadId: (res.json() as TThreadDetail).id };
  };
  /** Runs jobs until none is due, as the job loop does; returns how many ran. */
  const runAll = async () => {
    let ran = 0;
    for (let n = await runDueJobs(t.deps, JOB_HANDLERS); n > 0; n = await runDueJobs(t.deps, JOB_HANDLERS)) ran += n;
    return ran;
  };
  const notificationsOf = (threadId: string) =>
    t.deps.db
      .selectFrom('notifications')
      .selectAll()
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'promise-reminder')
      .execute();
  const mailsAbout = (subject: string) =>
    t.deps.db.selectFrom('mail_outbox').selectAll().where('subject', 'like', `%${subject} —%`).execute();
  const reminderJobOf = (threadId: string) =>
    t.deps.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'promise-reminder')
      .where('dedupe_key', 'like', `promise-reminder:${threadId}:%`)
      .execute();

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
  });
  beforeEach(async () => {
    t.clock.set(TEST_NOW);
    // Each test starts with nothing due but its own jobs.
    await t.deps.db.updateTable('jobs').set({ done_at: TEST_NOW }).where('done_at', 'is', null).execute();
  });
  afterAll(() => t.close());

  it('reminds the contact teacher at 08:00 the working day before the due day, in the app and by mail, once', async () => {
    const { subject, threadId } = await write();
    const [job] = await reminderJobOf(threadId);
    expect(job?.run_at.toISOString()).toBe(WEDNESDAY_0800.toISOString());

    t.clock.set(new Date(WEDNESDAY_0800.getTime() - 60_000));
    expect(await runDueJobs(t.deps, JOB_HANDLERS)).toBe(0);
    expect(await notificationsOf(threadId)).toHaveLength(0);

    t.clock.set(WEDNESDAY_0800);
    // The reminder, then its one e-mail job.
    expect(await runAll()).toBe(2);
    const notifications = await notificationsOf(threadId);
    expect(notifications.map((n) => n.person_id)).toEqual([f.people.contactTeacher]);
    expect(notifications[0]).toMatchObject({
      title: `Husk at svare: ${subject}`,
      body: 'Svar senest torsdag 26. november.',
      read_at: null,
    });
    const mails = await mailsAbout(subject);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Husk at svare: ${subject} — svar senest torsdag 26. november`);
    const teacher = await t.deps.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', f.users.contactTeacher!)
      .executeTakeFirstOrThrow();
    expect(mails[0]!.to_address).toBe(teacher.email);

    expect(await runAll()).toBe(0);
    expect(await notificationsOf(threadId)).toHaveLength(1);
    expect(await mailsAbout(subject)).toHaveLength(1);
  });

  it('queues one reminder for a promise however many messages the guardian adds to it', async () => {
    const { threadId } = await write();
    const more = await t.request({
      method: 'POST',
      url: `/api/threads/${threadId}/messages`,
      as: f.users.custodyGuardian,
      payload: { body: 'Og i dag igen.' },
    });
    expect(more.statusCode).toBeLessThan(300);
    expect(await reminderJobOf(threadId)).toHaveLength(1);
  });

  it('reminds no one when the promise was kept before', async () => {
    const { subject, threadId } = await write();
    const answer = await t.request({
      method: 'POST',
      url: `/api/threads/${threadId}/messages`,
      as: f.users.contactTeacher,
      payload: { body: 'Tak, jeg taler med Emma.' },
    });
    expect(answer.statusCode).toBeLessThan(300);
    await runAll();
    t.clock.set(WEDNESDAY_0800);
    expect(await runAll()).toBe(1);
    expect(await notificationsOf(threadId)).toHaveLength(0);
    expect(await mailsAbout(subject)).toHaveLength(0);
    expect((await reminderJobOf(threadId))[0]?.done_at).not.toBeNull();
  });

  it('lets two runners at once send one reminder', async () => {
    const { subject, threadId } = await write();
    t.clock.set(WEDNESDAY_0800);
    const claimed = await Promise.all([runAll(), runAll()]);
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await notificationsOf(threadId)).toHaveLength(1);
    expect(await mailsAbout(subject)).toHaveLength(1);
  });

  it('retries a failing job later with the error kept, and finishes it when it succeeds', async () => {
    let fail = true;
    const runs: string[] = [];
    // A kind with an empty payload stands in for any job; its handler here fails until told not to.
    const handlers: JobHandlers = {
      'attachments.remove-stale': async (_deps, job) => {
        runs.push(job.id);
        if (fail) throw new Error('the mail server is down');
      },
    };
    await enqueueJob(t.deps.db, {
      schoolId: f.schoolId,
      kind: 'attachments.remove-stale',
      payload: {},
      runAt: TEST_NOW,
      dedupeKey: 'flaky',
      createdAt: TEST_NOW,
    });
    expect(await runDueJobs(t.deps, handlers)).toBe(1);
    const failed = await t.deps.db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', 'flaky')
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ attempts: 1, last_error: 'the mail server is down', done_at: null });
    expect(failed.run_at.getTime()).toBe(TEST_NOW.getTime() + 60_000);

    expect(await runDueJobs(t.deps, handlers)).toBe(0);
    t.clock.advance(60_000);
    fail = false;
    expect(await runDueJobs(t.deps, handlers)).toBe(1);
    const done = await t.deps.db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', 'flaky')
      .executeTakeFirstOrThrow();
    expect(done).toMatchObject({ attempts: 2, last_error: null });
    expect(done.done_at).toEqual(t.clock.now());
    expect(runs).toEqual([failed.id, failed.id]);
  });

  it('runs due jobs in a polling loop until it is stopped', async () => {
    let ran!: () => void;
    const running = new Promise<void>((resolve) => (ran = resolve));
    await enqueueJob(t.deps.db, {
      schoolId: f.schoolId,
      kind: 'attachments.remove-stale',
      payload: {},
      runAt: TEST_NOW,
      dedupeKey: 'looped',
      createdAt: TEST_NOW,
    });
    const loop = startJobLoop(t.deps, { 'attachments.remove-stale': async () => ran() }, 10);
    await running;
    await loop.stop();
    const job = await t.deps.db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', 'looped')
      .executeTakeFirstOrThrow();
    expect(job.done_at).not.toBeNull();
  });

  it('runs a job that a committed unit of work queued at once, not at the next poll', async () => {
    // An hour between polls: only the wake-up after the commit can run the job within the test.
    const ran: string[] = [];
    let woken!: () => void;
    const running = new Promise<void>((resolve) => (woken = resolve));
    const loop = startJobLoop(
      t.deps,
      {
        'attachments.remove-stale': async (_deps, job) => {
          ran.push(job.id);
          woken();
        },
      },
      3_600_000,
    );
    // The loop's first round finds nothing due with this key yet; the job is queued after it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ran).toEqual([]);
    await inTransaction(t.deps, (tx) =>
      enqueueJob(tx.db, {
        schoolId: f.schoolId,
        kind: 'attachments.remove-stale',
        payload: {},
        runAt: TEST_NOW,
        dedupeKey: 'woken',
        createdAt: TEST_NOW,
      }),
    );
    await running;
    await loop.stop();
    const job = await t.deps.db
      .selectFrom('jobs')
      .select(['id', 'done_at'])
      .where('dedupe_key', '=', 'woken')
      .executeTakeFirstOrThrow();
    expect(ran).toEqual([job.id]);
    expect(job.done_at).not.toBeNull();
  });

  it('is not woken by a unit of work that rolled back its jobs', async () => {
    let woken = 0;
    const unsubscribe = t.deps.jobs.subscribe(() => (woken += 1));
    await expect(
      inTransaction(t.deps, async (tx) => {
        await enqueueJob(tx.db, {
          schoolId: f.schoolId,
          kind: 'attachments.remove-stale',
          payload: {},
          runAt: TEST_NOW,
          dedupeKey: 'rolled-back',
          createdAt: TEST_NOW,
        });
        throw new Error('the use case failed after queuing');
      }),
    ).rejects.toThrow(/failed after queuing/);
    await inTransaction(t.deps, (tx) => tx.db.selectFrom('jobs').select('id').execute());
    unsubscribe();
    expect(woken).toBe(0);
  });

  it('refuses to queue a payload that does not fit its kind, and undoes nothing else', async () => {
    const bad = { threadId: 'not-a-thread', dueAt: 'tomorrow' } as unknown as { threadId: string; dueAt: string };
    await expect(
      enqueueJob(t.deps.db, {
        schoolId: f.schoolId,
        kind: 'promise-reminder',
        payload: bad,
        runAt: TEST_NOW,
        dedupeKey: 'bad-payload',
        createdAt: TEST_NOW,
      }),
    ).rejects.toThrow(/Invalid/);
    expect(await t.deps.db.selectFrom('jobs').select('id').where('dedupe_key', '=', 'bad-payload').execute()).toEqual(
      [],
    );
  });

  it('fails a stored job whose payload no longer fits its kind at once, through the application log', async () => {
    // Written past the queue's check, as a job from an older version of the server might be.
    await insertJobs(t.deps.db, [
      {
        schoolId: f.schoolId,
        kind: 'message-email',
        payload: { messageId: 42 },
        runAt: TEST_NOW,
        dedupeKey: 'stale-payload',
        createdAt: TEST_NOW,
      },
    ]);
    const logged: Array<{ details: object; message?: string }> = [];
    const log = {
      info: () => undefined,
      warn: () => undefined,
      error: (details: object, message?: string) => logged.push({ details, message }),
    };
    const ran: string[] = [];
    await runDueJobs({ ...t.deps, log }, { 'message-email': async (_deps, job) => void ran.push(job.id) });
    const job = await t.deps.db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', 'stale-payload')
      .executeTakeFirstOrThrow();
    expect(ran).toEqual([]);
    expect(job.failed_at).not.toBeNull();
    expect(job.attempts).toBe(1);
    expect(job.last_error).toMatch(/payload does not fit "message-email"/);
    expect(logged).toEqual([
      { details: expect.objectContaining({ jobId: job.id, kind: 'message-email' }), message: 'job failed for good' },
    ]);
  });
});
