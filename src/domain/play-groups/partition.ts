import type { Random } from '../random.js';

/**
 * One round that keeps every apart pair in different groups, found by backtracking: the children
 * with the most apart pairs are placed first, and an empty group is tried only once per size (the
 * groups are interchangeable). Returns each group's children, or undefined when no round exists.
 * `random` varies the order among equals and the groups tried, so rounds differ from seed to seed.
 */
export function feasibleRound(
  n: number,
  sizes: readonly number[],
  apart: Uint8Array,
  random: Random,
  nodeLimit = 2_000_000,
): number[][] | undefined {
  const degree = new Int32Array(n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) degree[a]! += apart[a * n + b]!;
  const order = random.shuffle(Array.from({ length: n }, (_, i) => i)).sort((a, b) => degree[b]! - degree[a]!);
  const groups: number[][] = sizes.map(() => []);
  const groupOrder = random.shuffle(sizes.map((_, i) => i));
  let nodes = 0;
  const place = (index: number): boolean | undefined => {
    if (index === n) return true;
    if (++nodes > nodeLimit) return undefined;
    const child = order[index]!;
    const triedEmpty = new Set<number>();
    for (const g of groupOrder) {
      const group = groups[g]!;
      if (group.length >= sizes[g]!) continue;
      if (group.length === 0) {
        if (triedEmpty.has(sizes[g]!)) continue;
        triedEmpty.add(sizes[g]!);
      }
      if (group.some((other) => apart[child * n + other] === 1)) continue;
      group.push(child);
      const placed = place(index + 1);
      if (placed !== false) return placed;
      group.pop();
    }
    return false;
  };
  return place(0) === true ? groups : undefined;
}
