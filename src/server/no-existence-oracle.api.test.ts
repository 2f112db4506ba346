import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allRoutes } from './routes.js';
import { startTestApp, type TestApp } from './testing/test-app.js';
import { ACTORS, createFixture, type ActorName, type Fixture } from './testing/fixture.js';
import { ACCESS_EXPECTATIONS, KNOWN_ROWS } from './testing/access-expectations.js';
import type { RouteDefinition } from './http/route.js';

/**
 * Ids a person may not see answer exactly as ids that do not exist (docs/SECURITY.md): for every
 * route of the route table that names a row, every actor and every fixture row of that kind the
 * actor does not know, the answer (status and body) must equal the answer for a random id.
 * Otherwise a caller could tell which ids exist by the difference (an existence oracle).
 */

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** The fixture's rows that each kind of id field may name. */
const ROWS_OF: Record<string, (f: Fixture) => readonly string[]> = {
  schoolId: (f) => [f.schoolId, f.otherSchoolId],
  studentId: (f) => [f.ownStudent, f.otherStudent],
  classId: (f) => [f.classA, f.classB],
  threadId: (f) => [f.thread],
  requestId: (f) => [f.informationRequest],
  notificationId: (f) => [f.notification],
  attachmentId: (f) => [f.attachment, f.pendingAttachment],
  attachmentIds: (f) => [f.attachment, f.pendingAttachment],
  // A draft's target is a thread, a child or a class, by the route's target kind.
  targetId: (f) => [f.thread, f.ownStudent, f.otherStudent, f.classA, f.classB],
};

/**
 * Id fields the test does not vary, and why: each names a row that only its owner's own rows
 * are loaded for, or a person, which staff (the only callers who pass these routes' school
 * rule) find in the staff list anyway.
 */
const NOT_VARIED: Record<string, string> = {
  sessionId: 'session.end loads the caller’s own open sessions only',
  absenceId: 'staff-absence.remove loads the school’s absences; a non-owner outside the leadership gets not_found',
  personId: 'a person id, given only by staff',
  substituteId: 'a person id, given only by staff',
  recipientIds: 'person ids, given only by staff',
};

type Where = 'params' | 'query' | 'body';

function idFields(schema: unknown): string[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.keys(schema.shape as Record<string, unknown>).filter(
    (name) => name === 'id' || name.endsWith('Id') || name.endsWith('Ids'),
  );
}

function fieldsOf(route: RouteDefinition): { where: Where; name: string }[] {
  return (['params', 'query', 'body'] as const).flatMap((where) =>
    idFields(route[where]).map((name) => ({ where, name })),
  );
}

/** The answer without what differs between any two requests (the request id). */
function answer(res: { statusCode: number; body: string }): unknown {
  let body: unknown = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {
    // not JSON: compared as text
  }
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => key !== 'requestId')
          .map(([key, v]) => [key, typeof v === 'string' ? v.replace(/\b[0-9a-f-]{36}\b/g, '<id>') : strip(v)]),
      );
    return value;
  };
  return { status: res.statusCode, body: strip(body) };
}

const rowRoutes = allRoutes.filter((r) => fieldsOf(r).length > 0);

describe('no existence oracle: an id you may not see answers as one that does not exist', () => {
  let t: TestApp;
  let f: Fixture;
  const cookies = new Map<ActorName, string>();
  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    for (const actor of ACTORS) {
      const userId = f.users[actor];
      if (userId) cookies.set(actor, await t.cookieFor(userId));
    }
  });
  afterAll(() => t.close());

  it('knows, for every id field of the route table, which fixture rows it may name', () => {
    const unknown = [...new Set(rowRoutes.flatMap((r) => fieldsOf(r).map((field) => field.name)))].filter(
      (name) => !(name in ROWS_OF) && !(name in NOT_VARIED),
    );
    expect(unknown).toEqual([]);
  });

  for (const route of rowRoutes) {
    const key = routeKey(route);
    it(`${key}`, async () => {
      const expectation = ACCESS_EXPECTATIONS[key];
      if (!expectation) throw new Error(`no access expectation for ${key}`);
      const params = expectation.params?.(f) ?? {};
      const defaults: Record<string, string> = { schoolId: f.schoolId, studentId: f.ownStudent, classId: f.classA };
      const call = async (actor: ActorName, where: Where, name: string, value: string) => {
        const given = { params: { ...params }, query: { ...expectation.query?.(f) }, body: expectation.body?.(f) };
        const asValue = name.endsWith('Ids') ? [value] : value;
        if (where === 'params') given.params[name] = value;
        if (where === 'query') given.query[name] = value;
        if (where === 'body') given.body = { ...(given.body as object), [name]: asValue };
        const url = route.url.replace(/:(\w+)/g, (_, p: string) => given.params[p] ?? defaults[p] ?? '');
        const cookie = cookies.get(actor);
        const headers: Record<string, string> = { ...expectation.headers, ...(cookie ? { cookie } : {}) };
        if (given.body !== undefined) headers['content-type'] = 'application/json';
        return answer(
          await t.app.inject({
            method: route.method,
            url,
            query: given.query,
            headers,
            payload: given.body !== undefined ? JSON.stringify(given.body) : undefined,
          }),
        );
      };
      const oracles: string[] = [];
      for (const { where, name } of fieldsOf(route)) {
        const rows = ROWS_OF[name];
        if (!rows) continue;
        for (const actor of ACTORS) {
          const known = new Set(KNOWN_ROWS[actor](f));
          for (const row of rows(f).filter((id) => !known.has(id))) {
            const seen = await call(actor, where, name, row);
            const missing = await call(actor, where, name, randomUUID());
            if (JSON.stringify(seen) !== JSON.stringify(missing))
              oracles.push(
                `${actor}, ${where}.${name}: ${JSON.stringify(seen)} for a row they may not see, ${JSON.stringify(missing)} for none`,
              );
          }
        }
      }
      expect(oracles).toEqual([]);
    });
  }
});
