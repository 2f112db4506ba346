import { defineRoute } from '../http/route.js';
import { authContracts } from '../../shared/api/auth.contract.js';
import { ownData, publicAccess, requireAccess } from '../policies/policy.js';
import { ZSessionParams } from '../../shared/api/auth.schema.js';
import { presentSession } from './auth.presenter.js';
import { clearSessionCookie } from './auth-cookies.js';
import { requestMagicLink, signInWithMagicLink } from './magic-link.service.js';
import { endAllSessions, endOwnSession, endSession, listSessions } from './session.service.js';
import { signInWithPassword } from './sign-in.service.js';
import { signInResponse } from './sign-in-response.js';

/** Per client address, in front of the per-address-and-client lock and the per-address back-off of sign-in-throttle.ts. */
const SIGN_IN_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
const MAGIC_LINK_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };

export const authRoutes = [
  defineRoute({
    ...authContracts.signIn,
    summary: 'Signs in with e-mail and password and sets the session cookie.',
    tags: ['auth'],
    rateLimit: SIGN_IN_RATE_LIMIT,
    policy: publicAccess('anyone may try to sign in'),
    async handler(ctx, { body }, http) {
      return signInResponse(ctx, http, await signInWithPassword(ctx, body, http.request.ip), 'password');
    },
  }),
  defineRoute({
    ...authContracts.signOut,
    summary: 'Ends the current session and clears its cookie.',
    tags: ['auth'],
    policy: ownData("the caller's own session"),
    async handler(ctx, _input, { reply }) {
      await endSession(ctx, ctx.actor.sessionId);
      clearSessionCookie(reply, ctx.config);
      return { ok: true as const };
    },
  }),
  defineRoute({
    ...authContracts.signOutEverywhere,
    summary: "Ends all of the user's sessions on every device, this one included.",
    tags: ['auth'],
    policy: ownData("the caller's own sessions"),
    async handler(ctx, _input, { reply }) {
      const ended = await endAllSessions(ctx, ctx.actor.userId);
      clearSessionCookie(reply, ctx.config);
      return { ok: true as const, ended };
    },
  }),
  defineRoute({
    ...authContracts.sessions,
    summary: "The user's active sessions, the current one marked.",
    tags: ['auth'],
    policy: ownData("the caller's own sessions"),
    async handler(ctx) {
      return { sessions: (await listSessions(ctx, ctx.actor)).map(presentSession) };
    },
  }),
  defineRoute({
    ...authContracts.endSession,
    summary: "Ends one of the user's own sessions; another user's session answers 404.",
    tags: ['auth'],
    policy: requireAccess('session.end', { params: ZSessionParams }, ({ params }) => params.sessionId),
    async handler(ctx, { params }, { reply }) {
      const { wasCurrent } = await endOwnSession(ctx, ctx.actor, params.sessionId);
      if (wasCurrent) clearSessionCookie(reply, ctx.config);
      return { ok: true as const };
    },
  }),
  defineRoute({
    ...authContracts.requestMagicLink,
    summary: 'Mails a sign-in link valid for 15 minutes if an account has the address; always answers 202.',
    tags: ['auth'],
    rateLimit: MAGIC_LINK_RATE_LIMIT,
    policy: publicAccess('anyone may ask for a sign-in link'),
    async handler(ctx, { body }) {
      // The answer must not tell whether the address has an account, neither by its content nor
      // by how long it takes, so the link is made and mailed after the reply has gone.
      void requestMagicLink(ctx, body.email, ctx.clock.now()).catch((error: unknown) =>
        ctx.log.error({ err: error }, 'sign-in link could not be sent'),
      );
      return { ok: true as const };
    },
  }),
  defineRoute({
    ...authContracts.verifyMagicLink,
    summary: 'Signs in with the token from a mailed link (single use) and sets the session cookie.',
    tags: ['auth'],
    rateLimit: SIGN_IN_RATE_LIMIT,
    policy: publicAccess('anyone holding a sign-in link'),
    async handler(ctx, { body }, http) {
      return signInResponse(ctx, http, await signInWithMagicLink(ctx, body.token, http.request.ip), 'magic-link');
    },
  }),
];
