/**
 * The board supervises through aggregates: a cell that counts fewer than this many students,
 * households or staff shows "for få" (too few) instead of a number, so no one can be recognised
 * (specs/principle-figures.md).
 */
export const MIN_GROUP = 5;

/**
 * The cell for the board: itself when it counts no one (an empty month names nobody) or enough
 * people, otherwise null ("for få").
 */
export function suppressSmall<T>(cell: T, people: number): T | null {
  return people === 0 || people >= MIN_GROUP ? cell : null;
}
