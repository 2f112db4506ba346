/**
 * The most rounds without a repeated pair known for a class that divides evenly into groups
 * (specs/play-groups.md's table, and the Kirkman and nearly Kirkman triple systems for 15, 27
 * and 30 children in threes); `proven` when no schedule can have more.
 */
export const BEST_KNOWN: Readonly<Record<string, { rounds: number; proven: boolean }>> = {
  '9/3': { rounds: 4, proven: true },
  '15/3': { rounds: 7, proven: true },
  '18/3': { rounds: 8, proven: true },
  '21/3': { rounds: 10, proven: true },
  '24/3': { rounds: 11, proven: true },
  '27/3': { rounds: 13, proven: true },
  '30/3': { rounds: 14, proven: true },
  '16/4': { rounds: 5, proven: true },
  '20/4': { rounds: 5, proven: true },
  '24/4': { rounds: 7, proven: true },
  '28/4': { rounds: 9, proven: true },
  '25/5': { rounds: 6, proven: true },
  '30/5': { rounds: 6, proven: false },
};

/**
 * At most how many rounds of these group sizes can pass without a repeated pair: one when a
 * group is larger than the number of groups (two of its children shared a group the round
 * before), else each round a child meets at least (smallest group − 1) new classmates of the
 * n − 1; for an evenly divided class no more than the best known.
 */
export function repeatFreeLimit(n: number, sizes: readonly number[]): number {
  const largest = sizes[0]!;
  const smallest = sizes[sizes.length - 1]!;
  if (largest > sizes.length || n <= 1) return 1;
  const bound = smallest <= 1 ? Number.POSITIVE_INFINITY : Math.floor((n - 1) / (smallest - 1));
  const known = largest === smallest ? BEST_KNOWN[`${n}/${largest}`] : undefined;
  return known ? Math.min(known.rounds, bound) : bound;
}
