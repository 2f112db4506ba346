import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { runDueJobs } from '../jobs/job-runner.js';
import { JOB_HANDLERS } from '../jobs/job-handlers.js';
import type { TEvent, TEventList } from '../../shared/api/event.schema.js';
import type { TPrincipleFigures } from '../../shared/api/figures.schema.js';

/**
 * Events (issue 12 point 3) on the fixture school: 3.A's contact teacher makes a class event with
 * volunteer slots, Emma's homes sign up and take slots, the organiser sees the head-count; the
 * leadership's school event has a capacity; homes racing for the last place in a slot: exactly
 * one wins. The fixture's today is Monday 23 November 2026.
 */
describe('events with sign-up, head-count and volunteer slots', () => {
  let t: TestApp;
  let f: Fixture;
  const base = () => `/api/schools/${f.schoolId}`;
  const call = (
    actor: ActorName,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.request({
      method,
      url: `${base()}${path}`,
      as: f.users[actor],
      headers,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const valid = {
    title: 'Tur til Naturhistorisk Museum',
    description: 'Vi tager bussen kl. 9 og er tilbage til frokost.',
    date: '2026-12-03',
    startsAt: '09:00',
    endsAt: '12:00',
    place: 'Naturhistorisk Museum',
    wellBeing: false,
    signUp: true,
    signUpDeadline: '2026-12-01',
    capacity: null,
    slots: [
      { title: 'Kør til museet', needed: 2 },
      { title: 'Bag en kage', needed: 1 },
    ],
  };
  const count = async (table: 'events' | 'event_sign_ups' | 'event_slot_takers') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const runAll = async () => {
    for (let n = await runDueJobs(t.deps, JOB_HANDLERS); n > 0; n = await runDueJobs(t.deps, JOB_HANDLERS));
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    // Birgitte and Ali read Samspil in English: their errors and notices come in English.
    await t.deps.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('id', 'in', [f.users.contactTeacher!, f.users.otherFamilyGuardian!])
      .execute();
  });
  /** Moves the clock to `to` in steps the readers' sessions survive (they end after two idle days). */
  const moveTo = async (to: Date) => {
    while (t.clock.now() < to) {
      t.clock.set(new Date(Math.min(to.getTime(), t.clock.now().getTime() + 36 * 60 * 60 * 1000)));
      for (const actor of ['custodyGuardian', 'protectedGuardian', 'contactTeacher', 'leader'] as const)
        await call(actor, 'GET', '/events');
    }
  };
  afterAll(() => t.close());

  let trip: TEvent;

  it('lets the contact teacher create a class event with volunteer slots once, however often the button is pressed', async () => {
    const key = { 'idempotency-key': 'trip-1' };
    const first = await call('contactTeacher', 'POST', `/classes/${f.classA}/events`, valid, key);
    expect(first.statusCode, first.body).toBe(201);
    trip = first.json();
    expect(trip).toMatchObject({
      class: { id: f.classA, name: '3.A' },
      title: valid.title,
      signUpOpen: true,
      placesLeft: null,
      mayOrganise: true,
      mayAnswer: false,
      headCount: { households: 0, declined: 0, adults: 0, children: 0 },
      signUps: [],
      slots: [
        { title: 'Kør til museet', needed: 2, taken: 0, mine: false, takers: [] },
        { title: 'Bag en kage', needed: 1, taken: 0, mine: false, takers: [] },
      ],
    });
    const again = await call('contactTeacher', 'POST', `/classes/${f.classA}/events`, valid, key);
    expect(again.json().id).toBe(trip.id);
    expect(await t.deps.db.selectFrom('events').select('id').where('title', '=', valid.title).execute()).toHaveLength(
      1,
    );
  });

  it('refuses a bad event with a translated error and stores nothing', async () => {
    const before = await count('events');
    const backwards = await call('contactTeacher', 'POST', `/classes/${f.classA}/events`, {
      ...valid,
      startsAt: '12:00',
      endsAt: '09:00',
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error).toMatchObject({
      code: 'event_ends_before_start',
      field: 'endsAt',
      message: 'The event must end after it begins.',
    });
    const past = await call('contactTeacher', 'POST', `/classes/${f.classA}/events`, { ...valid, date: '2026-11-20' });
    expect(past.json().error).toMatchObject({ code: 'event_in_past', field: 'date' });
    const late = await call('contactTeacher', 'POST', `/classes/${f.classA}/events`, {
      ...valid,
      signUpDeadline: '2026-12-05',
    });
    expect(late.json().error).toMatchObject({ code: 'event_deadline_after_event', field: 'signUpDeadline' });
    const noSignUp = await call('contactTeacher', 'POST', `/classes/${f.classA}/events`, { ...valid, signUp: false });
    expect(noSignUp.json().error.code).toBe('event_sign_up_off');
    expect(await count('events')).toBe(before);
  });

  it("shows the event to 3.A's homes and student, and to no one of 5.B", async () => {
    const home = (await call('custodyGuardian', 'GET', '/events')).json() as TEventList;
    expect(home.events.map((e) => e.title)).toContain(valid.title);
    const mine = home.events.find((e) => e.id === trip.id)!;
    expect(mine).toMatchObject({ mayAnswer: true, mayOrganise: false, myAnswer: null, openSlotPlaces: 3 });
    expect(home.classesToOrganise).toEqual([]);
    const other = (await call('otherFamilyGuardian', 'GET', '/events')).json() as TEventList;
    expect(other.events.map((e) => e.id)).not.toContain(trip.id);
    expect((await call('otherFamilyGuardian', 'GET', `/events/${trip.id}`)).statusCode).toBe(404);
    expect((await call('otherClassTeacher', 'GET', `/events/${trip.id}`)).statusCode).toBe(404);
    const student = await call('student', 'GET', `/events/${trip.id}`);
    expect(student.json()).toMatchObject({ mayAnswer: false, signUps: null });
    expect(
      (await call('student', 'PUT', `/events/${trip.id}/answer`, { attending: true, adults: 1, children: 0 }))
        .statusCode,
    ).toBe(403);
  });

  it('takes a home’s answer, shows it to the home and the head-count with names to the organiser', async () => {
    const answered = await call('custodyGuardian', 'PUT', `/events/${trip.id}/answer`, {
      attending: true,
      adults: 2,
      children: 1,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      myAnswer: { attending: true, adults: 2, children: 1 },
      headCount: { households: 1, adults: 2, children: 1 },
      signUps: null,
    });
    // Sara's home declines; a "not coming" carries no people.
    const declined = await call('protectedGuardian', 'PUT', `/events/${trip.id}/answer`, {
      attending: false,
      adults: 3,
      children: 0,
    });
    expect(declined.json().myAnswer).toEqual({ attending: false, adults: 0, children: 0 });
    const organiser = (await call('contactTeacher', 'GET', `/events/${trip.id}`)).json() as TEvent;
    expect(organiser.headCount).toEqual({ households: 1, declined: 1, adults: 2, children: 1 });
    expect(organiser.signUps).toEqual([
      { name: 'Mette Hansen', attending: true, adults: 2, children: 1 },
      { name: 'Sara Hansen', attending: false, adults: 0, children: 0 },
    ]);
    const empty = await call('custodyGuardian', 'PUT', `/events/${trip.id}/answer`, {
      attending: true,
      adults: 0,
      children: 0,
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.code).toBe('event_answer_empty');
    expect((await call('custodyGuardian', 'GET', `/events/${trip.id}`)).json().myAnswer.adults).toBe(2);
  });

  it('lets a home take a slot and give it back, and shows the organiser who took it', async () => {
    const cake = trip.slots[1]!;
    const taken = await call('custodyGuardian', 'POST', `/event-slots/${cake.id}/take`);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().slots[1]).toMatchObject({ taken: 1, mine: true, takers: null });
    // A second press keeps the one place.
    expect((await call('custodyGuardian', 'POST', `/event-slots/${cake.id}/take`)).json().slots[1].taken).toBe(1);
    const organiser = (await call('contactTeacher', 'GET', `/events/${trip.id}`)).json() as TEvent;
    expect(organiser.slots[1]!.takers).toEqual([{ name: 'Mette Hansen' }]);
    const full = await call('protectedGuardian', 'POST', `/event-slots/${cake.id}/take`, undefined, {
      'accept-language': 'da',
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({
      code: 'event_slot_full',
      message: 'En anden familie nåede at tage den sidste plads i opgaven »Bag en kage«. Vælg en anden opgave.',
    });
    const released = await call('custodyGuardian', 'POST', `/event-slots/${cake.id}/release`);
    expect(released.json().slots[1]).toMatchObject({ taken: 0, mine: false });
    expect((await call('protectedGuardian', 'POST', `/event-slots/${cake.id}/take`)).statusCode).toBe(200);
  });

  it('lets exactly one of three homes taking the last place at once win, and keeps nothing of the others', async () => {
    const created = await call('leader', 'POST', '/events', {
      ...valid,
      title: 'Skolernes motionsdag',
      wellBeing: true,
      slots: [
        { title: 'Saft ved målet', needed: 1 },
        { title: 'Vagt ved vejen', needed: 2 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json() as TEvent;
    expect(event.class).toBeNull();
    const homes = ['custodyGuardian', 'protectedGuardian', 'otherFamilyGuardian'] as const;
    for (const [index, needed] of [
      [0, 1],
      [1, 2],
    ] as const) {
      const slot = event.slots[index]!;
      const before = await count('event_slot_takers');
      const results = await Promise.all(homes.map((home) => call(home, 'POST', `/event-slots/${slot.id}/take`)));
      const codes = results.map((r) => r.statusCode).sort((a, b) => a - b);
      expect(codes).toEqual([...Array(needed).fill(200), ...Array(3 - needed).fill(409)]);
      for (const lost of results.filter((r) => r.statusCode === 409))
        expect(lost.json().error.code).toBe('event_slot_full');
      const row = await t.deps.db
        .selectFrom('event_slots')
        .select('taken')
        .where('id', '=', slot.id)
        .executeTakeFirstOrThrow();
      expect(row.taken).toBe(needed);
      expect(await count('event_slot_takers')).toBe(before + needed);
    }
  });

  it('keeps a capacity: a home asking for more places than are left is told how many are', async () => {
    const party = await call('leader', 'POST', '/events', {
      ...valid,
      title: 'Julebanko',
      capacity: 3,
      slots: [],
    });
    const event = party.json() as TEvent;
    expect(event.placesLeft).toBe(3);
    expect(
      (await call('custodyGuardian', 'PUT', `/events/${event.id}/answer`, { attending: true, adults: 1, children: 1 }))
        .statusCode,
    ).toBe(200);
    const tooMany = await call('otherFamilyGuardian', 'PUT', `/events/${event.id}/answer`, {
      attending: true,
      adults: 2,
      children: 0,
    });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error).toMatchObject({
      code: 'event_full',
      message: 'There is not room for that many. 1 places are left.',
    });
    // Mette's home changing its own numbers is measured against the others.
    expect(
      (await call('custodyGuardian', 'PUT', `/events/${event.id}/answer`, { attending: true, adults: 2, children: 1 }))
        .statusCode,
    ).toBe(200);
    expect((await call('custodyGuardian', 'GET', `/events/${event.id}`)).json().placesLeft).toBe(0);
  });

  it('lets a class parent representative create an event for their class only', async () => {
    await t.deps.db
      .insertInto('class_representatives')
      .values({ school_id: f.schoolId, class_id: f.classB, person_id: f.people.otherFamilyGuardian! })
      .execute();
    const own = await call('otherFamilyGuardian', 'POST', `/classes/${f.classB}/events`, {
      ...valid,
      title: 'Legeaften i 5.B',
      wellBeing: true,
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ mayOrganise: true, mayAnswer: true });
    expect((await call('otherFamilyGuardian', 'POST', `/classes/${f.classA}/events`, valid)).statusCode).toBe(404);
    const list = (await call('otherFamilyGuardian', 'GET', '/events')).json() as TEventList;
    expect(list.classesToOrganise.map((c) => c.name)).toEqual(['5.B']);
  });

  it('gives the event as an iCalendar file in Copenhagen time', async () => {
    const res = await call('custodyGuardian', 'GET', `/events/${trip.id}/calendar`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('BEGIN:VEVENT');
    expect(res.body).toContain(`UID:event-${trip.id}@samspil`);
    expect(res.body).toContain('DTSTART;TZID=Europe/Copenhagen:20261203T090000');
    expect(res.body).toContain('SUMMARY:Tur til Naturhistorisk Museum (3.A)');
    // The household coming has it in its calendar feed, with the same UID; Sara's, which declined, not.
    const feedOf = async (actor: ActorName) => {
      const { url } = (await t.request({ method: 'GET', url: '/api/me/calendar-feed', as: f.users[actor] })).json() as {
        url: string;
      };
      return (await t.request({ method: 'GET', url: new URL(url).pathname })).body;
    };
    expect(await feedOf('custodyGuardian')).toContain(`UID:event-${trip.id}@samspil`);
    expect(await feedOf('protectedGuardian')).not.toContain(`UID:event-${trip.id}@samspil`);
  });

  it('closes sign-up after the deadline', async () => {
    await moveTo(new Date('2026-12-01T23:30:00Z')); // 2 December in Copenhagen
    const late = await call('protectedGuardian', 'PUT', `/events/${trip.id}/answer`, {
      attending: true,
      adults: 1,
      children: 0,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('event_sign_up_closed');
    expect((await call('protectedGuardian', 'GET', `/events/${trip.id}`)).json().myAnswer.attending).toBe(false);
  });

  it('reminds the homes coming and the organiser of open slots the morning before, once', async () => {
    await moveTo(new Date('2026-12-02T07:30:00Z'));
    await runAll();
    const notices = async () =>
      t.deps.db
        .selectFrom('notifications')
        .select(['person_id', 'kind', 'title'])
        .where('kind', 'in', ['event-reminder', 'event-slots-open'])
        .where('title', 'like', '%Naturhistorisk%')
        .orderBy('kind')
        .execute();
    const sent = await notices();
    // Mette's home is coming (Emma's other custody holders in other homes declined or did not answer).
    expect(sent).toEqual([
      { person_id: f.people.custodyGuardian, kind: 'event-reminder', title: 'Husk: Tur til Naturhistorisk Museum' },
      {
        person_id: f.people.contactTeacher,
        kind: 'event-slots-open',
        title: 'Tasks need people: Tur til Naturhistorisk Museum',
      },
    ]);
    await t.deps.db
      .updateTable('jobs')
      .set({ done_at: null, run_at: t.clock.now() })
      .where('kind', '=', 'event-reminder')
      .execute();
    await runAll();
    expect(await notices()).toHaveLength(2);
  });

  it('counts the events held this school year per class for the leader, and only totals for the board', async () => {
    await moveTo(new Date('2026-12-04T08:00:00Z'));
    const figures = async (actor: ActorName) => {
      const res = await call(actor, 'GET', '/principle-figures');
      expect(res.statusCode, res.body).toBe(200);
      return res.json().events as TPrincipleFigures['events'];
    };
    const leader = await figures('leader');
    // On 3 December: 3.A's trip, 5.B's play evening, and the school's sports day and bingo.
    expect(leader.school).toEqual({ events: 4, wellBeing: 2, households: 1 });
    expect(leader.schoolWide).toEqual({ events: 2, wellBeing: 1, households: 1 });
    expect(leader.classes).toEqual([
      { classId: f.classA, name: '3.A', cell: { events: 1, wellBeing: 0, households: 1 } },
      { classId: f.classB, name: '5.B', cell: { events: 1, wellBeing: 1, households: 0 } },
    ]);
    const board = await figures('boardMember');
    expect(board).toEqual({
      school: { events: 4, wellBeing: 2, households: null },
      schoolWide: { events: 2, wellBeing: 1, households: null },
      classes: [],
    });
  });
});
