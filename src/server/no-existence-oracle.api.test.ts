import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allRoutes } from './routes.js';
import { startTestApp, type TestApp } from './testing/test-app.js';
import { ACTORS, createFixture, type ActorName, type Fixture } from './testing/fixture.js';
import { ACCESS_EXPECTATIONS, KNOWN_ROWS } from './testing/access-expectations.js';
import type { RouteDefinition } from './http/route.js';
import { startSession } from './auth/session.service.js';

/**
 * Ids a person may not see answer exactly as ids that do not exist (docs/SECURITY.md): for every
 * route of the route table that names a row, every actor and every fixture row of that kind the
 * actor does not know, the answer (status and body) must equal the answer for a random id.
 * Otherwise a caller could tell which ids exist by the difference (an existence oracle).
 */

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/**
 * Rows this test adds to the fixture, with who may know them: the contact teacher's own session,
 * and her absence, which the leadership sees too.
 */
interface Extra {
  session: string;
  absence: string;
}

/** The fixture's rows that each kind of id field may name. */
const ROWS_OF: Record<string, (f: Fixture, extra: Extra) => readonly string[]> = {
  schoolId: (f) => [f.schoolId, f.otherSchoolId],
  studentId: (f) => [f.ownStudent, f.otherStudent],
  classId: (f) => [f.classA, f.classB],
  classIds: (f) => [f.classA, f.classB],
  roundId: (f) => [f.round, f.bookingRound],
  invitationId: (f) => [f.invitation],
  // The fixture has no interpreter: an unknown one answers as for any id.
  interpreterId: () => [],
  agreementId: (f) => [f.agreement],
  testResultId: (f) => [f.testResult],
  concernId: (f) => [f.concern],
  eventId: (f) => [f.event],
  slotId: (f) => [f.eventSlot],
  letterId: (f) => [f.classLetter],
  threadId: (f) => [f.thread],
  requestId: (f) => [f.informationRequest],
  notificationId: (f) => [f.notification],
  attachmentId: (f) => [f.attachment, f.pendingAttachment],
  attachmentIds: (f) => [f.attachment, f.pendingAttachment],
  // A draft's target is a thread, a child or a class, by the route's target kind.
  targetId: (f) => [f.thread, f.ownStudent, f.otherStudent, f.classA, f.classB],
  sessionId: (_f, extra) => [extra.session],
  absenceId: (_f, extra) => [extra.absence],
  personId: (f) => [f.people.contactTeacher!, f.people.custodyGuardian!, f.people.otherSchoolLeader!],
  substituteId: (f) => [f.people.otherClassTeacher!, f.people.custodyGuardian!, f.people.otherSchoolLeader!],
  recipientIds: (f) => [f.people.otherClassTeacher!, f.people.custodyGuardian!, f.people.otherSchoolLeader!],
  counsellorId: (f) => [f.people.otherClassTeacher!, f.people.custodyGuardian!, f.people.otherSchoolLeader!],
  // The fixture has no student plan: an unknown goal answers as for any id (student-plan.api.test.ts covers another child's).
  goalId: () => [],
  // A needs-based round's students: 3.A's Emma and 5.B's Yusuf.
  studentIds: (f) => [f.ownStudent, f.otherStudent],
  meetingId: (f) => [f.parentMeeting],
  // The fixture's meeting has no agenda: an unknown item answers as for any id.
  itemId: () => [],
  // The fixture keeps no pair apart: an unknown pair answers as for any id (play-group.api.test.ts covers another class's).
  pairId: () => [],
};

/** Staff find every person of their school in the directory; everyone knows themself. */
const STAFF: readonly ActorName[] = ['contactTeacher', 'otherClassTeacher', 'leader', 'administrator'];

function knownTo(actor: ActorName, f: Fixture, extra: Extra): Set<string> {
  const known = new Set(KNOWN_ROWS[actor](f));
  const own = f.people[actor];
  if (own) known.add(own);
  if (STAFF.includes(actor))
    for (const [name, person] of Object.entries(f.people)) if (name !== 'otherSchoolLeader') known.add(person);
  if (actor === 'contactTeacher') known.add(extra.session).add(extra.absence);
  if (actor === 'leader' || actor === 'administrator') known.add(extra.absence);
  return known;
}

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

/** The answer without what differs between any two requests: the request id, and the id asked for where it is echoed. */
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
  let extra: Extra;
  const cookies = new Map<ActorName, string>();
  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await startSession(t.deps, f.users.contactTeacher!, 'password');
    const [session] = await t.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', f.users.contactTeacher!)
      .execute();
    const absence = await t.deps.db
      .insertInto('staff_absences')
      .values({
        school_id: f.schoolId,
        person_id: f.people.contactTeacher!,
        first_day: '2027-04-05',
        last_day: '2027-04-09',
        substitute_id: null,
        created_by: f.people.contactTeacher!,
        created_at: t.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    extra = { session: session!.id, absence: absence.id };
    for (const actor of ACTORS) {
      const userId = f.users[actor];
      if (userId) cookies.set(actor, await t.cookieFor(userId));
    }
  });
  afterAll(() => t.close());

  it('knows, for every id field of the route table, which fixture rows it may name', () => {
    const unknown = [...new Set(rowRoutes.flatMap((r) => fieldsOf(r).map((field) => field.name)))].filter(
      (name) => !(name in ROWS_OF),
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
          const known = knownTo(actor, f, extra);
          for (const row of rows(f, extra).filter((id) => !known.has(id))) {
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
