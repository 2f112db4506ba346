import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { allRoutes } from './routes.js';
import type { RouteDefinition } from './http/route.js';
import { startTestApp, type TestApp } from './testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from './testing/fixture.js';
import { ACCESS_EXPECTATIONS, fixtureParams, type AccessExpectation } from './testing/access-expectations.js';
import { SESSION_COOKIE, startSession } from './auth/session.service.js';

/**
 * Every route of the route table, called by an actor who may use it with hostile input in every
 * body field, path parameter, query parameter and header it reads: whatever arrives, the answer
 * is never a 5xx.
 * Bad input gets a 4xx with a code; hostile but valid text (SQL-shaped, right-to-left) is stored
 * as typed. The hostile values are fixed, and fast-check adds a bounded number of random bodies
 * from a fixed seed, so a failure repeats.
 */

const HUGE = 'x'.repeat(200_000);

/** Text that has broken or could break a route: each reaches every text field. */
const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'a\udfffb',
  '\u0007\u001b[31m',
  '\u0085\u009b',
  '\u202egnp.exe',
  "' OR '1'='1' --",
  "'; drop table people; --",
  '%00',
  '\\',
  '😀ñø\u05d0',
  '',
  ' ',
  HUGE,
];

/** Values of the wrong type for a field. */
const WRONG_TYPES: unknown[] = [null, 0, -1, 1e308, true, [], {}, ['\u0000'], { $gt: '' }];

/** Raw path or query parameter values, already percent-encoded: NUL, invalid UTF-8, broken escapes. */
const HOSTILE_RAW = [
  '%00',
  'a%00b',
  '%ED%A0%80', // the would-be UTF-8 of a lone surrogate, which has none
  '%C0%80', // an overlong NUL
  '%FF',
  '%',
  '%ZZ',
  '%07%1B',
  encodeURIComponent('\u202egnp.exe'),
  encodeURIComponent("' OR '1'='1' --"),
  '..%2F..%2Fetc%2Fpasswd',
  encodeURIComponent(HUGE.slice(0, 5000)),
];

/** Whole bodies that are not what any route reads. */
const HOSTILE_BODIES: Array<{ payload: string; contentType: string }> = [
  { payload: '{"a":', contentType: 'application/json' },
  { payload: 'null', contentType: 'application/json' },
  { payload: '"\\u0000"', contentType: 'application/json' },
  { payload: '[]', contentType: 'application/json' },
  { payload: '{"__proto__":{"admin":true}}', contentType: 'application/json' },
  { payload: '{"constructor":{"prototype":{"admin":true}}}', contentType: 'application/json' },
  { payload: `${'['.repeat(50_000)}${']'.repeat(50_000)}`, contentType: 'application/json' },
  { payload: `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`, contentType: 'application/json' },
  { payload: JSON.stringify({ text: HUGE, body: HUGE, subject: HUGE }), contentType: 'application/json' },
  { payload: '\u0000', contentType: 'text/plain' },
  // An import file (the routes that read one) with NUL and an escape sequence in its cells.
  { payload: 'type;id;fornavn;efternavn\nelev;e1;A\u0000;\u001b[2J\n', contentType: 'text/csv' },
];

/** Who calls a route: the first of these its expectation allows, else the leader (who is then refused). */
const PREFERRED_ACTORS: ActorName[] = ['leader', 'contactTeacher', 'custodyGuardian', 'informationRightParent'];

function actorFor(expectation: AccessExpectation | undefined): ActorName {
  const allow = expectation?.allow;
  if (!Array.isArray(allow)) return 'leader';
  return PREFERRED_ACTORS.find((actor) => allow.includes(actor)) ?? allow[0] ?? 'leader';
}

type Path = Array<string | number>;

/** Every leaf of a JSON value, with its path. */
function leaves(value: unknown, path: Path = []): Array<{ path: Path; value: unknown }> {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [{ path, value }];
}

function withValue(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    copy[head as number] = withValue(copy[head as number], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[String(head)] = withValue(copy[String(head)], rest, replacement);
  return copy;
}

/** The keys of an object schema (through defaults, optionals and preprocessing), for fields a valid body leaves out. */
function schemaKeys(schema: unknown): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape as object);
  if (schema instanceof z.ZodPipe) return [...schemaKeys(schema.in), ...schemaKeys(schema.out)];
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return schemaKeys(schema.unwrap());
  return [];
}

/**
 * The bodies a route is sent: each field of a valid body, and each field of the schema the valid
 * body leaves out, made hostile. A body of a dozen text fields or fewer meets every hostile text in
 * every field; a bigger one (the principle) meets them in turn, each field one, so the file stays fast.
 */
function hostileBodies(route: RouteDefinition, valid: unknown): unknown[] {
  const base = valid ?? {};
  const bodies: unknown[] = [];
  const fields = leaves(base).filter((leaf) => leaf.path.length > 0);
  const textFields = fields.filter((leaf) => typeof leaf.value === 'string');
  const small = textFields.length <= 12;
  textFields.forEach((leaf, index) => {
    const texts = small ? HOSTILE_TEXT : [HOSTILE_TEXT[index % HOSTILE_TEXT.length]];
    for (const text of texts) bodies.push(withValue(base, leaf.path, text));
  });
  fields.forEach((leaf, index) => {
    if (!small && typeof leaf.value === 'string' && index % 5 !== 0) return;
    bodies.push(withValue(base, leaf.path, WRONG_TYPES[index % WRONG_TYPES.length]));
    if (typeof leaf.value !== 'string') bodies.push(withValue(base, leaf.path, HOSTILE_TEXT[index % 4]));
  });
  const given = new Set(fields.map((leaf) => leaf.path[0]));
  for (const key of schemaKeys(route.body).filter((name) => !given.has(name))) {
    for (const value of [...HOSTILE_TEXT.slice(0, 5), ...WRONG_TYPES.slice(0, 5)]) {
      bodies.push(withValue(base, [key], value));
    }
  }
  return bodies;
}

