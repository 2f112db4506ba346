import { develop, type Development } from './cyclic.js';
import type { Round } from './search.js';

/**
 * Base rounds for the designs the cyclic search (cyclic.ts) finds only with more time than a
 * request has: found once by that search with a larger budget and kept here, so these classes
 * get their best known rounds at once. The unit tests check that each develops into rounds
 * without a repeated pair.
 */
const KNOWN: Readonly<Record<string, { development: Development; bases: Round[] }>> = {
  // 18 in threes, 8 rounds (a nearly Kirkman triple system): two fixed points, four rows of 4, two bases.
  '18/3': {
    development: { fixed: 2, cycle: 4, rows: 4, bases: 2 },
    bases: [
      [
        [9, 4, 13],
        [6, 14, 2],
        [17, 16, 10],
        [15, 8, 5],
        [0, 3, 11],
        [12, 7, 1],
      ],
      [
        [9, 6, 12],
        [13, 3, 2],
        [0, 14, 8],
        [5, 16, 7],
        [1, 17, 4],
        [10, 15, 11],
      ],
    ],
  },
  // 21 in threes, 10 rounds (a Kirkman triple system): one fixed point, four rows of 5, two bases.
  '21/3': {
    development: { fixed: 1, cycle: 5, rows: 4, bases: 2 },
    bases: [
      [
        [20, 16, 13],
        [5, 9, 14],
        [7, 11, 8],
        [18, 6, 12],
        [3, 2, 10],
        [15, 4, 0],
        [19, 1, 17],
      ],
      [
        [13, 3, 15],
        [0, 20, 10],
        [17, 5, 2],
        [19, 8, 6],
        [4, 18, 9],
        [11, 12, 16],
        [14, 1, 7],
      ],
    ],
  },
  // 24 in threes, 11 rounds (nearly Kirkman): two fixed points, two rows of 11.
  '24/3': {
    development: { fixed: 2, cycle: 11, rows: 2, bases: 1 },
    bases: [
      [
        [19, 9, 22],
        [2, 4, 7],
        [8, 12, 17],
        [21, 6, 23],
        [3, 15, 0],
        [16, 5, 1],
        [14, 20, 13],
        [11, 18, 10],
      ],
    ],
  },
  // 27 in threes, 13 rounds (Kirkman): one fixed point, two rows of 13.
  '27/3': {
    development: { fixed: 1, cycle: 13, rows: 2, bases: 1 },
    bases: [
      [
        [18, 13, 10],
        [11, 23, 9],
        [12, 19, 16],
        [22, 3, 0],
        [6, 2, 7],
        [4, 15, 17],
        [14, 5, 20],
        [8, 24, 1],
        [26, 25, 21],
      ],
    ],
  },
  // 30 in threes, 14 rounds (nearly Kirkman): two fixed points, two rows of 14.
  '30/3': {
    development: { fixed: 2, cycle: 14, rows: 2, bases: 1 },
    bases: [
      [
        [19, 12, 20],
        [24, 26, 13],
        [18, 22, 3],
        [5, 2, 10],
        [16, 27, 21],
        [17, 14, 15],
        [7, 1, 25],
        [8, 28, 4],
        [6, 29, 0],
        [11, 23, 9],
      ],
    ],
  },
  // 20 in fours, 5 rounds: four rows of 5.
  '20/4': {
    development: { fixed: 0, cycle: 5, rows: 4, bases: 1 },
    bases: [
      [
        [3, 2, 17, 8],
        [18, 14, 19, 1],
        [9, 16, 10, 0],
        [7, 6, 4, 11],
        [15, 5, 13, 12],
      ],
    ],
  },
  // 24 in fours, 7 rounds: three fixed points, three rows of 7.
  '24/4': {
    development: { fixed: 3, cycle: 7, rows: 3, bases: 1 },
    bases: [
      [
        [5, 6, 19, 8],
        [15, 12, 13, 9],
        [16, 21, 4, 1],
        [2, 11, 22, 3],
        [10, 20, 17, 18],
        [7, 0, 14, 23],
      ],
    ],
  },
  // 28 children in fours, 9 rounds: a resolvable 2-(28, 4, 1) design; one fixed point and three
  // rows of 9.
  '28/4': {
    development: { fixed: 1, cycle: 9, rows: 3, bases: 1 },
    bases: [
      [
        [3, 18, 8, 5],
        [10, 11, 25, 16],
        [17, 19, 1, 24],
        [6, 15, 7, 27],
        [26, 0, 2, 13],
        [9, 22, 12, 14],
        [23, 20, 4, 21],
      ],
    ],
  },
  // 30 children in fives, 6 rounds (the best known); five rows of 6.
  '30/5': {
    development: { fixed: 0, cycle: 6, rows: 5, bases: 1 },
    bases: [
      [
        [5, 9, 7, 23, 15],
        [1, 10, 28, 26, 22],
        [25, 11, 18, 20, 14],
        [12, 3, 27, 19, 8],
        [13, 0, 17, 29, 6],
        [2, 21, 16, 24, 4],
      ],
    ],
  },
};

/** The known rounds for n children in groups of `size`, the first `rounds` of them, if kept. */
export function knownRounds(n: number, size: number, rounds: number): Round[] | undefined {
  const known = KNOWN[`${n}/${size}`];
  return known && develop(known.development, known.bases, rounds);
}
