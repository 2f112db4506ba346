import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { versionInForceOn, type AdoptedVersion } from './in-force.js';

const v = (version: number, adoptedOn: string): AdoptedVersion<string> => ({
  version,
  adoptedOn,
  principle: `v${version}`,
});

describe('versionInForceOn', () => {
  const versions = [v(2, '2026-10-15'), v(1, '2026-03-12'), v(3, '2026-10-15')];

  it('takes the version adopted last on or before the day, whatever order the list is in', () => {
    expect(versionInForceOn(versions, '2026-03-11')).toBeNull();
    expect(versionInForceOn(versions, '2026-03-12')?.version).toBe(1);
    expect(versionInForceOn(versions, '2026-10-14')?.version).toBe(1);
    // Two adoptions on one day: the later version is the one in force.
    expect(versionInForceOn(versions, '2026-10-15')?.version).toBe(3);
    expect(versionInForceOn(versions, '2027-06-30')?.version).toBe(3);
    expect(versionInForceOn([], '2026-10-15')).toBeNull();
  });

  it('is never adopted after the day, and no other version adopted by then is later', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const list = fc
      .uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 8 })
      .chain((numbers) => fc.tuple(...numbers.map((n) => day.map((d) => v(n, d)))));
    fc.assert(
      fc.property(list, day, (vs, on) => {
        const found = versionInForceOn(vs, on);
        const adopted = vs.filter((x) => x.adoptedOn <= on);
        if (!found) return adopted.length === 0;
        return (
          found.adoptedOn <= on &&
          adopted.every(
            (x) => x.adoptedOn < found.adoptedOn || (x.adoptedOn === found.adoptedOn && x.version <= found.version),
          )
        );
      }),
      { numRuns: 200 },
    );
  });
});
