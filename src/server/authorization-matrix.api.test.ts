import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allRoutes } from './routes.js';
import type { Policy } from './policies/policy.js';
import { startTestApp, type TestApp } from './testing/test-app.js';
import { ACTORS, createFixture, type ActorName, type Fixture } from './testing/fixture.js';
import { ACCESS_EXPECTATIONS, fixtureParams, type AccessExpectation } from './testing/access-expectations.js';
import { SESSION_COOKIE, startSession } from './auth/session.service.js';

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** The kinds of policy, each of which checks something (policies/policy.ts). */
const CHECKING_KINDS = new Set(['public', 'own', 'school', 'rows', 'all', 'loopback']);

/** An address of another machine on the network (TEST-NET-1), for the `loopback` routes. */
const OTHER_MACHINE = '192.0.2.10';

/** The real rule a route declares, as the matrix names it. */
function describePolicy(policy: Policy): string {
  if (policy.kind === 'all') return policy.policies.map(describePolicy).join(' + ');
  if (policy.kind === 'rows') return `${policy.permission} on the row`;
  return `${policy.kind}: ${policy.rule}`;
}

/** The fields of a request schema that name a row (an id). */
function idFields(schema: unknown): string[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.keys(schema.shape as Record<string, unknown>).filter((name) => name === 'id' || name.endsWith('Id'));
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

  it('gives every route a policy that checks access, never one left to the use case', () => {
    const unchecked = allRoutes.filter((r) => !CHECKING_KINDS.has(r.policy.kind)).map(routeKey);
    expect(unchecked).toEqual([]);
  });

  it("lets a route that checks only that the caller is signed in ('own') name no row", () => {
    const naming = allRoutes
      .filter((r) => (r.policy.kind as string) === 'own')
      .filter((r) => r.url.includes(':') || [r.body, r.query].some((schema) => idFields(schema).length > 0))
      .map(routeKey);
    expect(naming).toEqual([]);
  });

  it('lets a public route answer everyone alike', () => {
    const uneven = allRoutes
      .filter((r) => r.policy.kind === 'public' || r.policy.kind === 'loopback')
      .filter((r) => {
        const allow = ACCESS_EXPECTATIONS[routeKey(r)]?.allow;
        return !(allow === 'public' || (Array.isArray(allow) && allow.length === 0));
      })
      .map(routeKey);
    expect(uneven).toEqual([]);
  });

  it('lets a loopback route (development pages) answer no one on another machine, signed in or not', async () => {
    const development = allRoutes.filter((r) => r.url.startsWith('/api/dev/'));
    expect(development.filter((r) => r.policy.kind !== 'loopback').map(routeKey)).toEqual([]);
    const loopback = allRoutes.filter((r) => r.policy.kind === 'loopback');
    const answered: string[] = [];
    for (const route of loopback) {
      for (const actor of ACTORS) {
        const userId = f.users[actor];
        const cookie = userId ? `${SESSION_COOKIE}=${(await startSession(t.deps, userId, 'password')).token}` : '';
        const res = await t.app.inject({
          method: route.method,
          url: route.url,
          remoteAddress: OTHER_MACHINE,
          headers: cookie ? { cookie } : {},
        });
        if (res.statusCode !== 404) answered.push(`${routeKey(route)} as ${actor}: ${res.statusCode}`);
      }
    }
    expect(answered).toEqual([]);
  });

  for (const route of allRoutes) {
    const key = routeKey(route);
    it(`${key}: ${describePolicy(route.policy)}`, async () => {
      const expectation = ACCESS_EXPECTATIONS[key];
      if (!expectation) return; // reported by the completeness test above
      const params = fixtureParams(route.url, expectation, f);
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? '');
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
