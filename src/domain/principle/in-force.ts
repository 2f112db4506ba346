/**
 * Which version of the principle was in force on a day (specs/principle-figures.md: "when the
 * board adopts a new version, later events are measured against it and earlier ones against the
 * version then in force"). A version is in force from its adoption day until the next one's.
 */

export interface AdoptedVersion<P> {
  version: number;
  /** The day the board adopted it (ISO date, Copenhagen). */
  adoptedOn: string;
  principle: P;
}

/**
 * The version adopted last on or before `day` (of two adopted the same day, the later version),
 * or null when the board had adopted none by then.
 */
export function versionInForceOn<P>(versions: readonly AdoptedVersion<P>[], day: string): AdoptedVersion<P> | null {
  let found: AdoptedVersion<P> | null = null;
  for (const v of versions) {
    if (v.adoptedOn > day) continue;
    if (!found || v.adoptedOn > found.adoptedOn || (v.adoptedOn === found.adoptedOn && v.version > found.version))
      found = v;
  }
  return found;
}
