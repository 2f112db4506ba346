import { describe, expect, it } from 'vitest';
import { BEST_KNOWN } from './best-known.js';
import { generatePlayGroups, type PlayGroupsInput } from './generate.js';
import { groupSizes } from './group-sizes.js';
import { measurePlayGroups } from './measure.js';

const classOf = (size: number): PlayGroupsInput['children'] =>
  Array.from({ length: size }, (_, i) => ({ id: `c${i + 1}`, gender: i % 2 === 0 ? 'f' : 'm' }));

describe('play groups of a class that divides evenly', () => {
  // Two rounds more than the repeat-free ones: no pair needs to meet three times, except in 30/5,
  // where 120 meetings fall on the 75 pairs not yet met.
  it.each([
    ['21/3', 2],
    ['18/3', 2],
    ['16/4', 2],
    ['24/4', 2],
    ['28/4', 2],
    ['25/5', 2],
    ['30/5', 3],
  ] as const)(
    'reach the best known repeat-free rounds for %s, then spread the repeats (a pair meets at most %i times)',
    (key, most) => {
      const [n, groupSize] = key.split('/').map(Number) as [number, number];
      const best = BEST_KNOWN[key]!.rounds;
      const input: PlayGroupsInput = { children: classOf(n), groupSize, rounds: best + 2, apart: [], seed: 7 };
      const measure = measurePlayGroups(input, generatePlayGroups(input));
      expect(measure.problems).toEqual([]);
      expect(measure.repeatFreeRounds).toBe(best);
      expect(measure.maxMeetings).toBeLessThanOrEqual(most);
    },
  );

  it('keep apart pairs apart in a design where every pair meets, at the cost of its last rounds at most', () => {
    const input: PlayGroupsInput = {
      children: classOf(16),
      groupSize: 4,
      rounds: 5,
      apart: [
        ['c1', 'c2'],
        ['c3', 'c4'],
      ],
      seed: 2,
    };
    const measure = measurePlayGroups(input, generatePlayGroups(input));
    expect(measure.problems).toEqual([]);
    expect(measure.repeatFreeRounds).toBeGreaterThanOrEqual(4);
  });

  it('mix the genders of every group where the class allows it', () => {
    const input: PlayGroupsInput = { children: classOf(24), groupSize: 4, rounds: 7, apart: [], seed: 1 };
    const measure = measurePlayGroups(input, generatePlayGroups(input));
    expect(measure.repeatFreeRounds).toBe(7);
    expect(measure.oneGenderGroups).toBe(0);
  });
});

describe('play groups made again during the year', () => {
  const pairsOf = (rounds: string[][][]) =>
    rounds.flatMap((round) =>
      round.flatMap((group) => group.flatMap((a, i) => group.slice(i + 1).map((b) => [a, b] as [string, string]))),
    );
  /** Meetings beyond each pair's first, over the kept rounds and the new ones together. */
  const repeatsOverTheYear = (rounds: string[][][]) => {
    const times = new Map<string, number>();
    for (const [a, b] of pairsOf(rounds))
      times.set([a, b].sort().join('|'), (times.get([a, b].sort().join('|')) ?? 0) + 1);
    return [...times.values()].reduce((sum, count) => sum + count - 1, 0);
  };

  it.each([
    [24, 4, 3, 4],
    [24, 3, 4, 6],
    [22, 4, 3, 5],
    [18, 3, 3, 5],
  ] as const)(
    'for %i children in groups of %i, %i rounds kept: the %i new rounds repeat at most half the meetings they would without them',
    (n, groupSize, keptRounds, newRounds) => {
      const kept = generatePlayGroups({
        children: classOf(n),
        groupSize,
        rounds: keptRounds,
        apart: [],
        seed: 1,
      }).rounds;
      const input: PlayGroupsInput = {
        children: classOf(n),
        groupSize,
        rounds: newRounds,
        apart: [['c1', 'c2']],
        seed: 2,
      };
      const blind = generatePlayGroups(input).rounds;
      const aware = generatePlayGroups({ ...input, met: pairsOf(kept) }).rounds;
      expect(measurePlayGroups(input, { rounds: aware }).problems).toEqual([]);
      expect(repeatsOverTheYear([...kept, ...aware]) * 2).toBeLessThanOrEqual(repeatsOverTheYear([...kept, ...blind]));
    },
  );

  it('refuse a met pair naming a child not in the class', () => {
    expect(() =>
      generatePlayGroups({ children: classOf(8), groupSize: 4, rounds: 1, apart: [], met: [['c1', 'x9']], seed: 1 }),
    ).toThrow('met[0][1]: unknown child id "x9"');
  });
});

describe('group sizes', () => {
  it('are exactly the target when the class divides, else the target and one less', () => {
    expect(groupSizes(24, 4)).toEqual([4, 4, 4, 4, 4, 4]);
    expect(groupSizes(17, 4)).toEqual([4, 4, 3, 3, 3]);
    expect(groupSizes(22, 5)).toEqual([5, 5, 4, 4, 4]);
    expect(groupSizes(7, 5)).toBeUndefined();
  });
});
