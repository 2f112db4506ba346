import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { errorMessage, isErrorCode, type ErrorCode, type Locale } from '../shared/errors.js';
import { ZErrorResponse } from '../shared/api/common.schema.js';
import type { GuardedRoute, PublicRoute, RouteDefinition } from './http/route.js';
import { createContext, type Actor } from './context.js';
import { fromThisMachine, passes, type RouteInput } from './policies/policy.js';
import { findActorBySessionToken, SESSION_COOKIE } from './auth/session.service.js';
import { allRoutes } from './routes.js';
import { parseUploadBody, UPLOAD_CONTENT_TYPES } from './directory-import/upload-body.js';
import { loggableUrl } from './logger.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    samspilRoute?: RouteDefinition;
  }
}

export const LOCALE_COOKIE = 'samspil_lang';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function pickLocale(request: FastifyRequest, actor: Actor | null): Locale {
  const cookieLocale = request.cookies[LOCALE_COOKIE];
  if (cookieLocale === 'da' || cookieLocale === 'en') return cookieLocale;
  if (actor) return actor.locale;
  const accept = request.headers['accept-language'] ?? '';
  return /^en\b/i.test(accept.trim()) ? 'en' : 'da';
}

function sendError(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  locale: Locale,
  extra: { field?: string; details?: unknown; params?: Record<string, string | number> } = {},
) {
  const requestId = String(reply.request.id);
  return reply.status(status).send({
    error: {
      code,
      message: errorMessage(code, locale, { requestId, ...extra.params }),
      ...(extra.field ? { field: extra.field } : {}),
      ...(extra.details !== undefined ? { details: extra.details } : {}),
      requestId,
    },
  });
}

/**
 * A browser sends Origin and Sec-Fetch-Site with every state-changing request; a request from
 * another site is refused. Scripted API clients send neither and are let through: they cannot
 * ride on a victim's cookie. Together with SameSite=Lax cookies this is the CSRF defence.
 */
function isCrossSite(request: FastifyRequest): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/**
 * What the web app may load: its own scripts, styles, fonts, images and API, nothing inline, and
 * no page may frame it. The built app needs no more (the browser test of the headers proves it).
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** The `loopback` policy (development pages): a request from another machine finds nothing. */
async function refuseOtherMachines(request: FastifyRequest) {
  if (!fromThisMachine(request.socket.remoteAddress, request.headers)) throw new AppError('not_found');
}

/**
 * Fastify's request log, made safe: no "incoming request" line, and at most one line per answered
 * request with its query values left out (`loggableUrl`): a sign-in link's token and search terms
 * travel there. Fastify's other lines (a failing serializer, a broken stream) stay.
 */
class RequestLog extends LogController {
  constructor(private readonly lines: boolean) {
    super();
  }
  override incomingRequest() {}
  override requestCompleted(_error: unknown, request: FastifyRequest, reply: FastifyReply) {
    if (!this.lines) return;
    const url = loggableUrl(request.url);
    const ms = Math.round(reply.elapsedTime);
    request.log.info(
      { request: { method: request.method, url, statusCode: reply.statusCode, ms } },
      `${request.method} ${url} ${reply.statusCode} ${ms} ms`,
    );
  }
  override routeNotFound(request: FastifyRequest) {
    request.log.info(`no route for ${request.method} ${loggableUrl(request.url)}`);
  }
}

/**
 * The HTTP app over `deps`. Fastify logs through the application's log (deps.log, a pino logger);
 * with `requestLog`, one line per answered request.
 */
