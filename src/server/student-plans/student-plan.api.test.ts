import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { adoptPreset } from '../principle/principle.service.js';
import { ensurePlan, findPlanParts, markPlanPublished, reviewGoal, saveDraft } from './student-plan.repository.js';
import type { TMessageBook, TStudentPlanPage, TStudentPlansDue } from '../../shared/api/student-plan.schema.js';
import type { TConference } from '../../shared/api/conference.schema.js';
import type { TPrincipleFigures } from '../../shared/api/figures.schema.js';

const goal = (kind: 'academic' | 'social', text: string) => ({
  kind,
  text,
  schoolSupport: 'Læsebånd hver morgen',
  homeSupport: 'Læse højt 15 minutter',
  studentSupport: 'Vælge sin egen bog',
});
const draft = {
  subjects: [{ subject: 'Dansk', status: 'Emma læser sikkert og med god forståelse.' }],
  goals: [goal('academic', 'Læse en kapitelbog selv'), goal('social', 'Invitere en ny med i legen')],
};

function harness() {
  const h = {} as { t: TestApp; f: Fixture };
  const plan = () => `/api/schools/${h.f.schoolId}/students/${h.f.ownStudent}/student-plan`;
  const book = () => `/api/schools/${h.f.schoolId}/students/${h.f.ownStudent}/message-book`;
  const call = (actor: ActorName, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers = {}) =>
    h.t.request({ method, url, as: h.f.users[actor], headers, ...(payload ? { payload: payload as object } : {}) });
  const audit = (action: string) =>
    h.t.deps.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'student_id', 'subject'])
      .where('action', '=', action)
      .execute();
  const notices = (kind: string) =>
    h.t.deps.db.selectFrom('notifications').select(['person_id', 'title']).where('kind', '=', kind).execute();
  const count = async (
    table: 'student_plans' | 'student_plan_goals' | 'message_book_entries' | 'conference_agreements',
  ) =>
    Number(
      (
        await h.t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { h, plan, book, call, audit, notices, count };
}

describe('the student plan: drafted, published, read, commented, reviewed', () => {
  const { h, plan, call, audit, notices, count } = harness();

  beforeAll(async () => {
    h.t = await startTestApp();
    h.f = await createFixture(h.t.deps.db);
    // Seed 000: the student plan, sent home at least 7 days before the conference.
    await adoptPreset(h.t.deps.db, {
      schoolId: h.f.schoolId,
      presetId: 'seed-000',
      adoptedOn: '2026-11-01',
      adoptedBy: 'Skolebestyrelsen',
      recordedBy: null,
      now: TEST_NOW,
    });
    await h.t.deps.db
      .updateTable('conference_rounds')
      .set({ plans_by: '2026-12-09' })
      .where('id', '=', h.f.bookingRound)
      .execute();
    // Mette reads Samspil in English.
    await h.t.deps.db.updateTable('users').set({ locale: 'en' }).where('id', '=', h.f.users.custodyGuardian!).execute();
  });
  afterAll(() => h.t.close());

  it('refuses a teacher who does not teach the student, as if the student did not exist', async () => {
    for (const [method, url, body] of [
      ['PUT', plan(), draft],
      ['POST', `${plan()}/publish`, undefined],
    ] as const) {
      const res = await call('otherClassTeacher', method, url, body);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect(await count('student_plans')).toBe(0);
  });

  it('refuses goals without text and more than three of a kind, in words, changing nothing', async () => {
    const blank = await call('contactTeacher', 'PUT', plan(), { ...draft, goals: [goal('academic', '   ')] });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().error).toMatchObject({ code: 'student_plan_goal_text', field: 'goals.0.text' });
    expect(blank.json().error.message).toContain('Et mål skal have en tekst');
    const four = await call('contactTeacher', 'PUT', plan(), {
      ...draft,
      goals: [1, 2, 3, 4].map((n) => goal('social', `Mål ${n}`)),
    });
    expect(four.statusCode).toBe(422);
    expect(four.json().error.code).toBe('student_plan_too_many_goals');
    expect(await count('student_plans')).toBe(0);
    expect(await count('student_plan_goals')).toBe(0);
  });

  it("starts a new plan from last year's goals not reached", async () => {
    const db = h.t.deps.db;
    const at = new Date('2026-03-01T10:00:00Z');
    const teacher = h.f.people.contactTeacher!;
    const last = await ensurePlan(db, {
      schoolId: h.f.schoolId,
      studentId: h.f.ownStudent,
      schoolYear: 2025,
      personId: teacher,
      at,
    });
    await saveDraft(db, {
      schoolId: h.f.schoolId,
      planId: last.id,
      subjects: [],
      goals: [goal('academic', 'Kunne tabellerne'), goal('social', 'Sige til, når noget er svært')],
      personId: teacher,
      at,
    });
    await markPlanPublished(db, h.f.schoolId, last.id, teacher, at);
    const [reached, partly] = (await findPlanParts(db, h.f.schoolId, last.id)).goals;
    for (const [g, review] of [
      [reached!, 'reached'],
      [partly!, 'partly'],
    ] as const)
      await reviewGoal(db, { schoolId: h.f.schoolId, planId: last.id, goalId: g.id, review, personId: teacher, at });
    const page = (await call('contactTeacher', 'GET', plan())).json() as TStudentPlanPage;
    expect(page.plan).toBeNull();
    expect(page.carriedOver).toEqual([
      expect.objectContaining({ kind: 'social', text: 'Sige til, når noget er svært', carriedFrom: partly!.id }),
    ]);
    // The home sees no plan for this year yet.
    expect(((await call('custodyGuardian', 'GET', plan())).json() as TStudentPlanPage).carriedOver).toEqual([]);
  });

  it('keeps the draft for staff, shows the deadline, and lists it as due for the contact teacher', async () => {
    const saved = await call('contactTeacher', 'PUT', plan(), draft);
    expect(saved.statusCode, saved.body).toBe(200);
    const page = saved.json() as TStudentPlanPage;
    expect(page).toMatchObject({ form: 'student_plan', plansBy: '2026-12-09' });
    expect(page.plan?.status).toBe('draft');
    expect(page.plan?.goals.map((g) => g.text)).toEqual(['Læse en kapitelbog selv', 'Invitere en ny med i legen']);
    expect(page.abilities).toMatchObject({ edit: true, publish: true });
    // The home does not see a draft.
    const home = (await call('custodyGuardian', 'GET', plan())).json() as TStudentPlanPage;
    expect(home.plan).toBeNull();
    const due = (
      await call('contactTeacher', 'GET', `/api/schools/${h.f.schoolId}/student-plans/due`)
    ).json() as TStudentPlansDue;
    expect(due.plans).toEqual([
      { student: expect.objectContaining({ id: h.f.ownStudent }), plansBy: '2026-12-09', status: 'draft' },
    ]);
  });

  it("takes a colleague's input while a draft, but leaves drafting and sending to the contact teacher", async () => {
    await h.t.deps.db
      .insertInto('class_staff')
      .values({
        school_id: h.f.schoolId,
        class_id: h.f.classA,
        person_id: h.f.people.otherClassTeacher!,
        role: 'teacher',
      })
      .execute();
    const input = await call('otherClassTeacher', 'POST', `${plan()}/input`, {
      subject: 'Matematik',
      text: 'Regner sikkert med tiere.',
    });
    expect(input.statusCode, input.body).toBe(200);
    const publish = await call('otherClassTeacher', 'POST', `${plan()}/publish`);
    expect(publish.statusCode).toBe(403);
    expect(publish.json().error.code).toBe('student_plan_contact_teacher_only');
    const page = (await call('contactTeacher', 'GET', plan())).json() as TStudentPlanPage;
    expect(page.plan?.subjects.map((s) => s.subject)).toEqual(['Dansk', 'Matematik']);
  });

  it('publishes once, telling each custody holder in their language, and no one without custody', async () => {
    const first = await call('contactTeacher', 'POST', `${plan()}/publish`);
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as TStudentPlanPage).plan?.status).toBe('published');
    const again = await call('contactTeacher', 'POST', `${plan()}/publish`);
    expect(again.statusCode).toBe(200);
    const told = await notices('student-plan');
    expect(told.map((n) => n.person_id).sort()).toEqual(
      [h.f.people.custodyGuardian!, h.f.people.protectedGuardian!].sort(),
    );
    expect(told.find((n) => n.person_id === h.f.people.custodyGuardian)?.title).toBe("Emma's student plan is ready");
    expect(told.find((n) => n.person_id === h.f.people.protectedGuardian)?.title).toBe('Emmas elevplan er klar');
    // Published: no more changes.
    const late = await call('contactTeacher', 'PUT', plan(), draft);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('student_plan_published');
  });

  it('lets the custody holders read and confirm, a § 23 parent ask, and logs every read and every refusal', async () => {
    const home = (await call('custodyGuardian', 'GET', plan())).json() as TStudentPlanPage;
    expect(home.plan?.goals).toHaveLength(2);
    expect(home.abilities.confirmRead).toBe(true);
    const confirmed = (await call('custodyGuardian', 'POST', `${plan()}/read`)).json() as TStudentPlanPage;
    expect(confirmed.plan?.readByMe).toBe(true);
    expect(confirmed.abilities.confirmRead).toBe(false);
    const staff = (await call('contactTeacher', 'GET', plan())).json() as TStudentPlanPage;
    expect(staff.plan?.readBy).toHaveLength(1);

    const asked = await call('informationRightParent', 'GET', plan());
    expect(asked.statusCode).toBe(403);
    expect(asked.json().error.code).toBe('information_right_only');

    const other = await call('otherFamilyGuardian', 'GET', plan());
    expect(other.statusCode).toBe(404);
    const refused = await audit('student-plan.read-refused');
    expect(refused).toContainEqual(
      expect.objectContaining({ actor_user_id: h.f.users.otherFamilyGuardian, student_id: h.f.ownStudent }),
    );
    const reads = await audit('student-plan.read');
    expect(reads.map((r) => r.actor_user_id)).toEqual(
      expect.arrayContaining([h.f.users.custodyGuardian, h.f.users.contactTeacher]),
    );
  });

  it('lets the student comment on their own goal, and nobody else comment as the student', async () => {
    const page = (await call('student', 'GET', plan())).json() as TStudentPlanPage;
    const goalId = page.plan!.goals[0]!.id;
    expect(page.abilities.comment).toBe(true);
    const res = await call('student', 'POST', `${plan()}/comments`, { goalId, text: 'Jeg læser Villads fra Valby' });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as TStudentPlanPage).plan?.goals[0]?.comments).toEqual([
      expect.objectContaining({ by: 'student', own: true, text: 'Jeg læser Villads fra Valby' }),
    ]);
    expect((await call('custodyGuardian', 'POST', `${plan()}/comments`, { goalId, text: 'Hej' })).statusCode).toBe(403);
  });

  it('shows the plan on the conference page, attaches an agreement to a goal, and reviews the goal', async () => {
    const conferenceUrl = `/api/schools/${h.f.schoolId}/conferences/${h.f.invitation}`;
    const conference = (await call('custodyGuardian', 'GET', conferenceUrl)).json() as TConference;
    expect(conference.studentPlan?.form).toBe('student_plan');
    const goalId = conference.studentPlan!.goals[0]!.id;
    const before = await count('conference_agreements');
    const stranger = await call('contactTeacher', 'POST', `${conferenceUrl}/agreements`, {
      owner: 'home',
      text: 'Læse højt hver aften',
      dueOn: '2027-01-15',
      goalId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stranger.statusCode).toBe(404);
    expect(await count('conference_agreements')).toBe(before);
    const attached = await call('contactTeacher', 'POST', `${conferenceUrl}/agreements`, {
      owner: 'home',
      text: 'Læse højt hver aften',
      dueOn: '2027-01-15',
      goalId,
    });
    expect(attached.statusCode, attached.body).toBe(201);
    expect((attached.json() as TConference).agreements.find((a) => a.goalId === goalId)?.text).toBe(
      'Læse højt hver aften',
    );
    const reviewed = await call('contactTeacher', 'POST', `${plan()}/reviews`, { goalId, review: 'reached' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect((reviewed.json() as TStudentPlanPage).plan?.goals[0]?.review).toBe('reached');
  });

  it("counts the held conference in 'plans in good time': the plan went home later than 7 days before", async () => {
    const conferenceUrl = `/api/schools/${h.f.schoolId}/conferences/${h.f.invitation}`;
    h.t.clock.advance(2 * 86_400_000);
    expect((await call('contactTeacher', 'POST', `${conferenceUrl}/held`)).statusCode).toBe(200);
    const leader = (
      await call('leader', 'GET', `/api/schools/${h.f.schoolId}/principle-figures?schoolYear=2026`)
    ).json() as TPrincipleFigures;
    expect(leader.conferences.plansLeadDays).toBe(7);
    expect(leader.conferences.plansInGoodTime.school).toEqual({ counted: 1, kept: 0, share: 0 });
    expect(leader.conferences.plansInGoodTime.classes.find((c) => c.classId === h.f.classA)?.cell).toMatchObject({
      counted: 1,
    });
    const board = (
      await call('boardMember', 'GET', `/api/schools/${h.f.schoolId}/principle-figures?schoolYear=2026`)
    ).json() as TPrincipleFigures;
    expect(board.conferences.plansInGoodTime.school).toBeNull();
  });
});

describe('the message book, where the principle chose it', () => {
  const { h, plan, book, call, notices, count } = harness();

  beforeAll(async () => {
    h.t = await startTestApp();
    h.f = await createFixture(h.t.deps.db);
    await adoptTestPrinciple(h.t.deps.db, h.f.schoolId); // seed 002: the message book
  });
  afterAll(() => h.t.close());

  it('refuses a student plan where the principle chose the message book', async () => {
    const res = await call('contactTeacher', 'PUT', plan(), draft);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('student_plan_other_form');
    expect(await count('student_plans')).toBe(0);
  });

  it('stores one entry for a repeated request, tells the home once, and records each guardian reading it', async () => {
    const entry = { progress: 'Emma læser nu kapitelbøger.', wellBeing: 'Emma er glad og har mange at lege med.' };
    for (let i = 0; i < 2; i += 1) {
      const res = await call('contactTeacher', 'POST', book(), entry, { 'idempotency-key': 'entry-1' });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(await count('message_book_entries')).toBe(1);
    expect((await notices('student-plan')).length).toBe(2);
    const home = (await call('custodyGuardian', 'GET', book())).json() as TMessageBook;
    expect(home.entries).toHaveLength(1);
    expect(home.abilities).toEqual({ write: false, confirmRead: true });
    const read = (await call('custodyGuardian', 'POST', `${book()}/read`)).json() as TMessageBook;
    expect(read.entries[0]?.readByMe).toBe(true);
    const staff = (await call('contactTeacher', 'GET', book())).json() as TMessageBook;
    expect(staff.entries[0]?.readBy).toHaveLength(1);
    // Another child's book is not there.
    expect((await call('otherFamilyGuardian', 'GET', book())).statusCode).toBe(404);
    const conference = (
      await call('custodyGuardian', 'GET', `/api/schools/${h.f.schoolId}/conferences/${h.f.invitation}`)
    ).json() as TConference;
    expect(conference.studentPlan).toMatchObject({ form: 'message_book', entries: [expect.objectContaining(entry)] });
  });
});
