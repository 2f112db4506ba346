import type { Random } from '../random.js';
import { isOneGender, meetings, type Problem, type Round } from './search.js';

/** What a pair that met in kept rounds costs each time its places meet, against 1 for a group of one gender. */
const MET_AGAIN = 10;

/**
 * Which child takes which place in rounds built without the children in mind (a construction):
 * any assignment keeps the rounds repeat-free, so a swap search over it puts apart pairs on
 * places that never meet (or meet as late as possible), then pairs that met in kept rounds on
 * places that meet as seldom as possible, and after that makes the fewest groups of one gender.
 * Returns the rounds with the children in their places.
 */
export function relabel(problem: Problem, rounds: readonly Round[], random: Random, work: number): Round[] {
  const { n, apart, gender, met } = problem;
  if (rounds.length === 0) return [];
  const together = meetings(n, rounds);
  const metPairs: [number, number, number][] = [];
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) if (met[a * n + b]! > 0) metPairs.push([a, b, met[a * n + b]!]);
  // The rounds left after the first in which two places meet (0 when they never do): an apart
  // pair on places that meet late costs less, as the rounds are cut before that meeting.
  const cut = new Int32Array(n * n);
  rounds.forEach((round, r) => {
    for (const group of round)
      for (const a of group)
        for (const b of group) if (a !== b && cut[a * n + b] === 0) cut[a * n + b] = rounds.length - r;
  });
  const apartPairs: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (apart[a * n + b] === 1) apartPairs.push([a, b]);
  const genders = new Set([...gender].filter((g) => g >= 0));
  // childAt[place] and placeOf[child].
  const childAt = Int32Array.from({ length: n }, (_, i) => i);
  const placeOf = Int32Array.from({ length: n }, (_, i) => i);
  const cost = () => {
    let total = 0;
    for (const [a, b] of apartPairs) total += 1000 * cut[placeOf[a]! * n + placeOf[b]!]!;
    for (const [a, b, times] of metPairs) total += MET_AGAIN * times * together[placeOf[a]! * n + placeOf[b]!]!;
    if (genders.size > 1)
      for (const round of rounds)
        for (const group of round)
          if (
            isOneGender(
              group.map((place) => childAt[place]!),
              gender,
            )
          )
            total++;
    return total;
  };
  const swap = (p: number, q: number) => {
    const a = childAt[p]!;
    const b = childAt[q]!;
    childAt[p] = b;
    childAt[q] = a;
    placeOf[a] = q;
    placeOf[b] = p;
  };
  let current = cost();
  const unit = rounds.length * n + apartPairs.length + metPairs.length;
  for (let used = 0; current > 0 && used < work; used += unit) {
    const p = random.int(n);
    const q = random.int(n);
    if (p === q) continue;
    swap(p, q);
    const next = cost();
    if (next <= current) current = next;
    else swap(p, q);
  }
  return rounds.map((round) => round.map((group) => group.map((place) => childAt[place]!)));
}
