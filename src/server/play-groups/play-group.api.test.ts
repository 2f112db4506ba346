import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { createFixture, type Fixture } from '../testing/fixture.js';
import type { TClassPlayGroups, TStudentPlayGroups } from '../../shared/api/play-group.schema.js';

/**
 * Play groups (issue 12, point 5) on the fixture school, whose 3.A gets eleven more children: a
 * class parent representative generates rounds, the staff keep a pair apart (the reason theirs
 * alone), each household sees only its own child's group, a home declines hosting without anyone
 * being told, and bad input changes nothing.
 */
describe('play groups', () => {
  let t: TestApp;
  let f: Fixture;
  /** user ids: the representative (Noah's mother), Lukas's father, Ida's protected mother. */
  const users = { rep: '', peter: '', protectedMum: '' };
  const kids: Record<string, string> = {};
  /** Each added child's custody holder's login. */
  const guardianOf: Record<string, string> = {};
  /** 3.A's children, Emma among them. */
  const inA: string[] = [];
  let classC = '';
  const base = () => `/api/schools/${f.schoolId}`;
  const call = (
    as: string | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    payload?: unknown,
    headers = {},
  ) =>
    t.request({
      method,
      url: `${base()}${path}`,
      as,
      headers,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const dates = ['2026-11-24', '2026-12-01', '2026-12-08'];
  const count = async (table: 'play_group_rounds' | 'play_group_plans' | 'play_group_apart_pairs') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function child(
    classId: string,
    given: string,
    family: string,
    guardian?: { userEmail?: string; protectedAddress?: boolean },
  ) {
    const s = await t.deps.db
      .insertInto('students')
      .values({
        school_id: f.schoolId,
        external_id: `pg-${given}`,
        user_id: null,
        given_name: given,
        family_name: family,
        class_id: classId,
        birth_date: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    kids[given] = s.id;
    if (classId === f.classA) inA.push(s.id);
    const userId = (
      await t.deps.db
        .insertInto('users')
        .values({
          email: guardian?.userEmail ?? `pg-${given.toLowerCase()}@fixture.samspil.dk`,
          name: `${given}s forælder`,
          password_hash: null,
          oidc_issuer: null,
          oidc_subject: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const p = await t.deps.db
      .insertInto('people')
      .values({
        school_id: f.schoolId,
        external_id: `pg-parent-${given}`,
        user_id: userId,
        given_name: `Forælder${given}`,
        family_name: family,
        email: null,
        phone: null,
        household_id: null,
        address_protected: guardian?.protectedAddress ?? false,
        contact_hours: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    guardianOf[given] = userId;
    await t.deps.db
      .insertInto('guardianships')
      .values({ school_id: f.schoolId, student_id: s.id, person_id: p.id, kind: 'custody' })
      .execute();
    return { personId: p.id, userId };
  }

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    kids.Emma = f.ownStudent;
    inA.push(f.ownStudent);
    const noah = await child(f.classA, 'Noah', 'Berg', { userEmail: 'rep@fixture.samspil.dk' });
    users.rep = noah.userId!;
    await t.deps.db
      .insertInto('class_representatives')
      .values({ school_id: f.schoolId, class_id: f.classA, person_id: noah.personId })
      .execute();
    users.peter = (await child(f.classA, 'Lukas', 'Holm', { userEmail: 'peter@fixture.samspil.dk' })).userId!;
    users.protectedMum = (
      await child(f.classA, 'Ida', 'Skjult', { userEmail: 'ida-mor@fixture.samspil.dk', protectedAddress: true })
    ).userId!;
    for (const [given, family] of [
      ['Freja', 'Dal'],
      ['Oscar', 'Vang'],
      ['Alma', 'Krog'],
      ['William', 'Lund'],
      ['Clara', 'Bro'],
      ['Karl', 'Eng'],
      ['Ella', 'Hald'],
      ['Alfred', 'Mose'],
    ] as const)
      await child(f.classA, given, family);
    classC = (
      await t.deps.db
        .insertInto('classes')
        .values({ school_id: f.schoolId, external_id: '2C', grade: 2, letter: 'C' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    for (const given of ['Asta', 'Bo', 'Cai', 'Dina']) await child(classC, given, 'Cé');
  });
  afterAll(() => t.close());

  let first: TClassPlayGroups;

  it('lets a class parent representative generate rounds: each a partition of the class, once per idempotency key', async () => {
    const key = { 'idempotency-key': 'generate-1' };
    const res = await call(users.rep, 'POST', `/classes/${f.classA}/play-groups`, { groupSize: 3, dates }, key);
    expect(res.statusCode, res.body).toBe(200);
    first = res.json();
    expect(first.childCount).toBe(12);
    expect(first.rounds.map((r) => r.meetsOn)).toEqual(dates);
    for (const round of first.rounds) {
      const ids = round.groups.flatMap((g) => g.children.map((c) => c.id)).sort();
      expect(ids).toEqual([...inA].sort());
      expect(round.groups.every((g) => g.children.length === 3)).toBe(true);
      // Ida's mother is protected: her home never hosts and her name is never shown.
      for (const g of round.groups) expect(g.host?.child).not.toBe('Ida');
    }
    expect(JSON.stringify(first)).not.toContain('ForælderIda');
    const again = await call(users.rep, 'POST', `/classes/${f.classA}/play-groups`, { groupSize: 3, dates }, key);
    expect(again.json().rounds.map((r: { id: string }) => r.id)).toEqual(first.rounds.map((r) => r.id));
    const generations = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'play-group.generate')
      .execute();
    expect(generations).toHaveLength(1);
    const listed = await t.deps.db
      .selectFrom('audit_log')
      .select('student_id')
      .where('action', '=', 'play-group.list')
      .execute();
    expect(new Set(listed.map((r) => r.student_id))).toEqual(new Set(inA));
  });

  it('rotates the hosts: each group meets at the home in it that has hosted least so far', () => {
    const times = new Map<string, number>();
    for (const round of first.rounds) {
      for (const g of round.groups) {
        expect(g.host).not.toBeNull();
        const mayHost = g.children.filter((c) => c.name !== 'Ida').map((c) => c.name);
        for (const other of mayHost) expect(times.get(g.host!.child) ?? 0).toBeLessThanOrEqual(times.get(other) ?? 0);
      }
      for (const g of round.groups) times.set(g.host!.child, (times.get(g.host!.child) ?? 0) + 1);
    }
  });

  it('lets the staff keep a pair apart, with a reason the representative never sees', async () => {
    const reason = 'Konflikt efter episode i frikvarteret.';
    const res = await call(f.users.contactTeacher, 'POST', `/classes/${f.classA}/play-groups/apart-pairs`, {
      studentIds: [kids.Noah, kids.Emma],
      reason,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ reason, createdBy: 'Birgitte Lund' });
    const twice = await call(f.users.contactTeacher, 'POST', `/classes/${f.classA}/play-groups/apart-pairs`, {
      studentIds: [kids.Emma, kids.Noah],
      reason,
    });
    expect(twice.json().error.code).toBe('play_group_apart_pair_exists');
    expect((await call(users.rep, 'GET', `/classes/${f.classA}/play-groups/apart-pairs`)).statusCode).toBe(404);
    const regenerated = await call(users.rep, 'POST', `/classes/${f.classA}/play-groups`, { groupSize: 3, dates });
    expect(regenerated.statusCode, regenerated.body).toBe(200);
    expect(regenerated.body).not.toContain(reason);
    for (const round of (regenerated.json() as TClassPlayGroups).rounds)
      for (const g of round.groups) {
        const ids = g.children.map((c) => c.id);
        expect(ids.includes(kids.Noah!) && ids.includes(kids.Emma!)).toBe(false);
      }
    first = regenerated.json();
    const list = await call(f.users.contactTeacher, 'GET', `/classes/${f.classA}/play-groups/apart-pairs`);
    expect(list.json().pairs).toHaveLength(1);
  });

  it('refuses a pair naming a child of another class without telling whether the child exists', async () => {
    const pairs = await count('play_group_apart_pairs');
    const teacher = await call(f.users.contactTeacher, 'POST', `/classes/${f.classA}/play-groups/apart-pairs`, {
      studentIds: [kids.Emma, f.otherStudent],
      reason: 'x',
    });
    expect(teacher.statusCode).toBe(404);
    const leader = await call(f.users.leader, 'POST', `/classes/${f.classA}/play-groups/apart-pairs`, {
      studentIds: [kids.Emma, f.otherStudent],
      reason: 'x',
    });
    expect(leader.statusCode).toBe(422);
    expect(leader.json().error).toMatchObject({ code: 'play_group_child_not_in_class', field: 'studentIds' });
    expect(await count('play_group_apart_pairs')).toBe(pairs);
    // 5.B's teacher knows neither 3.A's pairs nor may remove one.
    const [pair] = await t.deps.db.selectFrom('play_group_apart_pairs').select('id').execute();
    const other = await call(
      f.users.otherClassTeacher,
      'DELETE',
      `/classes/${f.classA}/play-groups/apart-pairs/${pair!.id}`,
    );
    expect(other.statusCode).toBe(404);
    const wrongClass = await call(f.users.leader, 'DELETE', `/classes/${f.classB}/play-groups/apart-pairs/${pair!.id}`);
    expect(wrongClass.statusCode).toBe(404);
  });

  it('answers bad choices with a translated reason and changes nothing', async () => {
    const [rounds, plans] = [await count('play_group_rounds'), await count('play_group_plans')];
    const tooFew = await call(
      f.users.leader,
      'POST',
      `/classes/${f.classB}/play-groups`,
      { groupSize: 3, dates },
      { 'accept-language': 'en' },
    );
    expect(tooFew.statusCode).toBe(422);
    expect(tooFew.json().error.code).toBe('play_groups_too_few_children');
    // Asta is kept apart from everyone else of 2.C: in pairs, she has no one left.
    for (const other of ['Bo', 'Cai', 'Dina'])
      expect(
        (
          await call(f.users.leader, 'POST', `/classes/${classC}/play-groups/apart-pairs`, {
            studentIds: [kids.Asta, kids[other]],
            reason: 'Konflikt.',
          })
        ).statusCode,
      ).toBe(201);
    const impossible = await call(f.users.leader, 'POST', `/classes/${classC}/play-groups`, { groupSize: 2, dates });
    expect(impossible.statusCode).toBe(422);
    expect(impossible.json().error.code).toBe('play_groups_apart_impossible');
    const past = await call(users.rep, 'POST', `/classes/${f.classA}/play-groups`, {
      groupSize: 3,
      dates: ['2026-11-20'],
    });
    expect(past.json().error).toMatchObject({ code: 'play_group_dates_not_future', field: 'dates' });
    const repeated = await call(users.rep, 'POST', `/classes/${f.classA}/play-groups`, {
      groupSize: 3,
      dates: ['2026-12-01', '2026-12-01'],
    });
    expect(repeated.json().error.code).toBe('play_group_dates_repeat');
    expect([await count('play_group_rounds'), await count('play_group_plans')]).toEqual([rounds, plans]);
    const still = await call(users.rep, 'GET', `/classes/${f.classA}/play-groups`);
    expect(still.json().rounds).toEqual(first.rounds);
  });

  it("shows a household only its own child's group: the day, the others by first name, whose home hosts", async () => {
    const res = await call(users.peter, 'GET', `/students/${kids.Lukas}/play-groups`);
    expect(res.statusCode, res.body).toBe(200);
    const own: TStudentPlayGroups = res.json();
    expect(own.rounds).toHaveLength(3);
    own.rounds.forEach((round, i) => {
      const group = first.rounds[i]!.groups.find((g) => g.children.some((c) => c.id === kids.Lukas))!;
      expect(round.meetsOn).toBe(first.rounds[i]!.meetsOn);
      expect(round.with.sort()).toEqual(
        group.children
          .filter((c) => c.id !== kids.Lukas)
          .map((c) => c.name)
          .sort(),
      );
      expect(round.host && { child: round.host.child, family: round.host.family }).toEqual(group.host);
    });
    const others = first.rounds[0]!.groups.filter((g) => !g.children.some((c) => c.id === kids.Lukas));
    for (const c of others.flatMap((g) => g.children)) expect(own.rounds[0]!.with).not.toContain(c.name);
    expect(res.body).not.toContain('ForælderIda');
    expect(res.body).not.toMatch(/address|Skolevej/);
    expect((await call(users.peter, 'GET', `/students/${kids.Emma}/play-groups`)).statusCode).toBe(404);
    const read = await t.deps.db
      .selectFrom('audit_log')
      .select('student_id')
      .where('action', '=', 'play-group.read')
      .execute();
    expect(read.map((r) => r.student_id)).toContain(kids.Lukas);
  });

  it('tells a § 23 parent to ask and logs the refused read', async () => {
    const res = await call(f.users.informationRightParent, 'GET', `/students/${f.ownStudent}/play-groups`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('information_right_only');
    const refused = await t.deps.db
      .selectFrom('audit_log')
      .select('student_id')
      .where('action', '=', 'play-group.read-refused')
      .execute();
    expect(refused.map((r) => r.student_id)).toContain(f.ownStudent);
  });

  it('lets a household decline hosting: later rounds move to another home, and no one is told', async () => {
    // The home hosting the last round's first group declines (Emma's is Mette's, the fixture's).
    const host = first.rounds[2]!.groups[0]!.host!.child;
    const hostId = kids[host]!;
    const guardian = guardianOf[host] ?? f.users.custodyGuardian!;
    const stranger = await call(f.users.otherFamilyGuardian, 'PUT', `/students/${hostId}/play-groups/hosting`, {
      declined: true,
    });
    expect(stranger.statusCode).toBe(404);
    const res = await call(guardian, 'PUT', `/students/${hostId}/play-groups/hosting`, { declined: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ hostingDeclined: true, mayChangeHosting: true });
    const view = await call(users.rep, 'GET', `/classes/${f.classA}/play-groups`);
    const after: TClassPlayGroups = view.json();
    for (const round of after.rounds)
      for (const g of round.groups) {
        expect(g.host?.child).not.toBe(host);
        if (g.children.some((c) => c.name !== host && c.name !== 'Ida')) expect(g.host).not.toBeNull();
      }
    expect(view.body).not.toMatch(/declin/i);
    const regenerated: TClassPlayGroups = (
      await call(users.rep, 'POST', `/classes/${f.classA}/play-groups`, { groupSize: 4, dates })
    ).json();
    expect(regenerated.rounds.flatMap((r) => r.groups.map((g) => g.host?.child))).not.toContain(host);
    first = regenerated;
  });

  it('replaces only the rounds after today when the class regenerates', async () => {
    t.clock.set(new Date('2026-11-25T09:00:00Z'));
    try {
      const res = await call(f.users.contactTeacher, 'POST', `/classes/${f.classA}/play-groups`, {
        groupSize: 3,
        dates: ['2026-12-03', '2027-01-07'],
      });
      expect(res.statusCode, res.body).toBe(200);
      const now: TClassPlayGroups = res.json();
      expect(now.rounds.map((r) => r.meetsOn)).toEqual(['2026-11-24', '2026-12-03', '2027-01-07']);
      expect(now.rounds[0]).toEqual({ ...first.rounds[0], past: true });
      expect(now.rounds[1]!.past).toBe(false);
      // The kept round's meetings count: the twelve children in fours, then twice in threes, can all
      // meet someone new each time, and do.
      const pairs = now.rounds.flatMap((round) =>
        round.groups.flatMap((g) =>
          g.children.flatMap((a, i) => g.children.slice(i + 1).map((b) => [a.id, b.id].sort().join('|'))),
        ),
      );
      expect(pairs).toHaveLength(6 * 3 + 2 * 4 * 3);
      expect(new Set(pairs).size).toBe(pairs.length);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('lists the classes a representative organises', async () => {
    const res = await call(users.rep, 'GET', '/play-groups');
    expect(res.statusCode).toBe(200);
    expect(res.json().classes).toEqual([
      { class: { id: f.classA, name: '3.A', grade: 3 }, rounds: 3, nextMeetsOn: '2026-11-24' },
    ]);
  });
});
