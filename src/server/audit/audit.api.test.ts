import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TAuditPage } from '../../shared/api/audit.schema.js';
import { insertAuditRows } from './audit.repository.js';

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

describe('the audit log as people read it', () => {
  let t: TestApp;
  let f: Fixture;
  const log = async (url: string, actor: ActorName = 'leader'): Promise<TAuditPage> => {
    const res = await t.request({ method: 'GET', url: `/api/schools/${f.schoolId}${url}`, as: f.users[actor] });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TAuditPage;
  };
  const readProfile = (actor: ActorName, studentId: string) =>
    t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/students/${studentId}`, as: f.users[actor] });
  const readClass = (actor: ActorName, classId: string) =>
    t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/classes/${classId}`, as: f.users[actor] });

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    // A second child in 3.A, so a view of the class names two.
    await t.deps.db
      .insertInto('students')
      .values({ school_id: f.schoolId, external_id: 's3', given_name: 'Ida', family_name: 'Berg', class_id: f.classA })
      .execute();
    // Monday 23 November 2026, 10:00 Copenhagen.
    for (let i = 0; i < 3; i++) {
      await readProfile('contactTeacher', f.ownStudent);
      t.clock.advance(HOUR);
    }
    await readClass('leader', f.classA);
    await readClass('leader', f.classA);
    await readProfile('custodyGuardian', f.ownStudent);
    await readProfile('custodyGuardian', f.ownStudent);
    // Tuesday: one more read by the teacher is a line of its own.
    t.clock.advance(24 * HOUR);
    await readProfile('contactTeacher', f.ownStudent);
  });
  afterAll(() => t.close());

  it("shows one person's reads of one kind on one day as one line with a count", async () => {
    const teacher = (await log('/audit-log?actor=contactTeacher')).entries;
    expect(teacher.map((e) => [e.action, e.count])).toEqual([
      ['student.read', 1],
      ['student.read', 3],
    ]);
    const monday = teacher[1]!;
    expect(new Date(monday.at).getTime() - new Date(monday.firstAt).getTime()).toBe(2 * HOUR);
    expect(monday.student?.name).toBe('Emma Hansen');
  });

  it("shows a class page's view as one line in the school's log, and as a line in each child's log", async () => {
    const classRows = (await log('/audit-log?action=class')).entries;
    expect(classRows).toHaveLength(1);
    expect(classRows[0]).toMatchObject({ action: 'class.students.read', count: 2, student: null });
    expect(classRows[0]?.students).toBe(2);
    expect(classRows[0]?.subject).toMatch(/^class /);

    const ofEmma = (await log(`/students/${f.ownStudent}/audit-log`)).entries.filter(
      (e) => e.action === 'class.students.read',
    );
    expect(ofEmma.map((e) => [e.count, e.student?.name])).toEqual([[2, 'Emma Hansen']]);
  });

  it('shows the family who at the school read what, never their own visits', async () => {
    const family = (await log(`/students/${f.ownStudent}/audit-log`, 'custodyGuardian')).entries;
    expect(family.length).toBeGreaterThan(0);
    expect(family.map((e) => e.actor.name)).not.toContain('custodyGuardian');
    expect(family.every((e) => e.actor.role !== 'guardian')).toBe(true);
    expect(family.map((e) => [e.actor.name, e.action, e.count])).toContainEqual(['contactTeacher', 'student.read', 3]);

    // The leadership sees every row of the child's log, the family's visits included.
    const leader = (await log(`/students/${f.ownStudent}/audit-log`)).entries;
    expect(leader.map((e) => [e.actor.name, e.count])).toContainEqual(['custodyGuardian', 2]);
  });

  it('keeps changes one by one, and pages through weeks of quiet without losing a line', async () => {
    const now = t.clock.now();
    const row = (daysAgo: number, action: 'thread.reply' | 'student.read') => ({
      school_id: f.schoolId,
      at: new Date(now.getTime() - daysAgo * 24 * HOUR),
      actor_user_id: f.users.otherClassTeacher,
      actor_name: 'pager',
      actor_role: 'teacher',
      action,
      student_id: f.otherStudent,
      subject: '',
      request_id: null,
    });
    // Two answers on one day stay two lines; reads 3, 20, 45 and 400 days back, weeks apart.
    await insertAuditRows(t.deps.db, [
      row(2, 'thread.reply'),
      row(2, 'thread.reply'),
      ...[3, 20, 45, 400].map((days) => row(days, 'student.read')),
    ]);
    const all = (await log('/audit-log?actor=pager&limit=200')).entries;
    expect(all.map((e) => e.action)).toEqual([
      'thread.reply',
      'thread.reply',
      'student.read',
      'student.read',
      'student.read',
      'student.read',
    ]);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: TAuditPage = await log(`/audit-log?actor=pager&limit=1${cursor ? `&before=${cursor}` : ''}`);
      paged.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((e) => e.id));
  });
});
