import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TThreadDetail, TThreadList } from '../../shared/api/messaging.schema.js';

describe('the inbox', () => {
  let t: TestApp;
  let f: Fixture;
  const threads: string[] = [];
  const send = async (actor: ActorName, url: string, payload: Record<string, unknown>) => {
    const res = await t.request({ method: 'POST', url, as: f.users[actor], payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as TThreadDetail;
  };
  const inbox = async (actor: ActorName, query = ''): Promise<TThreadList> => {
    const res = await t.request({ method: 'GET', url: `/api/threads${query}`, as: f.users[actor] });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TThreadList;
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
    for (let i = 1; i <= 5; i++) {
      t.clock.advance(60_000);
      const body = i === 5 ? `Hej\n\n  Emma har glemt sin ${'meget '.repeat(40)}lange tekst` : `Spørgsmål nummer ${i}`;
      threads.push(
        (await send('custodyGuardian', '/api/threads', { studentId: f.ownStudent, subject: `Tråd ${i}`, body })).id,
      );
    }
  });
  afterAll(() => t.close());

  it('shows a preview line of the newest message: who wrote it and its first words', async () => {
    const { threads: list } = await inbox('contactTeacher', '?limit=1');
    expect(list[0]?.subject).toBe('Tråd 5');
    const preview = list[0]?.preview;
    // The writer as the teacher sees the guardian named in the thread.
    expect(preview?.author).toBe(list[0]?.counterparts[0]?.name);
    expect(preview?.text, preview?.text).toMatch(/^Hej Emma har glemt sin meget meget/);
    expect(preview?.text.endsWith('…'), JSON.stringify(preview)).toBe(true);
    expect(preview?.text.length).toBeLessThanOrEqual(161);
    expect(preview?.text).not.toContain('\n');
  });

  it('pages from newest to oldest without losing or repeating a thread', async () => {
    const all = (await inbox('contactTeacher', '?limit=100')).threads.map((th) => th.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: TThreadList = await inbox('contactTeacher', `?limit=2${cursor ? `&before=${cursor}` : ''}`);
      expect(page.threads.length).toBeLessThanOrEqual(2);
      seen.push(...page.threads.map((th) => th.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(seen).toEqual(expect.arrayContaining(threads));
  });

  it('shows only unread threads, or only those awaiting a reply, when asked', async () => {
    const [first, second] = threads as [string, string];
    // The teacher opens the first thread and answers the second.
    await t.request({ method: 'GET', url: `/api/threads/${first}`, as: f.users.contactTeacher });
    await send('contactTeacher', `/api/threads/${second}/messages`, { body: 'Svar' });

    const unread = (await inbox('contactTeacher', '?show=unread')).threads.map((th) => th.id);
    expect(unread).not.toContain(first);
    expect(unread).not.toContain(second);
    expect(unread).toContain(threads[2]);

    const awaiting = (await inbox('contactTeacher', '?show=awaiting-reply')).threads.map((th) => th.id);
    expect(awaiting).toContain(first);
    expect(awaiting).not.toContain(second);
    // The guardian's view: the answered thread is no longer awaiting the school.
    const guardian = (await inbox('custodyGuardian', '?show=awaiting-reply')).threads.map((th) => th.id);
    expect(guardian).not.toContain(second);
    expect(guardian).toContain(first);
  });

  it("shows a child's or a class's threads when asked", async () => {
    const ofEmma = (await inbox('contactTeacher', `?studentId=${f.ownStudent}`)).threads;
    expect(ofEmma.length).toBeGreaterThanOrEqual(5);
    expect(ofEmma.every((th) => th.student?.id === f.ownStudent)).toBe(true);
    expect((await inbox('leader', `?studentId=${f.otherStudent}`)).threads).toEqual([]);
    expect((await inbox('contactTeacher', `?classId=${f.classA}`)).threads.map((th) => th.id)).toEqual(
      expect.arrayContaining(threads),
    );
    expect((await inbox('leader', `?classId=${f.classB}`)).threads).toEqual([]);
    expect((await inbox('custodyGuardian', `?studentId=${f.ownStudent}`)).threads.length).toBeGreaterThanOrEqual(5);
  });

  it('narrows only to a child or class the reader knows: any other answers as one that does not exist', async () => {
    for (const query of [`?studentId=${f.otherStudent}`, `?classId=${f.classB}`]) {
      const res = await t.request({ method: 'GET', url: `/api/threads${query}`, as: f.users.contactTeacher });
      expect(res.statusCode, query).toBe(404);
    }
    const guardian = await t.request({
      method: 'GET',
      url: `/api/threads?classId=${f.classA}`,
      as: f.users.custodyGuardian,
    });
    expect(guardian.statusCode).toBe(404);
  });

  it('refuses a cursor it did not make, and a page larger than allowed', async () => {
    const bad = await t.request({ method: 'GET', url: '/api/threads?before=bm9wZQ', as: f.users.contactTeacher });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('before');
    const big = await t.request({ method: 'GET', url: '/api/threads?limit=1000', as: f.users.contactTeacher });
    expect(big.statusCode).toBe(400);
  });
});
