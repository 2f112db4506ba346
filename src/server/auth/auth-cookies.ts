import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import { SESSION_COOKIE } from './session.service.js';
import type { OidcFlow } from './oidc.service.js';

const OIDC_FLOW_COOKIE = 'samspil_oidc';
const OIDC_FLOW_PATH = '/api/auth/oidc';
/** Long enough to sign in at the login service, short enough that an abandoned attempt soon goes. */
const OIDC_FLOW_SECONDS = 10 * 60;

const secure = (config: Config) => config.publicUrl.startsWith('https:');

/**
 * The session cookie: unreadable to scripts, sent by the browser on same-site requests and on
 * top-level navigations only (SameSite=Lax), over https only when the app is served over https,
 * and gone when the session expires.
 */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secure(config),
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: secure(config) });
}

const ZOidcFlow = z.object({ state: z.string().min(1), nonce: z.string().min(1), codeVerifier: z.string().min(1) });

/**
 * Keeps state, nonce and PKCE verifier in the browser that started the sign-in. The cookie is
 * httpOnly and only sent to the OIDC routes; SameSite=Lax still lets the login service's
 * redirect back (a top-level GET) carry it.
 */
export function setOidcFlowCookie(reply: FastifyReply, config: Config, flow: OidcFlow): void {
  const value = Buffer.from(JSON.stringify(flow)).toString('base64url');
  reply.setCookie(OIDC_FLOW_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: OIDC_FLOW_PATH,
    secure: secure(config),
    maxAge: OIDC_FLOW_SECONDS,
  });
}

export function readOidcFlowCookie(request: FastifyRequest): OidcFlow | undefined {
  const value = request.cookies[OIDC_FLOW_COOKIE];
  if (!value) return undefined;
  try {
    const parsed = ZOidcFlow.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function clearOidcFlowCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(OIDC_FLOW_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: OIDC_FLOW_PATH,
    secure: secure(config),
  });
}
