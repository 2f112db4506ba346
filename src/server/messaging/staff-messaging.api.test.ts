import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { MESSAGE_NOTIFICATION_JOB } from '../notifications/message-notification.service.js';
import type { TColleagueList, TThreadDetail, TThreadList, TUrgentUseList } from '../../shared/api/messaging.schema.js';

const HOUR = 3_600_000;

describe('staff messaging: urgent messages, staff-started threads, leaders answering, read by the school', () => {
  let t: TestApp;
  let f: Fixture;
  let subjectNo = 0;

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
  });
  afterAll(() => t.close());

  const call = (
    method: 'GET' | 'POST',
    url: string,
    actor: ActorName,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => t.request({ method, url, as: f.users[actor], payload: payload as never, headers });
  const subject = () => `Emne ${(subjectNo += 1)}`;
  const open = async (threadId: string, actor: ActorName) =>
    (await call('GET', `/api/threads/${threadId}`, actor)).json() as TThreadDetail;
  const inbox = async (actor: ActorName) => ((await call('GET', '/api/threads', actor)).json() as TThreadList).threads;
  const reply = (
    threadId: string,
    actor: ActorName,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => call('POST', `/api/threads/${threadId}/messages`, actor, body, headers);
  const guardianWrites = async () =>
    (
      await call('POST', '/api/threads', 'custodyGuardian', {
        studentId: f.ownStudent,
        subject: subject(),
        body: 'Emma har ondt i maven.',
      })
    ).json() as TThreadDetail;
  const toGuardians = (
    actor: ActorName,
    body: Record<string, unknown> = {},
    headers: Record<string, string> = {},
    studentId = f.ownStudent,
  ) =>
    call(
      'POST',
      `/api/schools/${f.schoolId}/students/${studentId}/threads`,
      actor,
      { subject: subject(), body: 'Emma faldt i frikvarteret og slog knæet.', ...body },
      headers,
    );
  const toStaff = (actor: ActorName, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    call(
      'POST',
      `/api/schools/${f.schoolId}/threads`,
      actor,
      { subject: subject(), body: 'Kan vi tale om 3.A torsdag?', ...body },
      headers,
    );
  const count = async (table: 'messages' | 'message_threads') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const urgentAudit = () =>
    t.deps.db
      .selectFrom('audit_log')
      .select(['actor_role', 'student_id'])
      .where('action', '=', 'message.urgent')
      .orderBy('at')
      .orderBy('id')
      .execute();
  const participantsOf = (threadId: string) =>
    t.deps.db
      .selectFrom('thread_participants')
      .select(['person_id', 'role'])
      .where('thread_id', '=', threadId)
      .execute();

  describe('urgent: only by staff, always logged', () => {
    it('marks a class message urgent, logs it, queues its notification, and shows it on the message and the thread', async () => {
      t.clock.set(TEST_NOW);
      const before = (await urgentAudit()).length;
      const res = await call('POST', `/api/schools/${f.schoolId}/classes/${f.classA}/messages`, 'contactTeacher', {
        subject: 'Skolen er lukket i morgen pga. storm',
        body: 'Hold børnene hjemme i morgen.',
        urgent: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      const thread = res.json() as TThreadDetail;
      expect(thread.urgent).toBe(true);
      expect(thread.messages[0]?.urgent).toBe(true);
      // A class message is about no one child; the writer's school role is logged.
      expect((await urgentAudit()).slice(before)).toEqual([{ actor_role: 'teacher', student_id: null }]);
      const job = await t.deps.db
        .selectFrom('jobs')
        .select('payload')
        .where('kind', '=', MESSAGE_NOTIFICATION_JOB)
        .where('dedupe_key', '=', `${MESSAGE_NOTIFICATION_JOB}:${thread.messages[0]!.id}`)
        .executeTakeFirst();
      expect(job).toBeDefined();
      const listed = (await inbox('custodyGuardian')).find((th) => th.id === thread.id);
      expect(listed?.urgent).toBe(true);
      // An ordinary message stays ordinary.
      const plain = (
        await call('POST', `/api/schools/${f.schoolId}/classes/${f.classA}/messages`, 'contactTeacher', {
          subject: 'Hovedlus i 3.A',
          body: 'Tjek venligst håret.',
        })
      ).json() as TThreadDetail;
      expect(plain.urgent).toBe(false);
      expect(plain.messages[0]?.urgent).toBe(false);
    });

    it('refuses urgent from a guardian, translated, and stores nothing', async () => {
      const [messages, threads] = [await count('messages'), await count('message_threads')];
      const created = await call('POST', '/api/threads', 'custodyGuardian', {
        studentId: f.ownStudent,
        subject: 'Haster',
        body: 'Ring til mig.',
        urgent: true,
      });
      expect(created.statusCode).toBe(403);
      expect(created.json().error).toMatchObject({
        code: 'urgent_staff_only',
        field: 'urgent',
        message: 'Kun skolens personale kan markere en besked som hastende.',
      });
      const english = await call(
        'POST',
        '/api/threads',
        'custodyGuardian',
        { studentId: f.ownStudent, subject: 'Haster', body: 'Ring til mig.', urgent: true },
        { cookie: 'samspil_lang=en' },
      );
      expect(english.json().error.message).toBe('Only school staff can mark a message as urgent.');

      const own = await guardianWrites();
      const group = (
        await call('POST', `/api/schools/${f.schoolId}/classes/${f.classA}/messages`, 'contactTeacher', {
          subject: subject(),
          body: 'Husk madpakke.',
        })
      ).json() as TThreadDetail;
      const [messagesNow, threadsNow] = [await count('messages'), await count('message_threads')];
      for (const threadId of [own.id, group.id]) {
        const res = await reply(threadId, 'custodyGuardian', { body: 'Det haster!', urgent: true });
        expect(res.statusCode, threadId).toBe(403);
        expect(res.json().error.code).toBe('urgent_staff_only');
      }
      expect([await count('messages'), await count('message_threads')]).toEqual([messagesNow, threadsNow]);
      expect(messagesNow - messages).toBe(2);
      expect(threadsNow - threads).toBe(2);
    });

    it("lets staff mark a reply urgent, logged with the child, and lists every use for the leadership without guardians' names", async () => {
      const thread = await guardianWrites();
      const before = (await urgentAudit()).length;
      const res = await reply(thread.id, 'contactTeacher', {
        body: 'Emma har feber, vil du hente hende?',
        urgent: true,
      });
      expect(res.statusCode).toBe(201);
      expect((res.json() as TThreadDetail).messages.at(-1)).toMatchObject({ urgent: true, author: { role: 'staff' } });
      expect((await urgentAudit()).slice(before)).toEqual([
        { actor_role: 'contact_teacher', student_id: f.ownStudent },
      ]);

      const list = await call('GET', `/api/schools/${f.schoolId}/urgent-messages`, 'leader');
      expect(list.statusCode).toBe(200);
      const { uses } = list.json() as TUrgentUseList;
      expect(uses[0]).toMatchObject({
        threadId: thread.id,
        author: { name: 'Birgitte Lund' },
        subject: thread.subject,
        group: null,
        student: { id: f.ownStudent, name: 'Emma Hansen' },
      });
      expect(uses.find((u) => u.subject === 'Skolen er lukket i morgen pga. storm')).toMatchObject({
        group: 'Forældre i 3.A',
        student: null,
        author: { name: 'Birgitte Lund' },
      });
      expect(JSON.stringify(uses)).not.toMatch(/Mette|Sara|Skolevej|Hemmelig|@/);
      for (const actor of ['contactTeacher', 'custodyGuardian', 'boardMember', 'otherSchoolLeader'] as const) {
        expect((await call('GET', `/api/schools/${f.schoolId}/urgent-messages`, actor)).statusCode, actor).toBe(403);
      }
    });
  });

  describe('staff start a thread with a child’s guardians', () => {
    it("reaches the child's custody holders who are not suspended, with no promise, until a guardian answers", async () => {
      t.clock.set(TEST_NOW);
      const res = await toGuardians('contactTeacher');
      expect(res.statusCode, res.body).toBe(201);
      const thread = res.json() as TThreadDetail;
      expect(thread).toMatchObject({
        kind: 'direct',
        student: { id: f.ownStudent, name: 'Emma Hansen' },
        replyDueAt: null,
        promiseStatus: 'none',
        urgent: false,
      });
      const people = await participantsOf(thread.id);
      expect(new Map(people.map((p) => [p.person_id, p.role]))).toEqual(
        new Map([
          [f.people.contactTeacher, 'staff'],
          [f.people.custodyGuardian, 'guardian'],
          [f.people.protectedGuardian, 'guardian'],
        ]),
      );
      for (const actor of ['informationRightParent', 'suspendedGuardian', 'otherFamilyGuardian'] as const)
        expect((await inbox(actor)).map((th) => th.id)).not.toContain(thread.id);
      expect((await inbox('custodyGuardian')).find((th) => th.id === thread.id)).toMatchObject({
        promiseStatus: 'none',
        counterparts: [{ name: 'Birgitte Lund', role: 'staff' }],
      });

      // A guardian's answer starts the promise as always; the teacher's answer keeps it.
      const answered = (
        await reply(thread.id, 'custodyGuardian', { body: 'Tak, vi holder øje med det.' })
      ).json() as TThreadDetail;
      expect(answered).toMatchObject({
        promiseStatus: 'open',
        replyDueText: 'Skolen svarer senest torsdag 26. november',
      });
      expect(
        ((await reply(thread.id, 'contactTeacher', { body: 'Godt.' })).json() as TThreadDetail).promiseStatus,
      ).toBe('fulfilled');
    });

    it('may be urgent, logged with the child', async () => {
      const before = (await urgentAudit()).length;
      const thread = (await toGuardians('leader', { urgent: true })).json() as TThreadDetail;
      expect(thread.messages[0]?.urgent).toBe(true);
      expect((await urgentAudit()).slice(before)).toEqual([{ actor_role: 'leader', student_id: f.ownStudent }]);
    });

    it("is for the child's class staff and the leadership; anyone else is refused and nothing is stored", async () => {
      const threads = await count('message_threads');
      expect((await toGuardians('otherClassTeacher')).statusCode).toBe(404);
      expect((await toGuardians('contactTeacher', {}, {}, f.otherStudent)).statusCode).toBe(404);
      expect((await toGuardians('leader', {}, {}, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      for (const actor of [
        'custodyGuardian',
        'informationRightParent',
        'boardMember',
        'student',
        'otherSchoolLeader',
      ] as const)
        expect((await toGuardians(actor)).statusCode, actor).toBe(403);
      expect((await toGuardians('administrator')).statusCode).toBe(201);
      expect(await count('message_threads')).toBe(threads + 1);
    });

    it('refuses a child without custody holders to receive it', async () => {
      const lonely = await t.deps.db
        .insertInto('students')
        .values({
          school_id: f.schoolId,
          external_id: 's-lonely',
          user_id: null,
          given_name: 'Ida',
          family_name: 'Alene',
          class_id: f.classA,
          birth_date: '2017-01-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const res = await toGuardians('contactTeacher', {}, {}, lonely.id);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('student_no_guardians');
    });

    it('stores one thread for a retried send and refuses a key reused for another message', async () => {
      const headers = { 'idempotency-key': 'to-guardians-1' };
      const body = { subject: 'Tøj til gymnastik', body: 'Emma mangler gymnastiktøj.' };
      const results = await Promise.all(Array.from({ length: 6 }, () => toGuardians('contactTeacher', body, headers)));
      expect(results.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
      expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
      expect(
        await t.deps.db.selectFrom('messages').select('id').where('idempotency_key', '=', 'to-guardians-1').execute(),
      ).toHaveLength(1);
      const reused = await toGuardians('contactTeacher', { ...body, body: 'Noget andet.' }, headers);
      expect(reused.statusCode).toBe(422);
      expect(reused.json().error.code).toBe('idempotency_key_reused');
    });
  });

  describe('between staff', () => {
    it('lists colleagues with names and roles only, for staff', async () => {
      const res = await call('GET', `/api/schools/${f.schoolId}/staff`, 'contactTeacher');
      expect(res.statusCode).toBe(200);
      const { staff } = res.json() as TColleagueList;
      const names = staff.map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(['Ole Kontor', 'Jens Møller', 'Hanne Skov']));
      // Not the caller, not guardians, not the board, not another school's staff.
      for (const name of ['Birgitte Lund', 'Mette Hansen', 'Tove Bestyrelse', 'Erik Andenskole'])
        expect(names).not.toContain(name);
      expect(staff.find((s) => s.name === 'Jens Møller')).toEqual({
        id: f.people.otherClassTeacher,
        name: 'Jens Møller',
        roles: ['teacher', 'contact_teacher'],
        classes: ['5.B'],
      });
      expect(JSON.stringify(staff)).not.toMatch(/@|\+45|Mette|Tove/);
      for (const actor of ['custodyGuardian', 'boardMember', 'student', 'otherSchoolLeader'] as const)
        expect((await call('GET', `/api/schools/${f.schoolId}/staff`, actor)).statusCode, actor).toBe(403);
    });

    it('starts a thread between colleagues, with no promise, seen only by them', async () => {
      const res = await toStaff('contactTeacher', {
        recipientIds: [f.people.otherClassTeacher, f.people.contactTeacher],
        studentId: f.ownStudent,
      });
      expect(res.statusCode, res.body).toBe(201);
      const thread = res.json() as TThreadDetail;
      expect(thread).toMatchObject({
        kind: 'direct',
        promiseStatus: 'none',
        replyDueAt: null,
        student: { id: f.ownStudent },
        counterparts: [{ name: 'Jens Møller', role: 'staff' }],
      });
      expect((await participantsOf(thread.id)).map((p) => p.role)).toEqual(['staff', 'staff']);
      const theirs = (await inbox('otherClassTeacher')).find((th) => th.id === thread.id);
      expect(theirs).toMatchObject({ unreadCount: 1, counterparts: [{ name: 'Birgitte Lund', role: 'staff' }] });
      const answered = (await reply(thread.id, 'otherClassTeacher', { body: 'Ja, kl. 14.' })).json() as TThreadDetail;
      expect(answered.promiseStatus).toBe('none');
      for (const actor of ['custodyGuardian', 'protectedGuardian'] as const)
        expect((await call('GET', `/api/threads/${thread.id}`, actor)).statusCode, actor).toBe(404);
    });

    it('refuses an unknown or unauthorised recipient, or a child the writer does not work with, and stores nothing', async () => {
      const before = await count('message_threads');
      for (const recipientIds of [
        [f.people.custodyGuardian],
        [f.people.otherClassTeacher, f.people.boardMember],
        ['00000000-0000-4000-8000-000000000000'],
        [f.people.otherSchoolLeader],
        [f.people.contactTeacher],
      ]) {
        const res = await toStaff('contactTeacher', { recipientIds });
        expect(res.statusCode, JSON.stringify(recipientIds)).toBe(422);
        expect(res.json().error).toMatchObject({ code: 'recipient_not_staff', field: 'recipientIds' });
      }
      expect(
        (await toStaff('contactTeacher', { recipientIds: [f.people.leader], studentId: f.otherStudent })).statusCode,
      ).toBe(404);
      expect((await toStaff('custodyGuardian', { recipientIds: [f.people.contactTeacher] })).statusCode).toBe(403);
      expect(await count('message_threads')).toBe(before);
    });

    it('stores one thread for a retried send', async () => {
      const headers = { 'idempotency-key': 'to-staff-1' };
      const body = { recipientIds: [f.people.leader], subject: 'Vikar', body: 'Jeg er syg i morgen.' };
      const [a, b] = [await toStaff('contactTeacher', body, headers), await toStaff('contactTeacher', body, headers)];
      expect(a.statusCode).toBe(201);
      expect(b.json().id).toBe(a.json().id);
      expect(
        await t.deps.db.selectFrom('messages').select('id').where('idempotency_key', '=', 'to-staff-1').execute(),
      ).toHaveLength(1);
    });
  });

  describe('the leadership answers threads it is not in', () => {
    it('may reply, joins as staff, and keeps the promise', async () => {
      t.clock.set(TEST_NOW);
      const thread = await guardianWrites();
      expect((await open(thread.id, 'leader')).abilities).toEqual({ reply: true, acknowledge: true });
      const res = await reply(thread.id, 'leader', { body: 'Jeg har talt med Emmas lærer.' });
      expect(res.statusCode).toBe(201);
      const answered = res.json() as TThreadDetail;
      expect(answered.promiseStatus).toBe('fulfilled');
      expect(answered.participants).toContainEqual({ name: 'Hanne Skov', role: 'staff' });
      expect(answered.messages.at(-1)).toMatchObject({ author: { name: 'Hanne Skov', role: 'staff', isReader: true } });
      expect((await inbox('leader')).map((th) => th.id)).toContain(thread.id);
      expect((await open(thread.id, 'custodyGuardian')).counterparts.map((p) => p.name)).toEqual([
        'Birgitte Lund',
        'Hanne Skov',
      ]);
    });

    it('may acknowledge, which keeps the promise', async () => {
      const thread = await guardianWrites();
      const res = await call('POST', `/api/threads/${thread.id}/acknowledge`, 'administrator', {});
      expect(res.statusCode).toBe(201);
      expect((res.json() as TThreadDetail).promiseStatus).toBe('fulfilled');
      expect((await call('POST', `/api/threads/${thread.id}/acknowledge`, 'otherClassTeacher', {})).statusCode).toBe(
        404,
      );
    });
  });

  describe('guardians see that the school read theirs', () => {
    it('shows the earliest staff read on the guardian’s own messages only', async () => {
      t.clock.set(new Date('2026-11-24T08:00:00Z'));
      const thread = await guardianWrites();
      expect(thread.messages[0]?.readByStaffAt).toBeNull();
      // The leadership reading without taking part is not the staff in the thread reading it.
      t.clock.set(new Date('2026-11-24T09:00:00Z'));
      await open(thread.id, 'leader');
      expect((await open(thread.id, 'custodyGuardian')).messages[0]?.readByStaffAt).toBeNull();
      t.clock.set(new Date('2026-11-24T09:32:00Z'));
      await open(thread.id, 'contactTeacher');
      expect((await open(thread.id, 'custodyGuardian')).messages[0]?.readByStaffAt).toBe('2026-11-24T09:32:00.000Z');
      t.clock.advance(HOUR);
      await reply(thread.id, 'contactTeacher', { body: 'Tak, jeg kigger på det.' });
      t.clock.advance(60_000);
      await reply(thread.id, 'custodyGuardian', { body: 'Tak.' });
      const seen = await open(thread.id, 'custodyGuardian');
      // A read mark moves on with the teacher's next visit; the newest message is not read yet.
      expect(seen.messages.map((m) => m.readByStaffAt)).toEqual(['2026-11-24T10:32:00.000Z', undefined, null]);
      // Staff never get read times, and other guardians' messages carry none.
      expect((await open(thread.id, 'contactTeacher')).messages.every((m) => m.readByStaffAt === undefined)).toBe(true);
    });
  });
});
