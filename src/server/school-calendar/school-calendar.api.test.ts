import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TClosedDays } from '../../shared/api/school-calendar.schema.js';

describe("the school's closed days", () => {
  let t: TestApp;
  let f: Fixture;
  let url: string;
  const get = (actor: ActorName, query = '') => t.request({ method: 'GET', url: `${url}${query}`, as: f.users[actor] });
  const put = (actor: ActorName, body: unknown) =>
    t.request({
      method: 'PUT',
      url,
      as: f.users[actor],
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    url = `/api/schools/${f.schoolId}/closed-days`;
  });
  afterAll(() => t.close());

  it('shows the current school year, empty before the leadership enters any day', async () => {
    const res = await get('custodyGuardian');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ schoolYear: 2026, label: '2026/27', from: '2026-08-01', to: '2027-07-31', days: [] });
  });

  it('lets the leadership replace a school year’s days, in date order, leaving other years alone', async () => {
    expect(
      (
        await put('leader', {
          schoolYear: 2025,
          days: [{ date: '2026-05-15', label: 'Fredag efter Kristi himmelfart' }],
        })
      ).statusCode,
    ).toBe(200);
    const res = await put('administrator', {
      schoolYear: 2026,
      days: [
        { date: '2027-02-15', label: 'Vinterferie' },
        { date: '2026-10-12', label: 'Efterårsferie' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as TClosedDays).days).toEqual([
      { date: '2026-10-12', label: 'Efterårsferie' },
      { date: '2027-02-15', label: 'Vinterferie' },
    ]);
    await put('leader', { schoolYear: 2026, days: [{ date: '2026-10-13', label: 'Efterårsferie' }] });
    expect(((await get('contactTeacher')).json() as TClosedDays).days).toEqual([
      { date: '2026-10-13', label: 'Efterårsferie' },
    ]);
    expect(((await get('boardMember', '?schoolYear=2025')).json() as TClosedDays).days).toEqual([
      { date: '2026-05-15', label: 'Fredag efter Kristi himmelfart' },
    ]);
  });

  it('refuses a day outside the school year, naming the day, and changes nothing', async () => {
    const res = await put('leader', { schoolYear: 2026, days: [{ date: '2026-07-31', label: 'Sommerferie' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'closed_day_outside_school_year',
      field: 'days.0.date',
      message: 'Datoen 2026-07-31 ligger ikke i skoleåret 2026/27.',
    });
    const twice = await put('leader', {
      schoolYear: 2026,
      days: [
        { date: '2026-10-14', label: '' },
        { date: '2026-10-14', label: '' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(((await get('leader')).json() as TClosedDays).days).toEqual([
      { date: '2026-10-13', label: 'Efterårsferie' },
    ]);
  });

  it('lets no one but the leadership edit, and no one outside the school read', async () => {
    for (const actor of ['contactTeacher', 'boardMember', 'custodyGuardian', 'otherSchoolLeader'] as const) {
      expect((await put(actor, { schoolYear: 2026, days: [] })).statusCode, actor).toBe(403);
    }
    expect((await get('otherSchoolLeader')).statusCode).toBe(403);
    expect((await get('suspendedGuardian')).statusCode).toBe(403);
    expect(((await get('leader')).json() as TClosedDays).days).toHaveLength(1);
  });
});
