import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z, ZodType } from 'zod';
import type { AppDeps } from '../deps.js';
import type { Locale } from '../../shared/errors.js';
import type { Membership } from '../policies/membership.js';

/** The signed-in user behind a request. */
export interface Actor {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
  locale: Locale;
}

export interface RequestContext {
  deps: AppDeps;
  request: FastifyRequest;
  reply: FastifyReply;
  requestId: string;
  locale: Locale;
  actor: Actor | null;
  /** The actor's membership of a school, loaded once per request. Requires a signed-in actor. */
  membership(schoolId: string): Promise<Membership>;
}

export interface SignedInContext extends RequestContext {
  actor: Actor;
}

type Infer<T> = T extends ZodType ? z.output<T> : undefined;

export interface RouteInput<P, Q, B> {
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
}

/**
 * Who may call a route. `public` routes run for anyone; every other policy first requires a
 * signed-in user (401 otherwise) and then its check (403, or 404 when the check throws it, so a
 * denied id looks like a missing one).
 */
export type Policy<P, Q, B> =
  | { kind: 'public'; name: string }
  | {
      kind: 'signed-in';
      name: string;
      check: (ctx: SignedInContext, input: RouteInput<P, Q, B>) => boolean | Promise<boolean>;
    };

export interface RouteDefinition<P = any, Q = any, B = any, R = any> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
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
  policy: Policy<P, Q, B>;
  handler: (ctx: RequestContext, input: RouteInput<P, Q, B>) => Promise<Infer<R> | FastifyReply | void>;
}

export function defineRoute<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
  R extends ZodType | undefined = undefined,
>(route: RouteDefinition<P, Q, B, R>): RouteDefinition<P, Q, B, R> {
  return route;
}

export const publicAccess = (name = 'public'): Policy<any, any, any> => ({ kind: 'public', name });

/** A policy that needs a signed-in user and passes `check`. */
export function signedIn<P, Q, B>(
  name: string,
  check: (ctx: SignedInContext, input: RouteInput<P, Q, B>) => boolean | Promise<boolean> = () => true,
): Policy<P, Q, B> {
  return { kind: 'signed-in', name, check };
}
