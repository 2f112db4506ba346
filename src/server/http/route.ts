import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z, ZodType } from 'zod';
import type { Context, SignedInContext } from '../context.js';
import type { GuardedPolicy, PublicPolicy, RouteInput } from '../policies/policy.js';

export type { RouteInput } from '../policies/policy.js';

type Infer<T> = T extends ZodType ? z.output<T> : undefined;

/**
 * The HTTP exchange, for the few routes whose answer is more than JSON (cookies, redirects,
 * files, multipart uploads). It stays in the route layer: use cases never see it.
 */
export interface Http {
  request: FastifyRequest;
  reply: FastifyReply;
}

interface RouteShape<P, Q, B, H, R> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** Request headers the route reads (e.g. the idempotency key), validated like the rest. */
  headers?: H;
  /** The success body's schema; it is also the presenter's whitelist on the way out. */
  response?: R;
  /** Bodies of other statuses that are not the standard error shape (e.g. health's 503). */
  otherResponses?: Record<number, ZodType>;
  /** Success status (200 unless set). */
  status?: number;
  /** Routes that answer with something other than JSON (HTML, redirects, files). */
  produces?: string;
  /** Leave this route out of the OpenAPI document (development-only pages). */
  hidden?: boolean;
  /** Accept bodies up to this many bytes (default Fastify's 1 MiB). */
  bodyLimit?: number;
  /** Per-route request limit (@fastify/rate-limit), e.g. for sign-in. */
  rateLimit?: { max: number; timeWindow: number | string };
}

type Input<P, Q, B, H> = RouteInput<Infer<P>, Infer<Q>, Infer<B>, Infer<H>>;
type Result<R> = Promise<Infer<R> | FastifyReply | void>;

/** A route anyone may call: its use case may have no actor. */
export interface PublicRoute<P = unknown, Q = unknown, B = unknown, H = unknown, R = unknown> extends RouteShape<
  P,
  Q,
  B,
  H,
  R
> {
  policy: PublicPolicy;
  handler(ctx: Context, input: Input<P, Q, B, H>, http: Http): Result<R>;
}

/** A route behind a policy: its use case runs for a signed-in actor the policy has let through. */
export interface GuardedRoute<P = unknown, Q = unknown, B = unknown, H = unknown, R = unknown> extends RouteShape<
  P,
  Q,
  B,
  H,
  R
> {
  policy: GuardedPolicy;
  handler(ctx: SignedInContext, input: Input<P, Q, B, H>, http: Http): Result<R>;
}

export type RouteDefinition = PublicRoute | GuardedRoute;

type Schema = ZodType | undefined;

/** One route of the route table, typed from its schemas. Thin: authenticate → validate → authorize → use case → present. */
export function defineRoute<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  H extends Schema = undefined,
  R extends Schema = undefined,
>(route: PublicRoute<P, Q, B, H, R>): RouteDefinition;
export function defineRoute<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  H extends Schema = undefined,
  R extends Schema = undefined,
>(route: GuardedRoute<P, Q, B, H, R>): RouteDefinition;
export function defineRoute(route: RouteDefinition): RouteDefinition {
  return route;
}
