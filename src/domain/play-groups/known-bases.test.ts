import { describe, expect, it } from 'vitest';
import { BEST_KNOWN } from './best-known.js';
import { knownRounds } from './known-bases.js';
import { meetings } from './search.js';

describe('the kept base rounds', () => {
  it('develop into the best known number of rounds, each a partition into equal groups, no pair together twice', () => {
    for (const [key, { rounds: best }] of Object.entries(BEST_KNOWN)) {
      const [n, size] = key.split('/').map(Number) as [number, number];
      const rounds = knownRounds(n, size, best);
      if (!rounds) continue;
      expect(rounds, key).toHaveLength(best);
      for (const round of rounds) {
        expect(
          round.every((group) => group.length === size),
          key,
        ).toBe(true);
        expect(
          round.flat().sort((a, b) => a - b),
          key,
        ).toEqual(Array.from({ length: n }, (_, i) => i));
      }
      expect(Math.max(...meetings(n, rounds)), key).toBe(1);
    }
  });
});
