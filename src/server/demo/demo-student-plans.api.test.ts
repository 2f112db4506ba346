import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { DEMO_ACCOUNTS } from './demo-directory.js';
import { ensureDemoSchoolIfEmpty, type DemoOutcome } from './demo.service.js';
import type { TMessageBook, TStudentPlanPage, TStudentPlansDue } from '../../shared/api/student-plan.schema.js';
import type { TPrincipleFigures } from '../../shared/api/figures.schema.js';

/** The demo school shows the student plan in use (issue 11, point 5). */
describe('the demo school’s student plans', () => {
  let t: TestApp;
  let demo: DemoOutcome;
  const user = async (email: string) =>
    (await t.deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  beforeAll(async () => {
    t = await startTestApp();
    demo = (await ensureDemoSchoolIfEmpty(t.deps.db, TEST_NOW))!;
  });
  afterAll(() => t.close());

  it('has plans for the autumn round: in time, one late, Emma’s a draft; Oscar’s read, commented, reviewed, with an agreement on a goal', async () => {
    const plans = await t.deps.db.selectFrom('student_plans').select(['status']).execute();
    expect(plans.filter((p) => p.status === 'draft')).toHaveLength(1);
    expect(plans.filter((p) => p.status === 'published').length).toBeGreaterThan(10);
    const guardian = await user(DEMO_ACCOUNTS.guardian);
    const children = await t.deps.db
      .selectFrom('students as s')
      .innerJoin('guardianships as g', (j) =>
        j.onRef('g.school_id', '=', 's.school_id').onRef('g.student_id', '=', 's.id'),
      )
      .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
      .select(['s.id', 's.given_name'])
      .where('p.user_id', '=', guardian)
      .execute();
    const oscar = children.find((c) => c.given_name === 'Oscar')!;
    const page = (
      await t.request({
        method: 'GET',
        url: `/api/schools/${demo.schoolId}/students/${oscar.id}/student-plan`,
        as: guardian,
      })
    ).json() as TStudentPlanPage;
    expect(page.form).toBe('student_plan');
    expect(page.plan).toMatchObject({ status: 'published', readByMe: true });
    expect(page.plan?.goals[0]).toMatchObject({
      review: 'partly',
      comments: [expect.objectContaining({ by: 'student' })],
    });
    const attached = await t.deps.db
      .selectFrom('conference_agreements')
      .select('id')
      .where('goal_id', 'is not', null)
      .execute();
    expect(attached).toHaveLength(1);

    const due = (
      await t.request({
        method: 'GET',
        url: `/api/schools/${demo.schoolId}/student-plans/due`,
        as: await user(DEMO_ACCOUNTS.contactTeacher),
      })
    ).json() as TStudentPlansDue;
    expect(due.plans.filter((p) => p.status === 'draft').map((p) => p.student.name)).toEqual([
      expect.stringContaining('Emma'),
    ]);

    const figures = (
      await t.request({
        method: 'GET',
        url: `/api/schools/${demo.schoolId}/principle-figures`,
        as: await user(DEMO_ACCOUNTS.leader),
      })
    ).json() as TPrincipleFigures;
    const cell = figures.conferences.plansInGoodTime.school!;
    expect(cell.counted - cell.kept).toBe(2); // Emma's draft and the late one
  });

  it("keeps last spring's message book, from the principle version that chose it: the plan links to it, and Emma's second entry waits to be read", async () => {
    const guardian = await user(DEMO_ACCOUNTS.guardian);
    const children = await t.deps.db
      .selectFrom('students as s')
      .innerJoin('guardianships as g', (j) =>
        j.onRef('g.school_id', '=', 's.school_id').onRef('g.student_id', '=', 's.id'),
      )
      .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
      .select(['s.id', 's.given_name'])
      .where('p.user_id', '=', guardian)
      .execute();
    const get = async <T>(url: string) =>
      (await t.request({ method: 'GET', url: `/api/schools/${demo.schoolId}${url}`, as: guardian })).json() as T;
    const [oscar, emma] = ['Oscar', 'Emma'].map((name) => children.find((c) => c.given_name === name)!);
    const plan = await get<TStudentPlanPage>(`/students/${oscar!.id}/student-plan`);
    expect(plan.messageBook).toEqual({ entries: 2, lastWrittenAt: '2026-06-04T14:00:00.000Z' });
    const oscars = await get<TMessageBook>(`/students/${oscar!.id}/message-book`);
    expect(oscars.form).toBe('student_plan');
    expect(oscars.entries.map((e) => [e.createdAt.slice(0, 10), e.readByMe])).toEqual([
      ['2026-06-04', true],
      ['2026-04-16', true],
    ]);
    expect(oscars.abilities).toEqual({ write: false, confirmRead: false });
    const emmas = await get<TMessageBook>(`/students/${emma!.id}/message-book`);
    expect(emmas.entries.map((e) => e.readByMe)).toEqual([false, true]);
    expect(emmas.abilities.confirmRead).toBe(true);
  });
});
