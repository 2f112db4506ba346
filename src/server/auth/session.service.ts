import { createHash, randomBytes } from 'node:crypto';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../http/route.js';
import type { SessionsTable } from '../db/schema.js';

export const SESSION_COOKIE = 'samspil_session';
/** A session not used for this long ends, even before its absolute expiry. */
const IDLE_MS = 2 * 24 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

/** Starts a session and returns the token for the cookie; only its hash is stored. */
export async function startSession(
  deps: AppDeps,
  userId: string,
  method: SessionsTable['method'],
  userAgent?: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.sessionDays * 24 * 60 * 60 * 1000);
  await deps.db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, created_at: now, last_seen_at: now, expires_at: expiresAt, method, user_agent: userAgent?.slice(0, 300) ?? null })
    .execute();
  return { token, expiresAt };
}

/** The actor behind a session token, or null when it is unknown, ended, expired or idle. */
export async function findActorBySessionToken(deps: AppDeps, token: string): Promise<Actor | null> {
  const now = deps.clock.now();
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as sessionId', 'sessions.last_seen_at', 'users.id as userId', 'users.name', 'users.email', 'users.locale'])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.ended_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row || now.getTime() - row.last_seen_at.getTime() > IDLE_MS) return null;
  // Touch at most once a minute so reads stay cheap.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await deps.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.sessionId).execute();
  }
  return { userId: row.userId, sessionId: row.sessionId, name: row.name, email: row.email, locale: row.locale };
}

export async function endSession(deps: AppDeps, sessionId: string): Promise<void> {
  await deps.db.updateTable('sessions').set({ ended_at: deps.clock.now() }).where('id', '=', sessionId).where('ended_at', 'is', null).execute();
}

/** Ends every session of a user: "sign out everywhere", and after a password change. */
export async function endAllSessions(deps: AppDeps, userId: string): Promise<number> {
  const result = await deps.db
    .updateTable('sessions')
    .set({ ended_at: deps.clock.now() })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
