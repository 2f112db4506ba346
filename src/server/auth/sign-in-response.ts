import type { RequestContext } from '../http/route.js';
import type { TSessionMethod, TSignInResponse } from '../../shared/api/auth.schema.js';
import { presentAuthUser } from './auth.presenter.js';
import { setSessionCookie } from './auth-cookies.js';
import { startSession } from './session.service.js';
import type { AuthUser } from './sign-in.service.js';

/** Starts a session for a user who has just proven who they are, and hands the browser its cookie. */
export async function signInResponse(
  ctx: RequestContext,
  user: AuthUser,
  method: TSessionMethod,
): Promise<TSignInResponse> {
  const { token, expiresAt } = await startSession(ctx.deps, user.id, method, ctx.request.headers['user-agent']);
  setSessionCookie(ctx.reply, ctx.deps.config, token, expiresAt);
  return { user: presentAuthUser(user) };
}
