import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { adoptPreset } from '../principle/principle.service.js';
import type { TStudentGuardianView } from '../../shared/principle/principle.schema.js';
import type { TThreadDetail, TThreadList } from '../../shared/api/messaging.schema.js';
import type { TStudentProfile } from '../../shared/api/directory.schema.js';

/**
 * Students write to their contact teacher themselves from the grade the principle sets, under the
 * same promise as their guardians (issue 9, point 12). The fixture's student is Emma in 3.A.
 */
describe('a student writes to the contact teacher', () => {
  let t: TestApp;
  let f: Fixture;
  let adoptions = 0;

  /** The board adopts seed 002 again, with or without the rule for students' own messages. */
  const adopt = async (studentMessages: { fromGrade: number; guardiansSee: TStudentGuardianView } | null) => {
    adoptions += 1;
    await adoptPreset(t.deps.db, {
      schoolId: f.schoolId,
      presetId: 'seed-002',
      adoptedOn: '2026-11-01',
      adoptedBy: `Skolebestyrelsen, møde ${adoptions}`,
      recordedBy: null,
      now: t.clock.now(),
      adjust: (p) => ({ ...p, communication: { ...p.communication, studentMessages } }),
    });
  };
  const ownThreadsUrl = () => `/api/schools/${f.schoolId}/students/${f.ownStudent}/own-threads`;
  const write = (actor: ActorName, payload: Record<string, unknown>, key?: string) =>
    t.request({
      method: 'POST',
      url: ownThreadsUrl(),
      as: f.users[actor],
      payload,
      headers: key ? { 'idempotency-key': key } : {},
    });
  const get = async <T>(actor: ActorName, url: string, status = 200): Promise<T> => {
    const res = await t.request({ method: 'GET', url, as: f.users[actor] });
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  };
  const ownThreadCount = async () =>
    (
      await t.deps.db
        .selectFrom('thread_participants')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('role', '=', 'student')
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  it('is refused, with the reason, where the principle does not let students write, and stores nothing', async () => {
    await adopt(null);
    const none = await write('student', { subject: 'Lektier', body: 'Hvad skal vi lave?' });
    expect(none.statusCode, none.body).toBe(403);
    expect(none.json().error.code).toBe('student_messages_not_allowed');
    // Emma is in 3rd grade; from 4th grade is not yet her.
    await adopt({ fromGrade: 4, guardiansSee: 'activity' });
    const below = await write('student', { subject: 'Lektier', body: 'Hvad skal vi lave?' });
    expect(below.statusCode, below.body).toBe(403);
    expect(below.json().error.message).toMatch(/klassetrin/);
    expect(await ownThreadCount()).toBe('0');
  });

  it('is the student’s own way in: for anyone else the student does not exist here', async () => {
    await adopt({ fromGrade: 3, guardiansSee: 'activity' });
    for (const actor of ['custodyGuardian', 'contactTeacher', 'leader', 'otherFamilyGuardian'] as const) {
      const res = await write(actor, { subject: 'Lektier', body: 'Hvad skal vi lave?' });
      expect(res.statusCode, `${actor}: ${res.body}`).toBe(404);
    }
    expect(await ownThreadCount()).toBe('0');
  });

  let threadId = '';
  it('reaches the contact teacher under the same promise as a guardian’s message, once per key', async () => {
    await adopt({ fromGrade: 3, guardiansSee: 'activity' });
    const payload = { subject: 'Afleveringen', body: 'Hvornår skal novellen afleveres?' };
    const first = await write('student', payload, 'student-key-1');
    expect(first.statusCode, first.body).toBe(201);
    const again = await write('student', payload, 'student-key-1');
    expect(again.statusCode, again.body).toBe(201);
    const thread = first.json() as TThreadDetail;
    threadId = thread.id;
    expect((again.json() as TThreadDetail).id).toBe(threadId);
    expect(await ownThreadCount()).toBe('1');
    // The promise: 3 working days from Monday 23 November, as for guardians; told as the school's promise.
    expect(thread.replyDueAt).not.toBeNull();
    expect(thread.replyDueText).toMatch(/^Skolen svarer senest/);
    expect(thread.abilities.reply).toBe(true);
    expect(thread.messages[0]?.author.role).toBe('student');

    const teacherInbox = await get<TThreadList>('contactTeacher', '/api/threads?show=awaiting-reply');
    const seen = teacherInbox.threads.find((th) => th.id === threadId);
    expect(seen?.counterparts.map((c) => c.role)).toEqual(['student']);
    const studentInbox = await get<TThreadList>('student', '/api/threads');
    expect(studentInbox.threads.map((th) => th.id)).toContain(threadId);
  });

  it('is answered by the teacher, which keeps the promise; the student writes again and a new one starts', async () => {
    const figuresUrl = `/api/schools/${f.schoolId}/principle-figures`;
    const figures = async () =>
      (
        await get<{ messages: { repliesWithinPromise: { school: { counted: number } | null }; openPromises: number } }>(
          'leader',
          figuresUrl,
        )
      ).messages;
    const before = await figures();
    // The student's open promise is among the school's open promises.
    expect(before.openPromises).toBeGreaterThanOrEqual(1);
    const answer = await t.request({
      method: 'POST',
      url: `/api/threads/${threadId}/messages`,
      as: f.users.contactTeacher,
      payload: { body: 'Fredag i næste uge.' },
    });
    expect(answer.statusCode, answer.body).toBe(201);
    expect((answer.json() as TThreadDetail).promiseStatus).toBe('fulfilled');
    // A kept promise to a student is not one of the guardians' replies the figure counts.
    const after = await figures();
    expect(after.repliesWithinPromise.school?.counted ?? 0).toBe(before.repliesWithinPromise.school?.counted ?? 0);
    expect(after.openPromises).toBe(before.openPromises - 1);
    t.clock.advance(60_000);
    const more = await t.request({
      method: 'POST',
      url: `/api/threads/${threadId}/messages`,
      as: f.users.student,
      payload: { body: 'Tak! Må den være på tre sider?' },
    });
    expect(more.statusCode, more.body).toBe(201);
    expect((more.json() as TThreadDetail).promiseStatus).toBe('open');
  });

  it('shows the custody holders that and when the child writes, never what, unless the principle says so', async () => {
    const profileUrl = `/api/schools/${f.schoolId}/students/${f.ownStudent}`;
    const asGuardian = await get<TStudentProfile>('custodyGuardian', profileUrl);
    expect(asGuardian.ownMessages).toMatchObject({ conversations: 1, messagesWritten: 2, guardiansSee: 'activity' });
    expect(asGuardian.ownMessages?.lastWrittenAt).not.toBeNull();
    expect(asGuardian.ownMessages?.threads).toBeUndefined();
    expect(JSON.stringify(asGuardian)).not.toContain('Afleveringen');
    await get('custodyGuardian', `/api/threads/${threadId}`, 404);

    // Staff and the student: staff read the thread itself; the student sees their own list and may write.
    const asStudent = await get<TStudentProfile>('student', profileUrl);
    expect(asStudent.ownMessages).toMatchObject({ mayWrite: true, conversations: 1 });
    expect(asStudent.ownMessages?.threads?.map((th) => th.subject)).toEqual(['Afleveringen']);
    expect((await get<TStudentProfile>('contactTeacher', profileUrl)).ownMessages).toBeNull();

    await adopt({ fromGrade: 3, guardiansSee: 'content' });
    const reading = await get<TStudentProfile>('custodyGuardian', profileUrl);
    expect(reading.ownMessages?.threads?.map((th) => th.id)).toEqual([threadId]);
    const thread = await get<TThreadDetail>('custodyGuardian', `/api/threads/${threadId}`);
    expect(thread.messages.map((m) => m.body)).toContain('Hvornår skal novellen afleveres?');
    // Read as the home, without writing in it.
    expect(thread.abilities).toEqual({ reply: false, acknowledge: false });
    expect(thread.replyDueText ?? '').not.toMatch(/^Svar senest/);
    const reply = await t.request({
      method: 'POST',
      url: `/api/threads/${threadId}/messages`,
      as: f.users.custodyGuardian,
      payload: { body: 'Jeg blander mig.' },
    });
    expect(reply.statusCode, reply.body).toBe(403);
    // A parent with the right to information only, another family and the other class's teacher never see it.
    for (const actor of ['informationRightParent', 'otherFamilyGuardian', 'otherClassTeacher'] as const)
      await get(actor, `/api/threads/${threadId}`, 404);
  });
});
