import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TFreeTimes, TMyInvitations, TRoundInvitations } from '../../shared/api/conference.schema.js';

/**
 * Inviting the homes and booking times (issue 10, points 2 and 3) on the fixture's round for 3.A:
 * 15 December 14:00–17:00, 15-minute meetings, so twelve times. Emma's custody holders live in two
 * households (Mette; Sara, under address protection); her father has the right to information
 * only; Kim's access is suspended.
 */
describe('invitations and booking', () => {
  let t: TestApp;
  let f: Fixture;
  const base = () => `/api/schools/${f.schoolId}`;
  const call = (actor: ActorName, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.request({ method, url, as: f.users[actor], ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
  const mine = async (actor: ActorName) => {
    const res = await call(actor, 'GET', `${base()}/conference-invitations`);
    expect(res.statusCode, res.body).toBe(200);
    // The fixture's other, open round has an invitation of its own; these tests are about `round`.
    return (res.json() as TMyInvitations).invitations.filter((i) => i.round.id === f.round);
  };
  const freeTimes = async (actor: ActorName, invitationId: string) => {
    const res = await call(actor, 'GET', `${base()}/conference-invitations/${invitationId}/times`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as TFreeTimes).times;
  };
  const book = (actor: ActorName, invitationId: string, from: string, date = '2026-12-15') =>
    call(actor, 'PUT', `${base()}/conference-invitations/${invitationId}/booking`, { date, from });
  const notices = (person: string) =>
    t.deps.db.selectFrom('notifications').select(['kind', 'title']).where('person_id', '=', person).execute();

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
  });
  afterAll(() => t.close());

  it('sends one invitation per household to the custody holders, with a notice in their language, once', async () => {
    expect((await call('otherClassTeacher', 'POST', `${base()}/conference-rounds/${f.round}/open`)).statusCode).toBe(
      404,
    );
    const opened = await call('contactTeacher', 'POST', `${base()}/conference-rounds/${f.round}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ invited: 2, round: { status: 'open' } });
    const again = await call('leader', 'POST', `${base()}/conference-rounds/${f.round}/open`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('round_not_draft');

    expect(await notices(f.people.custodyGuardian!)).toContainEqual({
      kind: 'conference-invitation',
      title: 'Invitation til skole-hjem-samtale om Emma',
    });
    expect((await notices(f.people.protectedGuardian!)).map((n) => n.kind)).toContain('conference-invitation');
    // § 23: asks, is not invited; suspended: nothing.
    for (const person of [f.people.informationRightParent!, f.people.suspendedGuardian!])
      expect((await notices(person)).map((n) => n.kind)).not.toContain('conference-invitation');
    expect(await mine('informationRightParent')).toEqual([]);
    expect(await mine('suspendedGuardian')).toEqual([]);
  });

  it('shows the staff each home, whether it is reached, and what it booked, and logs that the children were seen', async () => {
    const res = await call('contactTeacher', 'GET', `${base()}/conference-rounds/${f.round}/invitations`);
    expect(res.statusCode, res.body).toBe(200);
    const { invitations } = res.json() as TRoundInvitations;
    expect(invitations.map((i) => i.guardians.map((g) => g.name).join()).sort((a, b) => a.localeCompare(b))).toEqual([
      'Mette Hansen',
      'Sara Hansen',
    ]);
    expect(invitations.every((i) => i.student.name === 'Emma Hansen' && i.reached && i.booking === null)).toBe(true);
    const logged = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'conference.invitations')
      .where('student_id', '=', f.ownStudent)
      .execute();
    expect(logged.length).toBeGreaterThan(0);
    expect(
      (await call('otherFamilyGuardian', 'GET', `${base()}/conference-rounds/${f.round}/invitations`)).statusCode,
    ).toBe(404);
  });

  it('lets a guardian book a free time; the other household is then told it is taken and offered the next ones', async () => {
    const [mette] = await mine('custodyGuardian');
    const [sara] = await mine('protectedGuardian');
    expect(mette && sara && mette.id !== sara.id).toBe(true);
    expect(await freeTimes('custodyGuardian', mette!.id)).toHaveLength(12);
    // Another family's invitation does not exist for Ali.
    expect(
      (await call('otherFamilyGuardian', 'GET', `${base()}/conference-invitations/${mette!.id}/times`)).statusCode,
    ).toBe(404);

    const booked = await book('custodyGuardian', mette!.id, '14:00');
    expect(booked.statusCode, booked.body).toBe(200);
    expect(booked.json()).toEqual({ date: '2026-12-15', from: '14:00', to: '14:15' });
    expect((await freeTimes('protectedGuardian', sara!.id)).map((s) => s.from)).not.toContain('14:00');

    const taken = await book('protectedGuardian', sara!.id, '14:00');
    expect(taken.statusCode, taken.body).toBe(409);
    expect(taken.json().error.code).toBe('conference_time_taken');
    expect(taken.json().error.message).toMatch(/taget af en anden/);
    expect(taken.json().error.details.nextFree.map((s: { from: string }) => s.from)).toEqual([
      '14:15',
      '14:30',
      '14:45',
    ]);

    const outside = await book('protectedGuardian', sara!.id, '14:05');
    expect(outside.statusCode).toBe(422);
    expect((await mine('custodyGuardian'))[0]?.booking).toEqual({ date: '2026-12-15', from: '14:00', to: '14:15' });
  });

  it('lets exactly one of two homes taking the last time at once win', async () => {
    const [mette] = await mine('custodyGuardian');
    const [sara] = await mine('protectedGuardian');
    // Mette moves to 16:45; both now race for 16:30.
    expect((await book('custodyGuardian', mette!.id, '16:45')).statusCode).toBe(200);
    const results = await Promise.all([
      book('custodyGuardian', mette!.id, '16:30'),
      book('protectedGuardian', sara!.id, '16:30'),
    ]);
    expect(results.map((r) => r.statusCode).sort((a, b) => a - b)).toEqual([200, 409]);
    const rows = await t.deps.db
      .selectFrom('conference_bookings')
      .select(['starts_at'])
      .where('round_id', '=', f.round)
      .where('cancelled_at', 'is', null)
      .execute();
    expect(rows.filter((r) => r.starts_at === '16:30')).toHaveLength(1);
    // A booking that lost keeps the home's earlier time (its unit of work was undone).
    const loser = results[0]!.statusCode === 409 ? 'custodyGuardian' : 'protectedGuardian';
    if (loser === 'custodyGuardian') expect((await mine('custodyGuardian'))[0]?.booking?.from).toBe('16:45');
  });

  it('puts the booked time in the household’s calendar feed, moving the same entry when the time moves', async () => {
    const [mette] = await mine('custodyGuardian');
    expect((await book('custodyGuardian', mette!.id, '15:00')).statusCode).toBe(200);
    const feed = (await call('custodyGuardian', 'GET', '/api/me/calendar-feed')).json() as { url: string };
    const read = async () =>
      (await t.request({ method: 'GET', url: new URL(feed.url).pathname })).body.replace(/\r\n[ \t]/g, '');
    const first = await read();
    expect(first).toContain(`UID:conference-${mette!.id}@samspil`);
    expect(first).toContain('DTSTART;TZID=Europe/Copenhagen:20261215T150000');
    expect(first).toContain('SUMMARY:Skole-hjem-samtale om Emma (3.A)');
    const sequence = Number(/UID:conference-[^\n]+\r\nSEQUENCE:(\d+)/.exec(first)?.[1]);
    expect((await book('custodyGuardian', mette!.id, '15:15')).statusCode).toBe(200);
    const moved = await read();
    expect(moved).toContain('DTSTART;TZID=Europe/Copenhagen:20261215T151500');
    expect(moved.match(new RegExp(`UID:conference-${mette!.id}@samspil`, 'g'))).toHaveLength(1);
    expect(Number(/UID:conference-[^\n]+\r\nSEQUENCE:(\d+)/.exec(moved)?.[1])).toBe(sequence + 1);
    // Sara's household booked nothing: her feed has no entry about Emma.
    const saraFeed = (await call('protectedGuardian', 'GET', '/api/me/calendar-feed')).json() as { url: string };
    expect((await t.request({ method: 'GET', url: new URL(saraFeed.url).pathname })).body).not.toContain(
      `conference-${mette!.id}`,
    );
  });

  it('frees a cancelled time at once', async () => {
    const [mette] = await mine('custodyGuardian');
    const before = mette!.booking!.from;
    const cancelled = await call('custodyGuardian', 'DELETE', `${base()}/conference-invitations/${mette!.id}/booking`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await freeTimes('custodyGuardian', mette!.id)).map((s) => s.from)).toContain(before);
    expect((await mine('custodyGuardian'))[0]?.booking).toBeNull();
  });

  it('counts the invitations sent in good time on the leader’s dashboard, and hides one child’s from the board', async () => {
    // Three days on, 21 days before every meeting (15 and 16 December) has passed. Sessions end
    // after two idle days, so the readers look in halfway.
    for (let step = 0; step < 2; step++) {
      t.clock.advance(36 * 60 * 60 * 1000);
      for (const actor of ['leader', 'boardMember'] as const) await call(actor, 'GET', '/api/me');
    }
    const figures = async (actor: ActorName) => {
      const res = await call(actor, 'GET', `${base()}/principle-figures`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().conferences as {
        invitationLeadDays: number;
        invitationsInGoodTime: { school: { counted: number; kept: number } | null };
        householdsNotReached: number | null;
      };
    };
    const leader = await figures('leader');
    expect(leader.invitationLeadDays).toBe(21);
    // Emma's two homes for `round` (sent 23 November, meetings 15 December) and the fixture's open round.
    expect(leader.invitationsInGoodTime.school).toEqual({ counted: 3, kept: 3, share: 1 });
    expect(leader.householdsNotReached).toBe(0);
    expect((await figures('boardMember')).invitationsInGoodTime.school).toBeNull();
  });
});
