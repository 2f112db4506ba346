import type { z, ZodType } from 'zod';
import type { SignedInContext } from '../context.js';
import type { Membership } from './membership.js';
import { AppError } from '../errors.js';
import { requireAccessTo, type Permission } from './access.js';

/** What a route has received, validated by its schemas: the policy and the handler read the same input. */
export interface RouteInput<P = unknown, Q = unknown, B = unknown, H = unknown> {
  params: P;
  query: Q;
  body: B;
  headers: H;
}

/**
 * Who may call a route, declared on the route so the authorization matrix reads the real rule.
 * Every kind checks something; there is no "signed in, the use case will see":
 *  - `public`: anyone (sign-in, health, the public principle page);
 *  - `own`: any signed-in user, and the route names no row: it reads or changes only the caller's
 *    own (their threads, notifications, sessions, profile);
 *  - `school`: the caller's membership of the school in the request passes a rule of rules.ts;
 *  - `rows`: the caller may act on every row the request names (Immich's `requireAccess`), loaded
 *    by set in one query per permission; an id the caller may not see answers as a missing one;
 *  - `all`: each of several policies;
 *  - `loopback`: anyone signed in or not, from this machine only (development pages, which show
 *    sign-in links): a request from another address, or through a proxy, answers 404.
 * A denied policy answers 401 (not signed in), 404 (a row the caller may not see) or 403.
 */
export type Policy =
  | { kind: 'public'; rule: string }
  | { kind: 'loopback'; rule: string }
  | { kind: 'own'; rule: string }
  | { kind: 'school'; rule: string; check: (ctx: SignedInContext, input: RouteInput) => Promise<boolean> }
  | {
      kind: 'rows';
      rule: string;
      permission: Permission;
      /** The rows the request names; none (an optional id left out) needs no check. */
      ids: (input: RouteInput) => readonly string[];
      /**
       * For ids that only refine an answer (the child a draft is about, for writing advice): one
       * the caller may not use is removed from the input, as if it had not been given, instead of
       * refusing the request.
       */
      dropUnseen?: (input: RouteInput) => void;
      /** Runs when the caller is refused (404 or 403), before the refusal answers: a denied read is logged. */
      onRefused?: (ctx: SignedInContext, input: RouteInput) => Promise<void>;
    }
  | { kind: 'all'; rule: string; policies: readonly GuardedPolicy[] };

/** The policies of routes that need no sign-in: their use case may have no actor. */
export type PublicPolicy = Extract<Policy, { kind: 'public' | 'loopback' }>;
export type GuardedPolicy = Exclude<Policy, { kind: 'public' | 'loopback' }>;

export const publicAccess = (rule = 'anyone'): PublicPolicy => ({ kind: 'public', rule });

/** Anyone on the machine the server runs on, and no one else (see `fromThisMachine`). */
export const loopbackOnly = (rule: string): PublicPolicy => ({ kind: 'loopback', rule });

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Whether a request comes from the machine itself: its connection's address is a loopback one,
 * and no proxy forwarded it (a reverse proxy on the same machine connects from loopback for every
 * client; a header a client made up only makes its request refused). The connection's address,
 * not `request.ip`, so TRUST_PROXY cannot turn a forwarded header into a loopback caller.
 */
export function fromThisMachine(
  remoteAddress: string | undefined,
  headers: Record<string, string | string[] | undefined>,
): boolean {
  if (headers['x-forwarded-for'] !== undefined || headers.forwarded !== undefined) return false;
  return remoteAddress !== undefined && LOOPBACK.test(remoteAddress);
}

/** Any signed-in user; the route names no row and touches only the caller's own. */
export const ownData = (rule: string): GuardedPolicy => ({ kind: 'own', rule });

type Check<P> = (m: Membership, params: P, ctx: SignedInContext, input: RouteInput) => boolean | Promise<boolean>;

/**
 * A rule on the caller's membership of the school in the path (`/api/schools/:schoolId/…`).
 * The params schema is the route's own; it is passed to type the rule.
 */
export function atSchool<S extends ZodType<{ schoolId: string }>>(
  _params: S,
  rule: string,
  check: Check<z.output<S>>,
): GuardedPolicy {
  return {
    kind: 'school',
    rule,
    check: async (ctx, input) => {
      const params = input.params as z.output<S>;
      return check(await ctx.membership(params.schoolId), params, ctx, input);
    },
  };
}

