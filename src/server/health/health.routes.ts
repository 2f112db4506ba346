import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { publicAccess } from '../policies/policy.js';
import { pingDatabase } from './health.repository.js';

const ZHealth = z.object({ status: z.enum(['ok', 'unavailable']) });

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/health',
    summary: 'Checks that the server and its database answer.',
    tags: ['health'],
    response: ZHealth,
    otherResponses: { 503: ZHealth },
    policy: publicAccess(),
    async handler(ctx, _input, { reply }) {
      try {
        await pingDatabase(ctx.db);
        return { status: 'ok' as const };
      } catch (error) {
        ctx.log.error({ err: error }, 'database health check failed');
        reply.status(503);
        return { status: 'unavailable' as const };
      }
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'The OpenAPI 3 document of this API, generated from its Zod schemas.',
    tags: ['health'],
    policy: publicAccess(),
    hidden: true,
    async handler(_ctx, _input, { request, reply }) {
      return reply.send(request.server.swagger());
    },
  }),
];
