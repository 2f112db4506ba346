/**
 * The two rules that make password guessing hopeless without letting a stranger lock anyone out
 * (docs/SECURITY.md, "Throttling"). Both count an attempt before its password is checked, so
 * guesses sent in parallel cannot slip past a limit while the first ones are being checked.
 *
 * - Per address and client: after MAX_FAILURES failed sign-ins within WINDOW_MS, that client is
 *   locked out of that address for LOCK_MS; a successful sign-in from it resets it. A stranger's
 *   wrong passwords lock the stranger, not the owner at her own client.
 * - Per address, across all clients: the first ACCOUNT_FREE_FAILURES attempts in ACCOUNT_WINDOW_MS
 *   are not slowed; after that each password check must wait a delay that doubles up to
 *   ACCOUNT_MAX_DELAY_MS since the previous one. Guessing from many clients is slowed to a few
 *   hundred checks a day, and the owner waits at most that delay or signs in by e-mail link.
 */

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export interface ThrottleState {
  /** Attempts counted in the current window that have not succeeded (failed or still being checked). */
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export type AttemptDecision =
  { allowed: true; state: ThrottleState } | { allowed: false; state: ThrottleState; lockedUntil: Date };

const isLocked = (state: ThrottleState, now: Date): state is ThrottleState & { lockedUntil: Date } =>
  state.lockedUntil !== null && now.getTime() < state.lockedUntil.getTime();

/** Decides whether a sign-in attempt may check its password, and counts it. */
export function beginAttempt(previous: ThrottleState | undefined, now: Date): AttemptDecision {
  if (previous && isLocked(previous, now))
    return { allowed: false, state: previous, lockedUntil: previous.lockedUntil };
  const windowOver =
    !previous || previous.lockedUntil !== null || now.getTime() - previous.windowStartedAt.getTime() >= WINDOW_MS;
  const current: ThrottleState = windowOver ? { failures: 0, windowStartedAt: now, lockedUntil: null } : previous;
  if (current.failures >= MAX_FAILURES) {
    const lockedUntil = new Date(now.getTime() + LOCK_MS);
    return { allowed: false, state: { ...current, lockedUntil }, lockedUntil };
  }
  return { allowed: true, state: { ...current, failures: current.failures + 1 } };
}

/** After a wrong password: the attempt stays counted, and the last one the limit allows locks the address. */
export function recordFailure(current: ThrottleState, now: Date): ThrottleState {
  if (isLocked(current, now) || current.failures < MAX_FAILURES) return current;
  return { ...current, lockedUntil: new Date(now.getTime() + LOCK_MS) };
}

export const ACCOUNT_FREE_FAILURES = 10;
export const ACCOUNT_WINDOW_MS = 24 * 60 * 60_000;
export const ACCOUNT_FIRST_DELAY_MS = 1000;
export const ACCOUNT_MAX_DELAY_MS = 5 * 60_000;

/** A row whose window started this long ago and that holds no lock is as good as none, under both rules. */
export const FORGET_AFTER_MS = Math.max(WINDOW_MS, ACCOUNT_WINDOW_MS);

/**
 * How long the address's next password check must wait after the attempt that made `attempts`
 * its count: nothing for the free ones, then 1 s, 2 s, 4 s … up to ACCOUNT_MAX_DELAY_MS.
 */
export function accountDelayMs(attempts: number): number {
  if (attempts < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_FIRST_DELAY_MS * 2 ** (attempts - ACCOUNT_FREE_FAILURES), ACCOUNT_MAX_DELAY_MS);
}

/**
 * The address-wide back-off: decides whether an attempt from any client may check its password
 * now, and counts it. In this state `lockedUntil` is the earliest moment of the next check.
 */
export function beginAccountAttempt(previous: ThrottleState | undefined, now: Date): AttemptDecision {
  if (previous && isLocked(previous, now))
    return { allowed: false, state: previous, lockedUntil: previous.lockedUntil };
  const windowOver = !previous || now.getTime() - previous.windowStartedAt.getTime() >= ACCOUNT_WINDOW_MS;
  const current: ThrottleState = windowOver ? { failures: 0, windowStartedAt: now, lockedUntil: null } : previous;
  const failures = current.failures + 1;
  const delay = accountDelayMs(failures);
  return {
    allowed: true,
    state: { ...current, failures, lockedUntil: delay ? new Date(now.getTime() + delay) : null },
  };
}

/**
 * After a right password the owner's own attempt is forgiven, but not the strangers' failures
 * before it: otherwise each of her sign-ins would hand a distributed guesser a fresh free start.
 */
export function forgiveAccountAttempt(current: ThrottleState): ThrottleState {
  return { ...current, failures: Math.max(0, current.failures - 1) };
}

/** Whole minutes until a lock ends, rounded up, for "try again in N minutes". */
export function minutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}

/** Whole seconds until the address's next password check, rounded up, for "try again in N seconds". */
export function secondsLeft(notBefore: Date, now: Date): number {
  return Math.max(1, Math.ceil((notBefore.getTime() - now.getTime()) / 1000));
}
