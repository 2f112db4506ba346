import { defineRoute, publicAccess, signedIn } from '../http/route.js';
import { ZOk } from '../../shared/api/common.schema.js';
import {
  ZMagicLinkRequest,
  ZMagicLinkVerifyRequest,
  ZSessionList,
  ZSessionParams,
  ZSignInRequest,
  ZSignInResponse,
  ZSignOutEverywhereResponse,
} from '../../shared/api/auth.schema.js';
import { presentSession } from './auth.presenter.js';
import { clearSessionCookie } from './auth-cookies.js';
import { requestMagicLink, signInWithMagicLink } from './magic-link.service.js';
import { endAllSessions, endOwnSession, endSession, listSessions } from './session.service.js';
import { signInWithPassword } from './sign-in.service.js';
import { signInResponse } from './sign-in-response.js';

/** Per client address, behind the per-address lock of sign-in-throttle.ts. */
const SIGN_IN_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
const MAGIC_LINK_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };

export const authRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/auth/sign-in',
    summary: 'Signs in with e-mail and password and sets the session cookie.',
    tags: ['auth'],
    body: ZSignInRequest,
    response: ZSignInResponse,
    rateLimit: SIGN_IN_RATE_LIMIT,
    policy: publicAccess('anyone may try to sign in'),
    async handler(ctx, { body }) {
      return signInResponse(ctx, await signInWithPassword(ctx.deps, body), 'password');
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/sign-out',
    summary: 'Ends the current session and clears its cookie.',
    tags: ['auth'],
    response: ZOk,
    policy: signedIn('signed-in'),
    async handler(ctx) {
      await endSession(ctx.deps, ctx.actor!.sessionId);
      clearSessionCookie(ctx.reply, ctx.deps.config);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/sign-out-everywhere',
    summary: "Ends all of the user's sessions on every device, this one included.",
    tags: ['auth'],
    response: ZSignOutEverywhereResponse,
    policy: signedIn('signed-in'),
    async handler(ctx) {
      const ended = await endAllSessions(ctx.deps, ctx.actor!.userId);
      clearSessionCookie(ctx.reply, ctx.deps.config);
      return { ok: true as const, ended };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/sessions',
    summary: "The user's active sessions, the current one marked.",
    tags: ['auth'],
    response: ZSessionList,
    policy: signedIn('signed-in'),
    async handler(ctx) {
      return { sessions: (await listSessions(ctx.deps, ctx.actor!)).map(presentSession) };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/auth/sessions/:sessionId',
    summary: "Ends one of the user's own sessions; another user's session answers 404.",
    tags: ['auth'],
    params: ZSessionParams,
    response: ZOk,
    policy: signedIn<typeof ZSessionParams, undefined, undefined>(
      'own session (checked by the use case, 404 otherwise)',
    ),
    async handler(ctx, { params }) {
      const { wasCurrent } = await endOwnSession(ctx.deps, ctx.actor!, params.sessionId);
      if (wasCurrent) clearSessionCookie(ctx.reply, ctx.deps.config);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/magic-link',
    summary: 'Mails a sign-in link valid for 15 minutes if an account has the address; always answers 202.',
    tags: ['auth'],
    body: ZMagicLinkRequest,
    response: ZOk,
    status: 202,
    rateLimit: MAGIC_LINK_RATE_LIMIT,
    policy: publicAccess('anyone may ask for a sign-in link'),
    async handler(ctx, { body }) {
      // The answer must not tell whether the address has an account, neither by its content nor
      // by how long it takes, so the link is made and mailed after the reply has gone.
      void requestMagicLink(ctx.deps, body.email, ctx.deps.clock.now()).catch((error: unknown) =>
        ctx.request.log.error({ err: error }, 'sign-in link could not be sent'),
      );
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/magic-link/verify',
    summary: 'Signs in with the token from a mailed link (single use) and sets the session cookie.',
    tags: ['auth'],
    body: ZMagicLinkVerifyRequest,
    response: ZSignInResponse,
    rateLimit: SIGN_IN_RATE_LIMIT,
    policy: publicAccess('anyone holding a sign-in link'),
    async handler(ctx, { body }) {
      return signInResponse(ctx, await signInWithMagicLink(ctx.deps, body.token), 'magic-link');
    },
  }),
];
