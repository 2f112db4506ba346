import { createRandom, type Random } from '../random.js';
import { groupSizes } from './group-sizes.js';
import { affinePlane } from './affine-plane.js';
import { repeatFreeLimit } from './best-known.js';
import { developments, developRounds } from './cyclic.js';
import { knownRounds } from './known-bases.js';
import { feasibleRound } from './partition.js';
import { relabel } from './relabel.js';
import { meetings, searchRounds, type Problem, type Round } from './search.js';

/** A class to split into play groups (specs/play-groups.md). */
export interface PlayGroupsInput {
  children: { id: string; gender?: string }[];
  /** The target group size; when the class does not divide, sizes differ by at most one. */
  groupSize: number;
  rounds: number;
  /** Pairs of children never in one group. */
  apart: [string, string][];
  /**
   * Pairs that were together already this year, once per time (the rounds kept when a class's
   * groups are made again): the new rounds put them together as seldom as they can.
   */
  met?: [string, string][];
  seed: number;
}

/** Each round's groups of child ids. */
export interface PlayGroupsResult {
  rounds: string[][][];
}

export type PlayGroupsErrorCode = 'too-few-children' | 'apart-impossible' | 'invalid-input';

export class PlayGroupsError extends Error {
  constructor(
    readonly code: PlayGroupsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlayGroupsError';
  }
}

/** The most children and rounds one call plans: a class, and a school year of rounds. */
export const MAX_CHILDREN = 100;
export const MAX_ROUNDS = 60;

/**
 * The swaps the search weighs for the repeat-free rounds and for the rounds after, for a class of
 * 30 (scaled by the square of the class size): about a second together on a laptop's core.
 */
const WORK_REPEAT_FREE = 400_000;
const WORK_DEVELOPED = 500_000;
const WORK_PER_DEVELOPMENT = 250_000;
const WORK_PLACING = 300_000;
const WORK_AFTER = 250_000;
const workFor = (work: number, n: number) => Math.ceil(work * Math.min(1.5, (n / 30) ** 2));

/**
 * Rotating play groups for a class: every round a partition of the class, group sizes within
 * one of each other and of `groupSize`, apart pairs never together; as many rounds as possible
 * before any pair meets twice, then repeats spread as evenly as possible, and groups of one gender
 * only where the class cannot avoid them. The same input (seed included) gives the same rounds.
 */
export function generatePlayGroups(input: PlayGroupsInput): PlayGroupsResult {
  const { problem, ids } = problemOf(input);
  const random = createRandom(input.seed);
  const rounds = planRounds(problem, input.rounds, random);
  return {
    rounds: rounds.map((round) => round.map((group) => [...group].sort((a, b) => a - b).map((child) => ids[child]!))),
  };
}

function problemOf(input: PlayGroupsInput): { problem: Problem; ids: string[] } {
  const invalid = (message: string) => new PlayGroupsError('invalid-input', message);
  if (typeof input !== 'object' || input === null) throw invalid('the input must be an object');
  const { children, groupSize, rounds, apart, met = [], seed } = input;
  if (!Array.isArray(children)) throw invalid('children must be a list');
  if (!Number.isInteger(groupSize) || groupSize < 2) throw invalid('groupSize must be a whole number of at least 2');
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS)
    throw invalid(`rounds must be a whole number from 1 to ${MAX_ROUNDS}`);
  if (!Number.isInteger(seed)) throw invalid('seed must be a whole number');
  if (!Array.isArray(apart)) throw invalid('apart must be a list of pairs');
  if (!Array.isArray(met)) throw invalid('met must be a list of pairs');
  if (children.length > MAX_CHILDREN) throw invalid(`at most ${MAX_CHILDREN} children`);
  const index = new Map<string, number>();
  const genders = new Map<string, number>();
  const gender = new Int32Array(children.length).fill(-1);
  children.forEach((child, i) => {
    if (typeof child !== 'object' || child === null || typeof child.id !== 'string' || child.id === '')
      throw invalid(`children[${i}] needs an id (a non-empty text)`);
    if (index.has(child.id)) throw invalid(`children[${i}]: the id "${child.id}" is given twice`);
    index.set(child.id, i);
    if (child.gender !== undefined && child.gender !== null) {
      if (typeof child.gender !== 'string') throw invalid(`children[${i}].gender must be a text`);
      if (!genders.has(child.gender)) genders.set(child.gender, genders.size);
      gender[i] = genders.get(child.gender)!;
    }
  });
  const n = children.length;
  if (n < groupSize)
    throw new PlayGroupsError(
      'too-few-children',
      `the class has ${n} ${n === 1 ? 'child' : 'children'}, fewer than one group of ${groupSize}`,
    );
  const sizes = groupSizes(n, groupSize);
  if (!sizes)
    throw invalid(
      `${n} children cannot be split into groups of ${groupSize - 1}–${groupSize + 1} that differ by at most one`,
    );
  /** Each pair of a list as two children's places, or a clear error naming the pair. */
  const pairsOf = (list: unknown[], name: string, itself: string): [number, number][] =>
    list.map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2) throw invalid(`${name}[${i}] must be a pair of child ids`);
      pair.forEach((id, k) => {
        if (!index.has(id as string)) throw invalid(`${name}[${i}][${k}]: unknown child id "${String(id)}"`);
      });
      const [a, b] = pair.map((id) => index.get(id as string));
      if (a === b) throw invalid(`${name}[${i}]: ${itself}`);
      return [a!, b!];
    });
  const apartMatrix = new Uint8Array(n * n);
  for (const [a, b] of pairsOf(apart, 'apart', 'a child cannot be kept apart from itself')) {
    apartMatrix[a * n + b] = 1;
    apartMatrix[b * n + a] = 1;
  }
  const metMatrix = new Int32Array(n * n);
  for (const [a, b] of pairsOf(met, 'met', 'a child cannot meet itself')) {
    metMatrix[a * n + b]!++;
    metMatrix[b * n + a]!++;
  }
  return {
    problem: { n, sizes, apart: apartMatrix, gender, met: metMatrix },
    ids: children.map((child) => child.id),
  };
}

