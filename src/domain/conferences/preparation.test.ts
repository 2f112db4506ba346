import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { preparationBand } from './preparation.js';

describe('preparationBand', () => {
  it('gives smileys to 0–2, prompts to 3–6 and goals from 7', () => {
    expect([0, 1, 2, 3, 6, 7, 9, 10].map(preparationBand)).toEqual([
      'smileys',
      'smileys',
      'smileys',
      'prompts',
      'prompts',
      'goals',
      'goals',
      'goals',
    ]);
  });

  it('never asks an older student for a younger form', () => {
    const order = { smileys: 0, prompts: 1, goals: 2 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return order[preparationBand(low)] <= order[preparationBand(high)];
      }),
      { numRuns: 100 },
    );
  });
});