/** A rule on the caller's membership of the school named in the body (`schoolId`). */
export function atSchoolInBody<S extends ZodType<{ schoolId: string }>>(
  _body: S,
  rule: string,
  check: Check<z.output<S>>,
): GuardedPolicy {
  return {
    kind: 'school',
    rule,
    check: async (ctx, input) => {
      const body = input.body as z.output<S>;
      return check(await ctx.membership(body.schoolId), body, ctx, input);
    },
  };
}

type Ids = string | readonly string[] | null | undefined;
const asList = (ids: Ids): readonly string[] => (ids == null ? [] : typeof ids === 'string' ? [ids] : ids);

/**
 * The caller must hold `permission` on every row named by `ids`, read from the route's validated
 * params, query and body (the schemas are the route's own; they type `ids`). No id named: nothing
 * to check beyond being signed in (an optional filter left out).
 */
export function requireAccess<
  P extends ZodType = ZodType<unknown>,
  B extends ZodType = ZodType<unknown>,
  Q extends ZodType = ZodType<unknown>,
>(
  permission: Permission,
  _from: { params?: P; body?: B; query?: Q },
  ids: (input: { params: z.output<P>; body: z.output<B>; query: z.output<Q> }) => Ids,
): GuardedPolicy {
  return {
    kind: 'rows',
    rule: permission,
    permission,
    ids: (input) =>
      asList(
        ids({
          params: input.params as z.output<P>,
          body: input.body as z.output<B>,
          query: input.query as z.output<Q>,
        }),
      ),
  };
}

/**
 * An optional id in the body that only refines the answer: kept when the caller holds
 * `permission` on it, removed from the input otherwise, so the use case never sees an id the
 * caller may not use.
 */
export function usedIfAllowed<S extends ZodType>(
  permission: Permission,
  _body: S,
  field: keyof z.output<S> & string,
): GuardedPolicy {
  const valueOf = (input: RouteInput) => (input.body as Record<string, unknown> | undefined)?.[field];
  return {
    kind: 'rows',
    rule: `${permission} (${field}, else left out)`,
    permission,
    ids: (input) => {
      const value = valueOf(input);
      return typeof value === 'string' ? [value] : [];
    },
    dropUnseen: (input) => {
      delete (input.body as Record<string, unknown>)[field];
    },
  };
}

/**
 * A row policy whose refusals are logged: reads of a child's sensitive data (a test result) that
 * the caller was refused leave a trace the leadership and the child's guardians can see.
 */
export function loggingRefusals(
  policy: GuardedPolicy,
  onRefused: (ctx: SignedInContext, input: RouteInput) => Promise<void>,
): GuardedPolicy {
  if (policy.kind !== 'rows') throw new Error('only a row policy logs its refusals');
  return { ...policy, rule: `${policy.rule} (refusals logged)`, onRefused };
}

/** Every one of the policies, checked in order. */
export const allOf = (...policies: GuardedPolicy[]): GuardedPolicy => ({
  kind: 'all',
  rule: policies.map((p) => p.rule).join(' and '),
  policies,
});

/** Whether the policy lets the signed-in caller through; a row it may not see throws not_found. */
export async function passes(policy: GuardedPolicy, ctx: SignedInContext, input: RouteInput): Promise<boolean> {
  switch (policy.kind) {
    case 'own':
      return true;
    case 'school':
      return policy.check(ctx, input);
    case 'rows': {
      const schoolId = (input.params as { schoolId?: unknown } | undefined)?.schoolId;
      const access = requireAccessTo(
        ctx,
        policy.permission,
        policy.ids(input),
        typeof schoolId === 'string' ? schoolId : undefined,
      );
      if (!policy.dropUnseen) {
        try {
          await access;
        } catch (error) {
          if (error instanceof AppError && policy.onRefused) await policy.onRefused(ctx, input);
          throw error;
        }
        return true;
      }
      try {
        await access;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        policy.dropUnseen(input);
      }
      return true;
    }
    case 'all':
      for (const each of policy.policies) if (!(await passes(each, ctx, input))) return false;
      return true;
  }
}
