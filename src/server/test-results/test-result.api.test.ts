import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { runDueJobs } from '../jobs/job-runner.js';
import { JOB_HANDLERS } from '../jobs/job-handlers.js';
import type { TTestResult, TTestResultList, TUnsentTestResultList } from '../../shared/api/test-result.schema.js';

/**
 * Written test results (folkeskoleloven § 13, issue 11 point 3) on the fixture school: 3.A's
 * contact teacher records a result for Emma and sends it to her custody holders, who read it;
 * Kim's family, the teacher of 5.B and the § 23 parent are never shown it.
 */
describe('test results told to the home in writing (§ 13)', () => {
  let t: TestApp;
  let f: Fixture;
  const base = () => `/api/schools/${f.schoolId}`;
  const call = (actor: ActorName, method: 'GET' | 'POST', path: string, payload?: unknown, headers = {}) =>
    t.request({
      method,
      url: `${base()}${path}`,
      as: f.users[actor],
      headers,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const valid = {
    kind: 'national',
    testName: 'Matematik',
    takenOn: '2026-11-19',
    result: 'Emma klarer sig som de fleste i 3. klasse.',
    meaning: 'Hun er godt med i tal og regning.',
    nextSteps: 'Vi arbejder videre med brøker, og I kan spille terningespil derhjemme.',
  };
  const runAll = async () => {
    for (let n = await runDueJobs(t.deps, JOB_HANDLERS); n > 0; n = await runDueJobs(t.deps, JOB_HANDLERS));
  };
  const count = async (table: 'test_results' | 'test_result_deliveries' | 'notifications') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
    // Mette reads Samspil in English and wants e-mail; Sara has a login and the app.
    await t.deps.db.updateTable('users').set({ locale: 'en' }).where('id', '=', f.users.custodyGuardian!).execute();
    await t.deps.db
      .updateTable('people')
      .set({ preferred_channel: 'email', email: 'mette@fixture.samspil.dk' })
      .where('id', '=', f.people.custodyGuardian!)
      .execute();
  });
  afterAll(() => t.close());

  let recorded: TTestResult;

  it('lets the contact teacher record a result once, however often the button is pressed', async () => {
    const key = { 'idempotency-key': 'record-1' };
    const first = await call('contactTeacher', 'POST', `/students/${f.ownStudent}/test-results`, valid, key);
    expect(first.statusCode, first.body).toBe(201);
    recorded = first.json();
    expect(recorded).toMatchObject({
      student: { id: f.ownStudent, name: 'Emma Hansen' },
      kind: 'national',
      testName: 'Matematik',
      takenOn: '2026-11-19',
      sentAt: null,
      deliveries: [],
      readAt: null,
      maySend: true,
    });
    const again = await call('contactTeacher', 'POST', `/students/${f.ownStudent}/test-results`, valid, key);
    expect(again.json().id).toBe(recorded.id);
    expect(
      await t.deps.db.selectFrom('test_results').select('id').where('test_name', '=', 'Matematik').execute(),
    ).toHaveLength(1);
  });

  it('shows it on the work list as not yet sent to the home, and not to the family', async () => {
    const list = (await call('contactTeacher', 'GET', '/test-results/unsent')).json() as TUnsentTestResultList;
    expect(list.results.map((r) => [r.id, r.tellBy])).toEqual([[recorded.id, '2026-12-07']]);
    const home = (
      await call('custodyGuardian', 'GET', `/students/${f.ownStudent}/test-results`)
    ).json() as TTestResultList;
    expect(home.results.map((r) => r.id)).not.toContain(recorded.id);
    expect((await call('custodyGuardian', 'GET', `/test-results/${recorded.id}`)).statusCode).toBe(404);
  });

  it('reminds the recorder after three working days while it is not sent', async () => {
    const [job] = await t.deps.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', 'test-result-reminder')
      .execute();
    // Recorded Monday 23 November: reminded Thursday 26 November at 08:00 in Copenhagen.
    expect(job?.run_at.toISOString()).toBe('2026-11-26T07:00:00.000Z');
    // The job is made due now, rather than moving the clock past the sessions' idle time.
    await t.deps.db
      .updateTable('jobs')
      .set({ run_at: t.clock.now() })
      .where('kind', '=', 'test-result-reminder')
      .execute();
    await runAll();
    const notice = await t.deps.db
      .selectFrom('notifications')
      .select(['person_id', 'title'])
      .where('kind', '=', 'test-result-reminder')
      .execute();
    expect(notice).toEqual([
      { person_id: f.people.contactTeacher, title: 'Ikke sendt til hjemmet: Matematik for Emma' },
    ]);
  });

  it('tells every custody holder in writing, in their language, and a second send tells no one again', async () => {
    const res = await call('contactTeacher', 'POST', `/test-results/${recorded.id}/send`);
    expect(res.statusCode, res.body).toBe(200);
    const sent = res.json() as TTestResult;
    expect(sent.sentAt).toBe(t.clock.now().toISOString());
    expect(sent.maySend).toBe(false);
    // Mette and Sara have custody; the suspended guardian and the § 23 parent are not sent it.
    // Both can read it in the app; none needs it on paper.
    expect(sent.deliveries?.map((d) => [d.name, d.emailed, d.readAt, d.onPaper])).toEqual([
      ['Mette Hansen', true, null, false],
      ['Sara Hansen', false, null, false],
    ]);
    const notices = await t.deps.db
      .selectFrom('notifications')
      .select(['person_id', 'title'])
      .where('kind', '=', 'test-result')
      .orderBy('title')
      .execute();
    expect(notices).toEqual([
      { person_id: f.people.custodyGuardian, title: 'Test result for Emma: Matematik' },
      { person_id: f.people.protectedGuardian, title: 'Testresultat for Emma: Matematik' },
    ]);
    const before = await count('notifications');
    expect((await call('contactTeacher', 'POST', `/test-results/${recorded.id}/send`)).statusCode).toBe(200);
    expect(await count('notifications')).toBe(before);
    await runAll();
    const mails = await t.deps.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('subject', 'like', 'Test result%')
      .execute();
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([
      ['mette@fixture.samspil.dk', 'Test result for Emma: Matematik'],
    ]);
    expect(mails[0]?.text_body).toContain('What happens next: Vi arbejder videre med brøker');
  });

  it('lets the guardian read it, which the staff then see as read', async () => {
    const res = await call('custodyGuardian', 'GET', `/test-results/${recorded.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const seen = res.json() as TTestResult;
    expect(seen.readAt).toBe(t.clock.now().toISOString());
    expect(seen.deliveries).toBeNull();
    expect(seen.maySend).toBe(false);
    const staff = (await call('contactTeacher', 'GET', `/test-results/${recorded.id}`)).json() as TTestResult;
    expect(staff.deliveries?.map((d) => [d.name, d.readAt !== null])).toEqual([
      ['Mette Hansen', true],
      ['Sara Hansen', false],
    ]);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role'])
      .where('action', '=', 'test-result.read')
      .where('actor_user_id', '=', f.users.custodyGuardian)
      .execute();
    expect(audit).toEqual([{ action: 'test-result.read', actor_role: 'guardian' }]);
  });

  it("lists a child's results for the custody holders and the staff, with how many working days the principle gives", async () => {
    const home = (
      await call('protectedGuardian', 'GET', `/students/${f.ownStudent}/test-results`)
    ).json() as TTestResultList;
    expect(home.results.map((r) => r.testName)).toEqual(['Matematik', 'Dansk, læsning']);
    expect(home.inWritingWithinWorkingDays).toBe(10);
    // Listing marks them read for Sara too.
    const staff = (await call('contactTeacher', 'GET', `/test-results/${recorded.id}`)).json() as TTestResult;
    expect(staff.deliveries?.every((d) => d.readAt !== null)).toBe(true);
  });

  it('tells a § 23 parent to ask, a suspended guardian that she is, and a grade 3 student that results go to the parents', async () => {
    for (const [actor, code] of [
      ['informationRightParent', 'information_right_only'],
      ['suspendedGuardian', 'guardian_suspended'],
      ['student', 'test_results_told_to_parents'],
    ] as const) {
      const res = await call(actor, 'GET', `/students/${f.ownStudent}/test-results`);
      expect(res.statusCode, actor).toBe(403);
      expect(res.json().error.code, actor).toBe(code);
    }
  });

  it('never shows a result to another family: 404, and the refused read is logged against the child', async () => {
    const res = await call('otherFamilyGuardian', 'GET', `/test-results/${recorded.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect(res.body).not.toContain('Matematik');
    const refused = await t.deps.db
      .selectFrom('audit_log')
      .select(['student_id', 'actor_user_id'])
      .where('action', '=', 'test-result.read-refused')
      .orderBy('id')
      .execute();
    // Mette's try before it was sent (above) is logged too.
    expect(refused).toEqual([
      { student_id: f.ownStudent, actor_user_id: f.users.custodyGuardian },
      { student_id: f.ownStudent, actor_user_id: f.users.otherFamilyGuardian },
    ]);
    for (const actor of ['otherClassTeacher', 'otherSchoolLeader', 'boardMember', 'informationRightParent'] as const)
      expect((await call(actor, 'GET', `/test-results/${recorded.id}`)).statusCode, actor).toBe(404);
    const otherChild = await call('otherFamilyGuardian', 'GET', `/students/${f.ownStudent}/test-results`);
    expect(otherChild.statusCode).toBe(404);
  });

  it('refuses bad input with a translated error and changes nothing', async () => {
    const before = await count('test_results');
    const cases: Array<[string, unknown, string, string]> = [
      ['no test', { ...valid, testName: '' }, 'testName', 'validation_failed'],
      ['no date', { ...valid, takenOn: undefined }, 'takenOn', 'validation_failed'],
      ['a date in the future', { ...valid, takenOn: '2027-01-04' }, 'takenOn', 'test_result_taken_in_future'],
      ['no result', { ...valid, result: '   ' }, 'result', 'validation_failed'],
    ];
    for (const [what, body, field, code] of cases) {
      const res = await t.request({
        method: 'POST',
        url: `${base()}/students/${f.ownStudent}/test-results`,
        as: f.users.contactTeacher,
        headers: { 'accept-language': 'en' },
        payload: body as Record<string, unknown>,
      });
      expect(res.statusCode, what).toBe(400);
      expect(res.json().error, what).toMatchObject({ code, field });
      expect(res.json().error.message, what).not.toBe(code);
    }
    // Recording for a student one does not teach: the teacher of 5.B is told Emma does not exist here.
    const notTaught = await call('otherClassTeacher', 'POST', `/students/${f.ownStudent}/test-results`, valid);
    expect(notTaught.statusCode).toBe(404);
    expect(notTaught.json().error.message).toMatch(/kunne ikke finde/);
    for (const actor of ['custodyGuardian', 'student', 'boardMember'] as const)
      expect((await call(actor, 'POST', `/students/${f.ownStudent}/test-results`, valid)).statusCode, actor).toBe(404);
    expect(await count('test_results')).toBe(before);
  });

  it('shows the recent results on the conference page to its guardians and staff, none to a grade 3 student', async () => {
    const guardian = (
      await call('custodyGuardian', 'GET', `/conferences/${f.invitation}/test-results`)
    ).json() as TTestResultList;
    expect(guardian.results.map((r) => r.testName)).toEqual(['Matematik', 'Dansk, læsning']);
    const student = (
      await call('student', 'GET', `/conferences/${f.invitation}/test-results`)
    ).json() as TTestResultList;
    expect(student.results).toEqual([]);
    expect((await call('otherFamilyGuardian', 'GET', `/conferences/${f.invitation}/test-results`)).statusCode).toBe(
      404,
    );
  });

  it('lets a student read their own results from grade 7', async () => {
    await t.deps.db.updateTable('classes').set({ grade: 7 }).where('id', '=', f.classA).execute();
    const own = await call('student', 'GET', `/students/${f.ownStudent}/test-results`);
    expect(own.statusCode, own.body).toBe(200);
    const list = own.json() as TTestResultList;
    expect(list.results.map((r) => [r.testName, r.deliveries, r.readAt])).toEqual([
      ['Matematik', null, null],
      ['Dansk, læsning', null, null],
    ]);
    await t.deps.db.updateTable('classes').set({ grade: 3 }).where('id', '=', f.classA).execute();
  });
});