describe('fuzz: hostile input to every route never gets a 5xx', () => {
  let t: TestApp;
  let f: Fixture;
  const cookies = new Map<ActorName, string>();

  async function cookieFor(actor: ActorName, fresh: boolean): Promise<string> {
    const userId = f.users[actor];
    if (!userId) return '';
    let cookie = cookies.get(actor);
    if (!cookie || fresh) {
      cookie = `${SESSION_COOKIE}=${(await startSession(t.deps, userId, 'password')).token}`;
      cookies.set(actor, cookie);
    }
    return cookie;
  }

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    // A principle draft, so the draft's save and adoption reach their use cases.
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/schools/${f.schoolId}/principle/draft`,
      headers: { cookie: await cookieFor('leader', false), 'content-type': 'application/json' },
      payload: '{}',
    });
    if (created.statusCode !== 201) throw new Error(`no principle draft: ${created.statusCode} ${created.body}`);
  });
  afterAll(() => t.close());

  for (const route of allRoutes) {
    const key = `${route.method} ${route.url}`;
    it(`${key}`, async () => {
      const expectation = ACCESS_EXPECTATIONS[key];
      const actor = actorFor(expectation);
      const params = fixtureParams(route.url, expectation, f);
      const validQuery = expectation?.query?.(f) ?? {};
      const validBody = expectation?.body?.(f);
      // Signing out ends the session: those routes get a fresh one per call.
      const endsSession = route.url.startsWith('/api/auth/');
      const failures: string[] = [];

      const call = async (
        label: string,
        options: {
          params?: Record<string, string>;
          query?: string;
          payload?: string;
          contentType?: string;
          headers?: Record<string, string>;
        },
      ) => {
        const names = { ...params, ...options.params };
        const url = route.url.replace(/:(\w+)/g, (_, name: string) => names[name] ?? '');
        const query = options.query ?? new URLSearchParams(validQuery).toString();
        const headers: Record<string, string> = { ...expectation?.headers, ...options.headers };
        const cookie = await cookieFor(actor, endsSession);
        if (cookie) headers.cookie = cookie;
        if (options.payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
        const res = await t.app
          .inject({ method: route.method, url: query ? `${url}?${query}` : url, headers, payload: options.payload })
          .catch((error: unknown) => {
            // Node's HTTP parser refuses a header holding a control character before any route
            // sees it; light-my-request refuses it the same way.
            if ((error as { code?: string }).code === 'ERR_INVALID_CHAR') return null;
            throw error;
          });
        if (!res) return;
        if (res.statusCode >= 500) failures.push(`${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      };

      for (const name of Object.keys(params)) {
        for (const raw of HOSTILE_RAW) await call(`path :${name}=${raw.slice(0, 40)}`, { params: { [name]: raw } });
      }
      for (const name of new Set([...Object.keys(validQuery), ...schemaKeys(route.query)])) {
        for (const raw of HOSTILE_RAW) {
          const query = new URLSearchParams(validQuery);
          query.delete(name);
          await call(`query ${name}=${raw.slice(0, 40)}`, {
            query: [query.toString(), `${name}=${raw}`].filter(Boolean).join('&'),
          });
        }
      }
      for (const name of schemaKeys(route.headers)) {
        for (const text of HOSTILE_TEXT) {
          await call(`header ${name}=${JSON.stringify(text).slice(0, 40)}`, {
            headers: { [name]: text },
            payload: validBody === undefined ? undefined : JSON.stringify(validBody),
          });
        }
      }
      if (route.method !== 'GET' && route.method !== 'DELETE') {
        for (const body of HOSTILE_BODIES) {
          await call(`body ${body.payload.slice(0, 40)}`, { payload: body.payload, contentType: body.contentType });
        }
        for (const body of hostileBodies(route, validBody)) {
          await call(`body ${JSON.stringify(body).slice(0, 120)}`, { payload: JSON.stringify(body) });
        }
        // Random JSON, and random values (strings of any code unit, lone surrogates included) in
        // a random field of the valid body, from a fixed seed.
        const fields = leaves(validBody ?? {}).filter((leaf) => leaf.path.length > 0);
        const randomValue = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.jsonValue({ maxDepth: 3 }));
        const randomBodies = [
          ...fc.sample(fc.jsonValue({ maxDepth: 4 }), { numRuns: 4, seed: 9 }),
          ...(fields.length === 0
            ? []
            : fc
                .sample(fc.tuple(fc.nat({ max: fields.length - 1 }), randomValue), { numRuns: 8, seed: 9 })
                .map(([index, value]) => withValue(validBody, fields[index]?.path ?? [], value))),
        ];
        for (const body of randomBodies) {
          await call(`random body ${JSON.stringify(body).slice(0, 120)}`, { payload: JSON.stringify(body) });
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
