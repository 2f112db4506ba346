import { z } from 'zod';
import { defineRoute, publicAccess } from '../http/route.js';
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
    async handler(ctx) {
      try {
        await pingDatabase(ctx.deps.db);
        return { status: 'ok' as const };
      } catch (error) {
        ctx.request.log.error({ err: error }, 'database health check failed');
        ctx.reply.status(503);
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
    async handler(ctx) {
      return ctx.reply.send(ctx.request.server.swagger());
    },
  }),
];
