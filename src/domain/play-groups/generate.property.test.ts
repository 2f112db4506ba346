import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlayGroups, PlayGroupsError, type PlayGroupsInput } from './generate.js';
import { measurePlayGroups } from './measure.js';

const classOf = (size: number, genders: boolean[]) =>
  Array.from({ length: size }, (_, i) => ({
    id: `c${i + 1}`,
    ...(genders[i] === undefined ? {} : { gender: genders[i] ? 'f' : 'm' }),
  }));

// Small classes and few rounds keep the property runs quick; the search is the same at any size.
const anInput: fc.Arbitrary<PlayGroupsInput> = fc
  .record({
    size: fc.integer({ min: 4, max: 16 }),
    groupSize: fc.integer({ min: 2, max: 5 }),
    rounds: fc.integer({ min: 1, max: 5 }),
    genders: fc.array(fc.boolean(), { maxLength: 16 }),
    apartIndexes: fc.array(fc.tuple(fc.nat(15), fc.nat(15)), { maxLength: 3 }),
    // Meetings in rounds kept from before, when the groups are made again during the year.
    metIndexes: fc.array(fc.tuple(fc.nat(15), fc.nat(15)), { maxLength: 20 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .filter(({ size, groupSize }) => size >= groupSize * 2)
  .map(({ size, groupSize, rounds, genders, apartIndexes, metIndexes, seed }) => ({
    children: classOf(size, genders),
    groupSize,
    rounds,
    apart: apartIndexes
      .map(([a, b]) => [a % size, b % size] as const)
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => [`c${a + 1}`, `c${b + 1}`] as [string, string]),
    met: metIndexes
      .map(([a, b]) => [a % size, b % size] as const)
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => [`c${a + 1}`, `c${b + 1}`] as [string, string]),
    seed,
  }));

describe('play groups', { timeout: 120_000 }, () => {
  it('are a partition of the class every round, sizes within one of each other and of the target, apart pairs never together', () => {
    fc.assert(
      fc.property(anInput, (input) => {
        let result;
        try {
          result = generatePlayGroups(input);
        } catch (error) {
          // A few apart pairs can only make a round impossible for a tiny class of two groups.
          expect(error).toBeInstanceOf(PlayGroupsError);
          expect((error as PlayGroupsError).code).toBe('apart-impossible');
          return;
        }
        expect(measurePlayGroups(input, result).problems).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('are the same for the same seed', () => {
    fc.assert(
      fc.property(anInput, (input) => {
        const once = (() => {
          try {
            return generatePlayGroups(input);
          } catch (error) {
            return (error as Error).message;
          }
        })();
        const again = (() => {
          try {
            return generatePlayGroups(structuredClone(input));
          } catch (error) {
            return (error as Error).message;
          }
        })();
        expect(again).toEqual(once);
      }),
      { numRuns: 15 },
    );
  });

  it('refuse a class with fewer children than one group', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.nat(), (groupSize, extra) => {
        const size = extra % groupSize;
        const call = () =>
          generatePlayGroups({ children: classOf(size, []), groupSize, rounds: 3, apart: [], seed: 1 });
        expect(call).toThrow(PlayGroupsError);
        expect(call).toThrow(expect.objectContaining({ code: 'too-few-children' }));
      }),
      { numRuns: 20 },
    );
  });

  it('refuse apart pairs that leave no possible round: a child apart from everyone, or more children all apart than groups', () => {
    const children = classOf(12, []);
    const loner = children.slice(1).map((child) => ['c1', child.id] as [string, string]);
    const clique: [string, string][] = [];
    for (let a = 1; a <= 4; a++) for (let b = a + 1; b <= 4; b++) clique.push([`c${a}`, `c${b}`]);
    for (const apart of [loner, clique])
      expect(() => generatePlayGroups({ children, groupSize: 4, rounds: 2, apart, seed: 3 })).toThrow(
        expect.objectContaining({ code: 'apart-impossible' }),
      );
  });

  it('refuse malformed input: unknown or repeated ids, a pair of one child, sizes and rounds out of range', () => {
    const children = classOf(8, []);
    const base: PlayGroupsInput = { children, groupSize: 4, rounds: 2, apart: [], seed: 1 };
    const bad: PlayGroupsInput[] = [
      { ...base, apart: [['c1', 'c99']] },
      { ...base, apart: [['c1', 'c1']] },
      { ...base, children: [...children, { id: 'c1' }] },
      { ...base, groupSize: 1 },
      { ...base, groupSize: 2.5 },
      { ...base, rounds: 0 },
      { ...base, seed: Number.NaN },
      { ...base, children: classOf(7, []), groupSize: 5 },
    ];
    for (const input of bad)
      expect(() => generatePlayGroups(input)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});
