/**
 * The rule that slows down password guessing for one e-mail address: after MAX_FAILURES failed
 * sign-ins within WINDOW_MS the address is locked for LOCK_MS; a successful sign-in resets it.
 * An attempt is counted before its password is checked and forgiven only when it succeeds, so
 * guesses sent in parallel cannot slip past the limit while the first ones are being checked.
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

/** Whole minutes until a lock ends, rounded up, for "try again in N minutes". */
export function minutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}
