import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { SESSION_COOKIE, startSession } from '../auth/session.service.js';
import type { TThreadDetail, TThreadList } from '../../shared/api/messaging.schema.js';
import type { TMessageRouting, TStaffAbsence, TStaffAbsenceList } from '../../shared/api/staff-absence.schema.js';
import type { TMe } from '../../shared/api/directory.schema.js';
import { ensureDemoSchool } from '../demo/demo.service.js';
import { DEMO_ACCOUNTS } from '../demo/demo-directory.js';
import { runDueJobs } from '../jobs/job-runner.js';
import { JOB_HANDLERS } from '../jobs/job-handlers.js';

describe('staff absence and where guardian messages go meanwhile', () => {
  let t: TestApp;
  let f: Fixture;
  let subjectNo = 0;

  // A fresh session per request: some tests move the clock by days, past the sessions' idle limit.
  const send = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    actor: ActorName,
    body?: unknown,
    lang?: 'en',
  ) =>
    t.app.inject({
      method,
      url,
      headers: {
        cookie: [
          `${SESSION_COOKIE}=${(await startSession(t.deps, f.users[actor]!, 'password')).token}`,
          lang ? `samspil_lang=${lang}` : '',
        ]
          .filter(Boolean)
          .join('; '),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
  const absences = () => `/api/schools/${f.schoolId}/staff-absences`;
  const register = (actor: ActorName, body: Record<string, unknown>) => send('POST', absences(), actor, body);
  const routing = async (lang?: 'en') =>
    (
      await send(
        'GET',
        `/api/schools/${f.schoolId}/students/${f.ownStudent}/message-routing`,
        'custodyGuardian',
        undefined,
        lang,
      )
    ).json() as TMessageRouting;
  const write = () =>
    send('POST', '/api/threads', 'custodyGuardian', {
      studentId: f.ownStudent,
      subject: `Spørgsmål ${(subjectNo += 1)}`,
      body: 'Emma har ondt i maven.',
    });
  const storedAbsences = async () => t.deps.db.selectFrom('staff_absences').selectAll().execute();

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    // Seed 002: staff answer within three working days.
    await adoptTestPrinciple(t.deps.db, f.schoolId);
  });
  beforeEach(async () => {
    t.clock.set(TEST_NOW);
    await t.deps.db.deleteFrom('staff_absences').execute();
  });
  afterAll(() => t.close());

  describe('routing a guardian’s message', () => {
    it('sends to the named substitute, keeps the absent contact teacher in the thread, and tells the guardian before and after', async () => {
      // Monday 23 November: Birgitte Lund (3.A) is away until Friday 4 December; Jens Møller takes her messages.
      const created = await register('contactTeacher', {
        firstDay: '2026-11-23',
        lastDay: '2026-12-04',
        substituteId: f.people.otherClassTeacher,
        note: 'Sygemeldt',
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        person: { name: 'Birgitte Lund' },
        substitute: { name: 'Jens Møller' },
        current: true,
        note: 'Sygemeldt',
      });

      const notice = 'Birgitte Lund er fraværende til og med fredag 4. december. Din besked går til Jens Møller.';
      expect(await routing()).toEqual({
        recipients: [
          { name: 'Birgitte Lund', kind: 'contact_teacher' },
          { name: 'Jens Møller', kind: 'substitute' },
        ],
        notices: [notice],
        replyDueAt: '2026-11-26T22:59:59.999Z',
        readFrom: null,
        readFromText: null,
      });
      expect((await routing('en')).notices).toEqual([
        'Birgitte Lund is absent until and including Friday 4 December. Your message goes to Jens Møller.',
      ]);

      const res = await write();
      expect(res.statusCode).toBe(201);
      const thread = res.json() as TThreadDetail;
      expect(thread.absenceNotices).toEqual([notice]);
      // The substitute answers within the normal promise.
      expect(thread.replyDueAt).toBe('2026-11-26T22:59:59.999Z');
      expect(
        thread.participants
          .filter((p) => p.role === 'staff')
          .map((p) => p.name)
          .sort(),
      ).toEqual(['Birgitte Lund', 'Jens Møller']);
      const inbox = (await send('GET', '/api/threads', 'otherClassTeacher')).json() as TThreadList;
      expect(inbox.threads.map((th) => th.id)).toContain(thread.id);
      // The thread itself, read later, no longer carries the notice: it was for the moment of sending.
      expect((await send('GET', `/api/threads/${thread.id}`, 'custodyGuardian')).json().absenceNotices).toBeUndefined();
    });

    it('tells the guardian the later date, counted from the day the teacher is back, when nobody else can answer', async () => {
      // The leadership registers it for her: no substitute.
      expect(
        (await register('leader', { personId: f.people.contactTeacher, firstDay: '2026-11-20', lastDay: '2026-12-04' }))
          .statusCode,
      ).toBe(201);
      const expected =
        'Birgitte Lund er fraværende til og med fredag 4. december; du kan forvente svar senest torsdag 10. december.';
      expect(await routing()).toEqual({
        recipients: [{ name: 'Birgitte Lund', kind: 'contact_teacher' }],
        notices: [expected],
        replyDueAt: '2026-12-10T22:59:59.999Z',
        readFrom: null,
        readFromText: null,
      });
      const thread = (await write()).json() as TThreadDetail;
      expect(thread.absenceNotices).toEqual([expected]);
      // Back Monday 7 December, three working days from then.
      expect(thread.replyDueAt).toBe('2026-12-10T22:59:59.999Z');
      expect(thread.replyDueText).toBe('Skolen svarer senest torsdag 10. december');
      expect((await routing('en')).notices).toEqual([
        'Birgitte Lund is absent until and including Friday 4 December; you can expect a reply by Thursday 10 December.',
      ]);
    });

    it('ignores a substitute who is away today themselves, and counts from the return', async () => {
      await register('contactTeacher', {
        firstDay: '2026-11-23',
        lastDay: '2026-11-27',
        substituteId: f.people.otherClassTeacher,
      });
      // Jens falls ill after agreeing to stand in: staff can always report their own absence.
      expect((await register('otherClassTeacher', { firstDay: '2026-11-23', lastDay: '2026-11-24' })).statusCode).toBe(
        201,
      );
      const now = await routing();
      expect(now.notices).toEqual([
        'Birgitte Lund er fraværende til og med fredag 27. november; du kan forvente svar senest torsdag 3. december.',
      ]);
      expect(now.recipients).toEqual([{ name: 'Birgitte Lund', kind: 'contact_teacher' }]);
    });

    it('tells a guardian writing in the evening when the teacher reads messages again, by the teacher’s own quiet hours once set', async () => {
      // Friday 27 November, 20:00 in Copenhagen: seed 002's quiet hours (18:00–07:00 and weekends).
      t.clock.set(new Date('2026-11-27T19:00:00Z'));
      expect(await routing()).toMatchObject({
        readFrom: '2026-11-30T06:00:00.000Z',
        readFromText:
          'Birgitte Lund har fri nu og læser beskeder igen fra mandag 30. november kl. 07.00. Du kan sagtens skrive nu.',
      });
      expect((await routing('en')).readFromText).toBe(
        'Birgitte Lund is off duty now and reads messages again from Monday 30 November at 07:00. You are welcome to write now.',
      );
      const own = await send('PUT', '/api/me/notification-settings', 'contactTeacher', {
        schoolId: f.schoolId,
        mode: 'digest',
        quietHours: { from: '21:00', to: '06:30', weekends: false },
      });
      expect(own.statusCode, own.body).toBe(200);
      expect(await routing()).toMatchObject({ readFrom: null, readFromText: null });
      t.clock.set(new Date('2026-11-27T21:00:00Z'));
      expect((await routing()).readFrom).toBe('2026-11-28T05:30:00.000Z');
      await t.deps.db.deleteFrom('notification_settings').execute();
    });

    it('reminds the substitute of the promise, not the teacher who is away', async () => {
      expect(
        (
          await register('contactTeacher', {
            firstDay: '2026-11-23',
            lastDay: '2026-12-04',
            substituteId: f.people.otherClassTeacher,
          })
        ).statusCode,
      ).toBe(201);
      const thread = (await write()).json() as TThreadDetail;
      // Due Thursday 26 November; reminded Wednesday 25 November at 08:00.
      t.clock.set(new Date('2026-11-25T07:00:00Z'));
      await t.deps.db
        .updateTable('jobs')
        .set({ done_at: TEST_NOW })
        .where('done_at', 'is', null)
        .where('kind', '<>', 'promise-reminder')
        .execute();
      while ((await runDueJobs(t.deps, JOB_HANDLERS)) > 0);
      const reminded = await t.deps.db
        .selectFrom('notifications')
        .select('person_id')
        .where('thread_id', '=', thread.id)
        .where('kind', '=', 'promise-reminder')
        .execute();
      expect(reminded.map((r) => r.person_id)).toEqual([f.people.otherClassTeacher]);
    });

    it('applies an absence from Monday to a message written on Saturday, when it will be read', async () => {
      t.clock.set(new Date('2026-11-28T09:00:00Z'));
      await register('contactTeacher', { firstDay: '2026-11-30', lastDay: '2026-12-04' });
      expect((await routing()).notices).toEqual([
        'Birgitte Lund er fraværende til og med fredag 4. december; du kan forvente svar senest torsdag 10. december.',
      ]);
    });

    it('does not apply an absence that is over or has not begun', async () => {
      await register('contactTeacher', { firstDay: '2026-11-23', lastDay: '2026-11-24' });
      await register('contactTeacher', {
        firstDay: '2026-12-07',
        lastDay: '2026-12-11',
        substituteId: f.people.otherClassTeacher,
      });
      // Wednesday 25 November: the first absence is over, the second has not begun.
      t.clock.set(new Date('2026-11-25T09:00:00Z'));
      expect(await routing()).toEqual({
        recipients: [{ name: 'Birgitte Lund', kind: 'contact_teacher' }],
        notices: [],
        replyDueAt: '2026-11-30T22:59:59.999Z',
        readFrom: null,
        readFromText: null,
      });
      const thread = (await write()).json() as TThreadDetail;
      expect(thread.absenceNotices).toEqual([]);
      expect(thread.participants.map((p) => p.name)).not.toContain('Jens Møller');
    });
  });

  describe('registering absences', () => {
    it('lists a teacher’s own absences, and everyone’s for the leadership', async () => {
      await register('contactTeacher', { firstDay: '2026-11-30', lastDay: '2026-12-01', note: 'Kursus' });
      await register('otherClassTeacher', { firstDay: '2026-11-24', lastDay: '2026-11-24' });
      const own = (await send('GET', absences(), 'contactTeacher')).json() as TStaffAbsenceList;
      expect(own.absences.map((a) => [a.person.name, a.firstDay, a.note, a.current])).toEqual([
        ['Birgitte Lund', '2026-11-30', 'Kursus', false],
      ]);
      expect(own.registerFor.map((p) => p.name)).toEqual(['Birgitte Lund']);
      // By family name, as every staff list.
      expect(own.colleagues.map((p) => p.name)).toEqual(['Ole Kontor', 'Birgitte Lund', 'Jens Møller', 'Hanne Skov']);
      const all = (await send('GET', absences(), 'administrator')).json() as TStaffAbsenceList;
      expect(all.absences.map((a) => a.person.name)).toEqual(['Jens Møller', 'Birgitte Lund']);
      expect(all.registerFor).toHaveLength(4);
    });

    it('lets a teacher set only their own absence, and guardians neither set nor see any', async () => {
      const colleague = await register('otherClassTeacher', {
        personId: f.people.contactTeacher,
        firstDay: '2026-11-30',
        lastDay: '2026-12-01',
      });
      expect(colleague.statusCode).toBe(403);
      expect((await register('custodyGuardian', { firstDay: '2026-11-30', lastDay: '2026-12-01' })).statusCode).toBe(
        403,
      );
      expect((await send('GET', absences(), 'custodyGuardian')).statusCode).toBe(403);
      expect((await send('GET', absences(), 'boardMember')).statusCode).toBe(403);
      expect(await storedAbsences()).toEqual([]);
      // The leadership may not make a guardian "absent" either: absences are for staff.
      const guardian = await register('leader', {
        personId: f.people.custodyGuardian,
        firstDay: '2026-11-30',
        lastDay: '2026-12-01',
      });
      expect(guardian.statusCode).toBe(400);
      expect(guardian.json().error).toMatchObject({ code: 'staff_absence_not_staff', field: 'personId' });
    });

    it('refuses bad input with a translated error on its field, and stores nothing', async () => {
      const cases: Array<[Record<string, unknown>, number, string, string, string]> = [
        [
          { firstDay: '2026-12-04', lastDay: '2026-12-01' },
          400,
          'staff_absence_dates',
          'lastDay',
          'Sidste dag kan ikke ligge før første dag.',
        ],
        [
          { firstDay: '2026-11-16', lastDay: '2026-11-20' },
          400,
          'staff_absence_in_past',
          'lastDay',
          'Fraværet er allerede slut. Registrér kun fravær fra i dag og frem.',
        ],
        [
          { firstDay: '2026-11-23', lastDay: '2027-12-01' },
          400,
          'staff_absence_too_long',
          'lastDay',
          'Et fravær kan højst vare 366 dage. Registrér et nyt bagefter.',
        ],
        [
          { firstDay: '2026-11-30', lastDay: '2026-12-01', substituteId: f.people.contactTeacher },
          400,
          'staff_absence_substitute_self',
          'substituteId',
          'Vælg en anden kollega som stedfortræder end den fraværende.',
        ],
        [
          { firstDay: '2026-11-30', lastDay: '2026-12-01', substituteId: f.people.custodyGuardian },
          400,
          'staff_absence_substitute_not_staff',
          'substituteId',
          'Stedfortræderen skal være ansat på samme skole.',
        ],
      ];
      for (const [body, status, code, field, message] of cases) {
        const res = await register('contactTeacher', body);
        expect(res.statusCode, code).toBe(status);
        expect(res.json().error, code).toMatchObject({ code, field, message });
      }
      const badDate = await register('contactTeacher', { firstDay: '2026-02-30', lastDay: '2026-03-01' });
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json().error.code).toBe('validation_failed');
      expect(await storedAbsences()).toEqual([]);
      const english = await send(
        'POST',
        absences(),
        'contactTeacher',
        { firstDay: '2026-12-04', lastDay: '2026-12-01' },
        'en',
      );
      expect(english.json().error.message).toBe('The last day cannot be before the first day.');
    });

    it('refuses an overlapping absence of the same person, and a substitute who is away on one of the days', async () => {
      expect((await register('contactTeacher', { firstDay: '2026-11-30', lastDay: '2026-12-04' })).statusCode).toBe(
        201,
      );
      const overlap = await register('leader', {
        personId: f.people.contactTeacher,
        firstDay: '2026-12-04',
        lastDay: '2026-12-08',
      });
      expect(overlap.statusCode).toBe(409);
      expect(overlap.json().error).toMatchObject({
        code: 'staff_absence_overlap',
        field: 'firstDay',
        message: 'Birgitte Lund er allerede registreret fraværende i nogle af dagene (2026-11-30 til 2026-12-04).',
      });
      // Directly after is fine.
      expect((await register('contactTeacher', { firstDay: '2026-12-05', lastDay: '2026-12-08' })).statusCode).toBe(
        201,
      );
      const busy = await register('otherClassTeacher', {
        firstDay: '2026-12-01',
        lastDay: '2026-12-02',
        substituteId: f.people.contactTeacher,
      });
      expect(busy.statusCode).toBe(409);
      expect(busy.json().error).toMatchObject({
        code: 'staff_absence_substitute_absent',
        field: 'substituteId',
        message: 'Birgitte Lund er selv fraværende i nogle af dagene og kan ikke være stedfortræder.',
      });
      expect(await storedAbsences()).toHaveLength(2);
    });

    it('stores exactly one of two overlapping absences sent at the same time', async () => {
      const results = await Promise.all([
        register('contactTeacher', { firstDay: '2026-11-30', lastDay: '2026-12-02' }),
        register('leader', { personId: f.people.contactTeacher, firstDay: '2026-12-01', lastDay: '2026-12-03' }),
      ]);
      expect(results.map((r) => r.statusCode).sort((a, b) => a - b)).toEqual([201, 409]);
      expect(await storedAbsences()).toHaveLength(1);
    });

    it('lets the person and the leadership remove an absence, and answers a colleague as if it were not there', async () => {
      const own = (
        await register('contactTeacher', { firstDay: '2026-11-30', lastDay: '2026-12-01' })
      ).json() as TStaffAbsence;
      expect((await send('DELETE', `${absences()}/${own.id}`, 'otherClassTeacher')).statusCode).toBe(404);
      expect((await send('DELETE', `${absences()}/${own.id}`, 'custodyGuardian')).statusCode).toBe(403);
      expect((await send('DELETE', `${absences()}/${own.id}`, 'contactTeacher')).statusCode).toBe(200);
      expect(await storedAbsences()).toEqual([]);
      const other = (
        await register('otherClassTeacher', { firstDay: '2026-11-30', lastDay: '2026-12-01' })
      ).json() as TStaffAbsence;
      expect((await send('DELETE', `${absences()}/${other.id}`, 'leader')).statusCode).toBe(200);
      expect(await storedAbsences()).toEqual([]);
    });
  });

  it('shows the composer’s routing only to those who may write about the child', async () => {
    const url = `/api/schools/${f.schoolId}/students/${f.ownStudent}/message-routing`;
    expect((await send('GET', url, 'informationRightParent')).statusCode).toBe(200);
    for (const actor of ['suspendedGuardian', 'otherFamilyGuardian', 'contactTeacher', 'leader'] as const) {
      expect((await send('GET', url, actor)).statusCode, actor).toBe(403);
    }
  });
});

