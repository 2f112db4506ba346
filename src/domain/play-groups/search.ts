import type { Random } from '../random.js';

/** The children as numbers 0..n-1, with what the search must respect. */
export interface Problem {
  n: number;
  /** The group sizes of every round, largest first. */
  sizes: readonly number[];
  /** apart[a * n + b] === 1: a and b are never in one group. */
  apart: Uint8Array;
  /** A number per gender, -1 where none is given. */
  gender: Int32Array;
  /** met[a * n + b]: how often a and b were together already, in rounds kept from before. */
  met: Int32Array;
}

/** A round as its groups of children. */
export type Round = number[][];

/** Whether a group is all one gender (every member's gender known and the same). */
export function isOneGender(group: readonly number[], gender: Int32Array): boolean {
  if (group.length < 2) return false;
  const first = gender[group[0]!]!;
  return first >= 0 && group.every((child) => gender[child] === first);
}

export interface SearchOptions {
  /** The cost of a pair that met c times, c = 0, 1, 2, …; grows with c. */
  pairCost: (meetings: number) => number;
  /** The cost of a group that is all one gender. */
  genderCost: number;
  /** Stop when the cost is at most this. */
  goal: number;
  /** The most swaps to weigh (a measure of work independent of the machine's speed). */
  work: number;
  random: Random;
}

/**
 * A tabu search over rounds (after Dotú and Van Hentenryck's local search for the social golfer
 * problem): each step swaps two children of different groups in one round, choosing the best swap
 * that moves a child with a cost (a repeated pair, a group of one gender), not undoing a recent
 * swap unless it beats the best seen; after a long stretch without progress it restarts from the
 * best rounds with a few random swaps. `fixed` counts the meetings of rounds the search may not
 * change. Apart pairs are never put together, and the returned rounds are the best seen.
 */
