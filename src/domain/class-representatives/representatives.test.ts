import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  electionProblem,
  MAX_REPRESENTATIVES_PER_CLASS,
  schoolYearName,
  schoolYearNameOf,
  startYearOf,
} from './representatives.js';

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2098-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('school year names', () => {
  it('names the year a day falls in, from 1 August', () => {
    expect(schoolYearNameOf('2026-07-31')).toBe('2025/26');
    expect(schoolYearNameOf('2026-08-01')).toBe('2026/27');
    expect(schoolYearNameOf('2099-12-01')).toBe('2099/00');
  });

  it('reads back every name it writes, and no other', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9998 }), (y) => startYearOf(schoolYearName(y)) === y));
    expect(startYearOf('2026/28')).toBeNull();
    expect(startYearOf('2026-27')).toBeNull();
  });

  it('puts every day in the year that starts on or before it and ends after it', () => {
    fc.assert(
      fc.property(day, (d) => {
        const start = startYearOf(schoolYearNameOf(d))!;
        return `${start}-08-01` <= d && d < `${start + 1}-08-01`;
      }),
    );
  });
});

describe('electionProblem', () => {
  const ok = {
    isCustodyGuardianInClass: true,
    alreadySeated: false,
    seatsTaken: 0,
    electedOn: '2026-09-01',
    today: '2026-09-02',
  };

  it('records a custody holder of the class, elected on a past day, while seats are free', () => {
    expect(electionProblem(ok)).toBeNull();
  });

  it('never seats someone who is not a custody holder in the class, whatever else holds', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.nat(10),
        day,
        day,
        (alreadySeated, seatsTaken, electedOn, today) =>
          electionProblem({ isCustodyGuardianInClass: false, alreadySeated, seatsTaken, electedOn, today }) ===
          'representative_not_guardian',
      ),
    );
  });

  it('never seats a custody holder with name and address protection, whatever else holds', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.nat(10), (alreadySeated, seatsTaken) => {
        return (
          electionProblem({ ...ok, nameProtected: true, alreadySeated, seatsTaken }) === 'representative_protected'
        );
      }),
    );
  });

  it('refuses a new seat once the class has the most, but re-records one already seated', () => {
    fc.assert(
      fc.property(fc.nat(10), fc.boolean(), (seatsTaken, alreadySeated) => {
        const problem = electionProblem({ ...ok, seatsTaken, alreadySeated });
        return (
          problem === (!alreadySeated && seatsTaken >= MAX_REPRESENTATIVES_PER_CLASS ? 'representatives_full' : null)
        );
      }),
    );
  });

  it('refuses an election day after today, and one of an earlier school year', () => {
    expect(electionProblem({ ...ok, electedOn: '2026-09-03' })).toBe('representative_elected_in_future');
    expect(electionProblem({ ...ok, electedOn: '2026-07-31' })).toBe('representative_elected_other_year');
  });
});
