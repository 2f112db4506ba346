import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACCOUNT_FREE_FAILURES,
  ACCOUNT_MAX_DELAY_MS,
  ACCOUNT_WINDOW_MS,
  accountDelayMs,
  beginAccountAttempt,
  beginAttempt,
  forgiveAccountAttempt,
  LOCK_MS,
  MAX_FAILURES,
  minutesLeft,
  recordFailure,
  secondsLeft,
  WINDOW_MS,
  type ThrottleState,
} from './sign-in-throttle.js';

const T0 = new Date('2026-11-23T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Plays a sequence of sign-in attempts against the rule, one after another. */
function play(attempts: Array<{ afterMs: number; succeeds: boolean }>) {
  let state: ThrottleState | undefined;
  let clock = 0;
  return attempts.map(({ afterMs, succeeds }) => {
    clock += afterMs;
    const now = at(clock);
    const decision = beginAttempt(state, now);
    state = decision.state;
    if (!decision.allowed) return { time: clock, allowed: false, succeeds, lockedUntil: decision.lockedUntil };
    if (succeeds) state = undefined;
    else state = recordFailure(state, now);
    return { time: clock, allowed: true, succeeds, lockedUntil: state?.lockedUntil ?? null };
  });
}

describe('sign-in throttle', () => {
  it('locks an address at the fifth failure within the window, for fifteen minutes', () => {
    const outcomes = play([
      ...Array.from({ length: MAX_FAILURES }, () => ({ afterMs: 1000, succeeds: false })),
      { afterMs: 1000, succeeds: true },
    ]);
    expect(outcomes.slice(0, MAX_FAILURES).every((o) => o.allowed)).toBe(true);
    expect(outcomes[MAX_FAILURES - 1]!.lockedUntil).toEqual(at(MAX_FAILURES * 1000 + LOCK_MS));
    expect(outcomes[MAX_FAILURES]!.allowed).toBe(false);
  });

  it('forgets failures once the window has passed', () => {
    const outcomes = play([
      ...Array.from({ length: MAX_FAILURES - 1 }, () => ({ afterMs: 1000, succeeds: false })),
      { afterMs: WINDOW_MS, succeeds: false },
      { afterMs: 1000, succeeds: true },
    ]);
    expect(outcomes.every((o) => o.allowed)).toBe(true);
  });

  it('counts attempts still being checked, so parallel guesses stop at the limit', () => {
    let state: ThrottleState | undefined;
    const decisions = Array.from({ length: MAX_FAILURES + 3 }, () => {
      const d = beginAttempt(state, T0);
      state = d.state;
      return d.allowed;
    });
    expect(decisions).toEqual([...Array(MAX_FAILURES).fill(true), ...Array(3).fill(false)]);
  });

  it('rounds the minutes left up', () => {
    expect(minutesLeft(at(LOCK_MS), T0)).toBe(15);
    expect(minutesLeft(at(61_000), T0)).toBe(2);
    expect(minutesLeft(at(1), T0)).toBe(1);
  });

  const attempts = fc.array(fc.record({ afterMs: fc.integer({ min: 0, max: 40 * 60_000 }), succeeds: fc.boolean() }), {
    maxLength: 60,
  });
  const failures = fc.array(
    fc.record({ afterMs: fc.integer({ min: 0, max: 40 * 60_000 }), succeeds: fc.constant(false) }),
    { maxLength: 80 },
  );

  it('lets a guesser check at most MAX_FAILURES passwords per window (plus one burst)', () => {
    fc.assert(
      fc.property(failures, (seq) => {
        const outcomes = play(seq);
        const end = outcomes.at(-1)?.time ?? 0;
        const checked = outcomes.filter((o) => o.allowed).length;
        expect(checked).toBeLessThanOrEqual(MAX_FAILURES * (Math.floor(end / WINDOW_MS) + 1));
      }),
    );
  });

  it('never refuses anyone with fewer than MAX_FAILURES failures since their last success', () => {
    fc.assert(
      fc.property(attempts, (seq) => {
        let failuresSinceSuccess = 0;
        for (const o of play(seq)) {
          if (failuresSinceSuccess < MAX_FAILURES) expect(o.allowed).toBe(true);
          if (o.allowed && o.succeeds) failuresSinceSuccess = 0;
          else if (o.allowed) failuresSinceSuccess += 1;
        }
      }),
    );
  });

  it('holds a lock for its whole length and no longer', () => {
    fc.assert(
      fc.property(attempts, (seq) => {
        let lockedUntil: Date | null = null;
        for (const o of play(seq)) {
          const now = at(o.time);
          if (lockedUntil && now < lockedUntil) expect(o.allowed).toBe(false);
          else if (lockedUntil) expect(o.allowed).toBe(true);
          if (o.lockedUntil && (!lockedUntil || o.lockedUntil > lockedUntil)) lockedUntil = o.lockedUntil;
          if (o.allowed && o.succeeds) lockedUntil = null;
        }
      }),
    );
  });
});

/** Plays attempts from any number of clients against the address-wide back-off; none succeeds. */
function playAccount(gaps: number[]) {
  let state: ThrottleState | undefined;
  let clock = 0;
  return gaps.map((gap) => {
    clock += gap;
    const decision = beginAccountAttempt(state, at(clock));
    state = decision.state;
    return { time: clock, allowed: decision.allowed };
  });
}

describe('address-wide sign-in back-off', () => {
  it('lets the first ten attempts through at once, then waits 1 s, 2 s, 4 s … up to five minutes', () => {
    expect(playAccount(Array(ACCOUNT_FREE_FAILURES).fill(0)).every((o) => o.allowed)).toBe(true);
    expect(playAccount(Array(ACCOUNT_FREE_FAILURES + 1).fill(0)).at(-1)!.allowed).toBe(false);
    expect([9, 10, 11, 12, 18, 19, 40].map(accountDelayMs)).toEqual([
      0,
      1000,
      2000,
      4000,
      256_000,
      ACCOUNT_MAX_DELAY_MS,
      ACCOUNT_MAX_DELAY_MS,
    ]);
    expect(secondsLeft(at(1500), T0)).toBe(2);
  });

  it('forgives the owner her own attempt but not the strangers before her', () => {
    let state = beginAccountAttempt(undefined, T0).state;
    for (let i = 1; i < ACCOUNT_FREE_FAILURES + 3; i += 1) state = beginAccountAttempt(state, at(i * 600_000)).state;
    const forgiven = forgiveAccountAttempt(state);
    expect(forgiven.failures).toBe(state.failures - 1);
    expect(forgiven.lockedUntil).toEqual(state.lockedUntil);
  });

  const gaps = fc.array(fc.integer({ min: 0, max: 20 * 60_000 }), { maxLength: 400 });

  it('lets many clients together check at most a few hundred passwords a day', () => {
    fc.assert(
      fc.property(gaps, (seq) => {
        const outcomes = playAccount(seq);
        const end = outcomes.at(-1)?.time ?? 0;
        const windows = Math.floor(end / ACCOUNT_WINDOW_MS) + 1;
        const checked = outcomes.filter((o) => o.allowed).length;
        // Per window: the free attempts, the nine doubling delays below the cap, then one per cap.
        expect(checked).toBeLessThanOrEqual(
          windows * (ACCOUNT_FREE_FAILURES + 9 + 1) + Math.floor(end / ACCOUNT_MAX_DELAY_MS),
        );
      }),
    );
    const day = playAccount(Array(24 * 60 * 6).fill(10_000));
    expect(day.filter((o) => o.allowed).length).toBeLessThanOrEqual(ACCOUNT_FREE_FAILURES + 9 + 288);
  });

  it('never makes anyone wait longer than the longest delay since the last check', () => {
    fc.assert(
      fc.property(gaps, (seq) => {
        let lastChecked = -Infinity;
        for (const o of playAccount(seq)) {
          if (o.time - lastChecked >= ACCOUNT_MAX_DELAY_MS) expect(o.allowed).toBe(true);
          if (o.allowed) lastChecked = o.time;
        }
      }),
    );
  });

  it('never slows anyone before ten attempts in the window', () => {
    fc.assert(
      fc.property(gaps, (seq) => {
        let windowStart = 0;
        let counted = 0;
        for (const o of playAccount(seq)) {
          if (o.time - windowStart >= ACCOUNT_WINDOW_MS && o.allowed) [windowStart, counted] = [o.time, 0];
          if (counted < ACCOUNT_FREE_FAILURES) expect(o.allowed).toBe(true);
          if (o.allowed) counted += 1;
        }
      }),
    );
  });
});
