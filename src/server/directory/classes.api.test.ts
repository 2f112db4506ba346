import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TClassDetail, TClassList } from '../../shared/api/directory.schema.js';
import type { TAuditPage } from '../../shared/api/audit.schema.js';

describe('classes: the list and a class roster', () => {
  let t: TestApp;
  let f: Fixture;
  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  const listAs = async (actor: ActorName): Promise<TClassList['classes']> => {
    const res = await t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/classes`, as: f.users[actor] });
    expect(res.statusCode, actor).toBe(200);
    return (res.json() as TClassList).classes;
  };
  const rosterUrl = (classId = f.classA, schoolId = f.schoolId) => `/api/schools/${schoolId}/classes/${classId}`;

  it('lists a teacher their own classes with their role in each', async () => {
    expect(await listAs('contactTeacher')).toEqual([
      {
        id: f.classA,
        name: '3.A',
        grade: 3,
        contactTeacher: { name: 'Birgitte Lund' },
        studentCount: 1,
        staffRole: 'contact_teacher',
        childIds: [],
      },
    ]);
    expect((await listAs('otherClassTeacher')).map((c) => c.name)).toEqual(['5.B']);
  });

  it('lists every class for the leadership', async () => {
    expect((await listAs('leader')).map((c) => [c.name, c.staffRole, c.contactTeacher?.name])).toEqual([
      ['3.A', null, 'Birgitte Lund'],
      ['5.B', null, 'Jens Møller'],
    ]);
    expect((await listAs('administrator')).length).toBe(2);
  });

  it("lists a custody holder their children's classes, the student their own", async () => {
    expect(await listAs('custodyGuardian')).toEqual([
      {
        id: f.classA,
        name: '3.A',
        grade: 3,
        contactTeacher: { name: 'Birgitte Lund' },
        studentCount: 1,
        staffRole: null,
        childIds: [f.ownStudent],
      },
    ]);
    expect((await listAs('otherFamilyGuardian')).map((c) => c.name)).toEqual(['5.B']);
    expect((await listAs('student')).map((c) => c.name)).toEqual(['3.A']);
  });

  it('lists nothing for a § 23 parent, a suspended guardian or a board member', async () => {
    for (const actor of ['informationRightParent', 'suspendedGuardian', 'boardMember'] as const) {
      expect(await listAs(actor), actor).toEqual([]);
    }
  });

  it('refuses a leader of another school', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/schools/${f.schoolId}/classes`,
      as: f.users.otherSchoolLeader,
    });
    expect(res.statusCode).toBe(403);
  });

  it('gives the contact teacher the roster with custody holders and their needs, never an address', async () => {
    await t.deps.db
      .updateTable('people')
      .set({ needs_interpreter: true, language: 'ar', preferred_channel: 'sms' })
      .where('id', '=', f.people.custodyGuardian!)
      .execute();
    const res = await t.request({ method: 'GET', url: rosterUrl(), as: f.users.contactTeacher });
    expect(res.statusCode).toBe(200);
    const roster = res.json() as TClassDetail;
    expect(roster).toMatchObject({
      id: f.classA,
      name: '3.A',
      grade: 3,
      staff: [{ name: 'Birgitte Lund', role: 'contact_teacher' }],
    });
    expect(roster.students).toEqual([
      {
        id: f.ownStudent,
        givenName: 'Emma',
        familyName: 'Hansen',
        name: 'Emma Hansen',
        firstLanguage: 'da',
        guardians: [
          {
            id: f.people.suspendedGuardian,
            name: 'Kim Hansen',
            language: 'da',
            needsInterpreter: false,
            preferredChannel: 'app',
            suspended: true,
          },
          {
            id: f.people.custodyGuardian,
            name: 'Mette Hansen',
            language: 'ar',
            needsInterpreter: true,
            preferredChannel: 'sms',
            suspended: false,
          },
          {
            id: f.people.protectedGuardian,
            name: 'Sara Hansen',
            language: 'da',
            needsInterpreter: false,
            preferredChannel: 'app',
            suspended: false,
          },
        ],
        hasInformationRightParent: true,
      },
    ]);
    expect(res.body).not.toContain('Hemmelig');
    expect(res.body).not.toContain('Skolevej');
    expect(res.body).not.toContain('Lars');
  });

  it("refuses another class's teacher, guardians, the student and the board", async () => {
    for (const actor of [
      'otherClassTeacher',
      'custodyGuardian',
      'student',
      'boardMember',
      'informationRightParent',
    ] as const) {
      const res = await t.request({ method: 'GET', url: rosterUrl(), as: f.users[actor] });
      expect(res.statusCode, actor).toBe(403);
      expect(res.body, actor).not.toContain('Emma');
    }
  });

  it('never reads a class of another school, whatever school the path names', async () => {
    const otherClass = (
      await t.deps.db
        .insertInto('classes')
        .values({ school_id: f.otherSchoolId, external_id: '2X', grade: 2, letter: 'X' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await t.request({ method: 'GET', url: rosterUrl(otherClass), as: f.users.leader })).statusCode).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: rosterUrl(f.classA, f.otherSchoolId), as: f.users.otherSchoolLeader }))
        .statusCode,
    ).toBe(404);
  });

  it("logs one row per student read, which the child's custody holder sees", async () => {
    const before = await t.deps.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'class.students.read')
      .execute();
    await t.request({ method: 'GET', url: rosterUrl(), as: f.users.leader });
    const rows = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'class.students.read')
      .execute();
    expect(rows.length - before.length).toBe(1);
    expect(rows.at(-1)).toMatchObject({
      student_id: f.ownStudent,
      actor_role: 'leader',
      subject: 'class 3.A',
      school_id: f.schoolId,
    });

    const res = await t.request({
      method: 'GET',
      url: `/api/schools/${f.schoolId}/students/${f.ownStudent}/audit-log`,
      as: f.users.protectedGuardian,
    });
    const page = res.json() as TAuditPage;
    expect(page.entries[0]).toMatchObject({
      action: 'class.students.read',
      actor: { name: 'leader', role: 'leader' },
      subject: 'class 3.A',
      student: { id: f.ownStudent, name: 'Emma Hansen' },
    });
  });

  it('lists without writing to the audit log: names and sizes of classes are not a child’s data', async () => {
    const count = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await listAs('leader');
    expect(await count()).toBe(before);
  });
});
