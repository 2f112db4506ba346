import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TMe } from '../../shared/api/directory.schema.js';

describe('GET /api/me and PUT /api/me/preferences', () => {
  let t: TestApp;
  let f: Fixture;
  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  const me = async (actor: ActorName): Promise<TMe> => {
    const res = await t.request({ method: 'GET', url: '/api/me', as: f.users[actor] });
    expect(res.statusCode).toBe(200);
    return res.json() as TMe;
  };
  const school = (m: TMe) => m.schools.find((s) => s.id === f.schoolId);

  it('refuses an anonymous caller', async () => {
    const res = await t.request({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
  });

  it('gives a custody holder their child with its class, and no staff abilities', async () => {
    const m = await me('custodyGuardian');
    expect(m).toMatchObject({
      id: f.users.custodyGuardian,
      name: 'custodyGuardian',
      email: 'custodyguardian@fixture.samspil.dk',
      locale: 'da',
      roles: ['guardian'],
    });
    expect(m.children).toEqual([
      {
        id: f.ownStudent,
        schoolId: f.schoolId,
        givenName: 'Emma',
        familyName: 'Hansen',
        name: 'Emma Hansen',
        relation: 'custody',
        class: { id: f.classA, name: '3.A', grade: 3 },
      },
    ]);
    expect(school(m)).toEqual({
      id: f.schoolId,
      name: 'Fixture Skole',
      slug: 'fixture-skole',
      roles: ['guardian'],
      suspended: false,
      abilities: {
        readSchoolOverview: false,
        editPrinciple: false,
        readPrincipleDrafts: false,
        importDirectory: false,
        searchAuditLog: false,
        handleInformationRequests: false,
        editClosedDays: false,
        planConferences: false,
      },
      studentId: null,
    });
  });

  it('names the child of a § 23 parent but hands out nothing more, not even the class', async () => {
    const m = await me('informationRightParent');
    expect(m.roles).toEqual(['information_right_parent']);
    expect(m.children).toEqual([
      {
        id: f.ownStudent,
        schoolId: f.schoolId,
        givenName: 'Emma',
        familyName: 'Hansen',
        name: 'Emma Hansen',
        relation: 'information_right',
        class: null,
      },
    ]);
  });

  it('gives a suspended guardian no children, and says the access is suspended', async () => {
    const m = await me('suspendedGuardian');
    expect(m.children).toEqual([]);
    expect(school(m)).toMatchObject({ suspended: true, roles: ['guardian'] });
  });

  it('gives the student their own role and no children', async () => {
    const m = await me('student');
    expect(m.roles).toEqual(['student']);
    expect(m.children).toEqual([]);
    expect(school(m)?.suspended).toBe(false);
  });

  it('tells a contact teacher they handle information requests and plan conference rounds, but not the school-wide abilities', async () => {
    const m = await me('contactTeacher');
    expect(m.roles).toEqual(['contact_teacher', 'teacher']);
    expect(school(m)?.abilities).toEqual({
      readSchoolOverview: false,
      editPrinciple: false,
      readPrincipleDrafts: false,
      importDirectory: false,
      searchAuditLog: false,
      handleInformationRequests: true,
      editClosedDays: false,
      planConferences: true,
    });
  });

  it('gives the leader every ability, the administrator all but editing the principle', async () => {
    expect(school(await me('leader'))?.abilities).toEqual({
      readSchoolOverview: true,
      editPrinciple: true,
      readPrincipleDrafts: true,
      importDirectory: true,
      searchAuditLog: true,
      handleInformationRequests: true,
      editClosedDays: true,
      planConferences: true,
    });
    expect(school(await me('administrator'))?.abilities).toMatchObject({
      editPrinciple: false,
      editClosedDays: true,
      searchAuditLog: true,
      importDirectory: true,
      planConferences: true,
    });
  });

  it('lets a board member read the overview and drafts, and nothing about children', async () => {
    const m = await me('boardMember');
    expect(m.roles).toEqual(['board_member']);
    expect(m.children).toEqual([]);
    expect(school(m)?.abilities).toEqual({
      readSchoolOverview: true,
      editPrinciple: false,
      readPrincipleDrafts: true,
      importDirectory: false,
      searchAuditLog: false,
      handleInformationRequests: false,
      editClosedDays: false,
      planConferences: false,
    });
  });

  it("lists only the other school for the other school's leader", async () => {
    const m = await me('otherSchoolLeader');
    expect(m.schools.map((s) => s.id)).toEqual([f.otherSchoolId]);
    expect(m.schools[0]?.roles).toEqual(['leader']);
  });

  it('lists every school of a person who is a guardian at two schools, with the children of both', async () => {
    const otherClass = (
      await t.deps.db
        .insertInto('classes')
        .values({ school_id: f.otherSchoolId, external_id: '1C', grade: 1, letter: 'C' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const sibling = (
      await t.deps.db
        .insertInto('students')
        .values({
          school_id: f.otherSchoolId,
          external_id: 'sib',
          user_id: null,
          given_name: 'Oskar',
          family_name: 'Hansen',
          class_id: otherClass,
          birth_date: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const person = (
      await t.deps.db
        .insertInto('people')
        .values({
          school_id: f.otherSchoolId,
          external_id: 'p-custody-2',
          user_id: f.users.custodyGuardian,
          given_name: 'Mette',
          family_name: 'Hansen',
          email: null,
          phone: null,
          household_id: null,
          suspended_reason: null,
          contact_hours: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await t.deps.db
      .insertInto('guardianships')
      .values({ school_id: f.otherSchoolId, student_id: sibling, person_id: person, kind: 'custody' })
      .execute();

    const m = await me('custodyGuardian');
    expect(m.schools.map((s) => s.name)).toEqual(['Anden Skole', 'Fixture Skole']);
    expect(m.children.map((c) => [c.name, c.schoolId, c.class?.name])).toEqual([
      ['Emma Hansen', f.schoolId, '3.A'],
      ['Oskar Hansen', f.otherSchoolId, '1.C'],
    ]);
  });

  it('saves the chosen language on the account', async () => {
    const res = await t.request({
      method: 'PUT',
      url: '/api/me/preferences',
      as: f.users.leader,
      payload: { locale: 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ locale: 'en' });
    expect((await me('leader')).locale).toBe('en');
    // The account's language now answers errors too, when no cookie says otherwise.
    const refused = await t.request({
      method: 'GET',
      url: `/api/schools/${f.otherSchoolId}/overview`,
      as: f.users.leader,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('You do not have access to this.');
  });

  it('refuses a language it does not speak', async () => {
    const res = await t.request({
      method: 'PUT',
      url: '/api/me/preferences',
      as: f.users.leader,
      payload: { locale: 'de' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});