export async function buildApp(deps: AppDeps, options: { requestLog?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    logController: new RequestLog(Boolean(options.requestLog)),
    genReqId: () => randomUUID().slice(0, 8),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  // Security headers on every answer; a route may set its own stricter policy (attachments do).
  await app.register(helmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Samspil API',
        version: '1',
        description: "School-home collaboration built around the school board's principle.",
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    hideUntagged: false,
  });

  // Uploaded files (the directory import) arrive as raw bytes; the route's bodyLimit caps them.
  app.addContentTypeParser(UPLOAD_CONTENT_TYPES, parseUploadBody);
  // Message attachments arrive as multipart forms, read by the route (attachments/), which sets its own limits.
  await app.register(multipart);

  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'da');

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await findActorBySessionToken(deps, token) : null;
    request.locale = pickLocale(request, request.actor);
    if (!SAFE_METHODS.has(request.method) && isCrossSite(request)) {
      return sendError(reply, 403, 'cross_site_request', request.locale);
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const locale = request.locale ?? 'da';
    if (error instanceof AppError) {
      return sendError(reply, error.status, error.code, locale, {
        field: error.options.field,
        details: error.options.details,
        params: error.options.params,
      });
    }
    const err = error as {
      validation?: Array<{ instancePath?: string; message?: string; params?: { params?: { code?: unknown } } }>;
      statusCode?: number;
      code?: string;
    };
    if (err.validation) {
      // A check of the shared schemas may name its own error code (e.g. text_invalid_characters):
      // the answer carries the first such code, translated, and the field it was found in.
      const issues = err.validation.map((v) => {
        const code = v.params?.params?.code;
        return {
          field: (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.'),
          ...(isErrorCode(code) ? { code } : {}),
          message: isErrorCode(code) ? errorMessage(code, locale) : (v.message ?? ''),
        };
      });
      const first = issues.find((issue) => issue.code) ?? issues[0];
      return sendError(reply, 400, first?.code ?? 'validation_failed', locale, {
        field: first?.field || undefined,
        details: issues,
      });
    }
    if (err.statusCode === 429) return sendError(reply, 429, 'rate_limited', locale);
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'validation_failed', locale);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, err.statusCode, 'validation_failed', locale);
    }
    request.log.error({ err: error, requestId: request.id }, 'unhandled error');
    return sendError(reply, 500, 'internal', locale);
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const route of allRoutes) {
    typed.route({
      method: route.method,
      url: route.url,
      bodyLimit: route.bodyLimit,
      // Before the body is read or validated: to another machine the route does not exist.
      ...(route.policy.kind === 'loopback' ? { onRequest: refuseOtherMachines } : {}),
      config: {
        samspilRoute: route,
        ...(route.rateLimit ? { rateLimit: route.rateLimit } : {}),
      },
      schema: {
        summary: route.summary,
        tags: route.tags,
        hide: route.hidden,
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { querystring: route.query } : {}),
        ...(route.body ? { body: route.body } : {}),
        ...(route.headers ? { headers: route.headers } : {}),
        ...(route.response
          ? {
              response: {
                '4xx': ZErrorResponse,
                '5xx': ZErrorResponse,
                ...route.otherResponses,
                [route.status ?? 200]: route.response,
              },
            }
          : {}),
        ...(route.policy.kind === 'public' || route.policy.kind === 'loopback' ? { security: [] } : {}),
      },
      handler: async (request, reply) => {
        const input: RouteInput = {
          params: request.params,
          query: request.query,
          body: request.body,
          headers: request.headers,
        };
        const who = { locale: request.locale, requestId: String(request.id), log: request.log };
        const http = { request, reply };
        let result: unknown;
        if (route.policy.kind === 'public' || route.policy.kind === 'loopback') {
          result = await (route as PublicRoute).handler(
            createContext(deps, { ...who, actor: request.actor }),
            input as never,
            http,
          );
        } else {
          if (!request.actor) throw new AppError('not_signed_in');
          const ctx = createContext(deps, { ...who, actor: request.actor });
          if (!(await passes(route.policy, ctx, input))) throw new AppError('forbidden');
          result = await (route as GuardedRoute).handler(ctx, input as never, http);
        }
        if (result === reply || reply.sent) return reply;
        if (route.status) reply.status(route.status);
        return result;
      },
    });
  }

  if (deps.config.clientDir && existsSync(path.join(deps.config.clientDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: deps.config.clientDir,
      wildcard: false,
      index: false,
      // The build keeps source maps for reading production stack traces; they are not published.
      globIgnore: ['**/*.map'],
    });
    // The web app owns every path outside /api: unknown ones get index.html and its router.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return sendError(reply, 404, 'not_found', request.locale ?? 'da');
    });
  } else {
    app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not_found', request.locale ?? 'da'));
  }
  return app;
}
