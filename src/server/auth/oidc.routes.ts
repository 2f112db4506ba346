import { defineRoute } from '../http/route.js';
import { oidcContracts } from '../../shared/api/auth.contract.js';
import { publicAccess } from '../policies/policy.js';
import { AppError } from '../errors.js';
import { type TOidcLoginError } from '../../shared/api/auth.schema.js';
import { clearOidcFlowCookie, readOidcFlowCookie, setOidcFlowCookie } from './auth-cookies.js';
import { signInResponse } from './sign-in-response.js';
import { beginOidcSignIn, completeOidcSignIn, oidcProvider } from './oidc.service.js';

const OIDC_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

const loginErrorUrl = (code: TOidcLoginError) => `/login?error=${code}`;

export const oidcRoutes = [
  defineRoute({
    ...oidcContracts.providers,
    summary: 'The ways this installation lets people sign in.',
    tags: ['auth'],
    policy: publicAccess('the sign-in page'),
    async handler(ctx) {
      return { password: true, magicLink: true, oidc: oidcProvider(ctx.config) };
    },
  }),
  defineRoute({
    ...oidcContracts.start,
    summary: 'Sends the browser to the shared login service (OpenID Connect, code flow with PKCE).',
    tags: ['auth'],
    rateLimit: OIDC_RATE_LIMIT,
    policy: publicAccess('anyone may try to sign in'),
    async handler(ctx, _input, { reply }) {
      try {
        const { redirectTo, flow } = await beginOidcSignIn(ctx);
        setOidcFlowCookie(reply, ctx.config, flow);
        return reply.redirect(redirectTo.href, 302);
      } catch (error) {
        if (error instanceof AppError) throw error;
        ctx.log.error({ err: error }, 'the login service could not be reached');
        return reply.redirect(loginErrorUrl('oidc_failed'), 302);
      }
    },
  }),
  defineRoute({
    ...oidcContracts.callback,
    summary:
      'Where the login service returns the browser: signs in and redirects to the start page, or to /login?error=….',
    tags: ['auth'],
    rateLimit: OIDC_RATE_LIMIT,
    policy: publicAccess('the login service redirects here'),
    async handler(ctx, _input, http) {
      const { request, reply } = http;
      const flow = readOidcFlowCookie(request);
      clearOidcFlowCookie(reply, ctx.config);
      const url = request.url;
      try {
        const user = await completeOidcSignIn(ctx, url.includes('?') ? url.slice(url.indexOf('?')) : '', flow);
        await signInResponse(ctx, http, user, 'oidc');
        return reply.redirect('/', 302);
      } catch (error) {
        if (error instanceof AppError && error.code === 'oidc_not_configured') throw error;
        const code: TOidcLoginError =
          error instanceof AppError && error.code === 'oidc_no_account' ? 'oidc_no_account' : 'oidc_failed';
        ctx.log.warn({ err: error, code }, 'sign-in through the login service failed');
        return reply.redirect(loginErrorUrl(code), 302);
      }
    },
  }),
];
