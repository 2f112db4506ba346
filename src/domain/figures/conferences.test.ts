import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agreementsFollowedUp, conferencesHeld, conferencesNeeded, type AgreementFact } from './conferences.js';

describe('conferencesHeld', () => {
  it('counts each student once, against the number the principle asks for', () => {
    const facts = [
      { studentId: 'a', heldRounds: ['autumn'] },
      // Separated parents' two meetings in one round are one conference for the child.
      { studentId: 'a', heldRounds: ['autumn'] },
      { studentId: 'b', heldRounds: ['autumn', 'spring'] },
      { studentId: 'c', heldRounds: [] },
    ];
    expect(conferencesHeld(facts, { regular: 1, needsBased: 0 })).toEqual({
      counted: 3,
      kept: 2,
      share: 2 / 3,
      people: 3,
    });
    expect(conferencesHeld(facts, { regular: 2, needsBased: 0 })).toMatchObject({ counted: 3, kept: 1 });
    expect(conferencesHeld(facts, null)).toMatchObject({ counted: 3, kept: 2 });
    expect(conferencesHeld([], { regular: 2, needsBased: 0 })).toEqual({ counted: 0, kept: 0, share: null, people: 0 });
  });

  it('asks a needs-based round only of the students it was for', () => {
    // Seed 002: one regular round for everyone, and one needs-based round a year.
    const target = { regular: 1, needsBased: 1 };
    const facts = [
      { studentId: 'a', heldRounds: ['autumn'] },
      { studentId: 'b', heldRounds: ['autumn'], needsBasedRounds: ['spring'] },
      { studentId: 'c', heldRounds: ['autumn', 'spring'], needsBasedRounds: ['spring'] },
      // Only in the needs-based round (the regular one has not been held for them).
      { studentId: 'd', heldRounds: ['spring'], needsBasedRounds: ['spring'] },
    ];
    expect(conferencesHeld(facts, target)).toMatchObject({ counted: 4, kept: 2 });
    // A principle with no needs-based round: invitations to one do not raise what is asked.
    expect(conferencesHeld(facts, { regular: 1, needsBased: 0 })).toMatchObject({ counted: 4, kept: 4 });
    expect(conferencesNeeded({ regular: 0, needsBased: 1 }, 0)).toBe(1);
    expect(conferencesNeeded({ regular: 1, needsBased: 1 }, 3)).toBe(2);
  });

  it('never keeps more than it counts, and asking for more never keeps more', () => {
    const fact = fc.record({
      studentId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      heldRounds: fc.array(fc.constantFrom('autumn', 'winter', 'spring'), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 20 }), fc.integer({ min: 1, max: 3 }), (facts, perYear) => {
        const once = conferencesHeld(facts, { regular: perYear, needsBased: 0 });
        const more = conferencesHeld(facts, { regular: perYear + 1, needsBased: 0 });
        return once.kept <= once.counted && more.kept <= once.kept && more.counted === once.counted;
      }),
      { numRuns: 100 },
    );
  });
});

describe('agreementsFollowedUp', () => {
  const facts: AgreementFact[] = [
    { studentId: 'a', dueOn: '2026-10-20', doneOn: '2026-10-18' },
    { studentId: 'a', dueOn: '2026-11-10', doneOn: '2026-11-12' },
    { studentId: 'b', dueOn: '2026-11-20', doneOn: null },
    { studentId: 'c', dueOn: '2027-01-15', doneOn: null },
  ];

  it('keeps those done by their due day, counts only due days that have come, and tells open and overdue now', () => {
    expect(agreementsFollowedUp(facts, '2026-08-01', '2027-08-01', '2026-12-03')).toEqual({
      counted: 3,
      kept: 1,
      share: 1 / 3,
      people: 2,
      open: 2,
      overdue: 1,
    });
    expect(agreementsFollowedUp(facts, '2026-11-01', '2026-12-01', '2026-12-03')).toMatchObject({
      counted: 2,
      kept: 0,
    });
  });

  it('counts nothing not yet due, and overdue is part of open', () => {
    const day = fc
      .integer({ min: 0, max: 120 })
      .map((n) => new Date(Date.UTC(2026, 8, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const fact = fc.record({
      studentId: fc.constantFrom('a', 'b', 'c'),
      dueOn: day,
      doneOn: fc.option(day, { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 20 }), day, (all, today) => {
        const result = agreementsFollowedUp(all, '2026-08-01', '2027-08-01', today);
        const due = all.filter((f) => f.dueOn <= today).length;
        return result.counted === due && result.kept <= result.counted && result.overdue <= result.open;
      }),
      { numRuns: 100 },
    );
  });
});
