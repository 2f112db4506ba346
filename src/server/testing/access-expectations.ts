import type { ActorName, Fixture } from './fixture.js';

/**
 * What each route of the route table must allow, actor by actor, against the fixture school
 * (testing/fixture.ts). The authorization matrix test calls every route as every actor and
 * fails when a route has no entry here. Everyone not listed in `allow` must be refused
 * (401, 403 or 404).
 */
export interface AccessExpectation {
  /** `public`: everyone, signed in or not; `signed-in`: every signed-in actor; or the list. */
  allow: 'public' | 'signed-in' | readonly ActorName[];
  /** Path parameters; unnamed ones default from the fixture (schoolId, studentId → own child, classId → 3.A). */
  params?: (f: Fixture) => Record<string, string>;
  query?: (f: Fixture) => Record<string, string>;
  /** A valid body, so the request reaches the policy rather than stopping at validation. */
  body?: (f: Fixture) => unknown;
  headers?: Record<string, string>;
}

/** The leadership: leader and administrator. */
export const LEADERSHIP = ['leader', 'administrator'] as const satisfies readonly ActorName[];

export const ACCESS_EXPECTATIONS: Record<string, AccessExpectation> = {
  'GET /api/health': { allow: 'public' },
  'GET /api/openapi.json': { allow: 'public' },
};
