import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TClassRepresentatives, TMyRepresentativeSeats } from '../../shared/api/class-representative.schema.js';
import type { TThreadDetail, TThreadList } from '../../shared/api/messaging.schema.js';

/**
 * Class parent representatives (kontaktforældre, issue 12 point 4) on the fixture school: 3.A's
 * contact teacher records that Mette was elected this school year; Mette writes to 3.A's
 * parents, who answer her privately; she never learns who received it nor anything about them.
 */
describe('class parent representatives', () => {
  let t: TestApp;
  let f: Fixture;
  const base = () => `/api/schools/${f.schoolId}`;
  const call = (actor: ActorName, method: 'GET' | 'POST', path: string, payload?: unknown, headers = {}) =>
    t.request({
      method,
      url: path.startsWith('/api/') ? path : `${base()}${path}`,
      as: f.users[actor],
      headers,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const reps = () => `/classes/${f.classA}/representatives`;
  const seatRows = () => t.deps.db.selectFrom('class_representatives').selectAll().execute();
  const auditCount = async () =>
    (
      await t.deps.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'class-representative.%')
        .execute()
    ).length;

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  it('shows the contact teacher an empty list and who can be elected: the custody holders who are not suspended', async () => {
    const res = await call('contactTeacher', 'GET', reps());
    expect(res.statusCode, res.body).toBe(200);
    const list: TClassRepresentatives = res.json();
    expect(list).toMatchObject({ class: { id: f.classA, name: '3.A' }, schoolYear: '2026/27', representatives: [] });
    expect(list.mayRecord).toBe(true);
    // Sara Hansen has name and address protection: she is not offered (electionProblem).
    expect(list.candidates?.map((c) => c.name)).toEqual(['Mette Hansen']);
  });

  it('refuses bad elections with a translated reason and changes nothing', async () => {
    const cases: Array<[ActorName, string, unknown, number, string]> = [
      [
        'contactTeacher',
        reps(),
        { personId: f.people.informationRightParent, electedOn: '2026-09-01' },
        422,
        'representative_not_guardian',
      ],
      [
        'contactTeacher',
        reps(),
        { personId: f.people.protectedGuardian, electedOn: '2026-09-01' },
        422,
        'representative_protected',
      ],
      [
        'contactTeacher',
        reps(),
        { personId: f.people.suspendedGuardian, electedOn: '2026-09-01' },
        422,
        'representative_not_guardian',
      ],
      [
        'contactTeacher',
        reps(),
        { personId: f.people.otherFamilyGuardian, electedOn: '2026-09-01' },
        422,
        'representative_not_guardian',
      ],
      [
        'contactTeacher',
        reps(),
        { personId: f.people.custodyGuardian, electedOn: '2026-12-24' },
        422,
        'representative_elected_in_future',
      ],
      [
        'contactTeacher',
        reps(),
        { personId: f.people.custodyGuardian, electedOn: '2026-06-15' },
        422,
        'representative_elected_other_year',
      ],
      [
        'contactTeacher',
        reps(),
        { personId: f.people.custodyGuardian, electedOn: 'yesterday' },
        400,
        'validation_failed',
      ],
      // A class of another school, or none, is not there; 5.B's contact teacher may not record 3.A's.
      [
        'leader',
        `/api/schools/${f.otherSchoolId}/classes/${f.classA}/representatives`,
        { personId: f.people.custodyGuardian, electedOn: '2026-09-01' },
        404,
        'not_found',
      ],
      ['otherClassTeacher', reps(), { personId: f.people.custodyGuardian, electedOn: '2026-09-01' }, 404, 'not_found'],
      ['custodyGuardian', reps(), { personId: f.people.custodyGuardian, electedOn: '2026-09-01' }, 403, 'forbidden'],
    ];
    for (const [actor, path, body, status, code] of cases) {
      const res = await call(actor, 'POST', path, body, { 'accept-language': 'da' });
      expect(res.statusCode, `${actor} ${JSON.stringify(body)}: ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const danish = await call(
      'contactTeacher',
      'POST',
      reps(),
      { personId: f.people.otherFamilyGuardian, electedOn: '2026-09-01' },
      { 'accept-language': 'da' },
    );
    expect(danish.json().error).toMatchObject({
      field: 'personId',
      message: expect.stringContaining('forældremyndighed'),
    });
    expect(await seatRows()).toEqual([]);
    expect(await auditCount()).toBe(0);
  });

  it('records an election once, in this school year, with an audit row', async () => {
    const body = { personId: f.people.custodyGuardian, electedOn: '2026-09-01' };
    const first = await call('contactTeacher', 'POST', reps(), body);
    expect(first.statusCode, first.body).toBe(201);
    expect((first.json() as TClassRepresentatives).representatives).toEqual([
      { personId: f.people.custodyGuardian, name: 'Mette Hansen', electedOn: '2026-09-01' },
    ]);
    // The class's other custody holder has name and address protection, so no one is left to offer.
    expect((first.json() as TClassRepresentatives).candidates).toEqual([]);
    const again = await call('leader', 'POST', reps(), body);
    expect(again.statusCode).toBe(201);
    expect(await seatRows()).toMatchObject([{ school_year: '2026/27', elected_on: '2026-09-01', ended_on: null }]);
    expect(await auditCount()).toBe(1);
  });

  it("shows the class's parents who represent them, by name only, and no one else's class", async () => {
    const mette: TClassRepresentatives = (await call('custodyGuardian', 'GET', reps())).json();
    expect(mette).toMatchObject({ mayRecord: false, mayWrite: true, candidates: null });
    expect(mette.representatives.map((r) => r.name)).toEqual(['Mette Hansen']);
    const sara: TClassRepresentatives = (await call('protectedGuardian', 'GET', reps())).json();
    expect(sara).toMatchObject({ mayWrite: false, candidates: null });
    for (const actor of [
      'otherFamilyGuardian',
      'informationRightParent',
      'suspendedGuardian',
      'otherClassTeacher',
    ] as const)
      expect((await call(actor, 'GET', reps())).statusCode, actor).toBe(404);
    const mine: TMyRepresentativeSeats = (await call('custodyGuardian', 'GET', '/representative-seats')).json();
    expect(mine.seats).toEqual([{ class: { id: f.classA, name: '3.A', grade: 3 }, electedOn: '2026-09-01' }]);
  });

  it('counts only the seats of the school year in progress', async () => {
    // Sara held a seat last school year: it neither shows nor lets her write now.
    await t.deps.db
      .insertInto('class_representatives')
      .values({
        school_id: f.schoolId,
        class_id: f.classA,
        person_id: f.people.protectedGuardian!,
        school_year: '2025/26',
        elected_on: '2025-09-02',
      })
      .execute();
    const mine: TMyRepresentativeSeats = (await call('protectedGuardian', 'GET', '/representative-seats')).json();
    expect(mine).toEqual({ schoolYear: '2026/27', seats: [] });
    const list: TClassRepresentatives = (await call('protectedGuardian', 'GET', reps())).json();
    expect(list.representatives.map((r) => r.name)).toEqual(['Mette Hansen']);
    const write = await call('protectedGuardian', 'POST', `/classes/${f.classA}/representative-messages`, {
      subject: 'Hej',
      body: 'Nyt skoleår',
    });
    expect(write.statusCode).toBe(403);
  });

  let group: TThreadDetail;

  it("lets the representative write to the class's custody holders without learning who they are", async () => {
    const message = {
      subject: 'Legegrupper i 3.A',
      body: 'Kære forældre, vi starter legegrupper efter efterårsferien.',
    };
    const key = { 'idempotency-key': 'rep-1' };
    const res = await call('custodyGuardian', 'POST', `/classes/${f.classA}/representative-messages`, message, key);
    expect(res.statusCode, res.body).toBe(201);
    group = res.json();
    expect(group.participants).toEqual([{ name: 'Forældre i 3.A', role: 'guardian' }]);
    expect(res.body).not.toContain('Sara');
    expect(res.body).not.toContain('Kim');
    const again = await call('custodyGuardian', 'POST', `/classes/${f.classA}/representative-messages`, message, key);
    expect(again.json().id).toBe(group.id);
    const participants = await t.deps.db
      .selectFrom('thread_participants')
      .select(['person_id', 'role'])
      .where('thread_id', '=', group.id)
      .execute();
    // Sara (custody, address protected) receives it; Kim (suspended) and the § 23 parent do not; no staff are in it.
    expect(new Set(participants.map((p) => p.person_id))).toEqual(
      new Set([f.people.custodyGuardian, f.people.protectedGuardian]),
    );
    const thread = await t.deps.db
      .selectFrom('message_threads')
      .selectAll()
      .where('id', '=', group.id)
      .executeTakeFirstOrThrow();
    expect(thread).toMatchObject({
      kind: 'group',
      class_id: f.classA,
      representative_id: f.people.custodyGuardian,
      reply_due_at: null,
    });
    // Read receipts are for staff: the representative may not list who has read it.
    expect((await call('custodyGuardian', 'GET', `/api/threads/${group.id}/readers`)).statusCode).toBe(403);
  });

  it('refuses staff and other parents the representative way in', async () => {
    const message = { subject: 'x', body: 'y' };
    for (const actor of ['contactTeacher', 'protectedGuardian', 'leader'] as const)
      expect(
        (await call(actor, 'POST', `/classes/${f.classA}/representative-messages`, message)).statusCode,
        actor,
      ).toBe(403);
  });

  it('sends an answer privately to the representative, with no reply promise of the school', async () => {
    const inbox: TThreadList = (await call('protectedGuardian', 'GET', '/api/threads')).json();
    expect(inbox.threads.map((th) => th.id)).toContain(group.id);
    const opened: TThreadDetail = (await call('protectedGuardian', 'GET', `/api/threads/${group.id}`)).json();
    expect(opened.messages[0]!.author.name).toBe('Mette Hansen');
    const reply = await call('protectedGuardian', 'POST', `/api/threads/${group.id}/messages`, { body: 'Vi er med!' });
    expect(reply.statusCode, reply.body).toBe(201);
    const replyThread: TThreadDetail = reply.json();
    expect(replyThread.id).not.toBe(group.id);
    const row = await t.deps.db
      .selectFrom('message_threads')
      .selectAll()
      .where('id', '=', replyThread.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      parent_thread_id: group.id,
      student_id: null,
      reply_due_at: null,
      representative_id: f.people.custodyGuardian,
    });
    const members = await t.deps.db
      .selectFrom('thread_participants')
      .select('person_id')
      .where('thread_id', '=', replyThread.id)
      .execute();
    expect(new Set(members.map((p) => p.person_id))).toEqual(
      new Set([f.people.custodyGuardian, f.people.protectedGuardian]),
    );
    // Mette answers in the private thread, and writes on in her own group message, which stays one thread.
    expect(
      (await call('custodyGuardian', 'POST', `/api/threads/${replyThread.id}/messages`, { body: 'Dejligt!' }))
        .statusCode,
    ).toBe(201);
    const more = await call('custodyGuardian', 'POST', `/api/threads/${group.id}/messages`, {
      body: 'Husk tilmelding.',
    });
    expect(more.statusCode, more.body).toBe(201);
    expect(more.json().id).toBe(group.id);
    const promises = await t.deps.db
      .selectFrom('message_threads')
      .select('id')
      .where('reply_due_at', 'is not', null)
      .execute();
    expect(promises).toEqual([]);
  });

  it('ends a seat: the representative writes no more, and a second end is refused', async () => {
    const end = await call('contactTeacher', 'POST', `${reps()}/${f.people.custodyGuardian}/end`);
    expect(end.statusCode, end.body).toBe(200);
    expect((end.json() as TClassRepresentatives).representatives).toEqual([]);
    expect((await seatRows()).find((r) => r.school_year === '2026/27')).toMatchObject({ ended_on: '2026-11-23' });
    const again = await call('contactTeacher', 'POST', `${reps()}/${f.people.custodyGuardian}/end`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('representative_no_seat');
    const write = await call('custodyGuardian', 'POST', `/classes/${f.classA}/representative-messages`, {
      subject: 'x',
      body: 'y',
    });
    expect(write.statusCode).toBe(403);
    expect(await auditCount()).toBe(2);
    // Elected again the same year, the seat holds once more.
    const back = await call('leader', 'POST', reps(), { personId: f.people.custodyGuardian, electedOn: '2026-11-20' });
    expect((back.json() as TClassRepresentatives).representatives.map((r) => r.electedOn)).toEqual(['2026-11-20']);
  });
});
