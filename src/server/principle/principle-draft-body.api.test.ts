import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type Fixture } from '../testing/fixture.js';
import type { TPrincipleDraft } from '../../shared/api/principle.schema.js';

/** Starting a draft needs no choices, so a client may send no body at all. */
describe('starting a principle draft without a body', () => {
  let t: TestApp;
  let f: Fixture;
  let url: string;
  const drafts = async () =>
    (
      await t.deps.db.selectFrom('principle_versions').select('status').where('school_id', '=', f.schoolId).execute()
    ).map((r) => r.status);

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    url = `/api/schools/${f.schoolId}/principle/draft`;
  });
  afterAll(() => t.close());

  it('still refuses a body-less POST from another site, and lets nobody else in', async () => {
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }]) {
      const res = await t.request({ method: 'POST', url, as: f.users.leader, headers });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('cross_site_request');
    }
    expect((await t.request({ method: 'POST', url })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url, as: f.users.custodyGuardian })).statusCode).toBe(403);
    expect(await drafts()).toEqual([]);
  });

  it('treats a same-origin POST with no body and no content-type as {}: the default start', async () => {
    const res = await t.request({
      method: 'POST',
      url,
      as: f.users.leader,
      headers: { origin: 'https://skole.example', host: 'skole.example', 'sec-fetch-site': 'same-origin' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json() as TPrincipleDraft).toMatchObject({ version: 1, basedOnPreset: 'seed-002' });
    expect(await drafts()).toEqual(['draft']);
  });

  it('still checks a body that is sent', async () => {
    await t.request({ method: 'DELETE', url, as: f.users.leader });
    const res = await t.request({
      method: 'POST',
      url,
      as: f.users.leader,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ fromPreset: 'seed-000', fromVersion: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'fromVersion' });
  });
});
