import { groupSizes } from './group-sizes.js';
import type { PlayGroupsInput, PlayGroupsResult } from './generate.js';

/** The measure of specs/play-groups.md, computed from the input and the rounds alone. */
export interface PlayGroupsMeasure {
  /** Each broken rule, in words; empty when the rounds are valid. */
  problems: string[];
  /** The largest r such that no pair is together twice in rounds 1..r. */
  repeatFreeRounds: number;
  /** Pair meetings beyond each pair's first, over all rounds. */
  repeats: number;
  /** The most rounds any pair is together. */
  maxMeetings: number;
  /** Groups whose children are all one (given) gender. */
  oneGenderGroups: number;
  /** Of those, the ones the class could have avoided (beyond the fewest each round needs). */
  avoidableOneGenderGroups: number;
}

export function measurePlayGroups(input: PlayGroupsInput, result: PlayGroupsResult): PlayGroupsMeasure {
  const problems: string[] = [];
  const ids = input.children.map((child) => child.id);
  const genderOf = new Map(input.children.map((child) => [child.id, child.gender]));
  const apart = new Set(input.apart.flatMap(([a, b]) => [`${a}\u0000${b}`, `${b}\u0000${a}`]));
  const expected = groupSizes(ids.length, input.groupSize);
  const together = new Map<string, number>();
  let repeatFreeRounds = 0;
  let stillFree = true;
  let oneGenderGroups = 0;
  let avoidable = 0;
  const fewest = fewestOneGenderGroups(input, expected?.length ?? 0);
  if (result.rounds.length !== input.rounds) problems.push(`${result.rounds.length} rounds instead of ${input.rounds}`);
  result.rounds.forEach((round, r) => {
    const seen = round.flat();
    const unique = new Set(seen);
    if (seen.length !== unique.size) problems.push(`round ${r + 1}: a child is in two groups`);
    for (const id of ids) if (!unique.has(id)) problems.push(`round ${r + 1}: ${id} is in no group`);
    for (const id of unique) if (!genderOf.has(id)) problems.push(`round ${r + 1}: unknown child ${id}`);
    const sizes = round.map((group) => group.length);
    const smallest = Math.min(...sizes);
    const largest = Math.max(...sizes);
    if (largest - smallest > 1) problems.push(`round ${r + 1}: group sizes differ by more than one`);
    if (smallest < input.groupSize - 1 || largest > input.groupSize + 1)
      problems.push(`round ${r + 1}: a group is not ${input.groupSize} ± 1`);
    let repeated = false;
    let roundOneGender = 0;
    for (const group of round) {
      for (let i = 0; i < group.length; i++)
        for (let j = i + 1; j < group.length; j++) {
          const [a, b] = [group[i]!, group[j]!].sort();
          const key = `${a}\u0000${b}`;
          if (apart.has(key)) problems.push(`round ${r + 1}: ${a} and ${b} are together but must be kept apart`);
          const times = (together.get(key) ?? 0) + 1;
          together.set(key, times);
          if (times > 1) repeated = true;
        }
      const genders = group.map((id) => genderOf.get(id));
      if (group.length > 1 && genders[0] !== undefined && genders.every((gender) => gender === genders[0]))
        roundOneGender++;
    }
    oneGenderGroups += roundOneGender;
    avoidable += Math.max(0, roundOneGender - fewest);
    if (repeated) stillFree = false;
    if (stillFree) repeatFreeRounds = r + 1;
  });
  let repeats = 0;
  let maxMeetings = 0;
  for (const times of together.values()) {
    repeats += times - 1;
    maxMeetings = Math.max(maxMeetings, times);
  }
  return { problems, repeatFreeRounds, repeats, maxMeetings, oneGenderGroups, avoidableOneGenderGroups: avoidable };
}

/**
 * The fewest groups of one gender a round of `groups` groups can have: every group needs a child
 * whose gender differs from another's in it, so with m children of the largest gender and k
 * others, at most k groups can mix (none when only one gender is given, and a child without a
 * gender mixes any group).
 */
export function fewestOneGenderGroups(input: PlayGroupsInput, groups: number): number {
  const counts = new Map<string | undefined, number>();
  for (const child of input.children) counts.set(child.gender, (counts.get(child.gender) ?? 0) + 1);
  const largest = Math.max(0, ...[...counts].filter(([gender]) => gender !== undefined).map(([, c]) => c));
  return Math.max(0, groups - (input.children.length - largest));
}
