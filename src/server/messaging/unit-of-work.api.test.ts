import { sql } from 'kysely';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { insertAttachment } from '../attachments/attachment.repository.js';
import type { TThreadDetail } from '../../shared/api/messaging.schema.js';

/**
 * One send, one unit of work: a failure anywhere after the message is inserted (its notification
 * job, its promise reminder, its audit row, its attachment claim) leaves nothing behind, and a
 * retry then stores the send exactly once. The failures are injected by the database itself: a
 * trigger that raises on the row the send writes after its message.
 */
describe('a send is one unit of work', () => {
  let t: TestApp;
  let f: Fixture;
  let subjectNo = 0;

  const send = (actor: ActorName, url: string, body: unknown, key?: string) =>
    t.request({
      method: 'POST',
      url,
      as: f.users[actor],
      headers: key ? { 'idempotency-key': key } : {},
      payload: body as Record<string, unknown>,
    });
  const newSubject = () => `Enhed ${(subjectNo += 1)}`;

  /** Makes inserts into `table` (where `condition` holds for the new row) fail until `healed`. */
  const failInsertsInto = async (table: string, condition = 'true') => {
    const statements = [
      `create or replace function samspil_injected_failure() returns trigger language plpgsql as $$
       begin if ${condition} then raise exception 'injected failure'; end if; return new; end $$`,
      `drop trigger if exists samspil_injected_failure on ${table}`,
      `create trigger samspil_injected_failure before insert or update on ${table}
         for each row execute function samspil_injected_failure()`,
    ];
    for (const statement of statements) await sql.raw(statement).execute(t.deps.db);
    return () => sql.raw(`drop trigger if exists samspil_injected_failure on ${table}`).execute(t.deps.db);
  };
  let heal: (() => Promise<unknown>) | null = null;

  const count = async (
    table: 'message_threads' | 'messages' | 'audit_log' | 'jobs' | 'thread_participants' | 'reply_promises',
  ) =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const everything = async () => ({
    threads: await count('message_threads'),
    participants: await count('thread_participants'),
    messages: await count('messages'),
    audit: await count('audit_log'),
    promises: await count('reply_promises'),
    jobs: await count('jobs'),
  });
  const pendingUpload = async (actor: ActorName) =>
    (
      await insertAttachment(t.deps.db, {
        schoolId: f.schoolId,
        uploadedBy: f.people[actor]!,
        contentType: 'application/pdf',
        fileName: 'plan.pdf',
        content: Buffer.from('%PDF-1.4 plan'),
        sha256: 'x',
        at: TEST_NOW,
      })
    ).id;
  const isPending = async (attachmentId: string) =>
    (
      await t.deps.db
        .selectFrom('attachments')
        .select('message_id')
        .where('id', '=', attachmentId)
        .executeTakeFirstOrThrow()
    ).message_id === null;

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
  });
  afterEach(async () => {
    await heal?.();
    heal = null;
  });
  afterAll(() => t.close());

  const cases: Array<{ name: string; table: string; condition?: string }> = [
    { name: 'its notification job', table: 'jobs', condition: "new.kind = 'message-notification'" },
    { name: 'its promise reminder', table: 'jobs', condition: "new.kind = 'promise-reminder'" },
    { name: 'the claim of its attachment', table: 'attachments', condition: 'new.message_id is not null' },
  ];
  for (const failure of cases) {
    it(`leaves nothing of a guardian's new thread when ${failure.name} fails, and a retry stores it once`, async () => {
      const attachmentId = await pendingUpload('custodyGuardian');
      const body = {
        studentId: f.ownStudent,
        subject: newSubject(),
        body: 'Emma er ked af det.',
        attachmentIds: [attachmentId],
      };
      const before = await everything();
      heal = await failInsertsInto(failure.table, failure.condition);
      const failed = await send('custodyGuardian', '/api/threads', body, `uow-${subjectNo}`);
      expect(failed.statusCode).toBe(500);
      expect(await everything()).toEqual(before);
      expect(await isPending(attachmentId)).toBe(true);

      await heal();
      heal = null;
      const first = await send('custodyGuardian', '/api/threads', body, `uow-${subjectNo}`);
      const again = await send('custodyGuardian', '/api/threads', body, `uow-${subjectNo}`);
      expect(first.statusCode, first.body).toBe(201);
      expect(again.statusCode).toBe(201);
      expect((again.json() as TThreadDetail).id).toBe((first.json() as TThreadDetail).id);
      const after = await everything();
      expect(after.threads - before.threads).toBe(1);
      expect(after.messages - before.messages).toBe(1);
      expect(await isPending(attachmentId)).toBe(false);
    });
  }

  it('leaves nothing of a staff answer about a child when its audit row fails, and keeps the promise open', async () => {
    const thread = (
      await send('custodyGuardian', '/api/threads', { studentId: f.ownStudent, subject: newSubject(), body: 'Hej' })
    ).json() as TThreadDetail;
    const before = await everything();
    heal = await failInsertsInto('audit_log');
    const failed = await send('contactTeacher', `/api/threads/${thread.id}/messages`, { body: 'Tak, jeg ringer.' });
    expect(failed.statusCode).toBe(500);
    expect(await everything()).toEqual(before);
    const stored = await t.deps.db
      .selectFrom('message_threads')
      .select('promise_fulfilled_at')
      .where('id', '=', thread.id)
      .executeTakeFirstOrThrow();
    expect(stored.promise_fulfilled_at).toBeNull();
  });

  it('leaves nothing of an urgent class message when the log of its urgency fails', async () => {
    const before = await everything();
    heal = await failInsertsInto('audit_log', "new.action = 'message.urgent'");
    const failed = await send('contactTeacher', `/api/schools/${f.schoolId}/classes/${f.classA}/messages`, {
      subject: newSubject(),
      body: 'Der er lus i klassen.',
      urgent: true,
    });
    expect(failed.statusCode).toBe(500);
    expect(await everything()).toEqual(before);
  });

  it('gives every stored thread with an open promise its reminder and its one open promise row, whatever the sends and answers', async () => {
    // The thread's current promise and the history the figures count must agree: one open row per
    // open promise, with the same due time, and none where the thread's promise is kept.
    const promisesOutOfStep = async () => {
      const threads = await t.deps.db
        .selectFrom('message_threads')
        .select(['id', 'reply_due_at', 'promise_fulfilled_at'])
        .where('school_id', '=', f.schoolId)
        .execute();
      const open = await t.deps.db
        .selectFrom('reply_promises')
        .select(['thread_id', 'due_at'])
        .where('school_id', '=', f.schoolId)
        .where('kept_at', 'is', null)
        .execute();
      return threads.flatMap((th) => {
        const rows = open.filter((p) => p.thread_id === th.id);
        const expected = th.reply_due_at && !th.promise_fulfilled_at ? [th.reply_due_at.getTime()] : [];
        const actual = rows.map((p) => p.due_at.getTime());
        return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ thread: th.id, expected, actual }];
      });
    };
    const openPromisesWithoutReminder = () =>
      t.deps.db
        .selectFrom('message_threads as th')
        .select('th.id')
        .where('th.school_id', '=', f.schoolId)
        .where('th.reply_due_at', 'is not', null)
        .where('th.promise_fulfilled_at', 'is', null)
        .where(({ not, exists, selectFrom, ref }) =>
          not(
            exists(
              selectFrom('jobs as j')
                .select('j.id')
                .where('j.kind', '=', 'promise-reminder')
                .where(
                  'j.dedupe_key',
                  '=',
                  sql<string>`'promise-reminder:' || ${ref('th.id')} || ':' || to_char(${ref('th.reply_due_at')} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
                ),
            ),
          ),
        )
        .execute();
    const step = fc.oneof(
      fc.constant({ kind: 'new-thread' as const }),
      fc.record({ kind: fc.constant('guardian-reply' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('staff-reply' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('retry' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const threads: string[] = [];
        const keys: Array<{ url: string; body: unknown; key: string; actor: ActorName }> = [];
        for (const s of steps) {
          const of = (pick: number) => threads[pick % threads.length];
          let call: { url: string; body: unknown; key: string; actor: ActorName } | undefined;
          if (s.kind === 'new-thread') {
            call = {
              actor: 'custodyGuardian',
              url: '/api/threads',
              body: { studentId: f.ownStudent, subject: newSubject(), body: 'Et spørgsmål' },
              key: `prop-${subjectNo}`,
            };
          } else if (s.kind === 'retry') {
            call = keys[s.pick % Math.max(keys.length, 1)];
          } else if (threads.length > 0) {
            call = {
              actor: s.kind === 'guardian-reply' ? 'custodyGuardian' : 'contactTeacher',
              url: `/api/threads/${of(s.pick)}/messages`,
              body: { body: `Svar ${s.pick}` },
              key: `prop-reply-${(subjectNo += 1)}`,
            };
          }
          if (!call) continue;
          const res = await send(call.actor, call.url, call.body, call.key);
          expect(res.statusCode, res.body).toBe(201);
          keys.push(call);
          if (call.url === '/api/threads') threads.push((res.json() as TThreadDetail).id);
        }
        expect(await openPromisesWithoutReminder()).toEqual([]);
        expect(await promisesOutOfStep()).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});