export function searchRounds(
  problem: Problem,
  start: readonly Round[],
  fixed: Int32Array,
  options: SearchOptions,
): { rounds: Round[]; cost: number; work: number } {
  const { n, apart, gender } = problem;
  const R = start.length;
  const rounds: Round[] = start.map((round) => round.map((group) => [...group]));
  const groupOf = rounds.map((round) => {
    const of = new Int32Array(n);
    round.forEach((group, g) => group.forEach((child) => (of[child] = g)));
    return of;
  });
  const count = Int32Array.from(fixed);
  for (const round of rounds)
    for (const group of round)
      for (let i = 0; i < group.length; i++)
        for (let j = i + 1; j < group.length; j++) {
          count[group[i]! * n + group[j]!]!++;
          count[group[j]! * n + group[i]!]!++;
        }
  const maxMeetings = R + 64;
  const costOf = Float64Array.from({ length: maxMeetings + 2 }, (_, c) => options.pairCost(c));
  const up = (c: number) => costOf[c + 1]! - costOf[c]!;
  const down = (c: number) => costOf[c - 1]! - costOf[c]!;
  const genderCost = options.genderCost;
  const oneGender = (group: readonly number[]) => genderCost > 0 && isOneGender(group, gender);

  let cost = 0;
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) cost += costOf[count[a * n + b]!]!;
  for (const round of rounds) for (const group of round) if (oneGender(group)) cost += genderCost;

  const swapDelta = (r: number, a: number, b: number): number | undefined => {
    const A = rounds[r]![groupOf[r]![a]!]!;
    const B = rounds[r]![groupOf[r]![b]!]!;
    let delta = 0;
    for (const x of A) {
      if (x === a) continue;
      if (apart[b * n + x] === 1) return undefined;
      delta += down(count[a * n + x]!) + up(count[b * n + x]!);
    }
    for (const y of B) {
      if (y === b) continue;
      if (apart[a * n + y] === 1) return undefined;
      delta += down(count[b * n + y]!) + up(count[a * n + y]!);
    }
    if (genderCost > 0) {
      const swapped = (group: number[], out: number, into: number) =>
        group.map((child) => (child === out ? into : child));
      delta += (oneGender(swapped(A, a, b)) ? genderCost : 0) - (oneGender(A) ? genderCost : 0);
      delta += (oneGender(swapped(B, b, a)) ? genderCost : 0) - (oneGender(B) ? genderCost : 0);
    }
    return delta;
  };
  const swap = (r: number, a: number, b: number) => {
    const ga = groupOf[r]![a]!;
    const gb = groupOf[r]![b]!;
    const A = rounds[r]![ga]!;
    const B = rounds[r]![gb]!;
    for (const x of A)
      if (x !== a) {
        count[a * n + x]!--;
        count[x * n + a]!--;
        count[b * n + x]!++;
        count[x * n + b]!++;
      }
    for (const y of B)
      if (y !== b) {
        count[b * n + y]!--;
        count[y * n + b]!--;
        count[a * n + y]!++;
        count[y * n + a]!++;
      }
    A[A.indexOf(a)] = b;
    B[B.indexOf(b)] = a;
    groupOf[r]![a] = gb;
    groupOf[r]![b] = ga;
  };
  /** Whether a child has a cost in round r: a group-mate met more than once, or a group of one gender. */
  const hasCost = (r: number, a: number): boolean => {
    const group = rounds[r]![groupOf[r]![a]!]!;
    for (const x of group) if (x !== a && costOf[count[a * n + x]!]! > costOf[1]!) return true;
    return oneGender(group);
  };

  let best = cost;
  let bestRounds = rounds.map((round) => round.map((group) => [...group]));
  const tabu = new Int32Array(R * n);
  let sinceBest = 0;
  const restartAfter = 2000 + 40 * n;
  const { random } = options;
  let work = 0;
  for (let iteration = 1; work < options.work && best > options.goal + 1e-9; iteration++) {
    let bestDelta = Number.POSITIVE_INFINITY;
    let moves: [number, number, number][] = [];
    // One round with a cost, chosen at random: its children with a cost and every swap of them.
    const costly: number[] = [];
    work += R;
    for (let r = 0; r < R; r++) {
      for (let a = 0; a < n; a++)
        if (hasCost(r, a)) {
          costly.push(r);
          break;
        }
    }
    if (costly.length === 0) break;
    const r = random.pick(costly);
    {
      for (let a = 0; a < n; a++) {
        if (!hasCost(r, a)) continue;
        for (let b = 0; b < n; b++) {
          if (groupOf[r]![b] === groupOf[r]![a]) continue;
          work++;
          const delta = swapDelta(r, a, b);
          if (delta === undefined) continue;
          const allowed = (tabu[r * n + a]! < iteration && tabu[r * n + b]! < iteration) || cost + delta < best - 1e-9;
          if (!allowed) continue;
          if (delta < bestDelta - 1e-9) {
            bestDelta = delta;
            moves = [[r, a, b]];
          } else if (delta <= bestDelta + 1e-9) moves.push([r, a, b]);
        }
      }
    }
    if (moves.length === 0) {
      tabu.fill(0);
      continue;
    }
    const [, a, b] = random.pick(moves);
    swap(r, a, b);
    cost += bestDelta;
    tabu[r * n + a] = iteration + 3 + random.int(8);
    tabu[r * n + b] = iteration + 3 + random.int(8);
    if (cost < best - 1e-9) {
      best = cost;
      bestRounds = rounds.map((round) => round.map((group) => [...group]));
      sinceBest = 0;
    } else if (++sinceBest > restartAfter) {
      sinceBest = 0;
      // Back to the best rounds, shaken by a few random swaps that keep apart pairs apart.
      for (let r = 0; r < R; r++)
        rounds[r]!.forEach((group, g) => group.forEach((child, k) => (rounds[r]![g]![k] = bestRounds[r]![g]![k]!)));
      count.set(fixed);
      for (let r = 0; r < R; r++)
        rounds[r]!.forEach((group, g) => {
          group.forEach((child) => (groupOf[r]![child] = g));
          for (let i = 0; i < group.length; i++)
            for (let j = i + 1; j < group.length; j++) {
              count[group[i]! * n + group[j]!]!++;
              count[group[j]! * n + group[i]!]!++;
            }
        });
      cost = best;
      for (let k = 0; k < 2 + random.int(4); k++) {
        const r = random.int(R);
        const a = random.int(n);
        const b = random.int(n);
        if (groupOf[r]![a] === groupOf[r]![b]) continue;
        const delta = swapDelta(r, a, b);
        if (delta === undefined) continue;
        swap(r, a, b);
        cost += delta;
      }
      tabu.fill(0);
    }
  }
  return { rounds: bestRounds, cost: best, work };
}

/** The meetings of every pair in the rounds, as an n × n matrix. */
export function meetings(n: number, rounds: readonly Round[]): Int32Array {
  const count = new Int32Array(n * n);
  for (const round of rounds)
    for (const group of round)
      for (let i = 0; i < group.length; i++)
        for (let j = i + 1; j < group.length; j++) {
          count[group[i]! * n + group[j]!]!++;
          count[group[j]! * n + group[i]!]!++;
        }
  return count;
}
