import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { adoptPreset } from '../principle/principle.service.js';
import type { TRound, TRoundList } from '../../shared/api/conference.schema.js';

/** Creating a conference round (issue 10, point 1) against the fixture school (seed 002's principle: invite 21 days, no student plan). */
describe('a conference round', () => {
  let t: TestApp;
  let f: Fixture;
  const url = () => `/api/schools/${f.schoolId}/conference-rounds`;
  const valid = (overrides: Record<string, unknown> = {}) => ({
    name: 'Vinterens samtaler i 3.A',
    kind: 'regular',
    classIds: [f.classA],
    days: [
      { date: '2027-01-20', from: '14:00', to: '17:30' },
      { date: '2027-01-19', from: '14:00', to: '17:30' },
    ],
    minutesByGrade: { '3': 15, '5': 20 },
    alsoTakingPart: ['pedagogue'],
    formats: ['in_person', 'video'],
    videoLink: 'https://meet.demo.samspil.dk/3a',
    rooms: { [f.classA]: 'Lokale 12' },
    inviteOn: '2026-12-01',
    plansBy: '2027-01-05',
    ...overrides,
  });
  const create = (actor: ActorName, payload: unknown, key?: string) =>
    t.request({
      method: 'POST',
      url: url(),
      as: f.users[actor],
      payload: payload as Record<string, unknown>,
      headers: key ? { 'idempotency-key': key } : {},
    });
  const roundCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('conference_rounds')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
  });
  afterAll(() => t.close());

  it('is made by the contact teacher for their class, once per key, with its afternoons in order', async () => {
    const before = await roundCount();
    const first = await create('contactTeacher', valid(), 'round-key-1');
    expect(first.statusCode, first.body).toBe(201);
    const again = await create('contactTeacher', valid(), 'round-key-1');
    expect(again.statusCode, again.body).toBe(201);
    const round = first.json() as TRound;
    expect((again.json() as TRound).id).toBe(round.id);
    expect(await roundCount()).toBe(before + 1);
    expect(round).toMatchObject({
      name: 'Vinterens samtaler i 3.A',
      status: 'draft',
      classes: [{ id: f.classA, name: '3.A', grade: 3, room: 'Lokale 12' }],
      days: [
        { date: '2027-01-19', from: '14:00', to: '17:30' },
        { date: '2027-01-20', from: '14:00', to: '17:30' },
      ],
      // Only the round's own grades are kept.
      minutesByGrade: { '3': 15 },
      firstDay: '2027-01-19',
      warnings: [],
    });
    const listed = await t.request({ method: 'GET', url: url(), as: f.users.leader });
    expect((listed.json() as TRoundList).rounds.map((r) => r.id)).toContain(round.id);
    // 5.B's teacher sees none of 3.A's rounds.
    const other = await t.request({ method: 'GET', url: url(), as: f.users.otherClassTeacher });
    expect((other.json() as TRoundList).rounds).toEqual([]);
  });

  it('warns, in the reader’s language, when invitations go out later than the principle asks', async () => {
    const res = await create('leader', valid({ inviteOn: '2027-01-10' }));
    expect(res.statusCode, res.body).toBe(201);
    const round = res.json() as TRound;
    expect(round.warnings).toEqual([
      expect.objectContaining({ code: 'invitation_late', requiredDays: 21, actualDays: 9 }),
    ]);
    expect(round.warnings[0]?.text).toMatch(/mindst 21 dage før første samtale\. Her er der 9\./);
    const inEnglish = await t.request({
      method: 'PUT',
      url: '/api/me/preferences',
      as: f.users.administrator,
      payload: { locale: 'en' },
    });
    expect(inEnglish.statusCode, inEnglish.body).toBe(200);
    const english = await t.request({ method: 'GET', url: `${url()}/${round.id}`, as: f.users.administrator });
    expect((english.json() as TRound).warnings[0]?.text ?? '').toMatch(/at least 21 days/);
  });

  it('refuses a round for a class with no contact teacher to hold its meetings, naming the class, and writes nothing', async () => {
    const lonely = await t.deps.db
      .insertInto('classes')
      .values({ school_id: f.schoolId, external_id: '6C', grade: 6, letter: 'C' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = await roundCount();
    const res = await create(
      'leader',
      valid({ classIds: [f.classA, lonely.id], minutesByGrade: { '3': 15, '6': 20 }, rooms: {} }),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'round_class_without_teacher', field: 'classIds' });
    expect(res.json().error.message).toBe(
      '6.C har ingen kontaktlærer til at holde samtalerne. Tilføj en kontaktlærer i skolens katalog, eller tag klassen ud af runden.',
    );
    expect(await roundCount()).toBe(before);

    // A class whose contact teacher leaves after the round was made: its invitations are not sent.
    const round = await create('leader', valid({ classIds: [f.classB], rooms: {} }));
    expect(round.statusCode, round.body).toBe(201);
    const roundId = (round.json() as TRound).id;
    const staff = await t.deps.db
      .deleteFrom('class_staff')
      .where('class_id', '=', f.classB)
      .where('role', '=', 'contact_teacher')
      .returningAll()
      .execute();
    try {
      const opened = await t.request({ method: 'POST', url: `${url()}/${roundId}/open`, as: f.users.leader });
      expect(opened.statusCode, opened.body).toBe(422);
      expect(opened.json().error.code).toBe('round_class_without_teacher');
      const invitations = await t.deps.db
        .selectFrom('conference_invitations')
        .select('id')
        .where('round_id', '=', roundId)
        .execute();
      expect(invitations).toEqual([]);
      expect(
        ((await t.request({ method: 'GET', url: `${url()}/${roundId}`, as: f.users.leader })).json() as TRound).status,
      ).toBe('draft');
    } finally {
      await t.deps.db.insertInto('class_staff').values(staff).execute();
    }
  });

  it('is needs-based only where the principle allows one (seed 002: one a year; seed 000: none)', async () => {
    const allowed = await create('leader', valid({ kind: 'needs_based', studentIds: [f.ownStudent] }));
    expect(allowed.statusCode, allowed.body).toBe(201);
    expect((allowed.json() as TRound).kind).toBe('needs_based');
  });

  it('asks for the student plan date where the principle asks for a plan, and refuses a needs-based round where it allows none', async () => {
    await adoptPreset(t.deps.db, {
      schoolId: f.schoolId,
      presetId: 'seed-000',
      adoptedOn: '2026-11-02',
      adoptedBy: 'Skolebestyrelsen',
      recordedBy: null,
      now: t.clock.now(),
    });
    const res = await create('leader', valid({ plansBy: null }));
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as TRound).warnings.map((w) => w.code)).toContain('plan_date_missing');
    const before = await roundCount();
    const needsBased = await create('leader', valid({ kind: 'needs_based', studentIds: [f.ownStudent] }));
    expect(needsBased.statusCode, needsBased.body).toBe(422);
    expect(needsBased.json().error.code).toBe('round_needs_based_not_allowed');
    expect(await roundCount()).toBe(before);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
  });

  it('refuses bad input with a clear, translated error and stores nothing', async () => {
    const before = await roundCount();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ minutesByGrade: { '4': 15 } }, 422, 'round_minutes_missing'],
      [{ rooms: { [f.classB]: 'Lokale 2' } }, 422, 'round_room_unknown_class'],
      [{ days: [] }, 400, 'validation_failed'],
      [{ days: [{ date: '2027-01-19', from: '17:00', to: '14:00' }] }, 400, 'validation_failed'],
      [{ formats: ['video'], videoLink: null }, 400, 'validation_failed'],
      [{ inviteOn: '2027-02-01' }, 400, 'validation_failed'],
      [{ videoLink: 'javascript:alert(1)' }, 400, 'validation_failed'],
    ];
    for (const [overrides, status, code] of cases) {
      const res = await create('leader', valid(overrides));
      expect(res.statusCode, `${JSON.stringify(overrides)}: ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const missing = await create('leader', valid({ minutesByGrade: { '4': 15 } }));
    expect(missing.json().error.message).toBe('Angiv hvor lang en samtale er i 3. klasse.');
    expect(await roundCount()).toBe(before);
  });

  it('lets a contact teacher plan only their own classes: another class is refused, one not theirs is not there', async () => {
    const before = await roundCount();
    const both = await create(
      'contactTeacher',
      valid({ classIds: [f.classA, f.classB], minutesByGrade: { '3': 15, '5': 20 } }),
    );
    expect(both.statusCode, both.body).toBe(404);
    const teacher = await create('otherClassTeacher', valid());
    expect([403, 404]).toContain(teacher.statusCode);
    expect(await roundCount()).toBe(before);
  });

  describe('a needs-based round', () => {
    /** A second child in 3.A, with a custody holder of their own household: not named by the round below. */
    let classmate: string;
    let classmateGuardian: string;
    const roundStudents = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('conference_round_students')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      classmate = (
        await t.deps.db
          .insertInto('students')
          .values({
            school_id: f.schoolId,
            external_id: 's-needs-classmate',
            user_id: null,
            given_name: 'Aksel',
            family_name: 'Berg',
            class_id: f.classA,
            birth_date: '2017-06-01',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      classmateGuardian = (
        await t.deps.db
          .insertInto('people')
          .values({
            school_id: f.schoolId,
            external_id: 'p-needs-classmate-parent',
            user_id: null,
            given_name: 'Birthe',
            family_name: 'Berg',
            email: 'birthe.berg@example.test',
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
        .values({ school_id: f.schoolId, student_id: classmate, person_id: classmateGuardian, kind: 'custody' })
        .execute();
    });

    it('names the students it is for, stored with the round and shown to its staff by name and class', async () => {
      const res = await create('contactTeacher', valid({ kind: 'needs_based', studentIds: [f.ownStudent] }));
      expect(res.statusCode, res.body).toBe(201);
      const round = res.json() as TRound;
      expect(round.students).toEqual([{ id: f.ownStudent, name: 'Emma Hansen', className: '3.A' }]);
      const read = await t.request({ method: 'GET', url: `${url()}/${round.id}`, as: f.users.leader });
      expect((read.json() as TRound).students).toEqual(round.students);
      // Naming the children is a read of their data: Emma's log shows it.
      const logged = await t.deps.db
        .selectFrom('audit_log')
        .select('student_id')
        .where('school_id', '=', f.schoolId)
        .where('action', '=', 'conference.round-students')
        .execute();
      expect(logged.map((row) => row.student_id)).toContain(f.ownStudent);
      // A regular round names none: it is for all.
      const regular = await create('leader', valid());
      expect((regular.json() as TRound).students).toEqual([]);
    });

    it('invites only the households of the students it names', async () => {
      const res = await create('leader', valid({ kind: 'needs_based', studentIds: [classmate] }));
      expect(res.statusCode, res.body).toBe(201);
      const roundId = (res.json() as TRound).id;
      const opened = await t.request({ method: 'POST', url: `${url()}/${roundId}/open`, as: f.users.leader });
      expect(opened.statusCode, opened.body).toBe(200);
      expect(opened.json()).toMatchObject({ invited: 1 });
      const invitations = await t.deps.db
        .selectFrom('conference_invitations')
        .select('student_id')
        .where('round_id', '=', roundId)
        .execute();
      expect(invitations.map((i) => i.student_id)).toEqual([classmate]);
    });

    it('refuses students missing, outside its classes, of another school or unknown, and a regular round with students, translated, storing nothing', async () => {
      const otherSchoolStudent = (
        await t.deps.db
          .insertInto('students')
          .values({
            school_id: f.otherSchoolId,
            external_id: 's-needs-other-school',
            user_id: null,
            given_name: 'Ida',
            family_name: 'Andenskole',
            class_id: (
              await t.deps.db
                .insertInto('classes')
                .values({ school_id: f.otherSchoolId, external_id: '3X', grade: 3, letter: 'X' })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id,
            birth_date: '2017-02-02',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const [rounds, named] = [await roundCount(), await roundStudents()];
      const refusedAtField = async (overrides: Record<string, unknown>, status: number, code: string) => {
        const res = await create('leader', valid(overrides));
        expect(res.statusCode, `${JSON.stringify(overrides)}: ${res.body}`).toBe(status);
        expect(res.json().error.code).toBe(code);
        return res.json().error;
      };
      const missing = await refusedAtField({ kind: 'needs_based' }, 400, 'validation_failed');
      expect(JSON.stringify(missing)).toContain('studentIds');
      await refusedAtField({ kind: 'needs_based', studentIds: [] }, 400, 'validation_failed');
      const regular = await refusedAtField({ studentIds: [f.ownStudent] }, 400, 'validation_failed');
      expect(JSON.stringify(regular)).toContain('studentIds');
      await refusedAtField({ kind: 'needs_based', studentIds: [f.ownStudent, f.ownStudent] }, 400, 'validation_failed');
      await refusedAtField({ kind: 'needs_based', studentIds: ['not-a-uuid'] }, 400, 'validation_failed');
      // 5.B's Yusuf, another school's child and an unknown id get the same answer: no existence oracle.
      const answers = [];
      for (const studentId of [f.otherStudent, otherSchoolStudent, '00000000-0000-4000-8000-000000000000']) {
        const error = await refusedAtField(
          { kind: 'needs_based', studentIds: [f.ownStudent, studentId] },
          422,
          'round_student_not_in_classes',
        );
        expect(error.field).toBe('studentIds');
        answers.push(error.message);
      }
      expect(new Set(answers)).toEqual(new Set(['Vælg kun elever fra rundens klasser.']));
      expect([await roundCount(), await roundStudents()]).toEqual([rounds, named]);
    });
  });
});
