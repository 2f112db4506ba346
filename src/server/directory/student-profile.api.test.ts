import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { findPreset } from '../../domain/principle/presets.js';
import type { TStudentGuardian, TStudentProfile } from '../../shared/api/directory.schema.js';
import type { TAuditPage } from '../../shared/api/audit.schema.js';

describe('GET /api/schools/:schoolId/students/:studentId', () => {
  let t: TestApp;
  let f: Fixture;
  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  const profileUrl = (studentId = f.ownStudent, schoolId = f.schoolId) =>
    `/api/schools/${schoolId}/students/${studentId}`;
  const read = (actor: ActorName, url = profileUrl()) => t.request({ method: 'GET', url, as: f.users[actor] });
  const profileAs = async (actor: ActorName): Promise<TStudentProfile> => {
    const res = await read(actor);
    expect(res.statusCode).toBe(200);
    return res.json() as TStudentProfile;
  };
  const guardian = (p: TStudentProfile, actor: ActorName): TStudentGuardian | undefined =>
    p.guardians.find((g) => g.id === f.people[actor]);
  const auditRows = (studentId: string) =>
    t.deps.db.selectFrom('audit_log').selectAll().where('student_id', '=', studentId).orderBy('id').execute();

  it('shows a custody holder their child: class, contact teacher and how to reach them, guardians', async () => {
    const p = await profileAs('custodyGuardian');
    expect(p).toMatchObject({
      id: f.ownStudent,
      schoolId: f.schoolId,
      name: 'Emma Hansen',
      class: { id: f.classA, name: '3.A', grade: 3 },
      birthDate: '2017-04-02',
      firstLanguage: 'da',
      contactTeacher: {
        name: 'Birgitte Lund',
        email: 'birgitte.lund@fixture.samspil.dk',
        phone: '+45 12 34 56 78',
        contactHours: 'Man–tor 8–15',
      },
      classStaff: [],
      responsePromise: null,
    });
    expect(p.guardians.map((g) => [g.name, g.relation])).toEqual([
      ['Kim Hansen', 'custody'],
      ['Mette Hansen', 'custody'],
      ['Sara Hansen', 'custody'],
      ['Lars Hansen', 'information_right'],
    ]);
  });

  it("shows a guardian their own address, but not the other parents' homes, contact details or suspension", async () => {
    const p = await profileAs('custodyGuardian');
    expect(guardian(p, 'custodyGuardian')).toMatchObject({
      householdId: expect.any(String),
      address: { line: 'Skolevej 1', postalCode: '7100', city: 'Vejle' },
    });
    for (const other of ['protectedGuardian', 'suspendedGuardian', 'informationRightParent'] as const) {
      expect(guardian(p, other)).not.toHaveProperty('address');
      expect(guardian(p, other)).not.toHaveProperty('householdId');
      expect(guardian(p, other)).not.toHaveProperty('suspended');
      expect(guardian(p, other)).not.toHaveProperty('phone');
    }
  });

  it("never shows a protected guardian's address to the co-parent, the teacher or the leader", async () => {
    for (const actor of ['custodyGuardian', 'contactTeacher', 'leader', 'student'] as const) {
      const res = await read(actor);
      expect(res.statusCode, actor).toBe(200);
      expect(res.body, actor).not.toContain('Hemmelig');
      expect(guardian(res.json(), 'protectedGuardian'), actor).not.toHaveProperty('householdId');
    }
  });

  it('hides a protected address even from the protected person (it is shown to administrators only)', async () => {
    const res = await read('protectedGuardian');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Hemmelig');
    // …and she does not see the co-parent's home either.
    expect(res.body).not.toContain('Skolevej');
  });

  it('shows the administrator the protected address', async () => {
    const p = await profileAs('administrator');
    expect(guardian(p, 'protectedGuardian')).toMatchObject({
      address: { line: 'Hemmelig Allé 9', postalCode: '7100', city: 'Vejle' },
    });
  });

  it('hides the home of anyone who lives with a protected person, since it is the same address', async () => {
    const household = (
      await t.deps.db
        .selectFrom('people')
        .select('household_id')
        .where('id', '=', f.people.protectedGuardian!)
        .executeTakeFirstOrThrow()
    ).household_id;
    const housemate = (
      await t.deps.db
        .insertInto('people')
        .values({
          school_id: f.schoolId,
          external_id: 'p-housemate',
          user_id: null,
          given_name: 'Peter',
          family_name: 'Holm',
          email: null,
          phone: null,
          household_id: household,
          suspended_reason: null,
          contact_hours: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await t.deps.db
      .insertInto('guardianships')
      .values({ school_id: f.schoolId, student_id: f.ownStudent, person_id: housemate, kind: 'custody' })
      .execute();
    try {
      const teacher = await profileAs('contactTeacher');
      expect(teacher.guardians.find((g) => g.id === housemate)).not.toHaveProperty('address');
      const admin = await profileAs('administrator');
      expect(admin.guardians.find((g) => g.id === housemate)?.address?.line).toBe('Hemmelig Allé 9');
    } finally {
      await t.deps.db.deleteFrom('guardianships').where('person_id', '=', housemate).execute();
      await t.deps.db.deleteFrom('people').where('id', '=', housemate).execute();
    }
  });

  it("gives the class's staff the guardians' contact details, needs and the suspension marker", async () => {
    const p = await profileAs('contactTeacher');
    expect(guardian(p, 'custodyGuardian')).toMatchObject({
      address: { line: 'Skolevej 1' },
      language: 'da',
      needsInterpreter: false,
      preferredChannel: 'app',
      suspended: false,
    });
    expect(guardian(p, 'suspendedGuardian')).toMatchObject({ suspended: true });
    expect(p.birthDate).toBe('2017-04-02');
  });

  it('shows the student their profile without the birth date or anyone’s address', async () => {
    const p = await profileAs('student');
    expect(p.name).toBe('Emma Hansen');
    expect(p).not.toHaveProperty('birthDate');
    expect(p.guardians.every((g) => g.address === undefined)).toBe(true);
  });

  it('tells a § 23 parent to ask instead of showing the profile', async () => {
    const res = await read('informationRightParent');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('information_right_only');
  });

  it('shows a suspended guardian nothing', async () => {
    const res = await read('suspendedGuardian');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('guardian_suspended');
    expect(res.body).not.toContain('Emma');
  });

  it("answers a suspended guardian about another family's child as if the child did not exist", async () => {
    const other = await read('suspendedGuardian', profileUrl(f.otherStudent));
    const unknown = await read('suspendedGuardian', profileUrl(randomUUID()));
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('not_found');
    expect({ ...other.json().error, requestId: null }).toEqual({ ...unknown.json().error, requestId: null });
  });

  it("refuses another family's guardian, another class's teacher and the board as if the child did not exist", async () => {
    for (const actor of ['otherFamilyGuardian', 'otherClassTeacher', 'boardMember'] as const) {
      const res = await read(actor);
      expect(res.statusCode, actor).toBe(404);
      expect(res.body, actor).not.toContain('Emma');
    }
  });

  it("lets the other family's guardian read their own child", async () => {
    const res = await read('otherFamilyGuardian', profileUrl(f.otherStudent));
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Yusuf Hassan');
  });

  it('never reads across schools: a leader of another school gets nothing, through either school', async () => {
    expect((await read('otherSchoolLeader')).statusCode).toBe(403);
    const viaOwnSchool = await read('otherSchoolLeader', profileUrl(f.ownStudent, f.otherSchoolId));
    expect(viaOwnSchool.statusCode).toBe(404);
    expect(viaOwnSchool.body).not.toContain('Emma');
  });

  it("shows the school's reply promise from its adopted principle", async () => {
    const preset = findPreset('seed-002');
    if (!preset) throw new Error('preset seed-002 missing');
    const now = t.clock.now();
    await t.deps.db
      .insertInto('principle_versions')
      .values({
        school_id: f.schoolId,
        version: 1,
        status: 'adopted',
        content: JSON.stringify(preset.principle),
        based_on_preset: 'seed-002',
        adopted_on: '2026-11-01',
        adopted_by: 'Skolebestyrelsen',
        recorded_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    try {
      expect((await profileAs('custodyGuardian')).responsePromise).toEqual({ replyWithinWorkingDays: 3 });
    } finally {
      await t.deps.db.deleteFrom('principle_versions').where('school_id', '=', f.schoolId).execute();
    }
  });

  it('logs every read with who read in which capacity, and the custody holder sees it', async () => {
    const before = (await auditRows(f.ownStudent)).length;
    await read('contactTeacher');
    await read('leader');
    await read('informationRightParent'); // refused: no read, no row
    const rows = (await auditRows(f.ownStudent)).slice(before);
    expect(rows.map((r) => [r.action, r.actor_name, r.actor_role, r.subject])).toEqual([
      ['student.read', 'contactTeacher', 'contact_teacher', ''],
      ['student.read', 'leader', 'leader', ''],
    ]);

    const res = await t.request({ method: 'GET', url: `${profileUrl()}/audit-log`, as: f.users.custodyGuardian });
    expect(res.statusCode).toBe(200);
    const page = res.json() as TAuditPage;
    expect(page.entries.slice(0, 2).map((e) => [e.action, e.actor.name, e.actor.role])).toEqual([
      ['student.read', 'leader', 'leader'],
      ['student.read', 'contactTeacher', 'contact_teacher'],
    ]);
    expect(res.body).not.toContain(f.users.contactTeacher!);
  });
});
