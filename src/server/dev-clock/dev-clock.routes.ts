import { defineRoute } from '../http/route.js';
import { loopbackOnly } from '../policies/policy.js';
import { ZAdvanceTestClock, ZTestClock } from '../../shared/api/dev-clock.schema.js';
import { advanceTestClock, readTestClock } from './dev-clock.service.js';

// Like /api/dev/mail, open to the machine itself only: a browser test drives it without signing in,
// and a server that was not started with SAMSPIL_TEST_CLOCK=1 (every real installation) answers 404
// to everyone.
export const devClockRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/dev/clock',
    summary: "The server's test clock (SAMSPIL_TEST_CLOCK=1 only).",
    tags: ['development'],
    response: ZTestClock,
    hidden: true,
    policy: loopbackOnly('test page, from this machine only'),
    handler: async (ctx) => readTestClock(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/dev/clock',
    summary:
      "Moves the server's test clock by a number of hours, so browser tests can see promises fall due (SAMSPIL_TEST_CLOCK=1 only).",
    tags: ['development'],
    body: ZAdvanceTestClock,
    response: ZTestClock,
    hidden: true,
    policy: loopbackOnly('test page, from this machine only'),
    handler: async (ctx, { body }) => advanceTestClock(ctx, body.advanceHours),
  }),
];
