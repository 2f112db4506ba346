import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { runDueJobs } from '../jobs/job-runner.js';
import { JOB_HANDLERS } from '../jobs/job-handlers.js';
import type { TMyInvitations, TPlan, TPlanMoves, TRound } from '../../shared/api/conference.schema.js';

/**
 * Automatic planning (issue 10, point 3) on a planned round for 3.A: Emma's two households
 * (Mette's; Sara's, under address protection) mark the afternoons that suit them, the scheduler
 * job places the meetings, the leader moves one by hand and publishes, and each home is told.
 */
describe('automatic planning of a round', () => {
  let t: TestApp;
  let f: Fixture;
  let roundId = '';
  const base = () => `/api/schools/${f.schoolId}`;
  const call = (actor: ActorName, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.request({ method, url, as: f.users[actor], ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
  const mine = async (actor: ActorName) => {
    const res = await call(actor, 'GET', `${base()}/conference-invitations`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as TMyInvitations).invitations.filter((i) => i.round.id === roundId);
  };
  const mark = (actor: ActorName, invitationId: string, times: unknown[]) =>
    call(actor, 'PUT', `${base()}/conference-invitations/${invitationId}/availability`, { times });
  const plan = async () => {
    const res = await call('leader', 'GET', `${base()}/conference-rounds/${roundId}/plan`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TPlan;
  };
  const runJobs = async () => {
    while ((await runDueJobs(t.deps, JOB_HANDLERS)) > 0);
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  it('makes a planned round whose homes mark afternoons instead of booking, only on their own invitation', async () => {
    const created = await call('leader', 'POST', `${base()}/conference-rounds`, {
      name: 'Planlagte samtaler i 3.A',
      kind: 'regular',
      filling: 'planned',
      classIds: [f.classA],
      days: [
        { date: '2027-01-12', from: '14:00', to: '16:00' },
        { date: '2027-01-13', from: '14:00', to: '16:00' },
      ],
      minutesByGrade: { '3': 15 },
      alsoTakingPart: [],
      formats: ['in_person'],
      videoLink: null,
      rooms: { [f.classA]: 'Lokale 12' },
      inviteOn: '2026-12-01',
      plansBy: null,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((created.json() as TRound).filling).toBe('planned');
    roundId = (created.json() as TRound).id;
    expect((await call('leader', 'POST', `${base()}/conference-rounds/${roundId}/open`)).statusCode).toBe(200);

    const [mette] = await mine('custodyGuardian');
    expect(mette).toMatchObject({ filling: 'planned', available: [], booking: null });
    expect(mette!.days.map((d) => d.date)).toEqual(['2027-01-12', '2027-01-13']);
    // A planned round is not booked by the homes.
    const booking = await call('custodyGuardian', 'PUT', `${base()}/conference-invitations/${mette!.id}/booking`, {
      date: '2027-01-12',
      from: '14:00',
    });
    expect(booking.statusCode).toBe(409);
    const times = await call('custodyGuardian', 'GET', `${base()}/conference-invitations/${mette!.id}/times`);
    expect(times.json()).toEqual({ times: [] });

    // Another family's or the § 23 parent's: the invitation does not exist for them.
    for (const actor of ['otherFamilyGuardian', 'informationRightParent', 'contactTeacher'] as const)
      expect((await mark(actor, mette!.id, [])).statusCode).toBe(404);
    // Outside the round: a translated refusal; a time that ends before it starts: 400.
    const outside = await mark('custodyGuardian', mette!.id, [{ date: '2027-01-12', from: '13:00', to: '15:00' }]);
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error).toMatchObject({ code: 'conference_time_outside_round' });
    expect(outside.json().error.message).toMatch(/findes ikke i runden/);
    expect(
      (await mark('custodyGuardian', mette!.id, [{ date: '2027-01-12', from: '15:00', to: '14:00' }])).statusCode,
    ).toBe(400);
    expect((await mark('custodyGuardian', mette!.id, [{ date: 'tomorrow', from: '14:00' }])).statusCode).toBe(400);

    // The round meets at the school only: asking for a phone call is refused, and nothing is marked.
    const phone = await call('custodyGuardian', 'PUT', `${base()}/conference-invitations/${mette!.id}/availability`, {
      times: [{ date: '2027-01-12', from: '14:00', to: '15:00' }],
      format: 'phone',
    });
    expect(phone.statusCode).toBe(422);
    expect(phone.json().error.code).toBe('conference_format_not_offered');
    expect((await mine('custodyGuardian'))[0]).toMatchObject({ available: [], format: 'in_person' });

    const marked = await mark('custodyGuardian', mette!.id, [{ date: '2027-01-12', from: '14:00', to: '15:00' }]);
    expect(marked.statusCode, marked.body).toBe(200);
    expect((await mine('custodyGuardian'))[0]?.available).toEqual([{ date: '2027-01-12', from: '14:00', to: '15:00' }]);
    // Sara's household sees its own invitation only, with nothing marked.
    const [sara] = await mine('protectedGuardian');
    expect(sara?.id).not.toBe(mette!.id);
    expect(sara?.available).toEqual([]);
  });

  it('plans in a background job with interpreters, and says why a home with no marked time has no meeting', async () => {
    // Mette needs an Arabic interpreter (the directory says so); the school has one on the first afternoon.
    await t.deps.db
      .updateTable('people')
      .set({ needs_interpreter: true, language: 'ar' })
      .where('id', '=', f.people.custodyGuardian!)
      .execute();
    const interpreter = await call('leader', 'POST', `${base()}/conference-interpreters`, {
      name: 'Amal Haddad',
      languages: ['ar'],
    });
    expect(interpreter.statusCode, interpreter.body).toBe(201);
    const interpreterId = (interpreter.json() as { id: string }).id;
    const times = await call('leader', 'PUT', `${base()}/conference-rounds/${roundId}/interpreters/${interpreterId}`, {
      times: [{ date: '2027-01-12', from: '14:00', to: '16:00' }],
    });
    expect(times.statusCode, times.body).toBe(200);
    expect(
      (
        await call('leader', 'PUT', `${base()}/conference-rounds/${roundId}/interpreters/${interpreterId}`, {
          times: [{ date: '2027-02-12', from: '14:00', to: '16:00' }],
        })
      ).statusCode,
    ).toBe(422);

    expect((await call('otherClassTeacher', 'POST', `${base()}/conference-rounds/${roundId}/plan`)).statusCode).toBe(
      404,
    );
    const started = await call('leader', 'POST', `${base()}/conference-rounds/${roundId}/plan`);
    expect(started.statusCode, started.body).toBe(202);
    expect((started.json() as TPlan).state).toBe('queued');
    const round = await call('leader', 'GET', `${base()}/conference-rounds/${roundId}`);
    expect((round.json() as TRound).status).toBe('planning');
    // Nothing to move or publish before the job has run.
    const early = await call('leader', 'POST', `${base()}/conference-rounds/${roundId}/plan/publish`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('plan_not_ready');

    await runJobs();
    const done = await plan();
    expect(done).toMatchObject({ state: 'done', progress: 100, marked: 1, invitations: 2 });
    expect(done.figures).toEqual({ meetings: 2, placed: 1, householdWaiting: 0, extraDays: 0 });
    // The meeting without a time, which needs the leader, comes first; then the placed ones by time.
    const [missing, placed] = done.meetings as [TPlan['meetings'][number], TPlan['meetings'][number]];
    expect([missing.time, placed.time]).toEqual([null, expect.objectContaining({ date: '2027-01-12' })]);
    expect(placed.guardians.map((g) => g.name)).toEqual(['Mette Hansen']);
    expect(placed.interpreter).toEqual({ name: 'Amal Haddad' });
    // 15 minutes, 1.5 times as long with an interpreter: 25 on the five-minute grid.
    const [h, m] = placed.time!.from.split(':').map(Number);
    const [h2, m2] = placed.time!.to.split(':').map(Number);
    expect(h2! * 60 + m2! - (h! * 60 + m!)).toBe(25);
    expect(placed.time!.date).toBe('2027-01-12');
    expect(missing.reason).toMatch(/ikke markeret nogen eftermiddag/);
    // The times a meeting could move to are asked for one meeting at a time, by those who plan.
    const moves = (invitationId: string, actor: ActorName = 'leader') =>
      call(actor, 'GET', `${base()}/conference-rounds/${roundId}/plan/meetings/${invitationId}/moves`);
    const placedMoves = (await moves(placed.invitationId)).json() as TPlanMoves;
    expect(placedMoves.moves.length).toBeGreaterThan(0);
    expect(placedMoves.moves).not.toContainEqual(placed.time);
    // Only within the afternoon Mette's home marked (14:00–15:00 on 12 January).
    expect(
      placedMoves.moves.every((time) => time.date === '2027-01-12' && time.from >= '14:00' && time.to <= '15:00'),
    ).toBe(true);
    expect((await moves(placed.invitationId, 'otherClassTeacher')).statusCode).toBe(404);
    expect((await moves(crypto.randomUUID())).statusCode).toBe(404);
  });

  it('checks every rule when the leader moves a meeting: a taken time is refused and nothing changes', async () => {
    // Sara's home marks the same afternoon; the leader plans again, and both are placed.
    const [sara] = await mine('protectedGuardian');
    expect(
      (await mark('protectedGuardian', sara!.id, [{ date: '2027-01-12', from: '14:00', to: '15:00' }])).statusCode,
    ).toBe(200);
    expect((await call('leader', 'POST', `${base()}/conference-rounds/${roundId}/plan`)).statusCode).toBe(202);
    await runJobs();
    const before = await plan();
    expect(before.figures).toMatchObject({ meetings: 2, placed: 2 });
    const [mette] = await mine('custodyGuardian');
    const metteTime = before.meetings.find((m) => m.invitationId === mette!.id)!.time!;
    const saraMoves = (
      (
        await call('leader', 'GET', `${base()}/conference-rounds/${roundId}/plan/meetings/${sara!.id}/moves`)
      ).json() as TPlanMoves
    ).moves;
    // Mette's time is taken: it is never offered to Sara.
    expect(saraMoves.length).toBeGreaterThan(0);
    expect(saraMoves.some((time) => time.date === metteTime.date && time.from === metteTime.from)).toBe(false);

    const move = (invitationId: string, body: unknown, actor: ActorName = 'leader') =>
      call(actor, 'PUT', `${base()}/conference-rounds/${roundId}/plan/meetings/${invitationId}`, body);
    const onto = await move(sara!.id, { date: metteTime.date, from: metteTime.from });
    expect(onto.statusCode).toBe(422);
    expect(onto.json().error.code).toBe('conference_move_breaks_rule');
    expect(onto.json().error.message).toMatch(/kan ikke flyttes/);
    // Outside Sara's marked time, and off the round: refused too.
    expect((await move(sara!.id, { date: '2027-01-13', from: '14:00' })).statusCode).toBe(422);
    expect((await move(sara!.id, { date: '2027-01-12', from: '14:02' })).statusCode).toBe(422);
    expect((await move(sara!.id, { date: '2027-01-12', from: 'soon' })).statusCode).toBe(400);
    expect((await move(sara!.id, saraMoves[0], 'otherClassTeacher')).statusCode).toBe(404);
    expect(await plan()).toEqual(before);

    const target = saraMoves[saraMoves.length - 1]!;
    const moved = await move(sara!.id, { date: target.date, from: target.from });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((moved.json() as TPlan).meetings.find((m) => m.invitationId === sara!.id)?.time).toEqual(target);
  });

  it('publishes the plan as bookings and tells each home its own time, once', async () => {
    // Since the plan was made, Emma's home booked a talk with Birgitte in another round at the time
    // the plan gives Emma: publishing would put Birgitte in two meetings at once, so it is refused.
    const [emma] = await mine('custodyGuardian');
    const planned = (await plan()).meetings.find((m) => m.invitationId === emma!.id)!.time!;
    const other = await call('leader', 'POST', `${base()}/conference-rounds`, {
      name: 'Trivselssamtale',
      kind: 'regular',
      classIds: [f.classA],
      days: [{ date: '2027-01-12', from: '14:00', to: '16:00' }],
      minutesByGrade: { '3': 5 },
      alsoTakingPart: [],
      formats: ['in_person'],
      videoLink: null,
      rooms: {},
      inviteOn: '2026-12-01',
      plansBy: null,
    });
    expect(other.statusCode, other.body).toBe(201);
    const otherId = (other.json() as TRound).id;
    expect((await call('leader', 'POST', `${base()}/conference-rounds/${otherId}/open`)).statusCode).toBe(200);
    const otherInvitation = (
      (await call('custodyGuardian', 'GET', `${base()}/conference-invitations`)).json() as TMyInvitations
    ).invitations.find((i) => i.round.id === otherId)!;
    const booking = `${base()}/conference-invitations/${otherInvitation.id}/booking`;
    expect((await call('custodyGuardian', 'PUT', booking, { date: planned.date, from: planned.from })).statusCode).toBe(
      200,
    );
    const clash = await call('leader', 'POST', `${base()}/conference-rounds/${roundId}/plan/publish`);
    expect(clash.statusCode, clash.body).toBe(409);
    expect(clash.json().error).toMatchObject({
      code: 'plan_staff_busy_elsewhere',
      message: expect.stringMatching(/Emma/),
    });
    expect(((await call('leader', 'GET', `${base()}/conference-rounds/${roundId}`)).json() as TRound).status).not.toBe(
      'published',
    );
    expect((await call('custodyGuardian', 'DELETE', booking)).statusCode).toBe(200);

    // Sara's record says e-mail: she gets her time by e-mail too, with the meeting as a calendar file.
    await t.deps.db
      .updateTable('people')
      .set({ preferred_channel: 'email' })
      .where('id', '=', f.people.protectedGuardian!)
      .execute();
    const current = await plan();
    const published = await call('leader', 'POST', `${base()}/conference-rounds/${roundId}/plan/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toEqual({ published: 2 });
    const again = await call('leader', 'POST', `${base()}/conference-rounds/${roundId}/plan/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('round_published');
    expect(((await call('leader', 'GET', `${base()}/conference-rounds/${roundId}`)).json() as TRound).status).toBe(
      'published',
    );

    const [mette] = await mine('custodyGuardian');
    const [sara] = await mine('protectedGuardian');
    const timeOf = (id: string) => current.meetings.find((m) => m.invitationId === id)!.time;
    expect(mette?.booking).toEqual(timeOf(mette!.id));
    expect(sara?.booking).toEqual(timeOf(sara!.id));
    // Each guardian sees only their own household's invitation and time.
    expect((await mine('custodyGuardian')).map((i) => i.id)).toEqual([mette!.id]);
    expect(await mine('otherFamilyGuardian')).toEqual([]);

    const notices = await t.deps.db
      .selectFrom('notifications')
      .select(['person_id', 'kind', 'title'])
      .where('kind', '=', 'conference-time')
      .execute();
    expect(notices.map((n) => n.person_id).sort()).toEqual(
      [f.people.custodyGuardian!, f.people.protectedGuardian!].sort(),
    );
    expect(notices.find((n) => n.person_id === f.people.custodyGuardian)?.title).toBe(
      'Jeres tid til skole-hjem-samtale om Emma',
    );
    await runJobs();
    const mailsToSara = () =>
      t.deps.db
        .selectFrom('mail_outbox')
        .select(['subject', 'text_body', 'attachments'])
        .where('to_address', '=', 'protectedguardian@fixture.samspil.dk')
        .orderBy('id')
        .execute();
    const [timeMail, ...more] = await mailsToSara();
    expect(more).toEqual([]);
    expect(timeMail?.subject).toBe('Jeres tid til skole-hjem-samtale om Emma');
    expect(timeMail?.text_body).toContain(`kl. ${timeOf(sara!.id)!.from.replace(':', '.')}–`);
    const [ics] = timeMail!.attachments;
    expect(ics).toMatchObject({ filename: 'samtale.ics', contentType: expect.stringMatching(/^text\/calendar/) });
    const event = ics!.content.replace(/\r\n[ \t]/g, '');
    expect(event).toContain(`UID:conference-${sara!.id}@samspil`);
    expect(event).toMatch(/SEQUENCE:0\r\n/);
    // Mette's record says the app: no e-mail.
    expect(
      await t.deps.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('to_address', '=', 'custodyguardian@fixture.samspil.dk')
        .execute(),
    ).toEqual([]);

    // A move after publishing moves the booking in the same unit of work: one active booking, the new time.
    const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
    const metteTime = current.meetings.find((m) => m.invitationId === mette!.id)!.time!;
    const saraFrom = current.meetings.find((m) => m.invitationId === sara!.id)!.time!.from;
    const free = ['14:00', '14:15', '14:30', '14:45'].find(
      (from) =>
        from !== saraFrom && (minutes(from) + 15 <= minutes(metteTime.from) || minutes(from) >= minutes(metteTime.to)),
    )!;
    const late = await call('leader', 'PUT', `${base()}/conference-rounds/${roundId}/plan/meetings/${sara!.id}`, {
      date: '2027-01-12',
      from: free,
    });
    expect(late.statusCode, late.body).toBe(200);
    const active = await t.deps.db
      .selectFrom('conference_bookings')
      .select(['starts_at'])
      .where('invitation_id', '=', sara!.id)
      .where('cancelled_at', 'is', null)
      .execute();
    expect(active).toEqual([{ starts_at: free }]);
    expect((await mine('protectedGuardian'))[0]?.booking?.from).toBe(free);
    // Sara was told her first time when the plan went out; she is told the new one, and only she.
    const moved = await t.deps.db
      .selectFrom('notifications')
      .select(['person_id', 'title', 'body'])
      .where('kind', '=', 'conference-moved')
      .execute();
    expect(moved.map((n) => [n.person_id, n.title])).toEqual([
      [f.people.protectedGuardian!, 'Ny tid til skole-hjem-samtale om Emma'],
    ]);
    expect(moved[0]?.body).toContain(`kl. ${free.replace(':', '.')}`);
    // And by e-mail: the same calendar event, one SEQUENCE on, so her calendar moves the entry it has.
    await runJobs();
    const movedMail = (await mailsToSara())[1];
    expect(movedMail?.subject).toBe('Ny tid til skole-hjem-samtale om Emma');
    expect(movedMail?.text_body).toContain(`kl. ${free.replace(':', '.')}–`);
    const movedEvent = movedMail!.attachments[0]!.content.replace(/\r\n[ \t]/g, '');
    expect(movedEvent).toContain(`UID:conference-${sara!.id}@samspil`);
    expect(movedEvent).toMatch(/SEQUENCE:1\r\n/);
    const invitations = await call('leader', 'GET', `${base()}/conference-rounds/${roundId}/invitations`);
    expect(
      (invitations.json() as { invitations: Array<{ booking: unknown }> }).invitations.every((i) => i.booking),
    ).toBe(true);
  });
});