describe('the demo school’s absence', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has 7.A’s contact teacher away today with a substitute, and 3.A’s (the demo account) at work', async () => {
    const demo = await ensureDemoSchool(t.deps.db, { now: TEST_NOW });
    const guardian = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', DEMO_ACCOUNTS.guardian)
      .executeTakeFirstOrThrow();
    const me = (await t.request({ method: 'GET', url: '/api/me', as: guardian.id })).json() as TMe;
    const routingOf = async (className: string) => {
      const child = me.children.find((c) => c.class?.name === className)!;
      return (
        await t.request({
          method: 'GET',
          url: `/api/schools/${demo.schoolId}/students/${child.id}/message-routing`,
          as: guardian.id,
        })
      ).json() as TMessageRouting;
    };
    const oscar = await routingOf('7.A');
    expect(oscar.notices).toHaveLength(1);
    expect(oscar.notices[0]).toMatch(/^.+ er fraværende til og med fredag 27\. november\. Din besked går til .+\.$/);
    expect(oscar.recipients.map((r) => r.kind)).toEqual(['contact_teacher', 'substitute']);
    const emma = await routingOf('3.A');
    expect(emma).toMatchObject({ recipients: [{ name: 'Birgitte Lund', kind: 'contact_teacher' }], notices: [] });
  });
});
