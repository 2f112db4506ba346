import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZPrinciple, type TPrinciple } from './principle.schema.js';
import { PRINCIPLE_LIMITS as L } from './principle.limits.js';
import { arbPrinciple } from '../../domain/principle/principle.arbitrary.js';
import { findPreset } from '../../domain/principle/presets.js';

const base = (): TPrinciple => structuredClone(findPreset('seed-002')!.principle);

/** The paths of the issues Zod reports, e.g. "conferences.perYear". */
function issuePaths(value: unknown): string[] {
  const result = ZPrinciple.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

const outside = (limits: { min: number; max: number }) =>
  fc.oneof(
    fc.integer({ max: limits.min - 1 }),
    fc.integer({ min: limits.max + 1 }),
    fc.double({ min: limits.min, max: limits.max, noInteger: true }),
  );

describe('ZPrinciple', () => {
  it('accepts every generated valid principle', () => {
    fc.assert(fc.property(arbPrinciple, (p) => ZPrinciple.safeParse(p).success));
  });

  it('reads a principle stored before the § 13 rule existed as 10 working days to tell test results', () => {
    const { testResultsInWritingWorkingDays: _, ...conferences } = base().conferences;
    const parsed = ZPrinciple.parse({ ...base(), conferences });
    expect(parsed.conferences.testResultsInWritingWorkingDays).toBe(10);
  });

  it.each([
    [
      'conferences.testResultsInWritingWorkingDays',
      L.testResultWorkingDays,
      (p: TPrinciple, n: number) => ({ ...p, conferences: { ...p.conferences, testResultsInWritingWorkingDays: n } }),
    ],
    [
      'conferences.perYear',
      L.conferencesPerYear,
      (p: TPrinciple, n: number) => ({ ...p, conferences: { ...p.conferences, perYear: n, needsBasedRounds: 0 } }),
    ],
    [
      'conferences.invitationLeadDays',
      L.invitationLeadDays,
      (p: TPrinciple, n: number) => ({ ...p, conferences: { ...p.conferences, invitationLeadDays: n } }),
    ],
    [
      'communication.responseTime.workingDays',
      L.responseWorkingDays,
      (p: TPrinciple, n: number) => ({
        ...p,
        communication: { ...p.communication, responseTime: { workingDays: n, isTarget: false } },
      }),
    ],
    [
      'parentMeetings.perYear',
      L.parentMeetingsPerYear,
      (p: TPrinciple, n: number) => ({ ...p, parentMeetings: { ...p.parentMeetings!, perYear: n } }),
    ],
    [
      'earlyDialogue.contactWithinWorkingDays',
      L.earlyContactWorkingDays,
      (p: TPrinciple, n: number) => ({ ...p, earlyDialogue: { ...p.earlyDialogue!, contactWithinWorkingDays: n } }),
    ],
    [
      'oversight.reportsPerYear',
      L.boardReportsPerYear,
      (p: TPrinciple, n: number) => ({ ...p, oversight: { ...p.oversight, reportsPerYear: n } }),
    ],
    [
      'classUpdates.bands.0.toGrade',
      L.grade,
      (p: TPrinciple, n: number) => ({
        ...p,
        classUpdates: { bands: [{ fromGrade: 0, toGrade: n, cadence: 'weekly' as const }] },
      }),
    ],
  ])('rejects %s outside its range or not a whole number, naming the field', (path, limits, set) => {
    fc.assert(fc.property(outside(limits), (n) => issuePaths(set(base(), n)).includes(path)));
  });

  it('requires at least one conference round for every student', () => {
    const p = base();
    expect(issuePaths({ ...p, conferences: { ...p.conferences, perYear: 2, needsBasedRounds: 2 } })).toEqual([
      'conferences.needsBasedRounds',
    ]);
    expect(issuePaths({ ...p, conferences: { ...p.conferences, perYear: 2, needsBasedRounds: 1 } })).toEqual([]);
  });

  it('rejects grade bands that overlap, run backwards, or let involvement fall with age', () => {
    const p = base();
    expect(
      issuePaths({
        ...p,
        classUpdates: {
          bands: [
            { fromGrade: 0, toGrade: 4, cadence: 'weekly' },
            { fromGrade: 4, toGrade: 9, cadence: 'monthly' },
          ],
        },
      }),
    ).toEqual(['classUpdates.bands.1.fromGrade']);
    expect(issuePaths({ ...p, classUpdates: { bands: [{ fromGrade: 5, toGrade: 3, cadence: 'weekly' }] } })).toEqual([
      'classUpdates.bands.0.toGrade',
    ]);
    expect(
      issuePaths({
        ...p,
        studentInvolvement: {
          bands: [
            { fromGrade: 0, toGrade: 4, level: 'co_leads' },
            { fromGrade: 5, toGrade: 9, level: 'present' },
          ],
        },
      }),
    ).toEqual(['studentInvolvement.bands.1.level']);
  });

  it('requires Danish text, limits its length, and lets English be left out', () => {
    const p = base();
    expect(issuePaths({ ...p, texts: { ...p.texts, purpose: { da: '   ' } } })).toEqual(['texts.purpose.da']);
    expect(issuePaths({ ...p, texts: { ...p.texts, purpose: { da: 'x'.repeat(L.proseMaxChars + 1) } } })).toEqual([
      'texts.purpose.da',
    ]);
    expect(issuePaths({ ...p, texts: { ...p.texts, purpose: { da: 'Formål.' } } })).toEqual([]);
    expect(ZPrinciple.parse({ ...p, texts: { ...p.texts, purpose: { da: '  Formål.  ' } } }).texts.purpose.da).toBe(
      'Formål.',
    );
  });

  it('holds exactly the five aspects of seed 004 in order', () => {
    const p = base();
    expect(issuePaths({ ...p, aspects: p.aspects.slice(0, 4) })).toEqual(['aspects']);
    const swapped = [p.aspects[1], p.aspects[0], ...p.aspects.slice(2)];
    expect(issuePaths({ ...p, aspects: swapped })).toEqual(['aspects.0.id', 'aspects.1.id']);
    const duplicateIndicator = { ...p.aspects[0]!, seenWhen: [p.aspects[0]!.seenWhen[0]!, p.aspects[0]!.seenWhen[0]!] };
    expect(issuePaths({ ...p, aspects: [duplicateIndicator, ...p.aspects.slice(1)] })).toEqual([
      'aspects.0.seenWhen.1.id',
    ]);
  });

  it('rejects repeated channels, unknown concern kinds, bad clock times and empty quiet hours', () => {
    const p = base();
    expect(issuePaths({ ...p, earlyDialogue: { ...p.earlyDialogue!, channels: ['phone', 'phone'] } })).toEqual([
      'earlyDialogue.channels',
    ]);
    expect(issuePaths({ ...p, earlyDialogue: { ...p.earlyDialogue!, concernKinds: ['weather'] } })).toEqual([
      'earlyDialogue.concernKinds.0',
    ]);
    expect(
      issuePaths({
        ...p,
        communication: { ...p.communication, quietHours: { from: '24:00', to: '07:00', weekends: true } },
      }),
    ).toEqual(['communication.quietHours.from']);
    expect(
      issuePaths({
        ...p,
        communication: { ...p.communication, quietHours: { from: '07:00', to: '07:00', weekends: true } },
      }),
    ).toEqual(['communication.quietHours.to']);
  });

  it('rejects content from an unknown model version', () => {
    expect(issuePaths({ ...base(), schemaVersion: 2 })).toEqual(['schemaVersion']);
  });
});
