import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TAuditPage } from '../../shared/api/audit.schema.js';

const HOUR = 60 * 60 * 1000;

describe('the audit log', () => {
  let t: TestApp;
  let f: Fixture;
  const readProfile = (actor: ActorName, studentId: string) =>
    t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/students/${studentId}`, as: f.users[actor] });
  const search = async (query: string, actor: ActorName = 'leader'): Promise<TAuditPage> => {
    const res = await t.request({
      method: 'GET',
      url: `/api/schools/${f.schoolId}/audit-log${query}`,
      as: f.users[actor],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TAuditPage;
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    // Monday 23 November 2026, 10:00 Copenhagen: the teacher reads Emma; an hour later the
    // leader reads Yusuf; on Tuesday the custody holder reads Emma.
    await readProfile('contactTeacher', f.ownStudent);
    t.clock.advance(HOUR);
    await readProfile('leader', f.otherStudent);
    t.clock.advance(24 * HOUR);
    await readProfile('custodyGuardian', f.ownStudent);
  });
  afterAll(() => t.close());

  it('lists the school’s reads newest first, with who read in which capacity and never a user id', async () => {
    const page = await search('');
    expect(page.entries.map((e) => [e.action, e.actor.name, e.actor.role, e.student?.name])).toEqual([
      ['student.read', 'custodyGuardian', 'guardian', 'Emma Hansen'],
      ['student.read', 'leader', 'leader', 'Yusuf Hassan'],
      ['student.read', 'contactTeacher', 'contact_teacher', 'Emma Hansen'],
    ]);
    expect(page.entries[0]?.at).toBe(t.clock.now().toISOString());
    expect(page.nextCursor).toBeNull();
    for (const userId of Object.values(f.users)) if (userId) expect(JSON.stringify(page)).not.toContain(userId);
  });

  it('filters by student, by part of the actor’s name and by action family', async () => {
    expect((await search(`?studentId=${f.otherStudent}`)).entries.map((e) => e.actor.name)).toEqual(['leader']);
    expect((await search('?actor=TEACH')).entries.map((e) => e.actor.name)).toEqual(['contactTeacher']);
    expect((await search('?action=student')).entries).toHaveLength(3);
    expect((await search('?action=student.read')).entries).toHaveLength(3);
    expect((await search('?action=stud')).entries).toHaveLength(0);
    // A wildcard typed by the searcher is taken literally.
    expect((await search('?actor=%25')).entries).toHaveLength(0);
  });

  it('filters by day in Copenhagen time, the "to" day included', async () => {
    expect((await search('?from=2026-11-24')).entries.map((e) => e.actor.name)).toEqual(['custodyGuardian']);
    expect((await search('?to=2026-11-23')).entries.map((e) => e.actor.name)).toEqual(['leader', 'contactTeacher']);
    expect(
      (await search('?from=2026-11-23T09:30:00Z&to=2026-11-23T10:30:00Z')).entries.map((e) => e.actor.name),
    ).toEqual(['leader']);
    expect((await search('?from=2026-11-25')).entries).toEqual([]);
  });

  it('pages with a cursor, also through rows written in the same moment', async () => {
    await t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/classes/${f.classA}`, as: f.users.leader });
    await t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/classes/${f.classB}`, as: f.users.leader });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: TAuditPage = await search(`?limit=2${cursor ? `&before=${cursor}` : ''}`);
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await search('?limit=200')).entries.map((e) => e.id);
    expect(seen).toEqual(all);
    expect(all).toHaveLength(5);
  });

  it('refuses a cursor it did not make', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/schools/${f.schoolId}/audit-log?before=bm90LWEtY3Vyc29y`,
      as: f.users.leader,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('before');
  });

  it('is the leadership’s only, and never shows another school’s log', async () => {
    for (const actor of ['contactTeacher', 'custodyGuardian', 'boardMember', 'otherSchoolLeader'] as const) {
      const res = await t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/audit-log`, as: f.users[actor] });
      expect(res.statusCode, actor).toBe(403);
    }
    const own = await t.request({
      method: 'GET',
      url: `/api/schools/${f.otherSchoolId}/audit-log`,
      as: f.users.otherSchoolLeader,
    });
    expect(own.statusCode).toBe(200);
    expect((own.json() as TAuditPage).entries).toEqual([]);
  });

  it("shows a custody holder their own child's log only", async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/schools/${f.schoolId}/students/${f.ownStudent}/audit-log`,
      as: f.users.custodyGuardian,
    });
    expect(res.statusCode).toBe(200);
    const names = (res.json() as TAuditPage).entries.map((e) => e.student?.name);
    expect(new Set(names)).toEqual(new Set(['Emma Hansen']));
    for (const actor of [
      'informationRightParent',
      'suspendedGuardian',
      'otherFamilyGuardian',
      'contactTeacher',
      'student',
      'boardMember',
    ] as const) {
      const refused = await t.request({
        method: 'GET',
        url: `/api/schools/${f.schoolId}/students/${f.ownStudent}/audit-log`,
        as: f.users[actor],
      });
      expect(refused.statusCode, actor).toBe(403);
    }
  });
});
