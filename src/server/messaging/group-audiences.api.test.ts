import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TThreadDetail, TThreadList, TThreadReaders, TUrgentUseList } from '../../shared/api/messaging.schema.js';

/**
 * Group messages to a whole grade (årgang) and to the whole school. The fixture school gets a
 * second class in grade 3 (3.B) with its own contact teacher, and a child there whose custody
 * holders are Emma's mother (two children in grade 3) and a guardian of 3.B alone.
 */
describe('group messages to a grade and to the whole school', () => {
  let t: TestApp;
  let f: Fixture;
  let subjectNo = 0;
  let classB3: string;
  let teacherB3: string;
  let liva: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
    const { db } = t.deps;
    classB3 = (
      await db
        .insertInto('classes')
        .values({ school_id: f.schoolId, external_id: '3B', grade: 3, letter: 'B' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const person = async (externalId: string, given: string, family: string) =>
      (
        await db
          .insertInto('people')
          .values({
            school_id: f.schoolId,
            external_id: externalId,
            user_id: null,
            given_name: given,
            family_name: family,
            email: null,
            phone: null,
            household_id: null,
            suspended: false,
            suspended_reason: null,
            address_protected: false,
            contact_hours: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    teacherB3 = await person('p-teacher-3b', 'Pia', 'Berg');
    const jonas = await person('p-guardian-3b', 'Jonas', 'Lind');
    await db
      .insertInto('person_roles')
      .values({ school_id: f.schoolId, person_id: teacherB3, role: 'teacher' })
      .execute();
    await db
      .insertInto('class_staff')
      .values({ school_id: f.schoolId, class_id: classB3, person_id: teacherB3, role: 'contact_teacher' })
      .execute();
    liva = (
      await db
        .insertInto('students')
        .values({
          school_id: f.schoolId,
          external_id: 's-3b',
          user_id: null,
          given_name: 'Liva',
          family_name: 'Hansen',
          class_id: classB3,
          birth_date: '2017-08-14',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('guardianships')
      .values([
        { school_id: f.schoolId, student_id: liva, person_id: f.people.custodyGuardian!, kind: 'custody' },
        { school_id: f.schoolId, student_id: liva, person_id: jonas, kind: 'custody' },
      ])
      .execute();
  });
  afterAll(() => t.close());

  const call = (
    method: 'GET' | 'POST',
    url: string,
    actor: ActorName,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => t.request({ method, url, as: f.users[actor], payload: payload as never, headers });
  const message = (body: Record<string, unknown> = {}) => ({
    subject: `Trivselsdag ${(subjectNo += 1)}`,
    body: 'Vi holder trivselsdag torsdag. Husk madpakke.',
    ...body,
  });
  const sendToGrade = (
    actor: ActorName = 'contactTeacher',
    grade: number | string = 3,
    body: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => call('POST', `/api/schools/${f.schoolId}/grades/${grade}/messages`, actor, message(body), headers);
  const sendToSchool = (
    actor: ActorName = 'leader',
    body: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => call('POST', `/api/schools/${f.schoolId}/messages`, actor, message(body), headers);
  const open = async (threadId: string, actor: ActorName, headers: Record<string, string> = {}) =>
    (await call('GET', `/api/threads/${threadId}`, actor, undefined, headers)).json() as TThreadDetail;
  const inbox = async (actor: ActorName) =>
    ((await call('GET', '/api/threads', actor)).json() as TThreadList).threads.map((th) => th.id);
  const reply = (threadId: string, actor: ActorName, body: string, headers: Record<string, string> = {}) =>
    call('POST', `/api/threads/${threadId}/messages`, actor, { body }, headers);
  const guardiansOf = async (threadId: string) =>
    new Set(
      (
        await t.deps.db
          .selectFrom('thread_participants')
          .select('person_id')
          .where('thread_id', '=', threadId)
          .where('role', '=', 'guardian')
          .execute()
      ).map((r) => r.person_id),
    );
  const threadCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('message_threads')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('reaches the custody holders of every class in the grade, not a § 23 parent, a suspended guardian nor another grade', async () => {
    const res = await sendToGrade();
    expect(res.statusCode, res.body).toBe(201);
    const thread = res.json() as TThreadDetail;
    expect(thread).toMatchObject({
      kind: 'group',
      student: null,
      replyDueAt: null,
      promiseStatus: 'none',
      parentThreadId: null,
    });
    const jonas = (
      await t.deps.db
        .selectFrom('people')
        .select('id')
        .where('external_id', '=', 'p-guardian-3b')
        .executeTakeFirstOrThrow()
    ).id;
    expect(await guardiansOf(thread.id)).toEqual(
      new Set([f.people.custodyGuardian, f.people.protectedGuardian, jonas]),
    );
    // 3.B's contact teacher is in the thread with the writer, so the hub of each class sees the answers.
    expect(thread.participants).toEqual([
      { name: 'Pia Berg', role: 'staff' },
      { name: 'Birgitte Lund', role: 'staff' },
      { name: 'Forældre i 3. årgang', role: 'guardian' },
    ]);

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

  it('reaches the custody holders of the whole school, with the school leaders in the thread', async () => {
    const byLeader = (await sendToSchool('leader')).json() as TThreadDetail;
    const jonas = (
      await t.deps.db
        .selectFrom('people')
        .select('id')
        .where('external_id', '=', 'p-guardian-3b')
        .executeTakeFirstOrThrow()
    ).id;
    expect(await guardiansOf(byLeader.id)).toEqual(
      new Set([f.people.custodyGuardian, f.people.protectedGuardian, f.people.otherFamilyGuardian, jonas]),
    );
    expect(byLeader.participants).toEqual([
      { name: 'Hanne Skov', role: 'staff' },
      { name: 'Forældre på Fixture Skole', role: 'guardian' },
    ]);
    // The office writes for the school; the leader answers for it and so sees the answers too.
    const byAdministrator = await sendToSchool('administrator');
    expect(byAdministrator.statusCode, byAdministrator.body).toBe(201);
    expect((byAdministrator.json() as TThreadDetail).participants.map((p) => p.name)).toEqual([
      'Ole Kontor',
      'Hanne Skov',
      'Forældre på Fixture Skole',
    ]);
    for (const actor of ['custodyGuardian', 'otherFamilyGuardian'] as const)
      expect(await inbox(actor)).toContain(byLeader.id);
    for (const actor of ['informationRightParent', 'suspendedGuardian', 'contactTeacher', 'boardMember'] as const)
      expect(await inbox(actor), actor).not.toContain(byLeader.id);
  });

  it('names the guardians only as their group, to everyone, in both languages', async () => {
    const grade = (await sendToGrade()).json() as TThreadDetail;
    const school = (await sendToSchool()).json() as TThreadDetail;
    expect(grade.counterparts).toEqual([{ name: 'Forældre i 3. årgang', role: 'guardian' }]);
    expect(school.counterparts).toEqual([{ name: 'Forældre på Fixture Skole', role: 'guardian' }]);
    const english = { cookie: 'samspil_lang=en' };
    expect((await open(grade.id, 'custodyGuardian', english)).participants.at(-1)).toEqual({
      name: 'Parents in grade 3',
      role: 'guardian',
    });
    expect((await open(school.id, 'otherFamilyGuardian', english)).participants.at(-1)).toEqual({
      name: 'Parents at Fixture Skole',
      role: 'guardian',
    });
    for (const [id, actor] of [
      [grade.id, 'custodyGuardian'],
      [school.id, 'otherFamilyGuardian'],
    ] as const) {
      const seen = await open(id, actor);
      expect(seen.counterparts.every((p) => p.role === 'staff')).toBe(true);
      // No guardian learns who else received it, nor where anyone lives.
      expect(JSON.stringify(seen)).not.toMatch(/Sara|Mette|Jonas|Ali|Hassan|Lind|Skolevej|Hemmelig/);
    }
    const listed = ((await call('GET', '/api/threads', 'protectedGuardian')).json() as TThreadList).threads.find(
      (th) => th.id === grade.id,
    );
    expect(listed?.counterparts).toEqual([
      { name: 'Pia Berg', role: 'staff' },
      { name: 'Birgitte Lund', role: 'staff' },
    ]);
  });

  it('refuses anyone else, and an unknown grade, storing nothing', async () => {
    const before = await threadCount();
    expect((await sendToGrade('otherClassTeacher', 3)).statusCode).toBe(403);
    expect((await sendToGrade('contactTeacher', 5)).statusCode).toBe(403);
    expect((await sendToGrade('custodyGuardian', 3)).statusCode).toBe(403);
    expect((await sendToGrade('otherSchoolLeader', 3)).statusCode).toBe(403);
    expect((await sendToGrade('boardMember', 3)).statusCode).toBe(403);
    // A grade the school has no classes in: missing for the leadership, refused for a teacher.
    const missing = await sendToGrade('leader', 7);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    expect((await sendToGrade('contactTeacher', 7)).statusCode).toBe(403);
    for (const grade of ['11', '-1', 'tre', '3.5'])
      expect((await sendToGrade('leader', grade)).statusCode, grade).toBe(400);
    for (const actor of [
      'contactTeacher',
      'otherClassTeacher',
      'custodyGuardian',
      'boardMember',
      'otherSchoolLeader',
    ] as const)
      expect((await sendToSchool(actor)).statusCode, actor).toBe(403);
    expect((await sendToSchool('leader', { body: '' })).statusCode).toBe(400);
    expect((await sendToSchool('leader', { body: 'x'.repeat(20_001) })).statusCode).toBe(400);
    expect(await threadCount()).toBe(before);
  });

  it('refuses a grade none of whose guardians can receive it, translated', async () => {
    await t.deps.db
      .insertInto('classes')
      .values({ school_id: f.schoolId, external_id: '0X', grade: 0, letter: 'X' })
      .execute();
    const before = await threadCount();
    const res = await sendToGrade('leader', 0, {}, { cookie: 'samspil_lang=en' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('group_no_guardians');
    expect(res.json().error.message).toMatch(/No parents can receive the message/);
    expect(await threadCount()).toBe(before);
  });

  it("keeps each guardian's answer private, about their one child in the audience or about none", async () => {
    t.clock.set(TEST_NOW);
    const grade = (await sendToGrade()).json() as TThreadDetail;
    // Emma's mother has Emma in 3.A and Liva in 3.B: her answer to the grade is about neither.
    const fromMette = await reply(grade.id, 'custodyGuardian', 'Begge piger kommer med.');
    expect(fromMette.statusCode, fromMette.body).toBe(201);
    const metteThread = fromMette.json() as TThreadDetail;
    expect(metteThread).toMatchObject({
      kind: 'direct',
      parentThreadId: grade.id,
      subject: grade.subject,
      student: null,
      promiseStatus: 'open',
    });
    expect(metteThread.replyDueText).toBe('Skolen svarer senest torsdag 26. november');
    expect(metteThread.participants).toEqual([
      { name: 'Mette Hansen', role: 'guardian' },
      { name: 'Pia Berg', role: 'staff' },
      { name: 'Birgitte Lund', role: 'staff' },
    ]);
    // Sara has only Emma in grade 3: her answer is about Emma.
    const saraThread = (await reply(grade.id, 'protectedGuardian', 'Emma har ondt i foden.')).json() as TThreadDetail;
    expect(saraThread).toMatchObject({ parentThreadId: grade.id, student: { id: f.ownStudent, name: 'Emma Hansen' } });
    expect(await inbox('custodyGuardian')).not.toContain(saraThread.id);
    expect((await call('GET', `/api/threads/${saraThread.id}`, 'custodyGuardian')).statusCode).toBe(404);
    expect((await open(grade.id, 'protectedGuardian')).messages.map((m) => m.body)).toEqual([
      'Vi holder trivselsdag torsdag. Husk madpakke.',
    ]);
    expect(await inbox('contactTeacher')).toEqual(expect.arrayContaining([metteThread.id, saraThread.id]));

    const school = (await sendToSchool()).json() as TThreadDetail;
    // Ali's one child at the school is Yusuf (5.B): the answer to the school is about him, and goes to the leader.
    const aliThread = (await reply(school.id, 'otherFamilyGuardian', 'Yusuf kommer gerne.')).json() as TThreadDetail;
    expect(aliThread).toMatchObject({
      kind: 'direct',
      parentThreadId: school.id,
      student: { id: f.otherStudent, name: 'Yusuf Hassan' },
    });
    expect(aliThread.participants).toEqual([
      { name: 'Ali Hassan', role: 'guardian' },
      { name: 'Hanne Skov', role: 'staff' },
    ]);
    const metteToSchool = (await reply(school.id, 'custodyGuardian', 'Vi kommer alle tre.')).json() as TThreadDetail;
    expect(metteToSchool.student).toBeNull();
    expect(await inbox('leader')).toEqual(expect.arrayContaining([aliThread.id, metteToSchool.id]));
    // A second answer continues the same reply thread; the leader's answer keeps the promise.
    expect(((await reply(school.id, 'otherFamilyGuardian', 'Og hans bror også.')).json() as TThreadDetail).id).toBe(
      aliThread.id,
    );
    expect(((await reply(aliThread.id, 'leader', 'Dejligt.')).json() as TThreadDetail).promiseStatus).toBe('fulfilled');
    // Those it did not reach cannot answer it.
    for (const actor of ['informationRightParent', 'suspendedGuardian'] as const)
      expect((await reply(school.id, actor, 'Hej')).statusCode, actor).toBe(404);
  });

  it('shows the staff in the thread who has read it, for every audience', async () => {
    const grade = (await sendToGrade()).json() as TThreadDetail;
    const readers = async (threadId: string, actor: ActorName) =>
      (await call('GET', `/api/threads/${threadId}/readers`, actor)).json() as TThreadReaders;
    expect(await readers(grade.id, 'contactTeacher')).toEqual({
      read: [],
      notRead: [{ name: 'Mette Hansen' }, { name: 'Sara Hansen' }, { name: 'Jonas Lind' }],
    });
    await open(grade.id, 'custodyGuardian');
    expect(await readers(grade.id, 'contactTeacher')).toEqual({
      read: [{ name: 'Mette Hansen' }],
      notRead: [{ name: 'Sara Hansen' }, { name: 'Jonas Lind' }],
    });
    expect((await call('GET', `/api/threads/${grade.id}/readers`, 'custodyGuardian')).statusCode).toBe(403);

    const school = (await sendToSchool()).json() as TThreadDetail;
    await open(school.id, 'otherFamilyGuardian');
    expect(await readers(school.id, 'leader')).toEqual({
      read: [{ name: 'Ali Hassan' }],
      notRead: [{ name: 'Mette Hansen' }, { name: 'Sara Hansen' }, { name: 'Jonas Lind' }],
    });
    expect((await call('GET', `/api/threads/${school.id}/readers`, 'administrator')).statusCode).toBe(200);
    for (const actor of ['contactTeacher', 'informationRightParent'] as const)
      expect((await call('GET', `/api/threads/${school.id}/readers`, actor)).statusCode, actor).toBe(404);
  });

  it('stores one message for retried and concurrent sends, and refuses a key reused for another audience', async () => {
    const headers = { 'idempotency-key': 'school-1' };
    const body = { subject: 'Juleafslutning', body: 'Vi ses i kirken den 18. december.' };
    const results = await Promise.all(Array.from({ length: 6 }, () => sendToSchool('leader', body, headers)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(
      await t.deps.db.selectFrom('messages').select('id').where('idempotency_key', '=', 'school-1').execute(),
    ).toHaveLength(1);
    const toGrade = await sendToGrade('leader', 3, body, headers);
    expect(toGrade.statusCode).toBe(422);
    expect(toGrade.json().error.code).toBe('idempotency_key_reused');

    const gradeHeaders = { 'idempotency-key': 'grade-1' };
    const first = await sendToGrade('contactTeacher', 3, body, gradeHeaders);
    expect((await sendToGrade('contactTeacher', 3, body, gradeHeaders)).json().id).toBe(first.json().id);
    const toClass = await call(
      'POST',
      `/api/schools/${f.schoolId}/classes/${f.classA}/messages`,
      'contactTeacher',
      body,
      gradeHeaders,
    );
    expect(toClass.statusCode).toBe(422);
    expect((await sendToGrade('contactTeacher', 3, { ...body, body: 'Noget andet.' }, gradeHeaders)).statusCode).toBe(
      422,
    );
  });

  it('logs an urgent message to a grade and shows it to the leadership as its group', async () => {
    const sent = (
      await sendToGrade('contactTeacher', 3, { urgent: true, subject: 'Lus i 3. årgang' })
    ).json() as TThreadDetail;
    expect(sent.urgent).toBe(true);
    const uses = (await call('GET', `/api/schools/${f.schoolId}/urgent-messages`, 'leader')).json() as TUrgentUseList;
    expect(uses.uses.find((u) => u.threadId === sent.id)).toMatchObject({
      subject: 'Lus i 3. årgang',
      group: 'Forældre i 3. årgang',
      student: null,
    });
  });
});
