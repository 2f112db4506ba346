import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from './routes.js';
import { startTestApp, type TestApp } from './testing/test-app.js';
import { ACTORS, createFixture, type ActorName, type Fixture } from './testing/fixture.js';
import { ACCESS_EXPECTATIONS, type AccessExpectation } from './testing/access-expectations.js';
import { SESSION_COOKIE, startSession } from './auth/session.service.js';

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

function defaultParam(name: string, f: Fixture): string {
  const defaults: Record<string, string> = { schoolId: f.schoolId, studentId: f.ownStudent, classId: f.classA };
  const value = defaults[name];
  if (!value) throw new Error(`no fixture value for path parameter :${name}; give one in ACCESS_EXPECTATIONS`);
  return value;
}

function allowed(expectation: AccessExpectation, actor: ActorName): boolean {
  if (expectation.allow === 'public') return true;
  if (expectation.allow === 'signed-in') return actor !== 'anonymous';
  return expectation.allow.includes(actor);
}

describe('authorization matrix: every route × every actor', () => {
  let t: TestApp;
  let f: Fixture;
  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  it('has an expectation for every route in the route table, and no stale ones', () => {
    const keys = allRoutes.map(routeKey);
    expect(
      keys.filter((k) => !(k in ACCESS_EXPECTATIONS)),
      'routes without an access expectation',
    ).toEqual([]);
    expect(
      Object.keys(ACCESS_EXPECTATIONS).filter((k) => !keys.includes(k)),
      'expectations without a route',
    ).toEqual([]);
  });

  it('gives every route a policy', () => {
    for (const route of allRoutes) expect(route.policy, routeKey(route)).toBeDefined();
  });

  for (const route of allRoutes) {
    const key = routeKey(route);
    it(`${key}`, async () => {
      const expectation = ACCESS_EXPECTATIONS[key];
      if (!expectation) return; // reported by the completeness test above
      const given = expectation.params?.(f) ?? {};
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => given[name] ?? defaultParam(name, f));
      const outcomes: string[] = [];
      for (const actor of ACTORS) {
        const userId = f.users[actor];
        const headers: Record<string, string> = { ...expectation.headers };
        // A fresh session per call: a route such as sign-out must not spoil the next actor's call.
        if (userId) headers.cookie = `${SESSION_COOKIE}=${(await startSession(t.deps, userId, 'password')).token}`;
        const body = expectation.body?.(f);
        const res = await t.app.inject({
          method: route.method,
          url,
          query: expectation.query?.(f),
          headers: body !== undefined ? { ...headers, 'content-type': 'application/json' } : headers,
          payload: body !== undefined ? JSON.stringify(body) : undefined,
        });
        const denied =
          res.statusCode === 401 || res.statusCode === 403 || (res.statusCode === 404 && !allowed(expectation, actor));
        const ok = allowed(expectation, actor) ? !denied && res.statusCode < 500 : denied;
        if (!ok)
          outcomes.push(
            `${actor}: got ${res.statusCode} ${res.body.slice(0, 160)} but expected ${allowed(expectation, actor) ? 'access' : 'refusal'}`,
          );
      }
      expect(outcomes).toEqual([]);
    });
  }
});
