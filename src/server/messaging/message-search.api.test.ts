import { SNIPPET_MARK_START, SNIPPET_MARK_STOP } from './thread-read.repository.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TThreadDetail, TThreadSearchResult } from '../../shared/api/messaging.schema.js';

describe('search in one’s own messages', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  const call = (
    method: 'GET' | 'POST',
    url: string,
    actor: ActorName,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => t.request({ method, url, as: f.users[actor], payload: payload as never, headers });
  const search = async (actor: ActorName, q: string) => {
    const res = await call('GET', `/api/threads/search?q=${encodeURIComponent(q)}`, actor);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as TThreadSearchResult).threads;
  };
  const found = async (actor: ActorName, q: string) => (await search(actor, q)).map((th) => th.id);
  const write = async (subject: string, body: string, actor: ActorName = 'custodyGuardian') => {
    const res = await call('POST', '/api/threads', actor, { studentId: f.ownStudent, subject, body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as TThreadDetail;
  };

  it('finds a message through the Danish stemmer and marks the match in a plain-text snippet', async () => {
    const thread = await write('Frikvarteret', 'Emma fortæller, at hun bliver mobbet i klassen, især om tirsdagen.');
    const hits = await search('custodyGuardian', 'klasse');
    expect(hits.map((h) => h.id)).toEqual([thread.id]);
    expect(hits[0]).toMatchObject({
      subject: 'Frikvarteret',
      matchedMessageId: thread.messages[0]!.id,
      student: { id: f.ownStudent, name: 'Emma Hansen' },
    });
    expect(hits[0]!.snippet.filter((p) => p.match)).toEqual([{ text: 'klassen', match: true }]);
    expect(hits[0]!.snippet.map((p) => p.text).join('')).toContain('bliver mobbet i klassen');

    // The snowball stemmer gives "mobbet", "mobbe" and "mobber" one stem ("mob"), but leaves
    // "mobning" as it is: the noun does not find the verb, and the verb forms find each other.
    expect(await found('custodyGuardian', 'mobber')).toEqual([thread.id]);
    expect(await found('custodyGuardian', 'mobning')).toEqual([]);
    // The contact teacher who received it finds it too.
    expect(await found('contactTeacher', 'klassen')).toContain(thread.id);
  });

  it('answers /api/threads/search itself, not the thread route with "search" as an id', async () => {
    const res = await call('GET', '/api/threads/search?q=ingenting-her', 'custodyGuardian');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ threads: [] });
  });

  it('refuses an empty search with a translated message', async () => {
    for (const q of ['', '   ']) {
      const res = await call('GET', `/api/threads/search?q=${encodeURIComponent(q)}`, 'custodyGuardian');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'validation_failed',
        field: 'q',
        message: 'Nogle felter er ikke udfyldt rigtigt.',
      });
    }
    const english = await call('GET', '/api/threads/search', 'custodyGuardian', undefined, {
      cookie: 'samspil_lang=en',
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.message).toBe('Some fields are not filled in correctly.');
    expect((await t.request({ method: 'GET', url: '/api/threads/search?q=klasse' })).statusCode).toBe(401);
  });

  it('ranks a match in the subject above one in a message', async () => {
    const inBody = await write('Om ugen', 'Vi tænker på lejrskolen i foråret.');
    const inSubject = await write('Lejrskole', 'Hvad skal Emma have med?');
    expect(await found('custodyGuardian', 'lejrskole')).toEqual([inSubject.id, inBody.id]);
    const subjectHit = (await search('custodyGuardian', 'lejrskole'))[0]!;
    expect(subjectHit.matchedMessageId).toBeNull();
    expect(subjectHit.snippet).toEqual([{ text: 'Lejrskole', match: true }]);
  });

  it('never lets the text fake a mark or smuggle markup into the snippet', async () => {
    // The marks are control characters, which no text may hold: a body faking one is refused.
    const faked = await call('POST', '/api/threads', 'custodyGuardian', {
      studentId: f.ownStudent,
      subject: 'Sikkerhed',
      body: '\u0001falsk\u0002 gymnastiksalen',
    });
    expect(faked.statusCode).toBe(400);
    expect(faked.json().error).toMatchObject({ code: 'text_invalid_characters', field: 'body' });
    const thread = await write('Sikkerhed', 'falsk <b>fed</b> <script>alert(1)</script> gymnastiksalen er lukket');
    const hit = (await search('custodyGuardian', 'gymnastiksalen')).find((h) => h.id === thread.id)!;
    expect(hit.snippet.filter((p) => p.match)).toEqual([{ text: 'gymnastiksalen', match: true }]);
    const text = hit.snippet.map((p) => p.text).join('');
    for (const mark of [SNIPPET_MARK_START, SNIPPET_MARK_STOP, '<', '>']) expect(text).not.toContain(mark);
    expect(text).toContain('falsk');
    // The message itself is kept exactly as typed.
    expect((await call('GET', `/api/threads/${thread.id}`, 'custodyGuardian')).json().messages[0].body).toContain(
      '<script>',
    );
  });

  it('finds only the threads the caller takes part in, like the thread list', async () => {
    const thread = await write('Cykeltur', 'Emma har brug for en ny cykelhjelm.');
    expect(await found('custodyGuardian', 'cykelhjelm')).toEqual([thread.id]);
    expect(await found('contactTeacher', 'cykelhjelm')).toEqual([thread.id]);
    // Not in the thread: other guardians of Emma, other teachers, the leadership, another school.
    for (const actor of [
      'protectedGuardian',
      'informationRightParent',
      'otherFamilyGuardian',
      'student',
      'otherClassTeacher',
      'leader',
      'boardMember',
      'otherSchoolLeader',
    ] as const) {
      expect(await found(actor, 'cykelhjelm'), actor).toEqual([]);
    }
  });

  it("never shows one guardian another guardian's private reply to a group message", async () => {
    const group = (
      await call('POST', `/api/schools/${f.schoolId}/classes/${f.classA}/messages`, 'contactTeacher', {
        subject: 'Skovtur',
        body: 'Vi går i skoven fredag.',
      })
    ).json() as TThreadDetail;
    const reply = await call('POST', `/api/threads/${group.id}/messages`, 'custodyGuardian', {
      body: 'Emma er allergisk over for hvepsestik.',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const replyThread = (reply.json() as TThreadDetail).id;

    expect(await found('custodyGuardian', 'hvepsestik')).toEqual([replyThread]);
    expect(await found('contactTeacher', 'hvepsestik')).toEqual([replyThread]);
    expect(await found('protectedGuardian', 'hvepsestik')).toEqual([]);
    // The group message itself reaches both custody holders.
    expect(await found('protectedGuardian', 'skoven')).toEqual([group.id]);
  });

  it('logs staff finding threads about a child', async () => {
    await write('Skema', 'Emma savner sin svømmetime.');
    const before = await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'thread.search').execute();
    expect(await search('contactTeacher', 'svømmetime')).toHaveLength(1);
    const after = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'student_id'])
      .where('action', '=', 'thread.search')
      .execute();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual({ actor_user_id: f.users.contactTeacher, student_id: f.ownStudent });
  });

  it('hides a thread about a child once the guardian is suspended or no longer the guardian', async () => {
    const thread = await write('Tandlæge', 'Emma skal til tandlæge torsdag.', 'protectedGuardian');
    expect(await found('protectedGuardian', 'tandlæge')).toEqual([thread.id]);

    await t.deps.db
      .updateTable('people')
      .set({ suspended: true })
      .where('id', '=', f.people.protectedGuardian!)
      .execute();
    expect(await found('protectedGuardian', 'tandlæge')).toEqual([]);
    await t.deps.db
      .updateTable('people')
      .set({ suspended: false })
      .where('id', '=', f.people.protectedGuardian!)
      .execute();
    expect(await found('protectedGuardian', 'tandlæge')).toEqual([thread.id]);

    await t.deps.db
      .deleteFrom('guardianships')
      .where('person_id', '=', f.people.protectedGuardian!)
      .where('student_id', '=', f.ownStudent)
      .execute();
    expect(await found('protectedGuardian', 'tandlæge')).toEqual([]);
    // The staff keep the thread.
    expect(await found('contactTeacher', 'tandlæge')).toEqual([thread.id]);
  });
});
