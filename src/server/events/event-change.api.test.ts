import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { runDueJobs } from '../jobs/job-runner.js';
import { JOB_HANDLERS } from '../jobs/job-handlers.js';
import { morningBefore } from '../../domain/calendar/working-days.js';
import type { TEvent, TEventList } from '../../shared/api/event.schema.js';
import type { TPrincipleFigures } from '../../shared/api/figures.schema.js';

/**
 * What an organiser expects of an event after making it (issue 12 point 3): changing it, moving
 * it, cancelling it, and an event of several days. On the fixture school: 3.A's contact teacher
 * organises a museum trip; Mette's home (English, told by e-mail) is coming, Sara's home declined
 * but bakes the cake. The fixture's today is Monday 23 November 2026.
 */
describe('changing and cancelling an event', () => {
  let t: TestApp;
  let f: Fixture;
  const base = () => `/api/schools/${f.schoolId}`;
  const call = (actor: ActorName, method: 'GET' | 'POST' | 'PUT', path: string, payload?: unknown) =>
    t.request({
      method,
      url: `${base()}${path}`,
      as: f.users[actor],
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const runAll = async () => {
    for (let n = await runDueJobs(t.deps, JOB_HANDLERS); n > 0; n = await runDueJobs(t.deps, JOB_HANDLERS));
  };
  /** Moves the clock to `to` in steps the readers' sessions survive (they end after two idle days). */
  const moveTo = async (to: Date) => {
    while (t.clock.now() < to) {
      t.clock.set(new Date(Math.min(to.getTime(), t.clock.now().getTime() + 36 * 60 * 60 * 1000)));
      for (const actor of ['custodyGuardian', 'protectedGuardian', 'contactTeacher', 'leader'] as const)
        await call(actor, 'GET', '/events');
    }
  };

  let trip: TEvent;
  const created = {
    title: 'Tur til Naturhistorisk Museum',
    description: 'Vi tager bussen kl. 9.',
    date: '2026-12-03',
    startsAt: '09:00',
    endsAt: '12:00',
    place: 'Naturhistorisk Museum',
    wellBeing: false,
    signUp: true,
    signUpDeadline: '2026-12-01',
    capacity: 10,
    slots: [
      { title: 'Kør til museet', needed: 2 },
      { title: 'Bag en kage', needed: 1 },
      { title: 'Saft', needed: 1 },
    ],
  };
  /** The trip as it is, as a change request that keeps everything. */
  const unchanged = () => ({
    title: trip.title,
    description: trip.description,
    date: trip.date,
    endDate: trip.endDate,
    startsAt: trip.startsAt,
    endsAt: trip.endsAt,
    place: trip.place,
    wellBeing: trip.wellBeing,
    signUpDeadline: trip.signUpDeadline,
    capacity: trip.capacity,
    slots: trip.slots.map((s) => ({ id: s.id, title: s.title, needed: s.needed })),
  });
  /** Everything a refused or undone change could have touched. */
  const snapshot = async () =>
    JSON.stringify({
      events: await t.deps.db.selectFrom('events').selectAll().orderBy('id').execute(),
      slots: await t.deps.db.selectFrom('event_slots').selectAll().orderBy('id').execute(),
      takers: await t.deps.db.selectFrom('event_slot_takers').selectAll().orderBy('slot_id').execute(),
      answers: await t.deps.db.selectFrom('event_sign_ups').selectAll().orderBy('household_key').execute(),
      notices: await t.deps.db.selectFrom('notifications').select(['id', 'kind']).orderBy('id').execute(),
      jobs: await t.deps.db.selectFrom('jobs').select(['id', 'kind', 'run_at']).orderBy('id').execute(),
      audit: await t.deps.db.selectFrom('audit_log').select('action').orderBy('id').execute(),
    });
  const notices = (kind: string) =>
    t.deps.db
      .selectFrom('notifications')
      .select(['person_id', 'title'])
      .where('kind', '=', kind)
      .orderBy('title')
      .execute();
  const pendingReminders = (eventId: string) =>
    t.deps.db
      .selectFrom('jobs')
      .select(['run_at', 'dedupe_key'])
      .where('kind', '=', 'event-reminder')
      .where('done_at', 'is', null)
      .where(sql<string>`payload->>'eventId'`, '=', eventId)
      .execute();

  beforeAll(async () => {
    // The journey runs to mid-December: sessions last longer than the clock moves.
    t = await startTestApp({ sessionDays: 30 });
    f = await createFixture(t.deps.db);
    // Mette reads Samspil in English and is told by e-mail as well.
    await t.deps.db.updateTable('users').set({ locale: 'en' }).where('id', '=', f.users.custodyGuardian!).execute();
    await t.deps.db
      .updateTable('people')
      .set({ preferred_channel: 'email', email: 'mette@fixture.samspil.dk' })
      .where('id', '=', f.people.custodyGuardian!)
      .execute();
  });
  let heal: (() => Promise<unknown>) | null = null;
  afterEach(async () => {
    await heal?.();
    heal = null;
  });
  afterAll(() => t.close());

  it("lets the contact teacher make a trip; Mette's home comes, Sara's declines but bakes the cake", async () => {
    const res = await call('contactTeacher', 'POST', `/classes/${f.classA}/events`, created);
    expect(res.statusCode, res.body).toBe(201);
    trip = res.json();
    expect(trip).toMatchObject({ endDate: null, cancelled: null, mayChange: true });
    const coming = await call('custodyGuardian', 'PUT', `/events/${trip.id}/answer`, {
      attending: true,
      adults: 2,
      children: 1,
    });
    expect(coming.statusCode, coming.body).toBe(200);
    await call('protectedGuardian', 'PUT', `/events/${trip.id}/answer`, { attending: false, adults: 0, children: 0 });
    const cake = await call('protectedGuardian', 'POST', `/event-slots/${trip.slots[1]!.id}/take`);
    expect(cake.statusCode, cake.body).toBe(200);
    // A home may answer, not change the event.
    expect((await call('custodyGuardian', 'GET', `/events/${trip.id}`)).json()).toMatchObject({ mayChange: false });
  });

  it('lets the organiser move the trip and change its tasks; the homes coming or helping are told, the reminder and the calendar follow', async () => {
    expect((await pendingReminders(trip.id)).map((j) => j.run_at)).toEqual([morningBefore('2026-12-03')]);
    const [drive, cake] = trip.slots;
    const res = await call('contactTeacher', 'PUT', `/events/${trip.id}`, {
      ...unchanged(),
      date: '2026-12-04',
      startsAt: '10:00',
      endsAt: '13:00',
      place: 'Naturhistorisk Museum, Aarhus',
      signUpDeadline: '2026-12-02',
      capacity: 12,
      slots: [
        { id: drive!.id, title: 'Kør til Aarhus', needed: 3 },
        { id: null, title: 'Tag madpakker med', needed: 1 },
        { id: cake!.id, title: 'Bag en kage', needed: 2 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    trip = res.json();
    expect(trip).toMatchObject({
      date: '2026-12-04',
      startsAt: '10:00',
      place: 'Naturhistorisk Museum, Aarhus',
      capacity: 12,
      placesLeft: 9,
      headCount: { households: 1, adults: 2, children: 1 },
      mayChange: true,
    });
    // "Saft", which nobody had taken, is gone; the taken cake keeps its home.
    expect(trip.slots.map((s) => [s.title, s.needed, s.taken])).toEqual([
      ['Kør til Aarhus', 3, 0],
      ['Tag madpakker med', 1, 0],
      ['Bag en kage', 2, 1],
    ]);
    // Mette's home is coming, Sara's bakes the cake: each custody holder is told, in their language;
    // the organiser who made the change is not.
    expect(await notices('event-changed')).toEqual([
      { person_id: f.people.custodyGuardian, title: 'Changed: Tur til Naturhistorisk Museum' },
      { person_id: f.people.protectedGuardian, title: 'Ændret: Tur til Naturhistorisk Museum' },
    ]);
    expect((await pendingReminders(trip.id)).map((j) => j.run_at)).toEqual([morningBefore('2026-12-04')]);
    const ics = await call('custodyGuardian', 'GET', `/events/${trip.id}/calendar`);
    expect(ics.body).toContain(`UID:event-${trip.id}@samspil`);
    expect(ics.body).toContain('SEQUENCE:1');
    expect(ics.body).toContain('DTSTART;TZID=Europe/Copenhagen:20261204T100000');
    expect(ics.body).toContain('LOCATION:Naturhistorisk Museum\\, Aarhus');
    // Mette chose e-mail: she gets the new time with the calendar file.
    await runAll();
    const mails = await t.deps.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body', 'attachments'])
      .execute();
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([
      ['mette@fixture.samspil.dk', 'Changed: Tur til Naturhistorisk Museum'],
    ]);
    expect(mails[0]!.text_body).toContain(
      'It is now on Friday 4 December, 10:00–13:00, Naturhistorisk Museum, Aarhus.',
    );
    expect(JSON.stringify(mails[0]!.attachments)).toContain('SEQUENCE:1');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'event.change')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('tells no one and keeps the calendar entry for a change no calendar shows', async () => {
    const res = await call('contactTeacher', 'PUT', `/events/${trip.id}`, { ...unchanged(), capacity: 20 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().capacity).toBe(20);
    trip = res.json();
    expect(await notices('event-changed')).toHaveLength(2);
    expect((await call('custodyGuardian', 'GET', `/events/${trip.id}/calendar`)).body).toContain('SEQUENCE:1');
  });

  it('refuses a bad change with a translated error and changes nothing', async () => {
    const before = await snapshot();
    const refuse = async (body: unknown, status: number, code: string, actor: ActorName = 'contactTeacher') => {
      const res = await call(actor, 'PUT', `/events/${trip.id}`, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      return res.json().error as { code: string; message: string; field?: string };
    };
    // Three people are coming: the capacity cannot fall below them.
    expect(await refuse({ ...unchanged(), capacity: 2 }, 422, 'event_capacity_below_head_count')).toMatchObject({
      field: 'capacity',
      message: 'Der er allerede meldt 3 personer til. Det højeste antal deltagere kan ikke være lavere end det.',
    });
    // Sara's home took the cake: it is neither removed nor renamed.
    const withoutCake = { ...unchanged(), slots: unchanged().slots.filter((s) => s.title !== 'Bag en kage') };
    expect(await refuse(withoutCake, 409, 'event_slot_taken')).toMatchObject({
      field: 'slots',
      message:
        'En familie har taget opgaven »Bag en kage«, så den kan hverken fjernes eller omdøbes. Tilføj en ny opgave i stedet.',
    });
    const renamed = {
      ...unchanged(),
      slots: unchanged().slots.map((s) => (s.title === 'Bag en kage' ? { ...s, title: 'Bag boller' } : s)),
    };
    await refuse(renamed, 409, 'event_slot_taken');
    // Another event's slot is not this event's to change.
    await refuse(
      { ...unchanged(), slots: [{ id: f.eventSlot, title: 'Bag en kage', needed: 3 }] },
      422,
      'event_slot_unknown',
    );
    expect(await refuse({ ...unchanged(), endDate: '2026-12-04' }, 422, 'event_end_date_before_start')).toMatchObject({
      field: 'endDate',
    });
    await refuse({ ...unchanged(), date: '2026-11-20' }, 422, 'event_in_past');
    await refuse({ ...unchanged(), startsAt: '14:00' }, 422, 'event_ends_before_start');
    // A home that sees the event may not change it; a teacher of another class does not see it.
    await refuse(unchanged(), 403, 'forbidden', 'custodyGuardian');
    await refuse(unchanged(), 404, 'not_found', 'otherClassTeacher');
    expect(await snapshot()).toBe(before);
  });

  it('changes in one unit of work: a failure at its last write leaves the event, tasks, notices and jobs as they were', async () => {
    const before = await snapshot();
    await sql
      .raw(
        `create or replace function samspil_injected_failure() returns trigger language plpgsql as $$
         begin if new.action in ('event.change', 'event.cancel') then raise exception 'injected failure'; end if; return new; end $$`,
      )
      .execute(t.deps.db);
    await sql
      .raw(
        `create trigger samspil_injected_failure before insert on audit_log for each row execute function samspil_injected_failure()`,
      )
      .execute(t.deps.db);
    heal = () => sql.raw('drop trigger if exists samspil_injected_failure on audit_log').execute(t.deps.db);
    const moved = await call('contactTeacher', 'PUT', `/events/${trip.id}`, {
      ...unchanged(),
      date: '2026-12-05',
      place: 'Moesgaard',
      slots: [...unchanged().slots, { id: null, title: 'Kør hjem', needed: 1 }],
    });
    expect(moved.statusCode).toBe(500);
    const cancelled = await call('contactTeacher', 'POST', `/events/${trip.id}/cancel`, { reason: 'Storm' });
    expect(cancelled.statusCode).toBe(500);
    expect(await snapshot()).toBe(before);
  });

  it('holds an event of several days: its last day in the list, the page and the calendar', async () => {
    const camp = await call('contactTeacher', 'POST', `/classes/${f.classA}/events`, {
      ...created,
      title: 'Lejrskole i Jels',
      date: '2026-12-07',
      endDate: '2026-12-09',
      startsAt: '08:00',
      endsAt: '07:00',
      signUp: false,
      signUpDeadline: null,
      capacity: null,
      slots: [],
    });
    expect(camp.statusCode, camp.body).toBe(201);
    const event = camp.json() as TEvent;
    expect(event).toMatchObject({ date: '2026-12-07', endDate: '2026-12-09', startsAt: '08:00', endsAt: '07:00' });
    const ics = (await call('custodyGuardian', 'GET', `/events/${event.id}/calendar`)).body;
    expect(ics).toContain('DTSTART;TZID=Europe/Copenhagen:20261207T080000');
    expect(ics).toContain('DTEND;TZID=Europe/Copenhagen:20261209T070000');
    const list = (await call('custodyGuardian', 'GET', '/events')).json() as TEventList;
    expect(list.events.find((e) => e.id === event.id)).toMatchObject({ endDate: '2026-12-09' });
    const tooLong = await call('contactTeacher', 'POST', `/classes/${f.classA}/events`, {
      ...created,
      date: '2026-12-07',
      endDate: '2026-12-21',
    });
    expect(tooLong.json().error).toMatchObject({ code: 'event_too_long', field: 'endDate' });
    // A one-day event stays the default: no end date given is one day.
    expect(trip.endDate).toBeNull();
  });

  it('cancels the trip with a reason: it stays, closed, the homes are told, the reminder goes, the calendar says cancelled', async () => {
    const res = await call('contactTeacher', 'POST', `/events/${trip.id}/cancel`, {
      reason: 'Bussen er aflyst på grund af storm.',
    });
    expect(res.statusCode, res.body).toBe(200);
    trip = res.json();
    expect(trip).toMatchObject({
      cancelled: { reason: 'Bussen er aflyst på grund af storm.' },
      mayChange: false,
      signUpOpen: false,
      headCount: { households: 1 },
    });
    expect(await notices('event-cancelled')).toEqual([
      { person_id: f.people.protectedGuardian, title: 'Aflyst: Tur til Naturhistorisk Museum' },
      { person_id: f.people.custodyGuardian, title: 'Cancelled: Tur til Naturhistorisk Museum' },
    ]);
    expect(await pendingReminders(trip.id)).toEqual([]);
    // Everyone who could see it sees it cancelled, with the reason.
    const home = (await call('protectedGuardian', 'GET', '/events')).json() as TEventList;
    expect(home.events.find((e) => e.id === trip.id)).toMatchObject({
      cancelled: { reason: 'Bussen er aflyst på grund af storm.' },
      openSlotPlaces: 0,
    });
    const student = (await call('student', 'GET', `/events/${trip.id}`)).json() as TEvent;
    expect(student.cancelled).not.toBeNull();
    // The .ics and the feed say cancelled, with the same UID and a higher SEQUENCE.
    const ics = (await call('custodyGuardian', 'GET', `/events/${trip.id}/calendar`)).body;
    expect(ics).toContain(`UID:event-${trip.id}@samspil`);
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:2');
    const { url } = (
      await t.request({ method: 'GET', url: '/api/me/calendar-feed', as: f.users.custodyGuardian })
    ).json() as { url: string };
    const feed = (await t.request({ method: 'GET', url: new URL(url).pathname })).body;
    const entry = feed.slice(feed.indexOf(`UID:event-${trip.id}@samspil`) - 200);
    expect(entry).toMatch(/STATUS:CANCELLED/);
    expect(entry).toContain('SUMMARY:Cancelled: Tur til Naturhistorisk Museum (3.A)');
    await runAll();
    const mail = await t.deps.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body', 'attachments'])
      .where('subject', '=', 'Cancelled: Tur til Naturhistorisk Museum')
      .executeTakeFirstOrThrow();
    expect(mail.text_body).toContain('Reason: Bussen er aflyst på grund af storm.');
    expect(JSON.stringify(mail.attachments)).toContain('STATUS:CANCELLED');
  });

  it('takes no answer, task, change or second cancel once cancelled, and changes nothing', async () => {
    const before = await snapshot();
    const answer = await t.request({
      method: 'PUT',
      url: `${base()}/events/${trip.id}/answer`,
      as: f.users.protectedGuardian,
      headers: { 'accept-language': 'da' },
      payload: { attending: true, adults: 1, children: 0 },
    });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().error).toMatchObject({
      code: 'event_cancelled',
      message: 'Arrangementet er aflyst. Der kan ikke længere meldes til, tages opgaver eller rettes i det.',
    });
    const drive = trip.slots.find((s) => s.taken === 0)!;
    expect((await call('custodyGuardian', 'POST', `/event-slots/${drive.id}/take`)).json().error.code).toBe(
      'event_cancelled',
    );
    const cake = trip.slots.find((s) => s.title === 'Bag en kage')!;
    expect((await call('protectedGuardian', 'POST', `/event-slots/${cake.id}/release`)).statusCode).toBe(409);
    expect((await call('contactTeacher', 'PUT', `/events/${trip.id}`, unchanged())).json().error.code).toBe(
      'event_cancelled',
    );
    const again = await call('leader', 'POST', `/events/${trip.id}/cancel`, { reason: '' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('event_cancelled');
    expect(await snapshot()).toBe(before);
  });

  it('lists an event of several days until its last day', async () => {
    await moveTo(new Date('2026-12-08T08:00:00Z'));
    const list = (await call('custodyGuardian', 'GET', '/events')).json() as TEventList;
    // On its second day the camp is still on; the trip of 4 December is gone.
    expect(list.events.map((e) => e.title)).toEqual(['Lejrskole i Jels', 'Juleklip i 3.A']);
  });

  it('does not count a cancelled event as held, and changes no event once held', async () => {
    await moveTo(new Date('2026-12-11T08:00:00Z'));
    const res = await call('leader', 'GET', '/principle-figures');
    expect(res.statusCode, res.body).toBe(200);
    const figures = (res.json() as TPrincipleFigures).events;
    // Held by 11 December: the fixture's crafts afternoon (a well-being event) and the camp; the
    // cancelled trip, though Mette's home had signed up, neither as an event nor a household.
    expect(figures.school).toEqual({ events: 2, wellBeing: 1, households: 0 });
    const camp = ((await call('contactTeacher', 'GET', '/events')).json() as TEventList).events;
    expect(camp.map((e) => e.title)).not.toContain('Lejrskole i Jels');
    const held = await call('contactTeacher', 'PUT', `/events/${f.event}`, {
      title: 'Juleklip i 3.A',
      description: '',
      date: '2026-12-17',
      endDate: null,
      startsAt: '16:00',
      endsAt: '18:00',
      place: 'Klasselokalet',
      wellBeing: true,
      signUpDeadline: null,
      capacity: null,
      slots: [],
    });
    expect(held.statusCode).toBe(409);
    expect(held.json().error.code).toBe('event_over');
  });
});
