import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TConcern, TConcernList, TStudentConcerns } from '../../shared/api/concern.schema.js';
import { CONCERN_TEXT_MAX } from '../../shared/api/concern.schema.js';
import type { TPrincipleFigures } from '../../shared/api/figures.schema.js';

describe('concerns and early dialogue', () => {
  let t: TestApp;
  let f: Fixture;
  let foreignStudent: string;
  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
    const foreignClass = await t.deps.db
      .insertInto('classes')
      .values({ school_id: f.otherSchoolId, external_id: '1X', grade: 1, letter: 'X' })
      .returning('id')
      .executeTakeFirstOrThrow();
    foreignStudent = (
      await t.deps.db
        .insertInto('students')
        .values({
          school_id: f.otherSchoolId,
          external_id: 's-foreign',
          given_name: 'Ida',
          family_name: 'Andersen',
          class_id: foreignClass.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  const register = (
    actor: ActorName,
    body: Record<string, unknown>,
    options: { studentId?: string; schoolId?: string; key?: string } = {},
  ) =>
    t.request({
      method: 'POST',
      url: `/api/schools/${options.schoolId ?? f.schoolId}/students/${options.studentId ?? f.ownStudent}/concerns`,
      as: f.users[actor],
      payload: body,
      headers: options.key ? { 'idempotency-key': options.key } : {},
    });
  const ofStudent = (actor: ActorName, studentId = f.ownStudent) =>
    t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/students/${studentId}/concerns`, as: f.users[actor] });
  const read = (actor: ActorName, concernId: string) =>
    t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/concerns/${concernId}`, as: f.users[actor] });
  const list = (actor: ActorName, show = 'all') =>
    t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/concerns?show=${show}`, as: f.users[actor] });
  const contact = (actor: ActorName, concernId: string, body: Record<string, unknown>) =>
    t.request({
      method: 'POST',
      url: `/api/schools/${f.schoolId}/concerns/${concernId}/contacts`,
      as: f.users[actor],
      payload: body,
    });
  const close = (actor: ActorName, concernId: string, note: string) =>
    t.request({
      method: 'POST',
      url: `/api/schools/${f.schoolId}/concerns/${concernId}/close`,
      as: f.users[actor],
      payload: { note },
    });
  const count = async (table: 'concerns' | 'concern_contacts') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = (action: string) =>
    t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').execute();

  let registered: TConcern;

  it('lets the leader register a concern; the contact teacher is told the day to call the home by, in the same unit of work', async () => {
    // Monday 23 November 2026: seed 002 asks for contact within 2 working days, by Wednesday.
    const res = await register('leader', {
      kind: 'behaviour',
      text: '  Har slået en klassekammerat to gange i dag.  ',
    });
    expect(res.statusCode).toBe(201);
    registered = res.json();
    expect(registered).toMatchObject({
      student: { id: f.ownStudent, name: 'Emma Hansen', class: { id: f.classA, name: '3.A' } },
      kind: 'behaviour',
      text: 'Har slået en klassekammerat to gange i dag.',
      contactDueOn: '2026-11-25',
      state: 'awaiting',
      contacts: [],
      closedAt: null,
      roundId: null,
    });
    const notices = await t.deps.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'concern-registered')
      .execute();
    expect(notices.map((n) => n.person_id)).toEqual([f.people.contactTeacher]);
    expect(notices[0]!.title).toBe('Ny bekymring om Emma (adfærd)');
    expect(notices[0]!.body).toContain('senest onsdag 25. november');
    expect((await audits('concern.register')).map((a) => a.student_id)).toEqual([f.ownStudent]);
  });

  it('registers once however often the same request is retried, and refuses the key for another concern', async () => {
    const body = { kind: 'academic', text: 'Mangler tre afleveringer i dansk.' };
    const before = await count('concerns');
    const first = await register('contactTeacher', body, { key: 'concern-key-1' });
    const again = await register('contactTeacher', body, { key: 'concern-key-1' });
    expect(first.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(await count('concerns')).toBe(before + 1);
    const other = await register('contactTeacher', { ...body, text: 'Noget andet.' }, { key: 'concern-key-1' });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
    expect(await count('concerns')).toBe(before + 1);
  });

  it('refuses bad input with a translated error and changes nothing', async () => {
    const before = await count('concerns');
    const empty = await register('contactTeacher', { kind: 'academic', text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('text');
    const long = await register('contactTeacher', { kind: 'academic', text: 'x'.repeat(CONCERN_TEXT_MAX + 1) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.field).toBe('text');
    const unknown = await register('contactTeacher', { kind: 'weather', text: 'Regner.' });
    expect(unknown.statusCode).toBe(400);
    // A kind the board's principle does not list.
    await sql`update principle_versions set content = jsonb_set(content, '{earlyDialogue,concernKinds}', '["academic"]') where school_id = ${f.schoolId} and status = 'adopted'`.execute(
      t.deps.db,
    );
    const notListed = await t.request({
      method: 'POST',
      url: `/api/schools/${f.schoolId}/students/${f.ownStudent}/concerns`,
      as: f.users.contactTeacher,
      payload: { kind: 'well_being', text: 'Virker ked af det.' },
    });
    expect(notListed.statusCode).toBe(422);
    expect(notListed.json().error).toMatchObject({ code: 'concern_kind_not_in_principle', field: 'kind' });
    expect(notListed.json().error.message).toContain('princip for tidlig dialog');
    await sql`update principle_versions set content = jsonb_set(content, '{earlyDialogue,concernKinds}', '["academic","well_being","behaviour"]') where school_id = ${f.schoolId} and status = 'adopted'`.execute(
      t.deps.db,
    );
    // A student of another school, through this school or through the other school's path.
    expect(
      (await register('contactTeacher', { kind: 'academic', text: 'x' }, { studentId: foreignStudent })).statusCode,
    ).toBe(404);
    expect(
      (
        await register(
          'leader',
          { kind: 'academic', text: 'x' },
          { studentId: foreignStudent, schoolId: f.otherSchoolId },
        )
      ).statusCode,
    ).toBe(404);
    // Another class's teacher does not follow this child.
    expect((await register('otherClassTeacher', { kind: 'academic', text: 'x' })).statusCode).toBe(404);
    expect(await count('concerns')).toBe(before);
  });

  it('shows a child’s concerns to the staff team and the leadership, logging every read', async () => {
    const res = await ofStudent('contactTeacher');
    expect(res.statusCode).toBe(200);
    const body: TStudentConcerns = res.json();
    expect(body.rules).toEqual({
      kinds: ['academic', 'well_being', 'behaviour'],
      channels: ['phone', 'meeting'],
      contactWithinWorkingDays: 2,
    });
    expect(body.concerns.map((c) => c.id)).toContain(registered.id);
    expect(body.concerns.map((c) => c.id)).toContain(f.concern);
    expect((await read('leader', registered.id)).statusCode).toBe(200);
    expect((await audits('concern.read')).map((a) => [a.student_id, a.actor_role])).toEqual([
      [f.ownStudent, 'contact_teacher'],
      [f.ownStudent, 'leader'],
    ]);
  });

  it('answers a parent, the student, another class’s teacher and the board as if no concern existed, and logs the attempt', async () => {
    const earlier = (await audits('concern.read-refused')).length;
    for (const actor of [
      'custodyGuardian',
      'informationRightParent',
      'student',
      'otherClassTeacher',
      'boardMember',
    ] as const) {
      expect((await ofStudent(actor)).statusCode, actor).toBe(404);
      expect((await read(actor, f.concern)).statusCode, actor).toBe(404);
      expect(
        (await contact(actor, f.concern, { contactedOn: '2026-11-23', channel: 'phone', agreed: 'x' })).statusCode,
      ).toBe(404);
    }
    const denied = (await audits('concern.read-refused')).slice(earlier);
    expect(denied.length).toBe(15);
    expect(new Set(denied.map((a) => a.student_id))).toEqual(new Set([f.ownStudent]));
    // The child's audit log shows the family who read the child's data, but not that there are
    // concerns; the leadership sees every row.
    const log = async (actor: ActorName) =>
      (
        await t.request({
          method: 'GET',
          url: `/api/schools/${f.schoolId}/students/${f.ownStudent}/audit-log`,
          as: f.users[actor],
        })
      ).json() as { entries: Array<{ action: string }> };
    expect((await log('custodyGuardian')).entries.filter((e) => e.action.startsWith('concern.'))).toEqual([]);
    expect((await log('leader')).entries.some((e) => e.action === 'concern.register')).toBe(true);
    // The list of concerns is for staff only.
    expect((await list('custodyGuardian')).statusCode).toBe(403);
    expect((await list('student')).statusCode).toBe(403);
  });

  it('refuses a contact that is not by phone or meeting, in the future or before the concern, and changes nothing', async () => {
    const before = await count('concern_contacts');
    for (const channel of ['message', 'letter', 'email']) {
      const res = await contact('contactTeacher', registered.id, { contactedOn: '2026-11-23', channel, agreed: 'x' });
      expect(res.statusCode, channel).toBe(400);
      expect(res.json().error.field).toBe('channel');
    }
    const future = await contact('contactTeacher', registered.id, {
      contactedOn: '2026-11-24',
      channel: 'phone',
      agreed: 'Ringer i morgen.',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().error).toMatchObject({ code: 'concern_contact_in_future', field: 'contactedOn' });
    const before_ = await contact('contactTeacher', registered.id, {
      contactedOn: '2026-11-20',
      channel: 'phone',
      agreed: 'x',
    });
    expect(before_.json().error.code).toBe('concern_contact_before_concern');
    const empty = await contact('contactTeacher', registered.id, {
      contactedOn: '2026-11-23',
      channel: 'phone',
      agreed: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(await count('concern_contacts')).toBe(before);
  });

  it('lists the concerns whose home is not yet contacted, overdue first once the deadline has passed', async () => {
    // Sessions end after two idle days: each actor is seen on the Wednesday before Thursday's list.
    t.clock.set(new Date('2026-11-25T08:00:00Z'));
    for (const actor of ['leader', 'contactTeacher', 'otherClassTeacher', 'boardMember'] as const) await list(actor);
    t.clock.set(new Date('2026-11-26T08:00:00Z'));
    const leaders: TConcernList = (await list('leader', 'awaiting-contact')).json();
    expect(leaders.concerns.every((c) => c.state === 'overdue' || c.state === 'awaiting')).toBe(true);
    expect(leaders.concerns[0]!.state).toBe('overdue');
    expect(leaders.concerns.map((c) => c.id)).toContain(f.concern);
    const teachers: TConcernList = (await list('contactTeacher', 'awaiting-contact')).json();
    expect(teachers.concerns.map((c) => c.id).sort()).toEqual(leaders.concerns.map((c) => c.id).sort());
    const other: TConcernList = (await list('otherClassTeacher')).json();
    expect(other.concerns).toEqual([]);
    expect((await audits('concern.list')).length).toBeGreaterThan(0);
  });

  it('records a phone call with what was agreed, and a closed concern takes no more contacts', async () => {
    const res = await contact('contactTeacher', registered.id, {
      contactedOn: '2026-11-25',
      channel: 'phone',
      agreed: 'Mor taler med Emma i aften; vi ses mandag.',
    });
    expect(res.statusCode).toBe(201);
    const contacted: TConcern = res.json();
    expect(contacted.state).toBe('contacted');
    expect(contacted.contacts).toEqual([
      {
        id: expect.any(String),
        contactedOn: '2026-11-25',
        channel: 'phone',
        agreed: 'Mor taler med Emma i aften; vi ses mandag.',
        recordedBy: { name: expect.any(String) },
      },
    ]);
    const awaiting: TConcernList = (await list('leader', 'awaiting-contact')).json();
    expect(awaiting.concerns.map((c) => c.id)).not.toContain(registered.id);
    const closed = await close('leader', registered.id, 'Aftalen holdt; ingen videre bekymring.');
    expect(closed.statusCode).toBe(200);
    expect(closed.json().closeNote).toBe('Aftalen holdt; ingen videre bekymring.');
    expect((await close('leader', registered.id, 'Igen')).json().error.code).toBe('concern_closed');
    const late = await contact('contactTeacher', registered.id, {
      contactedOn: '2026-11-26',
      channel: 'meeting',
      agreed: 'x',
    });
    expect(late.statusCode).toBe(409);
  });

  it('counts concerns met early on the leader’s dashboard per class, and hides a single child from the board', async () => {
    const figures = (actor: ActorName) =>
      t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/principle-figures`, as: f.users[actor] });
    const leader: TPrincipleFigures = (await figures('leader')).json();
    // Three concerns about Emma fell due on Wednesday: one called in time, two without contact.
    expect(leader.concerns.contactWithinWorkingDays).toBe(2);
    expect(leader.concerns.metEarly.school).toEqual({ counted: 3, kept: 1, share: 1 / 3 });
    expect(leader.concerns.metEarly.classes.find((c) => c.classId === f.classA)?.cell).toEqual({
      counted: 3,
      kept: 1,
      share: 1 / 3,
    });
    expect(leader.concerns.metEarly.months.find((m) => m.month === '2026-11')?.cell?.counted).toBe(3);
    expect(leader.concerns.overdue).toBe(2);
    const board: TPrincipleFigures = (await figures('boardMember')).json();
    expect(board.concerns.metEarly.school).toBeNull();
    expect(board.concerns.overdue).toBeNull();
  });

  it('starts a needs-based round from a concern, linked to it in the round’s unit of work', async () => {
    const round = (actor: ActorName, body: Record<string, unknown>) =>
      t.request({
        method: 'POST',
        url: `/api/schools/${f.schoolId}/conference-rounds`,
        as: f.users[actor],
        payload: {
          name: 'Behovssamtale',
          kind: 'needs_based',
          classIds: [f.classA],
          days: [{ date: '2026-12-16', from: '14:00', to: '15:00' }],
          minutesByGrade: { '3': 30, '5': 30 },
          alsoTakingPart: [],
          formats: ['in_person'],
          videoLink: null,
          rooms: {},
          inviteOn: '2026-11-30',
          plansBy: null,
          concernId: f.concern,
          studentIds: [f.ownStudent],
          ...body,
        },
      });
    const rounds = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from conference_rounds`.execute(t.deps.db)).rows[0]!.n);
    const before = await rounds();
    expect((await round('leader', { classIds: [f.classB] })).json().error.code).toBe('round_concern_class_missing');
    expect((await round('leader', { kind: 'regular' })).statusCode).toBe(400);
    // The round is for the concern's child: a round for another child alone is refused at the field.
    const without = await round('leader', { classIds: [f.classA, f.classB], studentIds: [f.otherStudent] });
    expect(without.statusCode, without.body).toBe(422);
    expect(without.json().error).toMatchObject({ code: 'round_concern_student_missing', field: 'studentIds' });
    expect((await round('leader', { concernId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect(await rounds()).toBe(before);
    const made = await round('contactTeacher', {});
    expect(made.statusCode, made.body).toBe(201);
    const concern: TConcern = (await read('contactTeacher', f.concern)).json();
    expect(concern.roundId).toBe(made.json().id);
    expect(made.json().students).toEqual([{ id: f.ownStudent, name: 'Emma Hansen', className: '3.A' }]);
  });
});
