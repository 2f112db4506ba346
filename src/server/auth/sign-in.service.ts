import { createHash, randomBytes } from 'node:crypto';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { hashPassword, verifyPassword } from './password.js';
import {
  beginAccountAttempt,
  beginAttempt,
  FORGET_AFTER_MS,
  forgiveAccountAttempt,
  minutesLeft,
  recordFailure,
  secondsLeft,
} from './sign-in-throttle.js';
import { deleteStaleThrottles, deleteThrottle, lockThrottle, saveThrottle } from './sign-in-throttle.repository.js';
import type { ThrottleState } from './sign-in-throttle.js';
import { inTransaction } from '../context.js';
import { findUserByEmail, type findUserById } from './user.repository.js';

export type AuthUser = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const normalized = (email: string) => email.trim().toLowerCase();

/**
 * The throttle key of an address across all clients, whether or not an account has it; neither
 * the address nor the client's IP address is stored.
 */
export const throttleKeyOf = (email: string) => sha256(normalized(email));

/** The throttle key of one client (its IP address) signing in to one address. */
export const clientThrottleKeyOf = (email: string, client: string) => sha256(`${normalized(email)}\n${client}`);

/** Reads and writes one throttle row under its lock, in the unit of work of `tx`. */
async function updateThrottle(
  tx: Pick<AppDeps, 'db'>,
  key: string,
  now: Date,
  decide: (current: ThrottleState) => ThrottleState,
): Promise<ThrottleState> {
  const state = decide(await lockThrottle(tx.db, key, now));
  await saveThrottle(tx.db, key, state);
  return state;
}

type Refusal = { refused: 'client' | 'account'; until: Date };

/**
 * Counts a sign-in attempt for the client and for the address in one unit of work, or refuses it
 * when the client is locked out of the address or the address's back-off has not passed. A
 * refused attempt counts nowhere, so a locked stranger's further tries slow nobody else. Rows are
 * always locked address first, then client, so concurrent sign-ins cannot deadlock.
 */
function beginSignInAttempt(deps: AppDeps, keys: { account: string; client: string }, now: Date) {
  return inTransaction(deps, async (tx): Promise<Refusal | null> => {
    const accountState = await lockThrottle(tx.db, keys.account, now);
    const clientDecision = beginAttempt(await lockThrottle(tx.db, keys.client, now), now);
    if (!clientDecision.allowed) {
      await saveThrottle(tx.db, keys.client, clientDecision.state);
      return { refused: 'client', until: clientDecision.lockedUntil };
    }
    const accountDecision = beginAccountAttempt(accountState, now);
    if (!accountDecision.allowed) return { refused: 'account', until: accountDecision.lockedUntil };
    await saveThrottle(tx.db, keys.client, clientDecision.state);
    await saveThrottle(tx.db, keys.account, accountDecision.state);
    return null;
  });
}

/**
 * A hash of a password nobody knows. When no account has the address, or the account has no
 * password, this is verified instead, so the answer takes as long as for a wrong password.
 */
const DUMMY_PASSWORD_HASH = hashPassword(randomBytes(24).toString('base64url'));

const refusal = ({ refused, until }: Refusal, now: Date) =>
  refused === 'client'
    ? new AppError('sign_in_locked', { params: { minutes: minutesLeft(until, now) } })
    : new AppError('sign_in_slowed', { params: { seconds: secondsLeft(until, now) } });

/**
 * Checks an e-mail and password from one client (its IP address). A wrong address and a wrong
 * password fail alike with `invalid_credentials`; too many failures from one client lock that
 * client out of the address with `sign_in_locked`; many failures from anywhere slow every
 * password check for the address with `sign_in_slowed`.
 */
export async function signInWithPassword(
  deps: AppDeps,
  credentials: { email: string; password: string },
  client: string,
): Promise<AuthUser> {
  const keys = { account: throttleKeyOf(credentials.email), client: clientThrottleKeyOf(credentials.email, client) };
  const startedAt = deps.clock.now();
  const refused = await beginSignInAttempt(deps, keys, startedAt);
  if (refused) throw refusal(refused, startedAt);

  const user = await findUserByEmail(deps.db, credentials.email);
  const passwordHash = user?.password_hash ?? (await DUMMY_PASSWORD_HASH);
  const matches = await verifyPassword(passwordHash, credentials.password);
  const finishedAt = deps.clock.now();
  if (user?.password_hash && matches) {
    await inTransaction(deps, async (tx) => {
      await updateThrottle(tx, keys.account, finishedAt, forgiveAccountAttempt);
      await deleteThrottle(tx.db, keys.client);
    });
    return user;
  }

  const after = await inTransaction(deps, (tx) =>
    updateThrottle(tx, keys.client, finishedAt, (current) => recordFailure(current, finishedAt)),
  );
  // Guessers leave rows behind; each failure clears away the ones that no longer count.
  await deleteStaleThrottles(deps.db, new Date(finishedAt.getTime() - FORGET_AFTER_MS), finishedAt);
  if (after.lockedUntil && after.lockedUntil > finishedAt)
    throw refusal({ refused: 'client', until: after.lockedUntil }, finishedAt);
  throw new AppError('invalid_credentials');
}

/**
 * A sign-in by another proof of identity (a mailed link) also clears the password lock of the
 * client that used it. The address's back-off stays: the strangers' guesses are not forgiven.
 */
export async function forgetFailedSignIns(deps: AppDeps, email: string, client: string): Promise<void> {
  await deleteThrottle(deps.db, clientThrottleKeyOf(email, client));
}
