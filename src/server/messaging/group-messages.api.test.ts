import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TThreadDetail, TThreadList, TThreadReaders } from '../../shared/api/messaging.schema.js';

describe('group messages from staff to a class', () => {
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
  const sendToClass = (
    actor: ActorName = 'contactTeacher',
    body: Record<string, unknown> = {},
    headers: Record<string, string> = {},
    classId = f.classA,
  ) =>
    call(
      'POST',
      `/api/schools/${f.schoolId}/classes/${classId}/messages`,
      actor,
      { subject: `Udflugt ${(subjectNo += 1)}`, body: 'Vi tager i skoven fredag. Husk regntøj.', ...body },
      headers,
    );
  const open = async (threadId: string, actor: ActorName) =>
    (await call('GET', `/api/threads/${threadId}`, actor)).json() as TThreadDetail;
  const inbox = async (actor: ActorName) =>
    ((await call('GET', '/api/threads', actor)).json() as TThreadList).threads.map((th) => th.id);
  const reply = (threadId: string, actor: ActorName, body: string, headers: Record<string, string> = {}) =>
    call('POST', `/api/threads/${threadId}/messages`, actor, { body }, headers);

  it('reaches the custody holders of the class, not a § 23 parent nor a suspended guardian', async () => {
    const res = await sendToClass();
    expect(res.statusCode, res.body).toBe(201);
    const thread = res.json() as TThreadDetail;
    expect(thread).toMatchObject({
      kind: 'group',
      student: null,
      replyDueAt: null,
      promiseStatus: 'none',
      parentThreadId: null,
    });
    const recipients = await t.deps.db
      .selectFrom('thread_participants')
      .select(['person_id', 'role'])
      .where('thread_id', '=', thread.id)
      .where('role', '=', 'guardian')
      .execute();
    expect(new Set(recipients.map((r) => r.person_id))).toEqual(
      new Set([f.people.custodyGuardian, f.people.protectedGuardian]),
    );

    for (const actor of ['custodyGuardian', 'protectedGuardian'] as const)
      expect(await inbox(actor)).toContain(thread.id);
    for (const actor of [
      'informationRightParent',
      'suspendedGuardian',
      'otherFamilyGuardian',
      'otherClassTeacher',
    ] as const) {
      expect(await inbox(actor)).not.toContain(thread.id);
      expect((await call('GET', `/api/threads/${thread.id}`, actor)).statusCode, actor).toBe(404);
    }
  });

  it('names the guardians only as "Forældre i 3.A", to everyone, in both languages', async () => {
    const thread = (await sendToClass()).json() as TThreadDetail;
    expect(thread.counterparts).toEqual([{ name: 'Forældre i 3.A', role: 'guardian' }]);
    expect(thread.participants).toEqual([
      { name: 'Birgitte Lund', role: 'staff' },
      { name: 'Forældre i 3.A', role: 'guardian' },
    ]);
    const asGuardian = await open(thread.id, 'custodyGuardian');
    expect(asGuardian.participants).toEqual([
      { name: 'Birgitte Lund', role: 'staff' },
      { name: 'Forældre i 3.A', role: 'guardian' },
    ]);
    expect(asGuardian.counterparts).toEqual([{ name: 'Birgitte Lund', role: 'staff' }]);
    expect(JSON.stringify(asGuardian)).not.toMatch(/Sara|Mette|Hansen/);
    const english = (
      await call('GET', `/api/threads/${thread.id}`, 'custodyGuardian', undefined, { cookie: 'samspil_lang=en' })
    ).json() as TThreadDetail;
    expect(english.participants.at(-1)).toEqual({ name: 'Parents in 3.A', role: 'guardian' });
    const listed = ((await call('GET', '/api/threads', 'protectedGuardian')).json() as TThreadList).threads.find(
      (th) => th.id === thread.id,
    );
    expect(listed?.counterparts).toEqual([{ name: 'Birgitte Lund', role: 'staff' }]);
  });

  it('is for the staff of the class and the leadership only', async () => {
    const otherTeacher = await sendToClass('otherClassTeacher');
    expect(otherTeacher.statusCode).toBe(403);
    expect((await sendToClass('contactTeacher', {}, {}, f.classB)).statusCode).toBe(403);
    expect((await sendToClass('custodyGuardian')).statusCode).toBe(403);
    expect((await sendToClass('otherSchoolLeader')).statusCode).toBe(403);
    const byLeader = await sendToClass('leader');
    expect(byLeader.statusCode).toBe(201);
    // The leader writes with the class's contact teacher in the thread, so the hub sees the answers.
    expect((byLeader.json() as TThreadDetail).participants.map((p) => p.name)).toEqual([
      'Birgitte Lund',
      'Hanne Skov',
      'Forældre i 3.A',
    ]);
    const missingClass = await sendToClass('leader', {}, {}, '00000000-0000-4000-8000-000000000000');
    expect(missingClass.statusCode).toBe(404);
  });

  it('refuses a class without guardians to receive it', async () => {
    const empty = await t.deps.db
      .insertInto('classes')
      .values({ school_id: f.schoolId, external_id: '0X', grade: 0, letter: 'X' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await sendToClass('leader', {}, {}, empty.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('class_no_guardians');
  });

  it('stores one group message for a retried send, and refuses a key reused for another message', async () => {
    const headers = { 'idempotency-key': 'group-1' };
    const body = { subject: 'Skolefoto', body: 'Der er skolefoto tirsdag.' };
    const first = await sendToClass('contactTeacher', body, headers);
    const second = await sendToClass('contactTeacher', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(
      await t.deps.db.selectFrom('messages').select('id').where('idempotency_key', '=', 'group-1').execute(),
    ).toHaveLength(1);
    const reused = await sendToClass('contactTeacher', { ...body, body: 'Noget andet.' }, headers);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
  });

  it("keeps each guardian's answer between that guardian and the staff", async () => {
    t.clock.set(TEST_NOW);
    const group = (await sendToClass()).json() as TThreadDetail;
    const fromA = await reply(group.id, 'custodyGuardian', 'Emma kommer med, men hun har ondt i foden.');
    expect(fromA.statusCode).toBe(201);
    const threadA = fromA.json() as TThreadDetail;
    expect(threadA.id).not.toBe(group.id);
    expect(threadA).toMatchObject({
      kind: 'direct',
      parentThreadId: group.id,
      subject: group.subject,
      promiseStatus: 'open',
      student: { id: f.ownStudent, name: 'Emma Hansen' },
    });
    expect(threadA.replyDueText).toBe('Skolen svarer senest torsdag 26. november');
    expect(threadA.participants).toEqual([
      { name: 'Mette Hansen', role: 'guardian' },
      { name: 'Birgitte Lund', role: 'staff' },
    ]);

    const threadB = (await reply(group.id, 'protectedGuardian', 'Hvad skal hun have med?')).json() as TThreadDetail;
    expect(threadB.id).not.toBe(threadA.id);

    // Guardian A sees neither B's answer in the group message nor B's reply thread.
    expect((await open(group.id, 'custodyGuardian')).messages.map((m) => m.body)).toEqual([
      'Vi tager i skoven fredag. Husk regntøj.',
    ]);
    expect(await inbox('custodyGuardian')).not.toContain(threadB.id);
    expect((await call('GET', `/api/threads/${threadB.id}`, 'custodyGuardian')).statusCode).toBe(404);
    expect(JSON.stringify(await open(threadA.id, 'custodyGuardian'))).not.toContain('Hvad skal hun have med?');
    expect(await inbox('contactTeacher')).toEqual(expect.arrayContaining([threadA.id, threadB.id]));

    // A second answer continues the same reply thread; the teacher's answer there keeps the promise.
    const again = (await reply(group.id, 'custodyGuardian', 'Og hun har gummistøvler med.')).json() as TThreadDetail;
    expect(again.id).toBe(threadA.id);
    expect(again.messages).toHaveLength(2);
    const answered = (await reply(threadA.id, 'contactTeacher', 'God bedring til Emma.')).json() as TThreadDetail;
    expect(answered.promiseStatus).toBe('fulfilled');
    expect((await open(threadB.id, 'protectedGuardian')).messages.map((m) => m.body)).toEqual([
      'Hvad skal hun have med?',
    ]);
  });

  it('keeps a retried first answer to one reply thread and one message', async () => {
    const group = (await sendToClass()).json() as TThreadDetail;
    const headers = { 'idempotency-key': 'answer-1' };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => reply(group.id, 'custodyGuardian', 'Tak, vi er klar.', headers)),
    );
    expect(results.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(
      await t.deps.db.selectFrom('message_threads').select('id').where('parent_thread_id', '=', group.id).execute(),
    ).toHaveLength(1);
    expect(
      await t.deps.db.selectFrom('messages').select('id').where('idempotency_key', '=', 'answer-1').execute(),
    ).toHaveLength(1);
  });

  it('shows the staff in the thread who has read it, by name only', async () => {
    const group = (await sendToClass()).json() as TThreadDetail;
    const readers = async (actor: ActorName = 'contactTeacher') =>
      (await call('GET', `/api/threads/${group.id}/readers`, actor)).json() as TThreadReaders;
    expect(await readers()).toEqual({ read: [], notRead: [{ name: 'Mette Hansen' }, { name: 'Sara Hansen' }] });
    await open(group.id, 'custodyGuardian');
    expect(await readers()).toEqual({ read: [{ name: 'Mette Hansen' }], notRead: [{ name: 'Sara Hansen' }] });
    // A follow-up from the teacher is unread again until opened.
    t.clock.advance(60_000);
    await reply(group.id, 'contactTeacher', 'Vi mødes kl. 8.');
    expect(await readers()).toEqual({ read: [], notRead: [{ name: 'Mette Hansen' }, { name: 'Sara Hansen' }] });

    expect((await call('GET', `/api/threads/${group.id}/readers`, 'custodyGuardian')).statusCode).toBe(403);
    // The leadership may read and answer every thread of its school, and so sees who has read it.
    expect((await call('GET', `/api/threads/${group.id}/readers`, 'leader')).statusCode).toBe(200);
    for (const actor of ['otherClassTeacher', 'informationRightParent'] as const)
      expect((await call('GET', `/api/threads/${group.id}/readers`, actor)).statusCode, actor).toBe(404);
  });
});
