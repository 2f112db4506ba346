import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TFreeTimes, TMyInvitations, TRound, TRoundInvitations } from '../../shared/api/conference.schema.js';
import { runDueJobs } from '../jobs/job-runner.js';
import { JOB_HANDLERS } from '../jobs/job-handlers.js';

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

  it('lets the home choose how to meet among the round’s formats, and its calendar says where', async () => {
    // The round offers a meeting at the school or on video, with the school's own link.
    await t.deps.db
      .updateTable('conference_rounds')
      .set({ formats: JSON.stringify(['in_person', 'video']), video_link: 'https://meet.example.dk/3a' })
      .where('id', '=', f.round)
      .execute();
    const [mette] = await mine('custodyGuardian');
    expect(mette!.format).toBe('in_person');
    const before = mette!.booking;
    const move = (format: string) =>
      call('custodyGuardian', 'PUT', `${base()}/conference-invitations/${mette!.id}/booking`, {
        date: '2026-12-15',
        from: '15:30',
        format,
      });

    // A phone call is not offered: refused with a translated message, and the booking stands as it was.
    const refused = await move('phone');
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'conference_format_not_offered', field: 'format' });
    expect(refused.json().error.message).toMatch(/tilbyder ikke den samtaleform/);
    expect((await mine('custodyGuardian'))[0]).toMatchObject({ booking: before, format: 'in_person' });

    const video = await move('video');
    expect(video.statusCode, video.body).toBe(200);
    expect((await mine('custodyGuardian'))[0]).toMatchObject({ booking: { from: '15:30' }, format: 'video' });
    const staff = (
      await call('contactTeacher', 'GET', `${base()}/conference-rounds/${f.round}/invitations`)
    ).json() as TRoundInvitations;
    expect(staff.invitations.find((i) => i.id === mette!.id)?.format).toBe('video');
    const ics = (
      await call('custodyGuardian', 'GET', `${base()}/conference-invitations/${mette!.id}/booking.ics`)
    ).body.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('LOCATION:https://meet.example.dk/3a');
    expect(ics).toContain('DESCRIPTION:Videomøde: https://meet.example.dk/3a');
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

  /**
   * A second round, for 3.A and 5.B on 17 December (15 and 20 minutes), where Mette's household
   * also has Lukas in 5.B, and Sara (Emma's other home) is told by e-mail and reads English.
   */
  describe('siblings, calendar files, e-mail, reminders and joint meetings', () => {
    let round2: string;
    const day = '2026-12-17';
    const mine2 = async (actor: ActorName) => {
      const res = await call(actor, 'GET', `${base()}/conference-invitations`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as TMyInvitations).invitations.filter((i) => i.round.id === round2);
    };
    const invitationOf = async (actor: ActorName, child: string) => {
      const found = (await mine2(actor)).find((i) => i.student.name.startsWith(child));
      expect(found, `${actor}'s invitation for ${child}`).toBeDefined();
      return found!;
    };
    const runJobs = async () => {
      for (let n = await runDueJobs(t.deps, JOB_HANDLERS); n > 0; n = await runDueJobs(t.deps, JOB_HANDLERS));
    };
    const mailsTo = (address: string) =>
      t.deps.db
        .selectFrom('mail_outbox')
        .select(['subject', 'text_body'])
        .where('to_address', '=', address)
        .orderBy('created_at')
        .execute();
    // The dashboard test above let three days pass; the homes come back to a live session.
    beforeAll(async () => {
      const now = t.clock.now();
      await t.deps.db
        .updateTable('sessions')
        .set({ last_seen_at: now, expires_at: new Date(now.getTime() + 30 * 86_400_000) })
        .where('ended_at', 'is', null)
        .execute();
    });
    const activeBookings = () =>
      t.deps.db
        .selectFrom('conference_bookings')
        .select(['id', 'invitation_id', 'starts_at', 'joins_booking_id'])
        .where('round_id', '=', round2)
        .where('cancelled_at', 'is', null)
        .execute();

    it('sends each guardian whose record says e-mail the invitation in their language, with a link to book, in the unit of work that sends the invitations', async () => {
      const lukas = (
        await t.deps.db
          .insertInto('students')
          .values({
            school_id: f.schoolId,
            external_id: 'lukas',
            given_name: 'Lukas',
            family_name: 'Hansen',
            class_id: f.classB,
            birth_date: '2015-02-02',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await t.deps.db
        .insertInto('guardianships')
        .values({ school_id: f.schoolId, student_id: lukas, person_id: f.people.custodyGuardian!, kind: 'custody' })
        .execute();
      await t.deps.db
        .updateTable('people')
        .set({ preferred_channel: 'email', email: 'sara@fixture.samspil.dk' })
        .where('id', '=', f.people.protectedGuardian!)
        .execute();
      await t.deps.db.updateTable('users').set({ locale: 'en' }).where('id', '=', f.users.protectedGuardian!).execute();
      const created = await call('leader', 'POST', `${base()}/conference-rounds`, {
        name: 'Samtaler før jul',
        kind: 'regular',
        classIds: [f.classA, f.classB],
        days: [{ date: day, from: '14:00', to: '17:00' }],
        minutesByGrade: { '3': 15, '5': 20 },
        alsoTakingPart: [],
        formats: ['in_person'],
        videoLink: null,
        rooms: {},
        inviteOn: '2026-11-26',
        plansBy: null,
      });
      expect(created.statusCode, created.body).toBe(201);
      round2 = (created.json() as TRound).id;
      expect((await call('leader', 'POST', `${base()}/conference-rounds/${round2}/open`)).statusCode).toBe(200);
      const queued = await t.deps.db
        .selectFrom('jobs')
        .select('kind')
        .where('kind', '=', 'conference-invitation-email')
        .where('done_at', 'is', null)
        .execute();
      expect(queued).toHaveLength(1);
      await runJobs();
      const [mail, ...more] = await mailsTo('sara@fixture.samspil.dk');
      expect(more).toEqual([]);
      expect(mail?.subject).toBe('Invitation to a school-home conference about Emma');
      expect(mail?.text_body).toContain('Samtaler før jul');
      expect(mail?.text_body).toContain('Thursday 17 December');
      expect(mail?.text_body).toContain(`/#conference-${f.ownStudent}`);
      // Mette reads the app (her channel): a notice, no e-mail.
      expect(await mailsTo('mette.hansen@fixture.samspil.dk')).toEqual([]);
      const listed = (
        await call('leader', 'GET', `${base()}/conference-rounds/${round2}/invitations`)
      ).json() as TRoundInvitations;
      expect(listed.invitations.every((i) => i.channel === 'app')).toBe(true);
    });

    it('offers a sibling’s class the times back to back with the booked meeting first, marked, and the others after', async () => {
      const emma = await invitationOf('custodyGuardian', 'Emma');
      const lukasInvitation = await invitationOf('custodyGuardian', 'Lukas');
      expect((await book('custodyGuardian', emma.id, '14:00', day)).statusCode).toBe(200);
      const times = await freeTimes('custodyGuardian', lukasInvitation.id);
      expect(times[0]).toEqual({
        date: day,
        from: '14:20',
        to: '14:40',
        nextTo: { child: 'Emma', side: 'after' },
        joint: false,
      });
      expect(times.slice(1).every((time) => time.nextTo === null)).toBe(true);
      // Every free time is still offered: 5.B's nine 20-minute times.
      expect(times).toHaveLength(9);
      // Another family cannot book or see Mette's child's time; nothing changes.
      const foreign = await call(
        'otherFamilyGuardian',
        'PUT',
        `${base()}/conference-invitations/${lukasInvitation.id}/booking`,
        {
          date: day,
          from: '14:20',
        },
      );
      expect(foreign.statusCode).toBe(404);
      expect((await book('custodyGuardian', lukasInvitation.id, '14:20', day)).statusCode).toBe(200);
      const outside = await book('custodyGuardian', lukasInvitation.id, '14:20', '2026-12-18');
      expect(outside.statusCode).toBe(422);
      expect(outside.json().error.code).toBe('conference_time_outside_round');
      expect((await invitationOf('custodyGuardian', 'Lukas')).booking?.from).toBe('14:20');
    });

    it('gives the booked meeting as an .ics file: the feed’s own event, Copenhagen times, for the home and the class’s staff only', async () => {
      const emma = await invitationOf('custodyGuardian', 'Emma');
      const url = `${base()}/conference-invitations/${emma.id}/booking.ics`;
      const res = await call('custodyGuardian', 'GET', url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
      const file = unfold(res.body);
      expect(file.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(file).toContain(`UID:conference-${emma.id}@samspil`);
      expect(file).toContain('DTSTART;TZID=Europe/Copenhagen:20261217T140000');
      expect(file).toContain('BEGIN:VTIMEZONE');
      const feedUrl = ((await call('custodyGuardian', 'GET', '/api/me/calendar-feed')).json() as { url: string }).url;
      const feed = unfold((await t.request({ method: 'GET', url: new URL(feedUrl).pathname })).body);
      const event = (text: string) =>
        /BEGIN:VEVENT[\s\S]*?END:VEVENT/g
          .exec(text.slice(text.indexOf(`UID:conference-${emma.id}@samspil`) - 200))?.[0]
          .split('\r\n')
          .filter((line) => /^(UID|SEQUENCE|DTSTART|DTEND|SUMMARY)/.test(line));
      expect(event(file)).toEqual(event(feed));
      expect((await call('contactTeacher', 'GET', url)).statusCode).toBe(200);
      for (const actor of ['otherFamilyGuardian', 'otherClassTeacher', 'informationRightParent'] as const)
        expect((await call(actor, 'GET', url)).statusCode, actor).toBe(404);
      // Sara's home has booked nothing yet: no file.
      const sara = await invitationOf('protectedGuardian', 'Emma');
      expect(
        (await call('protectedGuardian', 'GET', `${base()}/conference-invitations/${sara.id}/booking.ics`)).statusCode,
      ).toBe(404);
    });

    it('joins the other home’s meeting when both homes ask for one, and the database keeps one meeting per time', async () => {
      const sara = await invitationOf('protectedGuardian', 'Emma');
      const mette = await invitationOf('custodyGuardian', 'Emma');
      expect(sara.jointMeeting).toEqual({ wanted: false, otherHomeWants: false });
      expect((await book('protectedGuardian', sara.id, '14:00', day)).statusCode).toBe(409);
      const wish = (actor: ActorName, invitationId: string, wanted: boolean) =>
        call(actor, 'PUT', `${base()}/conference-invitations/${invitationId}/joint-meeting`, { wanted });
      expect((await wish('protectedGuardian', sara.id, true)).statusCode).toBe(200);
      expect((await freeTimes('protectedGuardian', sara.id)).some((time) => time.joint)).toBe(false);
      expect((await wish('otherFamilyGuardian', mette.id, true)).statusCode).toBe(404);
      expect((await wish('custodyGuardian', mette.id, true)).statusCode).toBe(200);
      const offered = await freeTimes('protectedGuardian', sara.id);
      expect(offered[0]).toEqual({ date: day, from: '14:00', to: '14:15', nextTo: null, joint: true });
      const joined = await book('protectedGuardian', sara.id, '14:00', day);
      expect(joined.statusCode, joined.body).toBe(200);
      expect(await invitationOf('custodyGuardian', 'Emma')).toMatchObject({
        bookedJointly: true,
        jointMeeting: { wanted: true, otherHomeWants: true },
      });
      expect((await invitationOf('protectedGuardian', 'Emma')).bookedJointly).toBe(true);
      // The other home is never named to her.
      expect(JSON.stringify(await mine2('protectedGuardian'))).not.toContain('Mette');

      const rows = await activeBookings();
      const host = rows.find((r) => r.invitation_id === mette.id)!;
      const lukasMeeting = rows.find((r) => r.starts_at === '14:20')!;
      expect(rows.find((r) => r.invitation_id === sara.id)?.joins_booking_id).toBe(host.id);
      // The database's rule: a second meeting at the time, or a join at another time, is refused.
      const insert = (values: { invitation: string; from: string; joins: string | null }) =>
        t.deps.db
          .insertInto('conference_bookings')
          .values({
            school_id: f.schoolId,
            round_id: round2,
            invitation_id: values.invitation,
            class_id: f.classA,
            date: day,
            starts_at: values.from,
            ends_at: '14:15',
            booked_by: f.people.custodyGuardian!,
            created_at: t.clock.now(),
            joins_booking_id: values.joins,
          })
          .execute();
      // An invitation with nothing booked, so only the rule under test can refuse.
      const { id: unbooked } = await t.deps.db
        .insertInto('conference_invitations')
        .values({
          school_id: f.schoolId,
          round_id: round2,
          student_id: f.otherStudent,
          class_id: f.classA,
          household_key: 'test',
          created_at: t.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await expect(insert({ invitation: unbooked, from: '14:00', joins: null })).rejects.toThrow(
        /conference_bookings_one_per_time/,
      );
      await expect(insert({ invitation: unbooked, from: '14:15', joins: lukasMeeting.id })).rejects.toThrow(
        /conference_bookings_joins_fk/,
      );
      await expect(insert({ invitation: unbooked, from: '14:00', joins: host.id })).rejects.toThrow(
        /conference_bookings_one_joining/,
      );

      // Mette cancels: Sara's home keeps the time as its own meeting.
      expect(
        (await call('custodyGuardian', 'DELETE', `${base()}/conference-invitations/${mette.id}/booking`)).statusCode,
      ).toBe(200);
      const after = await activeBookings();
      expect(after.find((r) => r.invitation_id === sara.id)).toMatchObject({
        starts_at: '14:00',
        joins_booking_id: null,
      });
      expect(after.some((r) => r.invitation_id === mette.id)).toBe(false);
      // Mette takes another time, and Sara's home cancels: it has booked nothing now.
      expect((await book('custodyGuardian', mette.id, '14:30', day)).statusCode).toBe(200);
      expect(
        (await call('protectedGuardian', 'DELETE', `${base()}/conference-invitations/${sara.id}/booking`)).statusCode,
      ).toBe(200);
    });

    it('reminds a home that has not booked four days on, in the app and by e-mail in its language, and skips the homes that booked', async () => {
      const invitations = [
        ...(await mine2('custodyGuardian')).map((i) => i.id),
        (await invitationOf('protectedGuardian', 'Emma')).id,
      ];
      const sara = invitations[2]!;
      const reminders = await t.deps.db
        .selectFrom('jobs')
        .select(['run_at'])
        .where('kind', '=', 'conference-reminder')
        .where(
          'dedupe_key',
          'in',
          invitations.map((id) => `conference-reminder:${id}`),
        )
        .execute();
      expect(reminders).toHaveLength(3);
      expect(reminders.every((r) => r.run_at.getTime() - t.clock.now().getTime() <= 4 * 86_400_000)).toBe(true);
      t.clock.advance(4 * 24 * 60 * 60 * 1000);
      await runJobs();
      const reminded = await t.deps.db
        .selectFrom('notifications')
        .select(['person_id', 'dedupe_key', 'title'])
        .where('kind', '=', 'conference-reminder')
        .where(
          'dedupe_key',
          'in',
          invitations.map((id) => `conference-reminder:${id}`),
        )
        .execute();
      // Mette's two homes-of-one-household invitations are booked (Emma 14:30, Lukas 14:20): only Sara is reminded.
      expect(reminded).toEqual([
        {
          person_id: f.people.protectedGuardian!,
          dedupe_key: `conference-reminder:${sara}`,
          title: 'Remember to choose a time for the conference about Emma',
        },
      ]);
      const aboutRound2 = async () =>
        (await mailsTo('sara@fixture.samspil.dk'))
          .filter((m) => m.text_body.includes('Samtaler før jul'))
          .map((m) => m.subject);
      expect(await aboutRound2()).toEqual([
        'Invitation to a school-home conference about Emma',
        'Remember to choose a time for the conference about Emma',
      ]);
      // A second run sends nothing more (the dedupe keys).
      await runJobs();
      expect(await aboutRound2()).toHaveLength(2);
    });
  });
});

describe('booking when the staff hold meetings in two classes of the round', () => {
  let t: TestApp;
  let f: Fixture;
  const base = () => `/api/schools/${f.schoolId}`;
  const call = (actor: ActorName, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
    t.request({ method, url, as: f.users[actor], ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
  });
  afterAll(() => t.close());

  it('never books the contact teacher of 3.A and 5.B into two meetings at once, across the classes’ grids', async () => {
    // Birgitte is 5.B's contact teacher too; 3.A meets for 15 minutes, 5.B for 20.
    await t.deps.db
      .insertInto('class_staff')
      .values({
        school_id: f.schoolId,
        class_id: f.classB,
        person_id: f.people.contactTeacher!,
        role: 'contact_teacher',
      })
      .execute();
    const created = await call('leader', 'POST', `${base()}/conference-rounds`, {
      name: 'Samtaler i 3.A og 5.B',
      kind: 'regular',
      classIds: [f.classA, f.classB],
      days: [{ date: '2027-01-19', from: '14:00', to: '15:00' }],
      minutesByGrade: { '3': 15, '5': 20 },
      alsoTakingPart: [],
      formats: ['in_person'],
      videoLink: null,
      rooms: {},
      inviteOn: '2026-12-01',
      plansBy: null,
    });
    expect(created.statusCode, created.body).toBe(201);
    const roundId = (created.json() as TRound).id;
    expect((await call('leader', 'POST', `${base()}/conference-rounds/${roundId}/open`)).statusCode).toBe(200);
    const invitationOf = async (actor: ActorName) =>
      ((await call(actor, 'GET', `${base()}/conference-invitations`)).json() as TMyInvitations).invitations.find(
        (i) => i.round.id === roundId,
      )!;
    const emma = await invitationOf('custodyGuardian');
    const alisChild = await invitationOf('otherFamilyGuardian');
    const free = async (actor: ActorName, id: string) =>
      ((await call(actor, 'GET', `${base()}/conference-invitations/${id}/times`)).json() as TFreeTimes).times.map(
        (time) => time.from,
      );
    expect(await free('otherFamilyGuardian', alisChild.id)).toEqual(['14:00', '14:20', '14:40']);

    // Emma's home takes 14:15–14:30: 5.B's 14:00–14:20 and 14:20–14:40 both need Birgitte then.
    const booked = await call('custodyGuardian', 'PUT', `${base()}/conference-invitations/${emma.id}/booking`, {
      date: '2027-01-19',
      from: '14:15',
    });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(await free('otherFamilyGuardian', alisChild.id)).toEqual(['14:40']);
    const clash = await call('otherFamilyGuardian', 'PUT', `${base()}/conference-invitations/${alisChild.id}/booking`, {
      date: '2027-01-19',
      from: '14:20',
    });
    expect(clash.statusCode, clash.body).toBe(409);
    expect(clash.json().error.code).toBe('conference_time_taken');
    expect(clash.json().error.details.nextFree.map((time: { from: string }) => time.from)).toEqual(['14:40']);

    // Ali's home takes 14:40–15:00; 3.A's 14:45 is then Birgitte's in 5.B and no longer free for Sara's home.
    expect(
      (
        await call('otherFamilyGuardian', 'PUT', `${base()}/conference-invitations/${alisChild.id}/booking`, {
          date: '2027-01-19',
          from: '14:40',
        })
      ).statusCode,
    ).toBe(200);
    const sara = await invitationOf('protectedGuardian');
    expect(await free('protectedGuardian', sara.id)).toEqual(['14:00']);
  });
  it('puts the round’s counsellor in every meeting: refused unless one of the staff, and never in two meetings at once', async () => {
    // Birgitte is 3.A's contact teacher only again: the classes share no teacher.
    await t.deps.db
      .deleteFrom('class_staff')
      .where('class_id', '=', f.classB)
      .where('person_id', '=', f.people.contactTeacher!)
      .execute();
    const round = (counsellorId: string | null, alsoTakingPart = ['counsellor']) =>
      call('leader', 'POST', `${base()}/conference-rounds`, {
        name: 'Samtaler med vejleder',
        kind: 'regular',
        classIds: [f.classA, f.classB],
        days: [{ date: '2027-02-02', from: '14:00', to: '15:00' }],
        minutesByGrade: { '3': 15, '5': 20 },
        alsoTakingPart,
        counsellorId,
        formats: ['in_person'],
        videoLink: null,
        rooms: {},
        inviteOn: '2026-12-01',
        plansBy: null,
      });
    expect((await round(null)).statusCode).toBe(400);
    const notStaff = await round(f.people.custodyGuardian!);
    expect(notStaff.statusCode, notStaff.body).toBe(422);
    expect(notStaff.json().error).toMatchObject({ code: 'round_counsellor_not_staff', field: 'counsellorId' });
    // Without the choice, a counsellor sent along is not kept.
    expect(((await round(f.people.leader!, [])).json() as TRound).counsellor).toBeNull();

    const created = await round(f.people.leader!);
    expect(created.statusCode, created.body).toBe(201);
    const roundId = (created.json() as TRound).id;
    expect((created.json() as TRound).counsellor).toMatchObject({ id: f.people.leader });
    expect((await call('leader', 'POST', `${base()}/conference-rounds/${roundId}/open`)).statusCode).toBe(200);
    const invitationOf = async (actor: ActorName) =>
      ((await call(actor, 'GET', `${base()}/conference-invitations`)).json() as TMyInvitations).invitations.find(
        (i) => i.round.id === roundId,
      )!;
    const emma = await invitationOf('custodyGuardian');
    const alisChild = await invitationOf('otherFamilyGuardian');
    expect(
      (
        await call('custodyGuardian', 'PUT', `${base()}/conference-invitations/${emma.id}/booking`, {
          date: '2027-02-02',
          from: '14:30',
        })
      ).statusCode,
    ).toBe(200);
    // 5.B shares no teacher with 3.A here, but the counsellor is in both classes' meetings.
    const times = (
      (
        await call('otherFamilyGuardian', 'GET', `${base()}/conference-invitations/${alisChild.id}/times`)
      ).json() as TFreeTimes
    ).times.map((time) => time.from);
    expect(times).toEqual(['14:00']);

    // The round's afternoon is in the counsellor's calendar feed.
    const feed = (await call('leader', 'GET', '/api/me/calendar-feed')).json() as { url: string };
    const ics = (await t.request({ method: 'GET', url: new URL(feed.url).pathname })).body.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('DTSTART;TZID=Europe/Copenhagen:20270202T140000');
  });

  it('keeps the contact teacher out of two meetings at once across two rounds of the same afternoon', async () => {
    const makeRound = async (
      name: string,
      minutes: number,
      date = '2027-02-09',
      guardian: ActorName = 'custodyGuardian',
    ) => {
      const created = await call('leader', 'POST', `${base()}/conference-rounds`, {
        name,
        kind: 'regular',
        classIds: [f.classA],
        days: [{ date, from: '14:00', to: '15:00' }],
        minutesByGrade: { '3': minutes },
        alsoTakingPart: [],
        formats: ['in_person'],
        videoLink: null,
        rooms: {},
        inviteOn: '2026-12-01',
        plansBy: null,
      });
      expect(created.statusCode, created.body).toBe(201);
      const roundId = (created.json() as TRound).id;
      expect((await call('leader', 'POST', `${base()}/conference-rounds/${roundId}/open`)).statusCode).toBe(200);
      return (
        (await call(guardian, 'GET', `${base()}/conference-invitations`)).json() as TMyInvitations
      ).invitations.find((i) => i.round.id === roundId)!;
    };
    const first = await makeRound('Trivselssamtaler', 20);
    const second = await makeRound('Skole-hjem-samtaler', 15);
    const book = (id: string, from: string) =>
      call('custodyGuardian', 'PUT', `${base()}/conference-invitations/${id}/booking`, { date: '2027-02-09', from });
    expect((await book(first.id, '14:20')).statusCode).toBe(200);

    // Birgitte holds 14:20–14:40 in the other round: 14:15, 14:30 are not free in this one.
    const free = (
      (await call('custodyGuardian', 'GET', `${base()}/conference-invitations/${second.id}/times`)).json() as TFreeTimes
    ).times.map((time) => time.from);
    expect(free).toEqual(['14:00', '14:45']);
    const clash = await book(second.id, '14:30');
    expect(clash.statusCode, clash.body).toBe(409);
    expect(clash.json().error.code).toBe('conference_time_taken');
    expect((await book(second.id, '14:45')).statusCode).toBe(200);

    // Two homes of 3.A book Birgitte at overlapping times in the two rounds at once: one wins.
    const emma = await makeRound('Trivsel igen', 20, '2027-02-16');
    const sara = await makeRound('Samtaler igen', 15, '2027-02-16', 'protectedGuardian');
    const race = await Promise.all([
      call('custodyGuardian', 'PUT', `${base()}/conference-invitations/${emma.id}/booking`, {
        date: '2027-02-16',
        from: '14:20',
      }),
      call('protectedGuardian', 'PUT', `${base()}/conference-invitations/${sara.id}/booking`, {
        date: '2027-02-16',
        from: '14:30',
      }),
    ]);
    expect(race.map((r) => r.statusCode).sort((a, b) => a - b)).toEqual([200, 409]);
  });
});
