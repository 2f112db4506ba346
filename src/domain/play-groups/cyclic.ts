import type { Random } from '../random.js';
import type { Round } from './search.js';

/**
 * Rounds developed from one base round by a cyclic shift, the classical way to build resolvable
 * designs (1-rotational Kirkman systems and their kin): the points are k fixed points and L rows
 * of m points each (n = k + m·L); round t is the base round with every row point moved t steps
 * along its row (fixed points stay). Round t is then a partition by construction, and the search
 * only has to find a base round whose t-shifts for t < T never bring a pair together twice — a
 * search over one round instead of T, which finds the full designs (every pair meeting exactly
 * once) that a search over all rounds rarely reaches.
 */
export interface Development {
  fixed: number;
  cycle: number;
  rows: number;
  /** Base rounds, each developed through the whole cycle: rounds = bases × cycle (the first T used). */
  bases: number;
}

/** The developments worth trying for n points in T rounds with `groups` groups, likeliest first. */
export function developments(n: number, groups: number, rounds: number): Development[] {
  const found: Development[] = [];
  for (let bases = 1; bases <= 3; bases++)
    for (let cycle = Math.max(3, Math.ceil(rounds / bases)); cycle <= n; cycle++)
      for (let rows = Math.floor(n / cycle); rows >= 1; rows--) {
        const fixed = n - cycle * rows;
        if (fixed <= groups && (bases === 1 || cycle * (bases - 1) < rounds)) found.push({ fixed, cycle, rows, bases });
      }
  // Tight developments first (as many rounds as asked for), the classical 1-rotational shape
  // (one fixed point) before the others.
  const slack = (d: Development) => d.cycle * d.bases - rounds;
  return found.sort(
    (a, b) => slack(a) - slack(b) || Math.abs(a.fixed - 1) - Math.abs(b.fixed - 1) || a.bases - b.bases,
  );
}

/** The point p moved t steps along its row. */
export const shift = ({ fixed, cycle }: Development, p: number, t: number) => {
  if (p < fixed) return p;
  const q = p - fixed;
  const row = Math.floor(q / cycle);
  return fixed + row * cycle + (((q % cycle) + t) % cycle);
};

/**
 * Base rounds with group sizes `sizes` whose shifts (the first `rounds` of them) have no pair
 * together twice, found by a min-conflicts tabu search within `work` weighed swaps; the developed
 * rounds, or undefined when none was found.
 */
