import type { TUnsentTestResultList } from '../../shared/api/test-result.schema.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { loadMembership } from '../policies/membership.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SCHOOL } from './demo-directory.js';
import type { TBrokenPromiseList, TThreadList, TThreadReaders } from '../../shared/api/messaging.schema.js';
import type { TPublicPrincipleResponse } from '../../shared/api/principle.schema.js';
import type { TConcernList } from '../../shared/api/concern.schema.js';
import type { TEvent, TEventList } from '../../shared/api/event.schema.js';
import type { TPrincipleFigures } from '../../shared/api/figures.schema.js';
import type { TPrinciple } from '../../shared/principle/principle.schema.js';
import type { TFreeTimes, TMyInvitations, TPlan, TPlanMoves, TRoundList } from '../../shared/api/conference.schema.js';
import {
  applyDemoDirectory,
  DEMO_PRESET_ID,
  ensureDemoSchool,
  ensureDemoSchoolIfEmpty,
  type DemoOutcome,
} from './demo.service.js';

describe('the demo school', () => {
  let t: TestApp;
  let first: DemoOutcome;
  beforeAll(async () => {
    t = await startTestApp();
    first = (await ensureDemoSchoolIfEmpty(t.deps.db, TEST_NOW))!;
  });
  afterAll(() => t.close());

  const db = () => t.deps.db;
  const count = async (table: string, where = sql`true`) =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(db())).rows[0]!.n,
    );
  async function state() {
    const tables = [
      'schools',
      'users',
      'people',
      'person_roles',
      'students',
      'classes',
      'class_staff',
      'class_representatives',
      'households',
      'guardianships',
      'principle_versions',
      'conference_rounds',
    ];
    // One query at a time: the counts need no speed, and a small pool closes cleanly.
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = await count(table);
    return counts;
  }
  const userId = async (email: string) =>
    (await db().selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

  it('is created in an empty database', async () => {
    expect(first.created).toBe(true);
    const school = await db()
      .selectFrom('schools')
      .selectAll()
      .where('id', '=', first.schoolId)
      .executeTakeFirstOrThrow();
    expect(school).toMatchObject({ slug: DEMO_SCHOOL.slug, name: 'Demo Skole', municipality: 'Vejle Kommune' });
    expect(await count('classes')).toBe(20);
    expect(await count('students')).toBe(440);
    expect(first.import!.counts.students.created).toBe(440);
    // The generator went through the import, which recorded its run.
    expect(await count('import_runs')).toBe(1);
  });

  it('gives the six demo accounts the demo password and everyone else a login by link', async () => {
    for (const email of Object.values(DEMO_ACCOUNTS)) {
      const res = await t.request({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email, password: DEMO_PASSWORD },
      });
      expect(res.statusCode, `${email}: ${res.body}`).toBe(200);
    }
    expect(await count('users', sql`password_hash is not null`)).toBe(6);
    // Every guardian with an e-mail address can be sent a sign-in link.
    expect(await count('people', sql`email is not null and user_id is null`)).toBe(0);
  });

  it("shows the daily work in use: § 23 requests answered and waiting, and reads in the guardian's audit log", async () => {
    const requests = await db()
      .selectFrom('information_requests')
      .select(['status', 'response'])
      .where('school_id', '=', first.schoolId)
      .orderBy('created_at')
      .execute();
    expect(requests.map((r) => r.status)).toEqual(['answered', 'open']);
    expect(requests[0]!.response).toMatch(/trives/);
    const guardian = await userId(DEMO_ACCOUNTS.guardian);
    const me = (await t.request({ method: 'GET', url: '/api/me', as: guardian })).json() as {
      children: { id: string }[];
    };
    const log = await t.request({
      method: 'GET',
      url: `/api/schools/${first.schoolId}/students/${me.children[0]!.id}/audit-log`,
      as: guardian,
    });
    expect(log.statusCode).toBe(200);
    expect(
      log
        .json()
        .entries.some(
          (e: { action: string; actor: { role: string } }) =>
            e.action === 'student.read' && e.actor.role === 'contact_teacher',
        ),
    ).toBe(true);
  });

  it("shows messages with a promise in use: answered, waiting, broken, and a message to 3.A's parents", async () => {
    const guardian = await userId(DEMO_ACCOUNTS.guardian);
    const inbox = (await t.request({ method: 'GET', url: '/api/threads', as: guardian })).json() as TThreadList;
    const aboutEmma = inbox.threads.filter((th) => th.kind === 'direct' && th.student?.name === 'Emma Lindholm');
    // Two from the guardian (answered, waiting) and one the teacher started, which owes no answer.
    expect(aboutEmma.map((th) => th.promiseStatus).sort()).toEqual(['fulfilled', 'none', 'open']);
    expect(inbox.threads.find((th) => th.kind === 'group' && th.urgent)).toMatchObject({
      subject: 'Skoldkopper i 3.A',
    });
    const urgentUses = await t.request({
      method: 'GET',
      url: `/api/schools/${first.schoolId}/urgent-messages`,
      as: await userId(DEMO_ACCOUNTS.leader),
    });
    expect(urgentUses.json().uses).toMatchObject([
      { subject: 'Skoldkopper i 3.A', group: 'Forældre i 3.A', author: { name: 'Birgitte Lund' } },
    ]);
    expect(aboutEmma.every((th) => th.counterparts.some((c) => c.name === 'Birgitte Lund'))).toBe(true);
    const group = inbox.threads.find((th) => th.kind === 'group');
    expect(group).toMatchObject({ counterparts: [{ name: 'Birgitte Lund', role: 'staff' }], unreadCount: 1 });
    expect(inbox.threads.find((th) => th.subject === 'Juleafslutning i kirken 18. december')).toMatchObject({
      kind: 'group',
      counterparts: [{ name: 'Hanne Skovgaard', role: 'staff' }],
    });

    const teacher = await userId(DEMO_ACCOUNTS.contactTeacher);
    const readers = (
      await t.request({ method: 'GET', url: `/api/threads/${group!.id}/readers`, as: teacher })
    ).json() as TThreadReaders;
    expect(readers.read.length).toBeGreaterThan(0);
    expect(readers.notRead).toContainEqual({ name: 'Mette Lindholm' });

    const broken = (
      await t.request({
        method: 'GET',
        url: `/api/schools/${first.schoolId}/broken-promises`,
        as: await userId(DEMO_ACCOUNTS.leader),
      })
    ).json() as TBrokenPromiseList;
    expect(broken.promises.length).toBeGreaterThan(0);
    expect(broken.promises[0]!.workingDaysLate).toBeGreaterThan(0);
    expect(broken.promises.some((p) => p.student?.name === 'Emma Lindholm')).toBe(false);
  });

  it('puts the demo accounts where the README says', async () => {
    const schoolId = first.schoolId;
    const classId = async (externalId: string) =>
      (
        await db()
          .selectFrom('classes')
          .select('id')
          .where('school_id', '=', schoolId)
          .where('external_id', '=', externalId)
          .executeTakeFirstOrThrow()
      ).id;
    const [class3A, class7A] = [await classId('3A'), await classId('7A')];

    expect((await loadMembership(db(), await userId(DEMO_ACCOUNTS.leader), schoolId, TEST_NOW)).roles).toEqual(
      new Set(['leader']),
    );
    expect((await loadMembership(db(), await userId(DEMO_ACCOUNTS.administrator), schoolId, TEST_NOW)).roles).toEqual(
      new Set(['administrator']),
    );
    expect(
      (await loadMembership(db(), await userId(DEMO_ACCOUNTS.contactTeacher), schoolId, TEST_NOW)).classRoles.get(
        class3A,
      ),
    ).toBe('contact_teacher');
    expect((await loadMembership(db(), await userId(DEMO_ACCOUNTS.student), schoolId, TEST_NOW)).studentClassId).toBe(
      class7A,
    );
    expect(
      (await loadMembership(db(), await userId(DEMO_ACCOUNTS.boardMember), schoolId, TEST_NOW)).roles.has(
        'board_member',
      ),
    ).toBe(true);

    const parent = await loadMembership(db(), await userId(DEMO_ACCOUNTS.guardian), schoolId, TEST_NOW);
    expect([...parent.guardianOf.values()]).toEqual(['custody', 'custody']);
    const childClasses = await db()
      .selectFrom('students')
      .select('class_id')
      .where('school_id', '=', schoolId)
      .where('id', 'in', [...parent.guardianOf.keys()])
      .execute();
    expect(new Set(childClasses.map((c) => c.class_id))).toEqual(new Set([class3A, class7A]));
  });

  it('has adopted the principle preset of seed 002: the message book in March, the student plan from June', async () => {
    const versions = await db()
      .selectFrom('principle_versions')
      .selectAll()
      .where('school_id', '=', first.schoolId)
      .orderBy('version')
      .execute();
    expect(versions.map((v) => [v.version, v.status, v.adopted_on])).toEqual([
      [1, 'superseded', '2026-03-12'],
      [2, 'adopted', '2026-06-18'],
    ]);
    expect(versions.map((v) => (v.content as TPrinciple).conferences.studentPlan?.form)).toEqual([
      'message_book',
      'student_plan',
    ]);
    const leader = await db()
      .selectFrom('people')
      .select('id')
      .where('school_id', '=', first.schoolId)
      .where('external_id', '=', 'm001')
      .executeTakeFirstOrThrow();
    for (const version of versions)
      expect(version).toMatchObject({ based_on_preset: DEMO_PRESET_ID, recorded_by: leader.id });
  });

  it("names Demo Skole in its principle, on the public page too, never the seed's school", async () => {
    const res = await t.request({ method: 'GET', url: '/api/public/schools/demo-skole/principle?lang=da' });
    expect(res.statusCode).toBe(200);
    const texts = (res.json() as TPublicPrincipleResponse).principle.texts;
    expect(texts.purpose.da).toContain('På Demo Skole bygger samarbejdet');
    expect(texts.studentRole?.en).toContain('every student at Demo Skole to thrive');
    expect(res.body).not.toMatch(/Balleskolen|\{school\}/);
  });

  it('has one suspended guardian, a protected one and § 23 parents in the database', async () => {
    expect(await count('people', sql`suspended`)).toBe(1);
    expect(await count('people', sql`address_protected`)).toBeGreaterThanOrEqual(1);
    expect(await count('guardianships', sql`kind = 'information_right'`)).toBeGreaterThanOrEqual(1);
    expect(await count('people', sql`needs_interpreter`)).toBeGreaterThanOrEqual(2);
    expect(await count('class_representatives')).toBe(40);
    expect(await count('class_staff', sql`role = 'contact_teacher'`)).toBe(20);
  });

  it('has every class parent representative elected this school year, and one message from them to 3.A', async () => {
    expect(await count('class_representatives', sql`school_year = '2026/27' and elected_on is not null`)).toBe(40);
    expect(await count('message_threads', sql`representative_id is not null and kind = 'group'`)).toBe(1);
  });

  it('does not duplicate anything when applied again', async () => {
    const before = await state();
    const again = await applyDemoDirectory(db(), first.schoolId, { now: TEST_NOW });
    expect(again.counts.students).toEqual({ created: 0, updated: 0, unchanged: 440 });
    expect(again.counts.guardians.created + again.counts.guardians.updated).toBe(0);
    expect(again.counts.relations).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(await state()).toEqual(before);
    expect((await ensureDemoSchool(db(), { now: TEST_NOW })).created).toBe(false);
    expect(await ensureDemoSchoolIfEmpty(db(), TEST_NOW)).toBeNull();
    expect(await state()).toEqual(before);
  });

  it("shows the school year's replies in the leader's and the board's figures", async () => {
    const figures = async (email: string) => {
      const res = await t.request({
        method: 'GET',
        url: `/api/schools/${first.schoolId}/principle-figures`,
        as: await userId(email),
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as TPrincipleFigures).messages;
    };
    const leader = await figures(DEMO_ACCOUNTS.leader);
    const school = leader.repliesWithinPromise.school!;
    expect(school.counted).toBeGreaterThan(40);
    // Most within the promise, not all: the figure has something to say.
    expect(school.share).toBeGreaterThan(0.7);
    expect(school.share).toBeLessThan(1);
    expect(leader.repliesWithinPromise.months.filter((m) => (m.cell?.counted ?? 0) > 0).length).toBeGreaterThanOrEqual(
      3,
    );
    expect(leader.timeToAnswer.school?.medianWorkingHours).toBeGreaterThan(0);
    // The board sees the school's figure: many families are behind it.
    const board = await figures(DEMO_ACCOUNTS.boardMember);
    expect(board.repliesWithinPromise.school).toEqual(school);
  });

  it('shows written test results in use: most told in time, one late, one on the work list (§ 13)', async () => {
    const get = async (email: string, url: string) => {
      const res = await t.request({ method: 'GET', url, as: await userId(email) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as unknown;
    };
    const figures = (await get(
      DEMO_ACCOUNTS.leader,
      `/api/schools/${first.schoolId}/principle-figures`,
    )) as TPrincipleFigures;
    expect(figures.testResults.workingDays).toBe(10);
    expect(figures.testResults.inWriting.school).toEqual({ counted: 9, kept: 8, share: 8 / 9 });
    expect(figures.testResults.timeToTell.school?.medianWorkingDays).toBeGreaterThan(0);
    const unsent = (await get(
      DEMO_ACCOUNTS.contactTeacher,
      `/api/schools/${first.schoolId}/test-results/unsent`,
    )) as TUnsentTestResultList;
    expect(unsent.results.map((r) => [r.testName, r.student.class.name])).toEqual([['Matematik', '3.A']]);
  });

  it("has the leader's winter round for 3.A and 7.A on time, and 5.B's round with the principle's warning", async () => {
    const rounds = async (email: string) => {
      const res = await t.request({
        method: 'GET',
        url: `/api/schools/${first.schoolId}/conference-rounds`,
        as: await userId(email),
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as TRoundList).rounds;
    };
    const all = await rounds(DEMO_ACCOUNTS.leader);
    const winter = all.find((r) => r.name === 'Skole-hjem-samtaler, vinter');
    const late = all.find((r) => r.name === 'Samtaler i 5.B');
    expect(winter).toMatchObject({
      classes: [
        { name: '3.A', room: 'Lokale 12' },
        { name: '7.A', room: 'Lokale 31' },
      ],
      minutesByGrade: { '3': 15, '7': 20 },
      warnings: [],
    });
    expect(winter?.createdBy.name).toBeTruthy();
    // Open for booking, the demo guardian's Emma booked, Oscar not yet; 5.B's still a draft.
    expect(winter?.status).toBe('open');
    expect(late?.status).toBe('draft');
    // Oscar's class offers the time right after Emma's booked meeting first.
    const guardian = await userId(DEMO_ACCOUNTS.guardian);
    const mine = await t.request({
      method: 'GET',
      url: `/api/schools/${first.schoolId}/conference-invitations`,
      as: guardian,
    });
    const oscar = (mine.json() as TMyInvitations).invitations.find((i) => i.student.name.startsWith('Oscar'));
    const times = await t.request({
      method: 'GET',
      url: `/api/schools/${first.schoolId}/conference-invitations/${oscar?.id}/times`,
      as: guardian,
    });
    expect((times.json() as TFreeTimes).times[0]?.nextTo).toEqual({ child: 'Emma', side: 'after' });
    // A child with two homes has one joint meeting.
    expect(await count('conference_bookings', sql`joins_booking_id is not null and cancelled_at is null`)).toBe(1);
    expect(late?.warnings).toEqual([
      expect.objectContaining({ code: 'invitation_late', requiredDays: 21, actualDays: 12 }),
    ]);
    // 3.A's contact teacher sees the rounds of their class, not 5.B's.
    expect((await rounds(DEMO_ACCOUNTS.contactTeacher)).map((r) => r.name)).toEqual([
      'Skole-hjem-samtaler, vinter',
      'Skole-hjem-samtaler, efterår',
    ]);
    // The autumn round is finished: every conference held, agreements done, open, and Oscar's home's overdue.
    expect(all.find((r) => r.name === 'Skole-hjem-samtaler, efterår')?.status).toBe('finished');
    const held = await t.deps.db
      .selectFrom('conference_invitations')
      .select((eb) => [eb.fn.countAll<string>().as('all'), eb.fn.count<string>('held_at').as('held')])
      .executeTakeFirstOrThrow();
    expect(Number(held.held)).toBeGreaterThan(10);
    // Each held autumn meeting had its time: one after the other in its class, within the afternoon.
    const autumnTimes = await t.deps.db
      .selectFrom('conference_bookings as b')
      .innerJoin('conference_rounds as r', 'r.id', 'b.round_id')
      .innerJoin('conference_invitations as i', 'i.id', 'b.invitation_id')
      .select(['b.class_id', 'b.date', 'b.starts_at', 'b.ends_at', 'i.held_at'])
      .where('r.name', '=', 'Skole-hjem-samtaler, efterår')
      .execute();
    expect(autumnTimes.length).toBeGreaterThan(10);
    expect(autumnTimes.every((b) => b.held_at !== null && b.starts_at >= '14:00' && b.ends_at <= '17:30')).toBe(true);
    const slots = autumnTimes.map((b) => `${b.class_id} ${b.date} ${b.starts_at}`);
    expect(new Set(slots).size).toBe(slots.length);
    const today = TEST_NOW.toISOString().slice(0, 10);
    const agreements = await t.deps.db.selectFrom('conference_agreements').select(['due_on', 'done_at']).execute();
    expect(agreements.filter((a) => a.done_at === null && a.due_on < today)).toHaveLength(1);
    expect(agreements.some((a) => a.done_at !== null)).toBe(true);
    expect(agreements.some((a) => a.done_at === null && a.due_on >= today)).toBe(true);

    // 4.B's spring round is planned and waits to be published: figures, one home without marked times.
    const planned = all.find((r) => r.name === 'Samtaler i 4.B, forår');
    expect(planned).toMatchObject({ filling: 'planned', status: 'planning' });
    const plan = await t.request({
      method: 'GET',
      url: `/api/schools/${first.schoolId}/conference-rounds/${planned!.id}/plan`,
      as: await userId(DEMO_ACCOUNTS.leader),
    });
    expect(plan.statusCode, plan.body).toBe(200);
    const { figures, meetings, publishedAt } = plan.json() as TPlan;
    expect(publishedAt).toBeNull();
    expect(figures!.placed).toBeGreaterThan(figures!.meetings / 2);
    expect(meetings.filter((m) => m.time === null && m.reason?.includes('ikke markeret'))).toHaveLength(1);
    // The leader can move meetings: some placed meeting has times it could go to (a home that
    // marked a short afternoon may have none).
    const movesOf = async (invitationId: string) => {
      const res = await t.request({
        method: 'GET',
        url: `/api/schools/${first.schoolId}/conference-rounds/${planned!.id}/plan/meetings/${invitationId}/moves`,
        as: await userId(DEMO_ACCOUNTS.leader),
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as TPlanMoves).moves;
    };
    let movable = 0;
    for (const meeting of meetings.filter((m) => m.time !== null)) {
      if ((await movesOf(meeting.invitationId)).length > 0) movable++;
      if (movable > 0) break;
    }
    expect(movable).toBeGreaterThan(0);
  });

  it('shows early dialogue in use: concerns called and met in time, exactly one overdue on the leader’s list, one open', async () => {
    const list = async (email: string) => {
      const res = await t.request({
        method: 'GET',
        url: `/api/schools/${first.schoolId}/concerns`,
        as: await userId(email),
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as TConcernList).concerns;
    };
    const all = await list(DEMO_ACCOUNTS.leader);
    expect(all.map((c) => c.state).sort()).toEqual(['awaiting', 'contacted', 'contacted', 'overdue']);
    expect(all.flatMap((c) => c.contacts.map((k) => k.channel)).sort()).toEqual(['meeting', 'phone']);
    // The 3.A contact teacher sees the open concern about a child of 3.A among their classes'.
    const teachers = await list(DEMO_ACCOUNTS.contactTeacher);
    expect(teachers.map((c) => [c.student.class.name, c.state])).toContainEqual(['3.A', 'awaiting']);
    const figures = await t.request({
      method: 'GET',
      url: `/api/schools/${first.schoolId}/principle-figures`,
      as: await userId(DEMO_ACCOUNTS.leader),
    });
    const concerns = (figures.json() as TPrincipleFigures).concerns;
    expect(concerns.metEarly.school).toEqual({ counted: 3, kept: 2, share: 2 / 3 });
    expect(concerns.overdue).toBe(1);
  });

  it("shows events in use: 3.A's crafts afternoon with sign-ups and taken slots, the school's well-being day, and events held", async () => {
    const get = async (email: string, url: string) => {
      const res = await t.request({ method: 'GET', url, as: await userId(email) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as unknown;
    };
    const home = (await get(DEMO_ACCOUNTS.guardian, `/api/schools/${first.schoolId}/events`)) as TEventList;
    const crafts = home.events.find((e) => e.title === 'Juleklip og æbleskiver i 3.A')!;
    expect(crafts).toMatchObject({ wellBeing: true, mayAnswer: true, myAnswer: null, signUpOpen: true });
    expect(home.events.find((e) => e.class === null)).toMatchObject({ title: 'Trivselsdag: Hele skolen løber' });
    // 3.A's trip to the woods, cancelled for the weather; 7.A's lejrskole from Monday to Wednesday.
    expect(home.events.find((e) => e.title === 'Skovtur med bål og snobrød')?.cancelled?.reason).toContain('storm');
    const camp = home.events.find((e) => e.title === 'Lejrskole på Bornholm')!;
    expect(camp).toMatchObject({ class: { name: '7.A' }, signUp: false, cancelled: null });
    expect([camp.date, camp.endDate]).toEqual(['2027-01-04', '2027-01-06']);
    // Every coming event is on a school day: a weekday, not in the Christmas holiday (21 December–1 January).
    for (const e of home.events) {
      expect([0, 6], e.title).not.toContain(new Date(`${e.date}T12:00:00Z`).getUTCDay());
      expect(e.date.slice(5) >= '12-21' || e.date.slice(5) <= '01-01', e.title).toBe(false);
    }
    const organiser = (await get(
      DEMO_ACCOUNTS.contactTeacher,
      `/api/schools/${first.schoolId}/events/${crafts.id}`,
    )) as TEvent;
    expect(organiser.headCount.households).toBeGreaterThanOrEqual(5);
    expect(organiser.slots.map((s) => [s.title, s.taken])).toEqual([
      ['Bag en kage', 2],
      ['Tag en æbleskivepande med', 2],
      ['Hjælp med oprydning', 0],
    ]);
    const figures = (await get(
      DEMO_ACCOUNTS.leader,
      `/api/schools/${first.schoolId}/principle-figures`,
    )) as TPrincipleFigures;
    expect(figures.events.school).toMatchObject({ events: 2, wellBeing: 1 });
  });

  it('is rebuilt from scratch by a reset, with its own logins and nothing left over', async () => {
    const before = await state();
    const oldLeader = await userId(DEMO_ACCOUNTS.leader);
    await db()
      .insertInto('audit_log')
      .values({
        school_id: first.schoolId,
        at: TEST_NOW,
        actor_user_id: oldLeader,
        actor_name: 'Hanne Skovgaard',
        action: 'student.read',
      })
      .execute();
    const reset = await ensureDemoSchool(db(), { now: TEST_NOW, reset: true });
    expect(reset.created).toBe(true);
    expect(reset.schoolId).not.toBe(first.schoolId);
    expect(await state()).toEqual(before);
    // The old school's rows in tables without a foreign key to schools are gone too.
    expect(await count('audit_log', sql`school_id = ${first.schoolId}`)).toBe(0);
    // The demo's own users were deleted and made again.
    expect(await userId(DEMO_ACCOUNTS.leader)).not.toBe(oldLeader);
  });
});
