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

describe('group sizes', () => {
  it('are exactly the target when the class divides, else the target and one less', () => {
    expect(groupSizes(24, 4)).toEqual([4, 4, 4, 4, 4, 4]);
    expect(groupSizes(17, 4)).toEqual([4, 4, 3, 3, 3]);
    expect(groupSizes(22, 5)).toEqual([5, 5, 4, 4, 4]);
    expect(groupSizes(7, 5)).toBeUndefined();
  });
});
