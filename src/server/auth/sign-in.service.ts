import { createHash, randomBytes } from 'node:crypto';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { beginAttempt, minutesLeft, recordFailure } from './sign-in-throttle.js';
import { deleteThrottle, lockThrottle, saveThrottle } from './sign-in-throttle.repository.js';
import type { ThrottleState } from './sign-in-throttle.js';
import { inTransaction } from '../context.js';
import { findUserByEmail, type findUserById } from './user.repository.js';

export type AuthUser = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/** The throttle key of an address, whether or not an account has it; the address itself is not stored. */
export const throttleKeyOf = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/**
 * Reads the address's throttle state under its row lock, lets `decide` compute the next state and
 * writes it back, as one unit of work: concurrent sign-ins for the same address are counted one
 * after another.
 */
function updateThrottle<T extends { state: ThrottleState }>(
  deps: Pick<AppDeps, 'db'>,
  key: string,
  now: Date,
  decide: (current: ThrottleState) => T,
): Promise<T> {
  return inTransaction(deps, async (tx) => {
    const result = decide(await lockThrottle(tx.db, key, now));
    await saveThrottle(tx.db, key, result.state);
    return result;
  });
}

/**
 * A hash of a password nobody knows. When no account has the address, or the account has no
 * password, this is verified instead, so the answer takes as long as for a wrong password.
 */
const DUMMY_PASSWORD_HASH = hashPassword(randomBytes(24).toString('base64url'));

const locked = (lockedUntil: Date, now: Date) =>
  new AppError('sign_in_locked', { params: { minutes: minutesLeft(lockedUntil, now) } });

/**
 * Checks an e-mail and password. A wrong address and a wrong password fail alike with
 * `invalid_credentials`; too many failures for one address lock it with `sign_in_locked`.
 */
export async function signInWithPassword(
  deps: AppDeps,
  credentials: { email: string; password: string },
): Promise<AuthUser> {
  const key = throttleKeyOf(credentials.email);
  const startedAt = deps.clock.now();
  const attempt = await updateThrottle(deps, key, startedAt, (current) => beginAttempt(current, startedAt));
  if (!attempt.allowed) throw locked(attempt.lockedUntil, startedAt);

  const user = await findUserByEmail(deps.db, credentials.email);
  const passwordHash = user?.password_hash ?? (await DUMMY_PASSWORD_HASH);
  const matches = await verifyPassword(passwordHash, credentials.password);
  if (user?.password_hash && matches) {
    await deleteThrottle(deps.db, key);
    return user;
  }

  const failedAt = deps.clock.now();
  const after = await updateThrottle(deps, key, failedAt, (current) => ({
    state: recordFailure(current, failedAt),
  }));
  if (after.state.lockedUntil && after.state.lockedUntil > failedAt) throw locked(after.state.lockedUntil, failedAt);
  throw new AppError('invalid_credentials');
}

/** A sign-in by another proof of identity (a mailed link) also clears the password lock of the address. */
export async function forgetFailedSignIns(deps: AppDeps, email: string): Promise<void> {
  await deleteThrottle(deps.db, throttleKeyOf(email));
}
