import type { Round } from './search.js';

/** Multiplication in GF(4) = {0, 1, ω, ω²} as 0..3 (addition is exclusive or). */
const GF4_TIMES = [
  [0, 0, 0, 0],
  [0, 1, 2, 3],
  [0, 2, 3, 1],
  [0, 3, 1, 2],
];

/**
 * For q groups of q (q a prime, or 4): the q + 1 parallel classes of the affine plane of order q, the
 * points (x, y), round a the lines y = a·x + b (one group per b), the last round the lines x = c.
 * Every pair meets exactly once: the most repeat-free rounds q² children in groups of q can have.
 */
export function affinePlane(groups: number, size: number): Round[] | undefined {
  const q = size;
  if (groups !== q) return undefined;
  const prime = q >= 2 && Array.from({ length: q - 2 }, (_, i) => i + 2).every((d) => q % d !== 0);
  if (!prime && q !== 4) return undefined;
  const plus = (a: number, b: number) => (q === 4 ? a ^ b : (a + b) % q);
  const times = (a: number, b: number) => (q === 4 ? GF4_TIMES[a]![b]! : (a * b) % q);
  const point = (x: number, y: number) => x * q + y;
  const rounds: Round[] = [];
  for (let slope = 0; slope < q; slope++) {
    const groups: number[][] = Array.from({ length: q }, () => []);
    for (let x = 0; x < q; x++) for (let b = 0; b < q; b++) groups[b]!.push(point(x, plus(times(slope, x), b)));
    rounds.push(groups);
  }
  rounds.push(Array.from({ length: q }, (_, x) => Array.from({ length: q }, (_, y) => point(x, y))));
  return rounds;
}