export function developRounds(
  n: number,
  sizes: readonly number[],
  rounds: number,
  development: Development,
  random: Random,
  work: number,
): { rounds: Round[] | undefined; work: number } {
  const { cycle, bases } = development;
  // Base i is developed by the shifts t < shiftsOf[i] (the last base may be cut short).
  const shiftsOf = Array.from({ length: bases }, (_, i) => Math.max(0, Math.min(cycle, rounds - i * cycle)));
  // pairIds[(a*n+b)*cycle + t] is the pair a+t, b+t.
  const pairIds = new Int32Array(n * n * cycle);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++)
      for (let t = 0; t < cycle; t++) {
        const x = shift(development, a, t);
        const y = shift(development, b, t);
        pairIds[(a * n + b) * cycle + t] = x < y ? x * n + y : y * n + x;
      }
  const count = new Int32Array(n * n);
  const base: number[][][] = [];
  const groupOf: Int32Array[] = [];
  for (let i = 0; i < bases; i++) {
    const points = random.shuffle(Array.from({ length: n }, (_, p) => p));
    const groups: number[][] = [];
    let next = 0;
    for (const size of sizes) groups.push(points.slice(next, (next += size)));
    base.push(groups);
    const of = new Int32Array(n);
    groups.forEach((group, g) => group.forEach((p) => (of[p] = g)));
    groupOf.push(of);
  }
  let cost = 0;
  /** Adds (sign 1) or removes (-1) a base pair's shifts, returning the change in collisions. */
  const touch = (i: number, a: number, b: number, sign: 1 | -1) => {
    let delta = 0;
    const at = (a * n + b) * cycle;
    for (let t = 0; t < shiftsOf[i]!; t++) {
      const id = pairIds[at + t]!;
      if (sign === 1) {
        if (count[id]! >= 1) delta++;
        count[id]!++;
      } else {
        count[id]!--;
        if (count[id]! >= 1) delta--;
      }
    }
    return delta;
  };
  base.forEach((groups, i) => {
    for (const group of groups)
      for (let x = 0; x < group.length; x++)
        for (let y = x + 1; y < group.length; y++) cost += touch(i, group[x]!, group[y]!, 1);
  });
  /** Swaps a and b between their groups of base i, returning the change in collisions. */
  const move = (i: number, a: number, b: number) => {
    const of = groupOf[i]!;
    const A = base[i]![of[a]!]!;
    const B = base[i]![of[b]!]!;
    let delta = 0;
    for (const x of A) if (x !== a) delta += touch(i, a, x, -1);
    for (const y of B) if (y !== b) delta += touch(i, b, y, -1);
    A[A.indexOf(a)] = b;
    B[B.indexOf(b)] = a;
    const ga = of[a]!;
    of[a] = of[b]!;
    of[b] = ga;
    for (const x of A) if (x !== b) delta += touch(i, b, x, 1);
    for (const y of B) if (y !== a) delta += touch(i, a, y, 1);
    return delta;
  };
  const colliding = (i: number, p: number) => {
    for (const x of base[i]![groupOf[i]![p]!]!) {
      if (x === p) continue;
      const at = (p * n + x) * cycle;
      for (let t = 0; t < shiftsOf[i]!; t++) if (count[pairIds[at + t]!]! > 1) return true;
    }
    return false;
  };
  const tabu = new Int32Array(bases * n);
  let used = 0;
  let best = cost;
  let sinceBest = 0;
  for (let iteration = 1; cost > 0 && used < work; iteration++) {
    const candidates: [number, number][] = [];
    for (let i = 0; i < bases; i++) for (let p = 0; p < n; p++) if (colliding(i, p)) candidates.push([i, p]);
    const [i, a] = random.pick(candidates);
    const of = groupOf[i]!;
    let bestDelta = Number.POSITIVE_INFINITY;
    let choices: number[] = [];
    for (let b = 0; b < n; b++) {
      if (of[b] === of[a]) continue;
      used++;
      const delta = move(i, a, b);
      move(i, a, b);
      if (tabu[i * n + b]! >= iteration && cost + delta >= best) continue;
      if (delta < bestDelta) {
        bestDelta = delta;
        choices = [b];
      } else if (delta === bestDelta) choices.push(b);
    }
    if (choices.length === 0) continue;
    const b = random.pick(choices);
    cost += move(i, a, b);
    tabu[i * n + a] = iteration + 2 + random.int(5);
    tabu[i * n + b] = iteration + 2 + random.int(5);
    if (cost < best) {
      best = cost;
      sinceBest = 0;
    } else if (++sinceBest > 50 * n) {
      // Stuck: shake the base rounds with a few random swaps.
      sinceBest = 0;
      best = Number.POSITIVE_INFINITY;
      for (let k = 0; k < 3; k++) {
        const j = random.int(bases);
        const x = random.int(n);
        const y = random.int(n);
        if (groupOf[j]![x] !== groupOf[j]![y]) cost += move(j, x, y);
      }
    }
  }
  if (cost > 0) return { rounds: undefined, work: used };
  return { rounds: develop(development, base, rounds), work: used };
}

/** The first `rounds` rounds developed from base rounds: each base through the whole cycle. */
export function develop(development: Development, bases: readonly Round[], rounds: number): Round[] {
  const developed: Round[] = [];
  for (const groups of bases)
    for (let t = 0; t < development.cycle && developed.length < rounds; t++)
      developed.push(groups.map((group) => group.map((p) => shift(development, p, t))));
  return developed;
}
