import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignHosts } from './host-rotation.js';

/** Rounds as partitions of children c0..c(n-1) into groups, and the homes that may host. */
const arbitraryPlan = fc
  .record({
    n: fc.integer({ min: 2, max: 24 }),
    size: fc.integer({ min: 2, max: 5 }),
    rounds: fc.integer({ min: 1, max: 8 }),
  })
  .chain(({ n, size, rounds }) =>
    fc.record({
      rounds: fc.array(
        fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => `c${String(i).padStart(2, '0')}`),
          { minLength: n, maxLength: n },
        ),
        { minLength: rounds, maxLength: rounds },
      ),
      declined: fc.subarray(Array.from({ length: n }, (_, i) => `c${String(i).padStart(2, '0')}`)),
      size: fc.constant(size),
    }),
  )
  .map(({ rounds, declined, size }) => ({
    rounds: rounds.map((order) => {
      const groups: string[][] = [];
      for (let i = 0; i < order.length; i += size) groups.push(order.slice(i, i + size));
      return groups;
    }),
    declined: new Set(declined),
  }));

describe('host rotation', () => {
  it('never chooses a home that declined, and always hosts where a group has a home that may', () => {
    fc.assert(
      fc.property(arbitraryPlan, ({ rounds, declined }) => {
        const hosts = assignHosts(rounds, (c) => !declined.has(c), {
          count: new Map(),
          lastRound: new Map(),
          rounds: 0,
        });
        rounds.forEach((round, r) =>
          round.forEach((group, g) => {
            const host = hosts[r]![g]!;
            if (host === null) expect(group.every((c) => declined.has(c))).toBe(true);
            else {
              expect(group).toContain(host);
              expect(declined.has(host)).toBe(false);
            }
          }),
        );
      }),
    );
  });

  it('lets the home that has hosted least host next', () => {
    fc.assert(
      fc.property(arbitraryPlan, ({ rounds, declined }) => {
        const hosts = assignHosts(rounds, (c) => !declined.has(c), {
          count: new Map(),
          lastRound: new Map(),
          rounds: 0,
        });
        const count = new Map<string, number>();
        rounds.forEach((round, r) => {
          round.forEach((group, g) => {
            const host = hosts[r]![g];
            if (!host) return;
            for (const other of group.filter((c) => !declined.has(c)))
              expect(count.get(host) ?? 0).toBeLessThanOrEqual(count.get(other) ?? 0);
          });
          for (const host of hosts[r]!) if (host) count.set(host, (count.get(host) ?? 0) + 1);
        });
      }),
    );
  });

  it('counts the rounds kept from before', () => {
    const hosts = assignHosts([[['a', 'b']]], () => true, {
      count: new Map([['a', 1]]),
      lastRound: new Map([['a', 0]]),
      rounds: 1,
    });
    expect(hosts).toEqual([['b']]);
  });
});
