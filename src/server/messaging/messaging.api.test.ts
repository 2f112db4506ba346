import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { adoptPreset } from '../principle/principle.service.js';
import { SESSION_COOKIE, startSession } from '../auth/session.service.js';
import {
  MESSAGE_BODY_MAX,
  type TBrokenPromiseList,
  type TThreadDetail,
  type TThreadList,
} from '../../shared/api/messaging.schema.js';

const HOUR = 3_600_000;
const withoutCookie = ({ cookie: _cookie, ...rest }: Record<string, string>) => rest;
const DAY = 24 * HOUR;

describe('messages with a promise', () => {
  let t: TestApp;
  let f: Fixture;
  let subjectNo = 0;

  // A fresh session per request: the tests move the clock by days, past the sessions' idle limit.
  const cookieOf = async (actor: ActorName) =>
    `${SESSION_COOKIE}=${(await startSession(t.deps, f.users[actor]!, 'password')).token}`;
  const send = async (
    method: 'POST' | 'PUT' | 'GET',
    url: string,
    actor: ActorName,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: {
        cookie: [await cookieOf(actor), headers.cookie].filter(Boolean).join('; '),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...withoutCookie(headers),
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
  const newSubject = () => `Spørgsmål ${(subjectNo += 1)}`;
  const write = (
    actor: ActorName = 'custodyGuardian',
    body: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    send(
      'POST',
      '/api/threads',
      actor,
      { studentId: f.ownStudent, subject: newSubject(), body: 'Emma er ked af det efter frikvarteret.', ...body },
      headers,
    );
  const countRows = async (table: 'message_threads' | 'messages') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const brokenPromises = async () =>
    (await send('GET', `/api/schools/${f.schoolId}/broken-promises`, 'leader')).json() as TBrokenPromiseList;

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    // Balleskolen's principle (seed 002): staff answer within three working days.
    await adoptTestPrinciple(t.deps.db, f.schoolId);
  });
  afterAll(() => t.close());

  describe('the promise, in Danish working days', () => {
    it('promises Thursday for a message on Monday 23 November at 10:00, in the reader’s language', async () => {
      t.clock.set(TEST_NOW);
      const res = await write();
      expect(res.statusCode).toBe(201);
      const thread = res.json() as TThreadDetail;
      // The end of Thursday 26 November in Copenhagen (UTC+1 in winter).
      expect(thread.replyDueAt).toBe('2026-11-26T22:59:59.999Z');
      expect(thread.replyDueText).toBe('Skolen svarer senest torsdag 26. november');
      expect(thread.promiseStatus).toBe('open');
      expect(thread.student).toEqual({ id: f.ownStudent, name: 'Emma Hansen' });
      expect(thread.counterparts).toEqual([{ name: 'Birgitte Lund', role: 'staff' }]);
      expect(thread.messages).toHaveLength(1);
      expect(thread.messages[0]).toMatchObject({
        kind: 'message',
        body: 'Emma er ked af det efter frikvarteret.',
        author: { name: 'Mette Hansen', role: 'guardian', isReader: true },
      });

      const english = await send('GET', `/api/threads/${thread.id}`, 'custodyGuardian', undefined, {
        cookie: 'samspil_lang=en',
      });
      expect(english.json().replyDueText).toBe('The school replies by Thursday 26 November');
      const staffView = (await send('GET', `/api/threads/${thread.id}`, 'contactTeacher')).json() as TThreadDetail;
      expect(staffView.replyDueText).toBe('Svar senest torsdag 26. november');
    });

    it('promises Wednesday for a message on Friday evening at 20:00', async () => {
      t.clock.set(new Date('2026-11-27T19:00:00Z'));
      const thread = (await write()).json() as TThreadDetail;
      expect(thread.replyDueAt).toBe('2026-12-02T22:59:59.999Z');
      expect(thread.replyDueText).toBe('Skolen svarer senest onsdag 2. december');
    });

    it('skips Easter: a message on Wednesday 1 April 2026 is due on Thursday 9 April', async () => {
      t.clock.set(new Date('2026-04-01T08:00:00Z'));
      const thread = (await write()).json() as TThreadDetail;
      // Maundy Thursday, Good Friday, the weekend and Easter Monday are not working days (UTC+2 in summer).
      expect(thread.replyDueAt).toBe('2026-04-09T21:59:59.999Z');
      expect(thread.replyDueText).toBe('Skolen svarer senest torsdag 9. april');
    });

    it("pushes the promise past the school's own closed days", async () => {
      const put = await send('PUT', `/api/schools/${f.schoolId}/closed-days`, 'leader', {
        schoolYear: 2026,
        days: [{ date: '2026-11-25', label: 'Pædagogisk dag' }],
      });
      expect(put.statusCode).toBe(200);
      t.clock.set(TEST_NOW);
      const thread = (await write()).json() as TThreadDetail;
      expect(thread.replyDueAt).toBe('2026-11-27T22:59:59.999Z');
      await send('PUT', `/api/schools/${f.schoolId}/closed-days`, 'leader', { schoolYear: 2026, days: [] });
      expect(((await write()).json() as TThreadDetail).replyDueAt).toBe('2026-11-26T22:59:59.999Z');
    });
  });

  describe('sending safely', () => {
    it('stores one thread and one message when the same key is sent twice', async () => {
      t.clock.set(TEST_NOW);
      const headers = { 'idempotency-key': 'send-twice-1' };
      const body = { subject: 'Sygdom', body: 'Emma er syg i dag.' };
      const first = await write('custodyGuardian', body, headers);
      const second = await write('custodyGuardian', body, headers);
      expect(first.statusCode).toBe(201);
      expect([200, 201]).toContain(second.statusCode);
      expect(second.json().id).toBe(first.json().id);
      expect(second.json().messages).toHaveLength(1);
      const stored = await t.deps.db
        .selectFrom('messages')
        .select('id')
        .where('idempotency_key', '=', 'send-twice-1')
        .execute();
      expect(stored).toHaveLength(1);
    });

    it('refuses a key reused for a different message and stores nothing', async () => {
      const before = await countRows('messages');
      const res = await write(
        'custodyGuardian',
        { subject: 'Sygdom', body: 'Noget helt andet.' },
        { 'idempotency-key': 'send-twice-1' },
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('idempotency_key_reused');
      expect(await countRows('messages')).toBe(before);
    });

    it('stores one thread and one message for 20 concurrent sends with one key', async () => {
      const [threadsBefore, messagesBefore] = [await countRows('message_threads'), await countRows('messages')];
      const body = { subject: 'Afhentning', body: 'Mormor henter Emma i dag.' };
      const results = await Promise.all(
        Array.from({ length: 20 }, () => write('custodyGuardian', body, { 'idempotency-key': 'concurrent-1' })),
      );
      expect(results.map((r) => r.statusCode).filter((s) => s !== 201 && s !== 200)).toEqual([]);
      expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
      expect(await countRows('message_threads')).toBe(threadsBefore + 1);
      expect(await countRows('messages')).toBe(messagesBefore + 1);
    });

    it('keeps a reply idempotent too', async () => {
      const thread = (await write()).json() as TThreadDetail;
      const headers = { 'idempotency-key': 'reply-1' };
      const a = await send(
        'POST',
        `/api/threads/${thread.id}/messages`,
        'contactTeacher',
        { body: 'Tak, jeg taler med Emma.' },
        headers,
      );
      const b = await send(
        'POST',
        `/api/threads/${thread.id}/messages`,
        'contactTeacher',
        { body: 'Tak, jeg taler med Emma.' },
        headers,
      );
      expect(a.statusCode).toBe(201);
      expect(b.json().messages).toHaveLength(2);
      expect((await send('GET', `/api/threads/${thread.id}`, 'custodyGuardian')).json().messages).toHaveLength(2);
    });
  });

  describe('who may write', () => {
    it("answers 404 for another family's child, or a child that does not exist, and stores nothing", async () => {
      const before = await countRows('message_threads');
      const other = await write('otherFamilyGuardian');
      expect(other.statusCode).toBe(404);
      expect(other.json().error.code).toBe('not_found');
      const notMine = await send('POST', '/api/threads', 'custodyGuardian', {
        studentId: f.otherStudent,
        subject: 'Hej',
        body: 'Hej',
      });
      expect(notMine.statusCode).toBe(404);
      const missing = await send('POST', '/api/threads', 'custodyGuardian', {
        studentId: '00000000-0000-4000-8000-000000000000',
        subject: 'Hej',
        body: 'Hej',
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.message).toBe(notMine.json().error.message);
      expect(await countRows('message_threads')).toBe(before);
    });

    it('refuses a suspended guardian with 403 guardian_suspended', async () => {
      const res = await write('suspendedGuardian');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('guardian_suspended');
    });

    it('lets a parent with the right to information only ask the contact teacher', async () => {
      const res = await write('informationRightParent');
      expect(res.statusCode).toBe(201);
      expect(res.json().counterparts).toEqual([{ name: 'Birgitte Lund', role: 'staff' }]);
      // The child's other guardians are not brought into the thread.
      const inbox = (await send('GET', '/api/threads', 'custodyGuardian')).json() as TThreadList;
      expect(inbox.threads.map((th) => th.id)).not.toContain(res.json().id);
    });
  });

  describe('bad input', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['an empty body', { body: '' }, 'body'],
      ['a body of only whitespace', { body: '   \n\t ' }, 'body'],
      [`a body over ${MESSAGE_BODY_MAX} characters`, { body: 'a'.repeat(MESSAGE_BODY_MAX + 1) }, 'body'],
      ['a missing subject', { subject: undefined }, 'subject'],
      ['a blank subject', { subject: '  ' }, 'subject'],
    ];
    for (const [name, body, field] of cases) {
      it(`refuses ${name} with a translated 400 and stores nothing`, async () => {
        const before = await countRows('messages');
        const res = await write('custodyGuardian', body);
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toMatchObject({
          code: 'validation_failed',
          field,
          message: 'Nogle felter er ikke udfyldt rigtigt.',
        });
        const english = await send(
          'POST',
          '/api/threads',
          'custodyGuardian',
          { studentId: f.ownStudent, subject: 'x', body: 'y', ...body },
          { cookie: 'samspil_lang=en' },
        );
        expect(english.json().error.message).toBe('Some fields are not filled in correctly.');
        expect(await countRows('messages')).toBe(before);
      });
    }

    it(`accepts a body of exactly ${MESSAGE_BODY_MAX} characters`, async () => {
      const res = await write('custodyGuardian', { body: 'ø'.repeat(MESSAGE_BODY_MAX) });
      expect(res.statusCode).toBe(201);
      expect(res.json().messages[0].body).toHaveLength(MESSAGE_BODY_MAX);
    });

    it('stores HTML and script as plain text and returns it exactly as written', async () => {
      const html = '<script>alert("x")</script><b>Hej</b> & <img src=x onerror=alert(1)>';
      const res = await write('custodyGuardian', { body: html });
      expect(res.json().messages[0].body).toBe(html);
      const stored = await t.deps.db
        .selectFrom('messages')
        .select('body')
        .where('thread_id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      expect(stored.body).toBe(html);
    });
  });

  describe('keeping the promise', () => {
    it('is kept by a staff reply, and a later guardian message starts a new promise', async () => {
      t.clock.set(TEST_NOW);
      const thread = (await write()).json() as TThreadDetail;
      t.clock.advance(2 * HOUR);
      const guardianAgain = (
        await send('POST', `/api/threads/${thread.id}/messages`, 'custodyGuardian', {
          body: 'Og hun har ondt i maven.',
        })
      ).json() as TThreadDetail;
      // A second message before any answer does not move the promise.
      expect(guardianAgain.replyDueAt).toBe(thread.replyDueAt);

      t.clock.advance(DAY);
      const reply = await send('POST', `/api/threads/${thread.id}/messages`, 'contactTeacher', {
        body: 'Tak, jeg ringer i eftermiddag.',
      });
      expect(reply.statusCode).toBe(201);
      const answered = reply.json() as TThreadDetail;
      expect(answered.promiseStatus).toBe('fulfilled');
      expect(answered.promiseFulfilledAt).toBe(t.clock.now().toISOString());
      expect(answered.replyDueText).toBeNull();
      const row = await t.deps.db
        .selectFrom('message_threads')
        .select(['promise_fulfilled_by'])
        .where('id', '=', thread.id)
        .executeTakeFirstOrThrow();
      expect(row.promise_fulfilled_by).toBe(f.people.contactTeacher);

      // Friday 27 November 20:00: the guardian writes again and is promised an answer by Wednesday.
      t.clock.set(new Date('2026-11-27T19:00:00Z'));
      const followUp = (
        await send('POST', `/api/threads/${thread.id}/messages`, 'custodyGuardian', { body: 'Hun har det bedre nu.' })
      ).json() as TThreadDetail;
      expect(followUp.promiseStatus).toBe('open');
      expect(followUp.replyDueAt).toBe('2026-12-02T22:59:59.999Z');
    });

    it('is kept by an acknowledgement, which only staff in the thread may give', async () => {
      t.clock.set(TEST_NOW);
      const thread = (await write()).json() as TThreadDetail;
      const byGuardian = await send('POST', `/api/threads/${thread.id}/acknowledge`, 'custodyGuardian', {});
      expect(byGuardian.statusCode).toBe(403);
      expect((await send('POST', `/api/threads/${thread.id}/acknowledge`, 'otherClassTeacher', {})).statusCode).toBe(
        404,
      );

      const res = await send('POST', `/api/threads/${thread.id}/acknowledge`, 'contactTeacher', {});
      expect(res.statusCode).toBe(201);
      const ack = res.json() as TThreadDetail;
      expect(ack.promiseStatus).toBe('fulfilled');
      expect(ack.messages.at(-1)).toMatchObject({
        kind: 'acknowledgement',
        body: 'Modtaget – jeg vender tilbage.',
        author: { name: 'Birgitte Lund', role: 'staff' },
      });
      const withWords = await send('POST', `/api/threads/${(await write()).json().id}/acknowledge`, 'contactTeacher', {
        body: 'Modtaget – jeg ringer til dig.',
      });
      expect(withWords.json().messages.at(-1).body).toBe('Modtaget – jeg ringer til dig.');
    });

    it('shows the leadership a broken promise once the due day has passed, until it is answered', async () => {
      t.clock.set(TEST_NOW);
      const thread = (await write()).json() as TThreadDetail;
      const listed = async () => (await brokenPromises()).promises.find((p) => p.threadId === thread.id);
      expect(await listed()).toBeUndefined();

      t.clock.set(new Date('2026-11-26T22:00:00Z')); // Thursday 23:00: still on time
      expect(await listed()).toBeUndefined();

      t.clock.set(new Date('2026-11-27T09:00:00Z')); // Friday 10:00: one working day late
      expect(await listed()).toEqual({
        threadId: thread.id,
        subject: thread.subject,
        student: { id: f.ownStudent, name: 'Emma Hansen' },
        guardians: [{ name: 'Mette Hansen' }],
        owedBy: [{ name: 'Birgitte Lund' }],
        replyDueAt: '2026-11-26T22:59:59.999Z',
        workingDaysLate: 1,
      });
      expect(
        ((await send('GET', `/api/threads/${thread.id}`, 'custodyGuardian')).json() as TThreadDetail).promiseStatus,
      ).toBe('broken');

      t.clock.set(new Date('2026-11-30T09:00:00Z')); // the weekend does not count: Monday is two days late
      expect((await listed())?.workingDaysLate).toBe(2);

      expect((await send('GET', `/api/schools/${f.schoolId}/broken-promises`, 'contactTeacher')).statusCode).toBe(403);
      await send('POST', `/api/threads/${thread.id}/messages`, 'contactTeacher', { body: 'Undskyld det sene svar.' });
      expect(await listed()).toBeUndefined();
    });

    it('makes no promise when the principle sets no response time', async () => {
      await adoptPreset(t.deps.db, {
        schoolId: f.schoolId,
        presetId: 'seed-001',
        adoptedOn: '2026-11-02',
        adoptedBy: 'Skolebestyrelsen',
        recordedBy: null,
        now: TEST_NOW,
      });
      try {
        const thread = (await write()).json() as TThreadDetail;
        expect(thread).toMatchObject({ replyDueAt: null, replyDueText: null, promiseStatus: 'none' });
      } finally {
        await adoptPreset(t.deps.db, {
          schoolId: f.schoolId,
          presetId: 'seed-002',
          adoptedOn: '2026-11-03',
          adoptedBy: 'Skolebestyrelsen',
          recordedBy: null,
          now: TEST_NOW,
        });
      }
    });
  });

  describe('reading', () => {
    it('lets the participants and the leadership read a thread, and no one else', async () => {
      t.clock.set(TEST_NOW);
      const thread = (await write()).json() as TThreadDetail;
      const outcome = async (actor: ActorName) => (await send('GET', `/api/threads/${thread.id}`, actor)).statusCode;
      for (const actor of ['custodyGuardian', 'contactTeacher', 'leader', 'administrator'] as const)
        expect(await outcome(actor), actor).toBe(200);
      for (const actor of [
        'otherFamilyGuardian',
        'informationRightParent',
        'protectedGuardian',
        'suspendedGuardian',
        'student',
        'otherClassTeacher',
        'boardMember',
        'otherSchoolLeader',
      ] as const) {
        expect(await outcome(actor), actor).toBe(404);
      }
      // A leader who is not in the thread may read and answer it (staff-messaging.api.test.ts); other staff may not.
      const leaderView = (await send('GET', `/api/threads/${thread.id}`, 'leader')).json() as TThreadDetail;
      expect(leaderView.abilities).toEqual({ reply: true, acknowledge: true });
      expect(
        (await send('POST', `/api/threads/${thread.id}/messages`, 'otherClassTeacher', { body: 'Hej' })).statusCode,
      ).toBe(404);
      expect(
        (await send('POST', `/api/threads/${thread.id}/messages`, 'otherFamilyGuardian', { body: 'Hej' })).statusCode,
      ).toBe(404);
    });

    it("writes an audit row when staff read a child's thread, and none for the guardian's own read", async () => {
      const thread = (await write()).json() as TThreadDetail;
      const auditRows = () =>
        t.deps.db
          .selectFrom('audit_log')
          .select(['actor_role', 'student_id'])
          .where('action', '=', 'thread.read')
          .where('school_id', '=', f.schoolId)
          .orderBy('id')
          .execute();
      const before = (await auditRows()).length;
      await send('GET', `/api/threads/${thread.id}`, 'custodyGuardian');
      expect((await auditRows()).length).toBe(before);
      await send('GET', `/api/threads/${thread.id}`, 'contactTeacher');
      await send('GET', `/api/threads/${thread.id}`, 'leader');
      const rows = (await auditRows()).slice(before);
      expect(rows).toEqual([
        { actor_role: 'contact_teacher', student_id: f.ownStudent },
        { actor_role: 'leader', student_id: f.ownStudent },
      ]);
    });

    it('lists the caller’s threads, newest activity first, with unread counts that opening clears', async () => {
      t.clock.set(new Date('2026-12-01T09:00:00Z'));
      const older = (await write()).json() as TThreadDetail;
      t.clock.advance(HOUR);
      const newer = (await write()).json() as TThreadDetail;
      t.clock.advance(HOUR);
      await send('POST', `/api/threads/${older.id}/messages`, 'contactTeacher', { body: 'Svar 1' });
      await send('POST', `/api/threads/${older.id}/messages`, 'contactTeacher', { body: 'Svar 2' });

      const inbox = (await send('GET', '/api/threads', 'custodyGuardian')).json() as TThreadList;
      const ids = inbox.threads.map((th) => th.id);
      expect(ids.indexOf(older.id)).toBe(0);
      expect(ids.indexOf(newer.id)).toBe(1);
      expect(ids).toContain(f.thread);
      const first = inbox.threads[0]!;
      expect(first).toMatchObject({
        unreadCount: 2,
        promiseStatus: 'fulfilled',
        student: { name: 'Emma Hansen' },
        counterparts: [{ name: 'Birgitte Lund', role: 'staff' }],
      });
      expect(inbox.threads[1]).toMatchObject({
        unreadCount: 0,
        promiseStatus: 'open',
        replyDueText: 'Skolen svarer senest fredag 4. december',
      });

      await send('GET', `/api/threads/${older.id}`, 'custodyGuardian');
      const after = (await send('GET', '/api/threads', 'custodyGuardian')).json() as TThreadList;
      expect(after.threads.find((th) => th.id === older.id)?.unreadCount).toBe(0);

      const teacherInbox = (await send('GET', '/api/threads', 'contactTeacher')).json() as TThreadList;
      expect(teacherInbox.threads.find((th) => th.id === newer.id)).toMatchObject({
        unreadCount: 1,
        counterparts: [{ name: 'Mette Hansen', role: 'guardian' }],
        replyDueText: 'Svar senest fredag 4. december',
      });
      expect(((await send('GET', '/api/threads', 'otherFamilyGuardian')).json() as TThreadList).threads).toEqual([]);
      expect(((await send('GET', '/api/threads', 'otherClassTeacher')).json() as TThreadList).threads).toEqual([]);
    });
  });
});