function planRounds(problem: Problem, wanted: number, random: Random): Round[] {
  const first = feasibleRound(problem.n, problem.sizes, problem.apart, random);
  if (!first)
    throw new PlayGroupsError(
      'apart-impossible',
      `no round of ${problem.sizes.length} groups keeps every apart pair apart`,
    );
  const prefix = repeatFreeRounds(problem, wanted, first, random);
  const rounds = [...prefix, ...roundsAfter(problem, prefix, wanted - prefix.length, random)];
  return problem.met.some((count) => count > 0) ? spreadFromKept(problem, rounds, random) : rounds;
}

/**
 * With rounds kept from before, the pairs that met there count as met: starting from the rounds
 * planned, the search moves children until the year as a whole has the fewest repeated meetings
 * it can find, then the fewest meetings of any one pair.
 */
function spreadFromKept(problem: Problem, rounds: Round[], random: Random): Round[] {
  const { n, sizes } = problem;
  let unmet = 0;
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (problem.met[a * n + b] === 0) unmet++;
  const perRound = sizes.reduce((sum, size) => sum + (size * (size - 1)) / 2, 0);
  const fewestRepeats = Math.max(0, rounds.length * perRound - unmet);
  return searchRounds(problem, rounds, problem.met, {
    pairCost: (c) => (c <= 1 ? 0 : (c - 1) * REPEAT_COST + (c - 1) * (c - 1)),
    genderCost: 0.25,
    goal: fewestRepeats * (REPEAT_COST + 1),
    work: workFor(WORK_AFTER, n),
    random,
  }).rounds;
}

/**
 * As many rounds (up to `wanted`, at most the limit) as can be found in which no pair meets
 * twice: the affine plane where the class is a square of a prime (or 16 in fours); a tabu search
 * adding one round at a time; and, when that stops short, base rounds developed by a cyclic shift
 * (cyclic.ts). The children are then placed on the rounds so that apart pairs never meet and the
 * fewest groups are one gender; a construction is cut before its first round that would put an
 * apart pair together.
 */
function repeatFreeRounds(problem: Problem, wanted: number, first: Round, random: Random): Round[] {
  const { n, sizes } = problem;
  const target = Math.min(wanted, repeatFreeLimit(n, sizes));
  const place = (rounds: Round[]) => keepApart(problem, relabel(problem, rounds, random, workFor(WORK_PLACING, n)));
  const even = sizes.every((size) => size === sizes[0]);
  const built = even ? (affinePlane(sizes.length, sizes[0]!) ?? knownRounds(n, sizes[0]!, target)) : undefined;
  const constructed = built ? place(built.slice(0, target)) : [];
  if (constructed.length === target) return constructed;
  let work = workFor(WORK_REPEAT_FREE, n);
  let rounds: Round[] = [first];
  const none = new Int32Array(n * n);
  while (rounds.length < target && work > 0) {
    const next = feasibleRound(n, sizes, problem.apart, random)!;
    const found = searchRounds(problem, [...rounds, next], none, {
      pairCost: (c) => Math.max(0, c - 1),
      genderCost: 0,
      goal: 0,
      work,
      random,
    });
    work -= found.work;
    if (found.cost > 0) break;
    rounds = found.rounds;
  }
  let best = place(rounds);
  if (constructed.length > best.length) best = constructed;
  work = workFor(WORK_DEVELOPED, n);
  for (let goal = target; goal > best.length && work > 0; goal--)
    for (const development of developments(n, sizes.length, goal)) {
      if (work <= 0) break;
      const developed = developRounds(
        n,
        sizes,
        goal,
        development,
        random,
        Math.min(work, workFor(WORK_PER_DEVELOPMENT, n)),
      );
      work -= developed.work;
      if (!developed.rounds) continue;
      const placed = place(developed.rounds);
      if (placed.length > best.length) best = placed;
      break;
    }
  return best;
}

/** The rounds before the first that puts an apart pair together. */
function keepApart(problem: Problem, rounds: Round[]): Round[] {
  const { n, apart } = problem;
  const broken = rounds.findIndex((round) =>
    round.some((group) => group.some((a) => group.some((b) => apart[a * n + b] === 1))),
  );
  return broken < 0 ? rounds : rounds.slice(0, broken);
}

/** The rounds after the repeat-free ones: fewest repeats, then the fewest meetings of any pair. */
function roundsAfter(problem: Problem, before: readonly Round[], count: number, random: Random): Round[] {
  if (count <= 0) return [];
  const { n, sizes } = problem;
  // The kept rounds' meetings count as the new rounds' own: a pair that met there is a repeat here.
  const fixed = meetings(n, before).map((count, i) => count + problem.met[i]!);
  let unmet = 0;
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (fixed[a * n + b] === 0) unmet++;
  const perRound = sizes.reduce((sum, size) => sum + (size * (size - 1)) / 2, 0);
  const fewestRepeats = Math.max(0, count * perRound - unmet);
  const start = Array.from({ length: count }, () => feasibleRound(n, sizes, problem.apart, random)!);
  return searchRounds(problem, start, fixed, {
    pairCost: (c) => (c <= 1 ? 0 : (c - 1) * REPEAT_COST + (c - 1) * (c - 1)),
    genderCost: 0.25,
    goal: fewestRepeats * (REPEAT_COST + 1),
    work: workFor(WORK_AFTER, n),
    random,
  }).rounds;
}

const REPEAT_COST = 1000;
