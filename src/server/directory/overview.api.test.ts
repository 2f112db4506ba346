import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type Fixture } from '../testing/fixture.js';
import { findPreset } from '../../domain/principle/presets.js';
import type { TSchoolOverview } from '../../shared/api/directory.schema.js';

describe('GET /api/schools/:schoolId/overview', () => {
  let t: TestApp;
  let f: Fixture;
  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  const url = () => `/api/schools/${f.schoolId}/overview`;

  it('gives the leader the school in figures, with the figures that point at families', async () => {
    const res = await t.request({ method: 'GET', url: url(), as: f.users.leader });
    expect(res.statusCode).toBe(200);
    const o = res.json() as TSchoolOverview;
    expect(o).toEqual({
      school: { id: f.schoolId, name: 'Fixture Skole' },
      audience: 'leadership',
      // Staff: the two class teachers, the leader and the administrator; guardians: five people.
      figures: { classes: 2, students: 2, guardians: 5, staff: 4 },
      grades: [
        { grade: 3, classes: 1, students: 1 },
        { grade: 5, classes: 1, students: 1 },
      ],
      principle: {
        status: 'none',
        version: null,
        adoptedOn: null,
        draftInProgress: false,
        replyWithinWorkingDays: null,
      },
      leadership: {
        openInformationRequests: 1,
        classesWithoutContactTeacher: 0,
        guardiansNeedingInterpreter: 0,
        guardiansWithoutAccount: 0,
        suspendedGuardians: 1,
        classes: [
          { id: f.classA, name: '3.A', grade: 3, studentCount: 1, contactTeacher: { name: 'Birgitte Lund' } },
          { id: f.classB, name: '5.B', grade: 5, studentCount: 1, contactTeacher: { name: 'Jens Møller' } },
        ],
      },
    });
  });

  it('gives a board member aggregates only: no names, no single child, no family figures', async () => {
    const res = await t.request({ method: 'GET', url: url(), as: f.users.boardMember });
    expect(res.statusCode).toBe(200);
    const o = res.json() as TSchoolOverview;
    expect(o.audience).toBe('board');
    expect(o.leadership).toBeNull();
    expect(o.figures).toEqual({ classes: 2, students: 2, guardians: 5, staff: 4 });
    for (const name of ['Emma', 'Yusuf', 'Hansen', 'Birgitte', 'Jens', f.ownStudent, f.otherStudent])
      expect(res.body).not.toContain(name);
  });

  it("shows the principle's status and promise once adopted, and a draft in progress", async () => {
    const preset = findPreset('seed-002');
    if (!preset) throw new Error('preset seed-002 missing');
    const now = t.clock.now();
    const content = JSON.stringify(preset.principle);
    const base = {
      school_id: f.schoolId,
      content,
      based_on_preset: 'seed-002',
      adopted_by: null,
      recorded_by: null,
      created_at: now,
      updated_at: now,
    };
    await t.deps.db
      .insertInto('principle_versions')
      .values({ ...base, version: 1, status: 'adopted', adopted_on: '2026-11-01', adopted_by: 'Skolebestyrelsen' })
      .execute();
    await t.deps.db
      .insertInto('principle_versions')
      .values({ ...base, version: 2, status: 'draft', adopted_on: null })
      .execute();
    const o = (await t.request({ method: 'GET', url: url(), as: f.users.boardMember })).json() as TSchoolOverview;
    expect(o.principle).toEqual({
      status: 'adopted',
      version: 1,
      adoptedOn: '2026-11-01',
      draftInProgress: true,
      replyWithinWorkingDays: 3,
    });
  });

  it('refuses teachers, guardians and another school’s leader', async () => {
    for (const actor of ['contactTeacher', 'custodyGuardian', 'student', 'otherSchoolLeader'] as const) {
      expect((await t.request({ method: 'GET', url: url(), as: f.users[actor] })).statusCode, actor).toBe(403);
    }
  });
});
