import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { adoptPreset } from '../principle/principle.service.js';
import { runDueJobs } from '../jobs/job-runner.js';
import { JOB_HANDLERS } from '../jobs/job-handlers.js';
import type {
  TClassParentMeetings,
  TMyParentMeetings,
  TParentMeeting,
} from '../../shared/api/parent-meeting.schema.js';

/**
 * Parent meetings (issue 12, point 2) on the fixture school, under seed 001's principle (two a
 * year, well-being topics on the agenda, representatives help plan): 3.A's contact teacher and
 * its class parent representative (Mette) plan a meeting on Monday 23 November at 19:00, the
 * homes are invited and answer, attendance is taken and the minutes go home. Kim's family (5.B)
 * never sees it.
 */
describe('parent meetings', () => {
  let t: TestApp;
  let f: Fixture;
  const base = () => `/api/schools/${f.schoolId}`;
  const call = (
    actor: ActorName,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    payload?: unknown,
    headers = {},
  ) =>
    t.request({
      method,
      url: `${base()}${path}`,
      as: f.users[actor],
      headers,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const runAll = async () => {
    for (let n = await runDueJobs(t.deps, JOB_HANDLERS); n > 0; n = await runDueJobs(t.deps, JOB_HANDLERS));
  };
  const snapshot = async () =>
    JSON.stringify(
      await Promise.all([
        t.deps.db.selectFrom('parent_meetings').selectAll().orderBy('id').execute(),
        t.deps.db.selectFrom('parent_meeting_agenda_items').selectAll().orderBy('id').execute(),
        t.deps.db.selectFrom('parent_meeting_households').selectAll().orderBy('household_key').execute(),
        t.deps.db.selectFrom('notifications').select('id').orderBy('id').execute(),
      ]),
    );
  const time = { date: '2026-11-23', from: '19:00', to: '21:00', place: 'Klasselokalet, 3.A' };

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptPreset(t.deps.db, {
      schoolId: f.schoolId,
      presetId: 'seed-001',
      adoptedOn: '2026-11-01',
      adoptedBy: 'Skolebestyrelsen',
      recordedBy: null,
      now: t.clock.now(),
    });
    await t.deps.db
      .insertInto('class_representatives')
      .values({ school_id: f.schoolId, class_id: f.classA, person_id: f.people.custodyGuardian! })
      .execute();
    // Mette reads Samspil in English and wants e-mail.
    await t.deps.db.updateTable('users').set({ locale: 'en' }).where('id', '=', f.users.custodyGuardian!).execute();
    await t.deps.db
      .updateTable('people')
      .set({ preferred_channel: 'email', email: 'mette@fixture.samspil.dk' })
      .where('id', '=', f.people.custodyGuardian!)
      .execute();
  });
  afterAll(() => t.close());

  let meeting: TParentMeeting;

  it('lets the class parent representative plan a meeting once, however often the button is pressed', async () => {
    const key = { 'idempotency-key': 'plan-1' };
    const first = await call('custodyGuardian', 'POST', `/classes/${f.classA}/parent-meetings`, time, key);
    expect(first.statusCode, first.body).toBe(201);
    meeting = first.json();
    expect(meeting).toMatchObject({
      class: { name: '3.A' },
      stage: 'planning',
      agenda: [],
      abilities: { plan: true, run: false, answer: false },
      households: null,
    });
    expect(meeting.topicsOffered).toContain('digital-life');
    const again = await call('custodyGuardian', 'POST', `/classes/${f.classA}/parent-meetings`, time, key);
    expect(again.json().id).toBe(meeting.id);
    expect(
      await t.deps.db.selectFrom('parent_meetings').select('id').where('idempotency_key', '=', 'plan-1').execute(),
    ).toHaveLength(1);
  });

  it('refuses a meeting in the past or ending before it begins, with nothing stored', async () => {
    const before = await snapshot();
    const past = await call('contactTeacher', 'POST', `/classes/${f.classA}/parent-meetings`, {
      ...time,
      date: '2026-11-20',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ code: 'parent_meeting_in_past', field: 'date' });
    const backwards = await call('contactTeacher', 'POST', `/classes/${f.classA}/parent-meetings`, {
      ...time,
      to: '18:00',
    });
    expect(backwards.json().error.code).toBe('parent_meeting_time_order');
    expect(await snapshot()).toBe(before);
  });

  it('keeps a planned meeting from the other homes and from other classes', async () => {
    expect((await call('protectedGuardian', 'GET', `/parent-meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await call('otherFamilyGuardian', 'GET', `/parent-meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await call('otherClassTeacher', 'GET', `/parent-meetings/${meeting.id}`)).statusCode).toBe(404);
    const list = (
      await call('protectedGuardian', 'GET', `/classes/${f.classA}/parent-meetings`)
    ).json() as TClassParentMeetings;
    expect(list.meetings.map((m) => m.id)).not.toContain(meeting.id);
  });

  it('builds the agenda: the representative adds an item, the teacher picks a well-being topic once', async () => {
    const own = await call('custodyGuardian', 'POST', `/parent-meetings/${meeting.id}/agenda`, {
      title: 'Klassens sociale liv efter skole',
    });
    expect(own.statusCode, own.body).toBe(201);
    const topic = await call('contactTeacher', 'POST', `/parent-meetings/${meeting.id}/agenda`, {
      topic: 'digital-life',
    });
    await call('contactTeacher', 'POST', `/parent-meetings/${meeting.id}/agenda`, { topic: 'digital-life' });
    meeting = topic.json();
    expect(meeting.agenda.map((a) => [a.title, a.topic])).toEqual([
      ['Klassens sociale liv efter skole', null],
      ['Digital trivsel og sociale medier', 'digital-life'],
    ]);
    expect(meeting.topicsOffered).not.toContain('digital-life');
    const edited = await call(
      'custodyGuardian',
      'PUT',
      `/parent-meetings/${meeting.id}/agenda/${meeting.agenda[0]!.id}`,
      {
        title: 'Klassens liv efter skole',
      },
    );
    expect((edited.json() as TParentMeeting).agenda[0]!.title).toBe('Klassens liv efter skole');
  });

  it('lets only staff send the invitation, and a home cannot answer before it', async () => {
    const rep = await call('custodyGuardian', 'POST', `/parent-meetings/${meeting.id}/invite`);
    expect(rep.statusCode).toBe(403);
    const early = await call('custodyGuardian', 'PUT', `/parent-meetings/${meeting.id}/answer`, {
      coming: true,
      people: 2,
    });
    expect(early.statusCode).toBe(403);
  });

  it('invites every custody home in its language, with e-mail and calendar file where the directory says e-mail', async () => {
    const res = await call('contactTeacher', 'POST', `/parent-meetings/${meeting.id}/invite`);
    expect(res.statusCode, res.body).toBe(200);
    meeting = res.json();
    expect(meeting.stage).toBe('invited');
    expect(meeting.abilities.plan).toBe(false);
    expect(meeting.counts.invited).toBe(2);
    expect(meeting.households?.every((h) => h.children.includes('Emma'))).toBe(true);
    await call('contactTeacher', 'POST', `/parent-meetings/${meeting.id}/invite`);
    const notices = await t.deps.db
      .selectFrom('notifications')
      .select(['person_id', 'title'])
      .where('kind', '=', 'parent-meeting-invitation')
      .execute();
    expect(notices.sort((a, b) => a.title.localeCompare(b.title))).toEqual([
      { person_id: f.people.protectedGuardian, title: 'Invitation til forældremøde i 3.A' },
      { person_id: f.people.custodyGuardian, title: 'Invitation to the parent meeting of 3.A' },
    ]);
    await runAll();
    const mails = await t.deps.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'attachments']).execute();
    const mail = mails.find((m) => m.subject === 'Invitation to the parent meeting of 3.A');
    expect(mail?.to_address).toBe('mette@fixture.samspil.dk');
    expect(JSON.stringify(mail?.attachments)).toContain('BEGIN:VEVENT');
    const ics = await call('protectedGuardian', 'GET', `/parent-meetings/${meeting.id}/meeting.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('SUMMARY:Forældremøde i 3.A');
    expect(ics.body).toContain('DTSTART;TZID=Europe/Copenhagen:20261123T190000');
  });

  it('refuses planning changes once the homes are invited, with nothing changed', async () => {
    const before = await snapshot();
    const res = await call('contactTeacher', 'POST', `/parent-meetings/${meeting.id}/agenda`, { title: 'Sent' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('parent_meeting_not_planning');
    expect(await snapshot()).toBe(before);
  });

  it('takes each home answer, changeable and idempotent; a guardian of another class gets 404', async () => {
    await call('protectedGuardian', 'PUT', `/parent-meetings/${meeting.id}/answer`, { coming: false });
    const changed = await call('protectedGuardian', 'PUT', `/parent-meetings/${meeting.id}/answer`, {
      coming: true,
      people: 1,
    });
    expect(changed.json().ownAnswer).toEqual({ coming: true, people: 1 });
    await call('custodyGuardian', 'PUT', `/parent-meetings/${meeting.id}/answer`, { coming: true, people: 2 });
    const same = await call('custodyGuardian', 'PUT', `/parent-meetings/${meeting.id}/answer`, {
      coming: true,
      people: 2,
    });
    expect((same.json() as TParentMeeting).counts).toMatchObject({ invited: 2, coming: 2, people: 3, notComing: 0 });
    const before = await snapshot();
    const other = await call('otherFamilyGuardian', 'PUT', `/parent-meetings/${meeting.id}/answer`, {
      coming: true,
      people: 1,
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('not_found');
    const tooMany = await call('custodyGuardian', 'PUT', `/parent-meetings/${meeting.id}/answer`, {
      coming: true,
      people: 40,
    });
    expect(tooMany.statusCode).toBe(400);
    expect(await snapshot()).toBe(before);
  });

  it("shows the guardian's home the coming meeting, and the contact teacher this year's count", async () => {
    const home = (await call('protectedGuardian', 'GET', '/parent-meetings/mine')).json() as TMyParentMeetings;
    // The fixture's own meeting of 3.A on 10 December comes after this one.
    expect(home.upcoming.map((m) => [m.id, m.ownAnswer])).toEqual([
      [meeting.id, { coming: true, people: 1 }],
      [f.parentMeeting, null],
    ]);
    const teacher = (await call('contactTeacher', 'GET', '/parent-meetings/mine')).json() as TMyParentMeetings;
    expect(teacher.classes).toMatchObject([
      { class: { name: '3.A' }, heldThisYear: 0, perYear: 2, step: 'on-track', next: { id: meeting.id } },
    ]);
    expect((await call('otherFamilyGuardian', 'GET', '/parent-meetings/mine')).json().upcoming).toEqual([]);
  });

  it('takes attendance only once the meeting has begun, and refuses a home not invited', async () => {
    const households = meeting.households!.map((h) => ({ household: h.household, represented: true }));
    const early = await call('contactTeacher', 'PUT', `/parent-meetings/${meeting.id}/attendance`, { households });
    expect(early.json().error.code).toBe('parent_meeting_not_started');
    expect(meeting.abilities.takeAttendance).toBe(false);
    t.clock.advance(10 * 60 * 60 * 1000); // 20:00 in Copenhagen
    const begun = (await call('contactTeacher', 'GET', `/parent-meetings/${meeting.id}`)).json() as TParentMeeting;
    expect(begun.abilities).toMatchObject({ takeAttendance: true, answer: false });
    const late = await call('protectedGuardian', 'PUT', `/parent-meetings/${meeting.id}/answer`, { coming: false });
    expect(late.json().error.code).toBe('parent_meeting_started');
    const before = await snapshot();
    const unknown = await call('contactTeacher', 'PUT', `/parent-meetings/${meeting.id}/attendance`, {
      households: [...households, { household: 'person:nobody', represented: true }],
    });
    expect(unknown.statusCode).toBe(422);
    expect(await snapshot()).toBe(before);
    const minutesEarly = await call('contactTeacher', 'POST', `/parent-meetings/${meeting.id}/minutes`, {
      minutes: 'Tidligt',
    });
    expect(minutesEarly.json().error.code).toBe('parent_meeting_not_held');
    const res = await call('contactTeacher', 'PUT', `/parent-meetings/${meeting.id}/attendance`, {
      households: [
        { household: households[0]!.household, represented: true },
        { household: households[1]!.household, represented: false },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    meeting = res.json();
    expect(meeting).toMatchObject({ stage: 'held', counts: { represented: 1 } });
  });

  it('publishes the minutes to the class homes, which read them', async () => {
    const res = await call('contactTeacher', 'POST', `/parent-meetings/${meeting.id}/minutes`, {
      minutes: 'Vi talte om sociale medier.\nKontaktforældrene laver legegrupper.',
    });
    expect(res.statusCode, res.body).toBe(200);
    await call('contactTeacher', 'POST', `/parent-meetings/${meeting.id}/minutes`, { minutes: 'Anden tekst' });
    const read = (await call('protectedGuardian', 'GET', `/parent-meetings/${meeting.id}`)).json() as TParentMeeting;
    expect(read).toMatchObject({
      stage: 'minutes',
      minutes: expect.stringContaining('sociale medier'),
      households: null,
    });
    const notices = await t.deps.db
      .selectFrom('notifications')
      .select('person_id')
      .where('kind', '=', 'parent-meeting-minutes')
      .execute();
    expect(new Set(notices.map((n) => n.person_id))).toEqual(
      new Set([f.people.custodyGuardian, f.people.protectedGuardian]),
    );
    const teacher = (
      await call('contactTeacher', 'GET', `/classes/${f.classA}/parent-meetings`)
    ).json() as TClassParentMeetings;
    expect(teacher).toMatchObject({ heldThisYear: 1, perYear: 2, mayPlan: true });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'parent-meeting.%')
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        'parent-meeting.plan',
        'parent-meeting.invite',
        'parent-meeting.answer',
        'parent-meeting.attendance',
        'parent-meeting.minutes',
        'parent-meeting.households',
      ]),
    );
  });
});
