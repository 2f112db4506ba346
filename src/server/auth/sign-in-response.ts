import type { Context } from '../context.js';
import type { Http } from '../http/route.js';
import type { TSessionMethod, TSignInResponse } from '../../shared/api/auth.schema.js';
import { presentAuthUser } from './auth.presenter.js';
import { setSessionCookie } from './auth-cookies.js';
import { startSession } from './session.service.js';
import type { AuthUser } from './sign-in.service.js';

/**
 * The route layer of every sign-in: starts a session for a user who has just proven who they are
 * and hands the browser its cookie.
 */
export async function signInResponse(
  ctx: Context,
  { request, reply }: Http,
  user: AuthUser,
  method: TSessionMethod,
): Promise<TSignInResponse> {
  const { token, expiresAt } = await startSession(ctx, user.id, method, request.headers['user-agent']);
  setSessionCookie(reply, ctx.config, token, expiresAt);
  return { user: presentAuthUser(user) };
}
