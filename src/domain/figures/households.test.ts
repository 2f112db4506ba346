import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { householdFacts, householdsReached, type HomeRow } from './households.js';

const at = (iso: string) => new Date(iso);
const year = { from: at('2026-07-31T22:00:00Z'), to: at('2027-07-31T22:00:00Z') };

describe('households reached', () => {
  const homes: HomeRow[] = [
    // The Hansens: two guardians, children in 3.A and 7.A.
    { household: 'hansen', personId: 'mor', studentId: 'emma', classId: '3A', language: 'da' },
    { household: 'hansen', personId: 'far', studentId: 'emma', classId: '3A', language: 'da' },
    { household: 'hansen', personId: 'mor', studentId: 'oscar', classId: '7A', language: 'da' },
    // Lucas lives in two homes; his father reads Arabic.
    { household: 'jensen', personId: 'lucas-mor', studentId: 'lucas', classId: '3A', language: 'da' },
    { household: 'person:ali', personId: 'ali', studentId: 'lucas', classId: '3A', language: 'ar' },
    // A home no one has reached.
    { household: 'nielsen', personId: 'nielsen', studentId: 'ida', classId: '7A', language: 'uk' },
  ];
  const reads = new Map([
    ['far', [at('2026-09-10T08:00:00Z')]],
    ['ali', [at('2025-12-01T08:00:00Z')]], // last school year
  ]);
  const conferences = new Map([['jensen', [at('2026-11-05T14:00:00Z')]]]);
  const facts = householdFacts(homes, reads, conferences);

  it('counts each household once, reached by any of its guardians or its conferences this year', () => {
    expect(householdsReached(facts, year.from, year.to)).toEqual({ counted: 4, kept: 2, share: 0.5, people: 4 });
    // Each class counts the households with a child in it.
    const of = (classId: string) =>
      householdsReached(
        facts.filter((f) => f.classId === classId),
        year.from,
        year.to,
      );
    expect(of('3A')).toMatchObject({ counted: 3, kept: 2 });
    expect(of('7A')).toMatchObject({ counted: 2, kept: 1 });
    // A month counts the homes reached in it.
    expect(householdsReached(facts, at('2026-10-31T23:00:00Z'), at('2026-11-30T23:00:00Z'))).toMatchObject({
      counted: 4,
      kept: 1,
    });
  });

  it('tells homes by language and by one home or two, for the equity view', () => {
    const byHousehold = new Map(facts.map((f) => [f.household, f]));
    expect(byHousehold.get('hansen')).toMatchObject({ language: 'da', twoHomes: false });
    expect(byHousehold.get('jensen')).toMatchObject({ language: 'da', twoHomes: true });
    expect(byHousehold.get('person:ali')).toMatchObject({ language: 'other', twoHomes: true });
    expect(byHousehold.get('nielsen')).toMatchObject({ language: 'other', twoHomes: false });
    const other = facts.filter((f) => f.language === 'other');
    expect(householdsReached(other, year.from, year.to)).toMatchObject({ counted: 2, kept: 0 });
  });

  it('never keeps more than it counts, and a class never counts more homes than the school', () => {
    const row = fc.record({
      household: fc.constantFrom('h1', 'h2', 'h3', 'h4'),
      personId: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'),
      studentId: fc.constantFrom('s1', 's2', 's3'),
      classId: fc.constantFrom('c1', 'c2'),
      language: fc.constantFrom('da', 'en'),
    });
    const moment = fc.integer({ min: 0, max: 500 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000));
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 12 }),
        fc.array(fc.tuple(fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'), moment), { maxLength: 6 }),
        (rows, readList) => {
          const readMap = new Map<string, Date[]>();
          for (const [person, when] of readList) readMap.set(person, [...(readMap.get(person) ?? []), when]);
          const all = householdFacts(rows, readMap, new Map());
          const school = householdsReached(all, year.from, year.to);
          expect(school.kept).toBeLessThanOrEqual(school.counted);
          expect(school.counted).toBe(new Set(rows.map((r) => r.household)).size);
          for (const c of ['c1', 'c2']) {
            const klass = householdsReached(
              all.filter((f) => f.classId === c),
              year.from,
              year.to,
            );
            expect(klass.counted).toBeLessThanOrEqual(school.counted);
            expect(klass.kept).toBeLessThanOrEqual(school.kept);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
