import type { RouteDefinition } from './http/route.js';
import { healthRoutes } from './health/health.routes.js';

/**
 * The route table: every HTTP route of the API, each with its policy. The authorization matrix
 * test is generated from this list, so a route added here without an expectation fails the tests.
 */
export const allRoutes: RouteDefinition[] = [
  ...healthRoutes,
];
