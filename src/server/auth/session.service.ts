import { createHash, randomBytes } from 'node:crypto';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../context.js';
import type { SessionsTable } from '../db/schema.js';
import { AppError } from '../errors.js';
import {
  endSessionById,
  endSessionOfUser,
  endSessionsOfUser,
  findOpenSessionByTokenHash,
  insertSession,
  listOpenSessionsOfUser,
  touchSession,
} from './session.repository.js';

export const SESSION_COOKIE = 'samspil_session';
/** A session not used for this long ends, even before its absolute expiry. */
const IDLE_MS = 2 * 24 * 60 * 60 * 1000;
/** Touch at most once a minute so reads stay cheap. */
const TOUCH_EVERY_MS = 60_000;

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
  await insertSession(deps.db, {
    tokenHash: hashToken(token),
    userId,
    method,
    userAgent: userAgent?.slice(0, 300) ?? null,
    now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The actor behind a session token, or null when it is unknown, ended, expired or idle. */
export async function findActorBySessionToken(deps: AppDeps, token: string): Promise<Actor | null> {
  const now = deps.clock.now();
  const row = await findOpenSessionByTokenHash(deps.db, hashToken(token), now);
  if (!row || now.getTime() - row.lastSeenAt.getTime() > IDLE_MS) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(deps.db, row.sessionId, now);
  return { userId: row.userId, sessionId: row.sessionId, name: row.name, email: row.email, locale: row.locale };
}

export async function endSession(deps: AppDeps, sessionId: string): Promise<void> {
  await endSessionById(deps.db, sessionId, deps.clock.now());
}

/** Ends every session of a user: "sign out everywhere", and after a password change. */
export async function endAllSessions(deps: AppDeps, userId: string): Promise<number> {
  return endSessionsOfUser(deps.db, userId, deps.clock.now());
}

/** The sessions a user can still use, for "where am I signed in". */
export async function listSessions(deps: AppDeps, actor: Actor) {
  const now = deps.clock.now();
  const rows = await listOpenSessionsOfUser(deps.db, actor.userId, now, new Date(now.getTime() - IDLE_MS));
  return rows.map((r) => ({ ...r, current: r.id === actor.sessionId }));
}

/**
 * Ends one of the actor's own sessions. Someone else's session id answers exactly like an
 * unknown one (404), so ids cannot be probed.
 */
export async function endOwnSession(deps: AppDeps, actor: Actor, sessionId: string): Promise<{ wasCurrent: boolean }> {
  if (!(await endSessionOfUser(deps.db, actor.userId, sessionId, deps.clock.now()))) throw new AppError('not_found');
  return { wasCurrent: sessionId === actor.sessionId };
}
