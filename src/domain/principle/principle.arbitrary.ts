import fc from 'fast-check';
import { PRINCIPLE_LIMITS as L } from '../../shared/principle/principle.limits.js';
import {
  PRINCIPLE_SCHEMA_VERSION,
  STUDENT_INVOLVEMENT_LEVELS,
  ZConcernKind,
  ZPersonalChannel,
  ZUpdateCadence,
  ZStudentGuardianView,
  type TLocalizedText,
  type TPrinciple,
  type TQuietHours,
} from '../../shared/principle/principle.schema.js';
import { GUIDEPOST_ASPECTS } from './guideposts.js';

/** fast-check generators of valid principles, for property tests of the model and its readers. */

const int = (limits: { min: number; max: number }) => fc.integer(limits);
const text = (max: number) =>
  fc.string({ minLength: 1, maxLength: Math.min(max, 80) }).filter((s) => s.trim().length > 0);
const localized = (max: number): fc.Arbitrary<TLocalizedText> =>
  fc
    .record({ da: text(max), en: text(max) }, { requiredKeys: ['da'] })
    .map((t) => ({ ...t, da: t.da.trim(), ...(t.en !== undefined ? { en: t.en.trim() } : {}) }));
const commitment = fc.constantFrom('firm' as const, 'at_least' as const, 'target' as const);
const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

/** Bands that run upwards without overlapping, each holding a generated value. */
function gradeBands<T>(value: fc.Arbitrary<T>): fc.Arbitrary<Array<{ fromGrade: number; toGrade: number; value: T }>> {
  return fc.uniqueArray(int(L.grade), { maxLength: L.gradeBandsMax }).chain((starts) => {
    const sorted = [...starts].sort((a, b) => a - b);
    const parts = sorted.map((start, i) =>
      fc.tuple(fc.integer({ min: start, max: (sorted[i + 1] ?? L.grade.max + 1) - 1 }), value),
    );
    return fc
      .tuple(...parts)
      .map((chosen) => chosen.map(([toGrade, v], i) => ({ fromGrade: sorted[i] as number, toGrade, value: v })));
  });
}

const quietHours: fc.Arbitrary<TQuietHours> = fc
  .record({ from: clock, to: clock, weekends: fc.boolean() })
  .filter((q) => q.from !== q.to);

export const arbPrinciple: fc.Arbitrary<TPrinciple> = fc
  .record({
    perYear: int(L.conferencesPerYear),
    needsBasedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .chain(({ perYear, needsBasedShare }) =>
    fc.record({
      schemaVersion: fc.constant(PRINCIPLE_SCHEMA_VERSION),
      texts: fc.record({
        purpose: localized(L.proseMaxChars),
        goals: fc.option(localized(L.proseMaxChars), { nil: null }),
        values: fc.option(localized(L.proseMaxChars), { nil: null }),
        schoolResponsibilities: fc.option(localized(L.proseMaxChars), { nil: null }),
        parentResponsibilities: fc.option(localized(L.proseMaxChars), { nil: null }),
        studentRole: fc.option(localized(L.proseMaxChars), { nil: null }),
        nextSteps: fc.option(localized(L.proseMaxChars), { nil: null }),
      }),
      conferences: fc.record({
        perYear: fc.constant(perYear),
        commitment,
        needsBasedRounds: fc.constant(Math.min(perYear - 1, Math.floor(needsBasedShare * perYear))),
        extraWhenNeeded: fc.boolean(),
        invitationLeadDays: int(L.invitationLeadDays),
        studentPlan: fc.option(
          fc.record({
            form: fc.constantFrom('student_plan' as const, 'message_book' as const),
            leadDays: int(L.studentPlanLeadDays),
          }),
          { nil: null },
        ),
        studentsTakePart: fc.boolean(),
        allPartiesAddTopics: fc.boolean(),
        concreteAgreements: fc.boolean(),
        testResults: fc.constantFrom('unspecified' as const, 'included_not_central' as const, 'central' as const),
        testResultsInWritingWorkingDays: int(L.testResultWorkingDays),
      }),
      parentMeetings: fc.option(
        fc.record({
          perYear: int(L.parentMeetingsPerYear),
          commitment,
          wellBeingPlanTopics: fc.boolean(),
          representativesHelpPlan: fc.boolean(),
        }),
        { nil: null },
      ),
      communication: fc.record({
        contactTeacherIsHub: fc.boolean(),
        responseTime: fc.option(fc.record({ workingDays: int(L.responseWorkingDays), isTarget: fc.boolean() }), {
          nil: null,
        }),
        sensitiveMattersInPerson: fc.boolean(),
        quietHours: fc.option(quietHours, { nil: null }),
        studentMessages: fc.option(
          fc.record({ fromGrade: int(L.grade), guardiansSee: fc.constantFrom(...ZStudentGuardianView.options) }),
          { nil: null },
        ),
      }),
      classUpdates: gradeBands(fc.constantFrom(...ZUpdateCadence.options)).map((bands) => ({
        bands: bands.map(({ fromGrade, toGrade, value }) => ({ fromGrade, toGrade, cadence: value })),
      })),
      earlyDialogue: fc.option(
        fc.record({
          contactWithinWorkingDays: int(L.earlyContactWorkingDays),
          channels: fc.shuffledSubarray([...ZPersonalChannel.options], { minLength: 1 }),
          concernKinds: fc.shuffledSubarray([...ZConcernKind.options], { minLength: 1 }),
        }),
        { nil: null },
      ),
      // Involvement never falls with age, so generated levels are sorted by their rank.
      studentInvolvement: gradeBands(fc.constantFrom(...STUDENT_INVOLVEMENT_LEVELS)).map((bands) => {
        const levels = bands
          .map((b) => b.value)
          .sort((a, b) => STUDENT_INVOLVEMENT_LEVELS.indexOf(a) - STUDENT_INVOLVEMENT_LEVELS.indexOf(b));
        return {
          bands: bands.map(({ fromGrade, toGrade }, i) => ({ fromGrade, toGrade, level: levels[i] ?? 'present' })),
        };
      }),
      oversight: fc.record({ boardSupervises: fc.boolean(), reportsPerYear: int(L.boardReportsPerYear) }),
      aspects: fc
        .tuple(...GUIDEPOST_ASPECTS.map(() => fc.boolean()))
        .map((adopted) => GUIDEPOST_ASPECTS.map((aspect, i) => ({ ...aspect, adopted: adopted[i] ?? false }))),
    }),
  );
