import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type Fixture } from '../testing/fixture.js';
import { findPreset, principleForSchool } from '../../domain/principle/presets.js';
import type { TPrinciple } from '../../shared/principle/principle.schema.js';
import type {
  TAdoptedPrinciple,
  TPrincipleDraft,
  TPrincipleVersionsResponse,
  TPublicPrincipleResponse,
} from '../../shared/api/principle.schema.js';
import { adoptPreset, findAdoptedPrinciple } from './principle.service.js';
import { insertVersion, isPrincipleUniqueViolation } from './principle.repository.js';

const json = { 'content-type': 'application/json' };

describe('the principle API', () => {
  let t: TestApp;
  let f: Fixture;
  let base: string;

  const as = (actor: keyof Fixture['users']) => f.users[actor];
  const get = (url: string, actor: keyof Fixture['users'] | null = 'leader') =>
    t.request({ method: 'GET', url, as: actor ? as(actor) : null });
  const send = (
    method: 'POST' | 'PUT' | 'DELETE',
    url: string,
    body: unknown,
    actor: keyof Fixture['users'] = 'leader',
  ) =>
    t.request({
      method,
      url,
      as: as(actor),
      headers: body === undefined ? {} : json,
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
  const statuses = async () =>
    (
      await t.deps.db
        .selectFrom('principle_versions')
        .select(['version', 'status'])
        .where('school_id', '=', f.schoolId)
        .orderBy('version')
        .execute()
    ).map((r) => `${r.version}:${r.status}`);

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    base = `/api/schools/${f.schoolId}/principle`;
  });
  afterAll(() => t.close());

  it('publishes the presets and the five guideposts to anyone', async () => {
    const res = await get('/api/principle-presets', null);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.presets.map((p: { id: string }) => p.id)).toEqual(['seed-000', 'seed-001', 'seed-002']);
    expect(body.aspects.map((a: { title: { da: string } }) => a.title.da)).toEqual([
      'Kommunikation',
      'Tydelig rollefordeling',
      'Inddragelse og samarbejde',
      'Forældrenes perspektiv',
      'Det strategiske blik',
    ]);
  });

  it('answers 404 principle_no_adopted before anything is adopted, and not_found for an unknown school', async () => {
    expect((await get(base, 'custodyGuardian')).json().error.code).toBe('principle_no_adopted');
    const publicRes = await get('/api/public/schools/fixture-skole/principle', null);
    expect(publicRes.statusCode).toBe(404);
    expect(publicRes.json().error.code).toBe('principle_no_adopted');
    expect((await get('/api/public/schools/ingen-skole/principle', null)).json().error.code).toBe('not_found');
  });

  it("lets the leader start one draft, by default from the Balleskolen preset with the school's own name", async () => {
    const res = await send('POST', `${base}/draft`, {});
    expect(res.statusCode).toBe(201);
    const draft = res.json() as TPrincipleDraft;
    expect(draft).toMatchObject({ version: 1, basedOnPreset: 'seed-002' });
    expect(draft.principle).toEqual(principleForSchool(findPreset('seed-002')!.principle, 'Fixture Skole'));
    expect(draft.principle.texts.purpose.da).toContain('På Fixture Skole bygger samarbejdet');
    expect(JSON.stringify(draft.principle.texts)).not.toMatch(/Balleskolen|\{school\}/);
    const again = await send('POST', `${base}/draft`, { fromPreset: 'seed-000' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('principle_draft_exists');
    expect(await statuses()).toEqual(['1:draft']);
  });

  it('never shows a draft on the public page or to members', async () => {
    expect((await get('/api/public/schools/fixture-skole/principle', null)).statusCode).toBe(404);
    expect((await get(base, 'custodyGuardian')).statusCode).toBe(404);
    expect((await get(`${base}/draft`, 'custodyGuardian')).statusCode).toBe(403);
    expect((await get(`${base}/draft`, 'contactTeacher')).statusCode).toBe(403);
  });

  it('rejects an invalid principle with 400 and the field, and saves nothing', async () => {
    const before = (await get(`${base}/draft`)).json() as TPrincipleDraft;
    const broken = structuredClone(before.principle) as TPrinciple;
    broken.conferences.perYear = 0;
    const res = await send('PUT', `${base}/draft`, { principle: broken });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'principle.conferences.perYear' });
    const overlapping = structuredClone(before.principle) as TPrinciple;
    overlapping.classUpdates.bands = [
      { fromGrade: 0, toGrade: 5, cadence: 'weekly' },
      { fromGrade: 3, toGrade: 9, cadence: 'monthly' },
    ];
    expect((await send('PUT', `${base}/draft`, { principle: overlapping })).json().error.field).toBe(
      'principle.classUpdates.bands.1.fromGrade',
    );
    expect((await get(`${base}/draft`)).json()).toEqual(before);
  });

  it('saves a valid draft for the leader only; the board may read drafts and history but not edit', async () => {
    const draft = (await get(`${base}/draft`, 'boardMember')).json() as TPrincipleDraft;
    const changed = structuredClone(draft.principle);
    changed.communication.responseTime = { workingDays: 2, isTarget: false };
    expect((await send('PUT', `${base}/draft`, { principle: changed }, 'boardMember')).statusCode).toBe(403);
    expect(
      (await send('POST', `${base}/draft/adopt`, { adoptedOn: '2026-11-20', adoptedBy: 'Bestyrelsen' }, 'boardMember'))
        .statusCode,
    ).toBe(403);
    expect((await send('DELETE', `${base}/draft`, undefined, 'boardMember')).statusCode).toBe(403);
    expect((await send('PUT', `${base}/draft`, { principle: changed }, 'administrator')).statusCode).toBe(403);
    expect((await get(`${base}/versions`, 'boardMember')).statusCode).toBe(200);

    t.clock.advance(60_000);
    const saved = await send('PUT', `${base}/draft`, { principle: changed });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().principle.communication.responseTime).toEqual({ workingDays: 2, isTarget: false });
    expect(saved.json().updatedAt).not.toBe(draft.updatedAt);
    expect((await get(`${base}/draft`, 'administrator')).json().principle.communication.responseTime.workingDays).toBe(
      2,
    );
  });

  it('refuses an adoption date in the future and changes nothing', async () => {
    const res = await send('POST', `${base}/draft/adopt`, { adoptedOn: '2026-11-24', adoptedBy: 'Skolebestyrelsen' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'principle_adopted_on_future', field: 'adoptedOn' });
    expect(await statuses()).toEqual(['1:draft']);
  });

  it("records the board's adoption, and every member but a suspended guardian reads it", async () => {
    const res = await send('POST', `${base}/draft/adopt`, {
      adoptedOn: '2026-11-23',
      adoptedBy: 'Skolebestyrelsen, møde 23. november 2026',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      version: 1,
      adoptedOn: '2026-11-23',
      adoptedBy: 'Skolebestyrelsen, møde 23. november 2026',
      basedOnPreset: 'seed-002',
    });
    expect(await statuses()).toEqual(['1:adopted']);

    for (const actor of [
      'custodyGuardian',
      'informationRightParent',
      'student',
      'contactTeacher',
      'boardMember',
    ] as const) {
      const read = await get(base, actor);
      expect(read.statusCode, actor).toBe(200);
      expect((read.json() as TAdoptedPrinciple).principle.communication.responseTime?.workingDays, actor).toBe(2);
    }
    expect((await get(base, 'suspendedGuardian')).statusCode).toBe(403);
    expect((await get(base, 'otherSchoolLeader')).statusCode).toBe(403);
    expect((await get(base, null)).statusCode).toBe(401);
    expect((await get(`${base}/draft`)).statusCode).toBe(404);
  });

  it('serves the adopted principle publicly in plain Danish or English', async () => {
    const da = (
      await get('/api/public/schools/fixture-skole/principle?lang=da', null)
    ).json() as TPublicPrincipleResponse;
    expect(da.school).toEqual({ name: 'Fixture Skole', slug: 'fixture-skole' });
    expect(da).toMatchObject({ version: 1, adoptedOn: '2026-11-23' });
    const communication = da.description.rules.find((r) => r.id === 'communication');
    expect(communication?.sentences).toContain(
      'Vi svarer på beskeder fra forældre senest 2 arbejdsdage efter, at vi har modtaget dem.',
    );
    expect(da.description.rules.find((r) => r.id === 'conferences')?.sentences[0]).toBe(
      'Skolen tilstræber at holde 2 skole-hjem-samtaler om året; den ene runde kan være behovssamtaler.',
    );
    const en = (
      await get('/api/public/schools/fixture-skole/principle?lang=en', null)
    ).json() as TPublicPrincipleResponse;
    expect(en.description.locale).toBe('en');
    expect(en.description.rules.find((r) => r.id === 'communication')?.sentences).toContain(
      'We reply to messages from parents within 2 working days of receiving them.',
    );
    expect((await get('/api/public/schools/fixture-skole/principle?lang=fr', null)).statusCode).toBe(400);
  });

  it('keeps exactly one adopted version as history grows, and shows who adopted and recorded each', async () => {
    const created = await send('POST', `${base}/draft`, {});
    expect(created.json()).toMatchObject({ version: 2, basedOnPreset: 'seed-002' });
    expect((created.json() as TPrincipleDraft).principle.communication.responseTime?.workingDays).toBe(2);
    expect(await statuses()).toEqual(['1:adopted', '2:draft']);

    const tooEarly = await send('POST', `${base}/draft/adopt`, {
      adoptedOn: '2026-11-01',
      adoptedBy: 'Skolebestyrelsen',
    });
    expect(tooEarly.json().error).toMatchObject({ code: 'principle_adopted_on_before_current', field: 'adoptedOn' });
    expect(tooEarly.json().error.message).toContain('2026-11-23');

    const adopted = await send('POST', `${base}/draft/adopt`, {
      adoptedOn: '2026-11-23',
      adoptedBy: 'Skolebestyrelsen, ekstraordinært møde',
    });
    expect(adopted.json().version).toBe(2);
    expect(await statuses()).toEqual(['1:superseded', '2:adopted']);

    const { versions } = (await get(`${base}/versions`, 'boardMember')).json() as TPrincipleVersionsResponse;
    expect(versions.map((v) => [v.version, v.status, v.adoptedBy])).toEqual([
      [2, 'adopted', 'Skolebestyrelsen, ekstraordinært møde'],
      [1, 'superseded', 'Skolebestyrelsen, møde 23. november 2026'],
    ]);
    expect(versions[0]?.recordedBy).toEqual({ personId: f.people.leader, name: 'Hanne Skov' });
    expect((await get(base, 'student')).json().version).toBe(2);
  });

  it('answers 409 principle_no_draft when there is nothing to adopt or save', async () => {
    const adopt = await send('POST', `${base}/draft/adopt`, { adoptedOn: '2026-11-23', adoptedBy: 'Skolebestyrelsen' });
    expect(adopt.statusCode).toBe(409);
    expect(adopt.json().error.code).toBe('principle_no_draft');
    expect((await send('PUT', `${base}/draft`, { principle: findPreset('seed-001')?.principle })).statusCode).toBe(409);
    expect(await statuses()).toEqual(['1:superseded', '2:adopted']);
  });

  it('starts a draft from an earlier version or a named preset, and refuses unknown ones', async () => {
    const versions = ((await get(`${base}/versions`)).json() as TPrincipleVersionsResponse).versions;
    const first = versions.find((v) => v.version === 1)!;
    expect((await send('POST', `${base}/draft`, { fromPreset: 'seed-999' })).json().error).toMatchObject({
      code: 'unknown_preset',
      field: 'fromPreset',
    });
    expect(
      (await send('POST', `${base}/draft`, { fromVersion: '00000000-0000-4000-8000-000000000000' })).statusCode,
    ).toBe(404);
    expect((await send('POST', `${base}/draft`, { fromPreset: 'seed-000', fromVersion: first.id })).statusCode).toBe(
      400,
    );

    const fromVersion = await send('POST', `${base}/draft`, { fromVersion: first.id });
    expect(fromVersion.statusCode).toBe(201);
    expect(fromVersion.json().principle).toEqual(first.principle);
    expect((await send('DELETE', `${base}/draft`, undefined)).json()).toEqual({ ok: true });

    const fromPreset = await send('POST', `${base}/draft`, { fromPreset: 'seed-000' });
    expect(fromPreset.json()).toMatchObject({ basedOnPreset: 'seed-000' });
    expect(fromPreset.json().principle.conferences.perYear).toBe(1);
  });

  it('discards the draft for the leader; the adopted version stays', async () => {
    expect((await send('DELETE', `${base}/draft`, undefined)).statusCode).toBe(200);
    expect((await get(`${base}/draft`)).statusCode).toBe(404);
    const again = await send('DELETE', `${base}/draft`, undefined);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('principle_no_draft');
    expect(await statuses()).toEqual(['1:superseded', '2:adopted']);
  });

  it('creates exactly one draft when several requests race', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => send('POST', `${base}/draft`, {})));
    expect(results.map((r) => r.statusCode).sort((a, b) => a - b)).toEqual([201, 409, 409, 409, 409, 409]);
    const drafts = await t.deps.db
      .selectFrom('principle_versions')
      .select('version')
      .where('school_id', '=', f.schoolId)
      .where('status', '=', 'draft')
      .execute();
    expect(drafts).toHaveLength(1);
    expect((await send('DELETE', `${base}/draft`, undefined)).statusCode).toBe(200);
  });

  it('recognises a violation of the one-draft index from either database driver', async () => {
    const draft = {
      schoolId: f.schoolId,
      status: 'draft' as const,
      content: {},
      basedOnPreset: null,
      adoptedOn: null,
      adoptedBy: null,
      recordedBy: null,
      now: t.clock.now(),
    };
    await insertVersion(t.deps.db, { ...draft, version: 100 });
    const error = await insertVersion(t.deps.db, { ...draft, version: 101 }).catch((e: unknown) => e);
    expect(isPrincipleUniqueViolation(error)).toBe(true);
    expect(isPrincipleUniqueViolation(new Error('something else'))).toBe(false);
    await t.deps.db
      .deleteFrom('principle_versions')
      .where('school_id', '=', f.schoolId)
      .where('status', '=', 'draft')
      .execute();
  });

  it('lets set-up code adopt a preset directly, superseding what was adopted', async () => {
    expect(await findAdoptedPrinciple(t.deps.db, f.otherSchoolId)).toBeNull();
    await adoptPreset(t.deps.db, {
      schoolId: f.otherSchoolId,
      presetId: 'seed-001',
      adoptedOn: '2023-02-01',
      adoptedBy: 'Skolebestyrelsen',
      recordedBy: null,
      now: t.clock.now(),
    });
    const again = await adoptPreset(t.deps.db, {
      schoolId: f.otherSchoolId,
      presetId: 'seed-002',
      adoptedOn: '2026-03-12',
      adoptedBy: 'Skolebestyrelsen',
      recordedBy: null,
      now: t.clock.now(),
    });
    expect(again.version).toBe(2);
    const found = await findAdoptedPrinciple(t.deps.db, f.otherSchoolId);
    expect(found).toEqual({
      version: 2,
      adoptedOn: '2026-03-12',
      principle: principleForSchool(findPreset('seed-002')!.principle, 'Anden Skole'),
    });
    expect(found?.principle.texts.purpose.en).toContain('At Anden Skole the collaboration');
    const rows = await t.deps.db
      .selectFrom('principle_versions')
      .select('status')
      .where('school_id', '=', f.otherSchoolId)
      .orderBy('version')
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['superseded', 'adopted']);
    // The fixture school's own principle is untouched by another school's.
    expect((await findAdoptedPrinciple(t.deps.db, f.schoolId))?.version).toBe(2);
    expect((await get(base, 'otherSchoolLeader')).statusCode).toBe(403);
  });
});
