import { z } from 'zod';
import { PRINCIPLE_LIMITS as L } from './principle.limits.js';
import { text } from '../api/common.schema.js';

/**
 * A school board's principle for school-home collaboration as data (PRODUCT.md § 1). The rules
 * later features compute from are numbers and choices; the board's own words are prose with
 * Danish required and English optional. A section the principle does not cover is `null`, so
 * "the principle says nothing" is never confused with "zero".
 */

const count = (limits: { min: number; max: number }) => z.number().int().min(limits.min).max(limits.max);

function localizedText(max: number, lines = true) {
  return z.object({
    da: text({ min: 1, max, lines }),
    /** Optional; readers of the English page see the Danish text where it is missing. */
    en: text({ max, lines }).optional(),
  });
}

/** A prose section: paragraphs separated by blank lines, bullet items on lines starting with "- ". */
export const ZProseText = localizedText(L.proseMaxChars);
export type TProseText = z.infer<typeof ZProseText>;
export const ZTitleText = localizedText(L.titleMaxChars, false);
export const ZAspectIntroText = localizedText(L.aspectIntroMaxChars);
export const ZStatementText = localizedText(L.statementMaxChars);
export type TLocalizedText = z.infer<typeof ZProseText>;

export const ZGrade = z.number().int().min(L.grade.min).max(L.grade.max);

/**
 * How firmly the board promises a number: `firm` ("skolen inviterer til 2"), `at_least`
 * ("minimum 1 gang om året", seed 000) or `target` ("der tilstræbes 2", seed 002). Compliance
 * treats every count as a minimum; the commitment changes how the promise is worded.
 */
export const ZCommitment = z.enum(['firm', 'at_least', 'target']);
export type TCommitment = z.infer<typeof ZCommitment>;

export const ZUpdateCadence = z.enum(['weekly', 'fortnightly', 'monthly']);
export type TUpdateCadence = z.infer<typeof ZUpdateCadence>;

/** Ordered from least to most involvement: the student grows into the conference (seeds 001, 002). */
export const STUDENT_INVOLVEMENT_LEVELS = ['present', 'contributes', 'co_leads'] as const;
export const ZStudentInvolvementLevel = z.enum(STUDENT_INVOLVEMENT_LEVELS);
export type TStudentInvolvementLevel = z.infer<typeof ZStudentInvolvementLevel>;

/** The kinds of challenge that call for early contact with the home (seed 002). */
export const ZConcernKind = z.enum(['academic', 'well_being', 'behaviour']);
export type TConcernKind = z.infer<typeof ZConcernKind>;

/** Channels with room for nuance, as opposed to writing (seed 002, seed 004 "skriver, ringer eller mødes"). */
export const ZPersonalChannel = z.enum(['phone', 'meeting']);
export type TPersonalChannel = z.infer<typeof ZPersonalChannel>;

export const ZTestResultsRole = z.enum(['unspecified', 'included_not_central', 'central']);
export type TTestResultsRole = z.infer<typeof ZTestResultsRole>;

/** Since 2022 many schools keep a running message book (meddelelsesbog) instead of a yearly student plan. */
export const ZStudentPlanForm = z.enum(['student_plan', 'message_book']);
export type TStudentPlanForm = z.infer<typeof ZStudentPlanForm>;

/** The five aspects of Vejle's guideposts (seed 004), in the order the document gives them. */
export const ASPECT_IDS = [
  'communication',
  'clear_roles',
  'involvement',
  'parents_perspective',
  'strategic_view',
] as const;
export const ZAspectId = z.enum(ASPECT_IDS);
export type TAspectId = z.infer<typeof ZAspectId>;

/** 24-hour local time in Copenhagen, "HH:MM". */
export const ZClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour clock).');

function uniqueItems<T extends z.ZodType>(item: T, min: number, max: number) {
  return z
    .array(item)
    .min(min)
    .max(max)
    .refine((items) => new Set(items).size === items.length, { message: 'Each choice may appear once.' });
}

interface GradeBand {
  fromGrade: number;
  toGrade: number;
}

/** Bands run upwards without overlapping, so every grade has at most one rule. */
function checkBands(bands: GradeBand[], ctx: z.RefinementCtx): void {
  bands.forEach((band, index) => {
    if (band.fromGrade > band.toGrade) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'toGrade'],
        message: 'The last grade must not come before the first.',
      });
    }
    const previous = bands[index - 1];
    if (previous && band.fromGrade <= previous.toGrade) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'fromGrade'],
        message: 'Grade bands must run upwards without overlapping.',
      });
    }
  });
}

export const ZCadenceBand = z.object({ fromGrade: ZGrade, toGrade: ZGrade, cadence: ZUpdateCadence });
export type TCadenceBand = z.infer<typeof ZCadenceBand>;

export const ZInvolvementBand = z.object({ fromGrade: ZGrade, toGrade: ZGrade, level: ZStudentInvolvementLevel });
export type TInvolvementBand = z.infer<typeof ZInvolvementBand>;

export const ZConferenceRules = z
  .object({
    perYear: count(L.conferencesPerYear),
    commitment: ZCommitment,
    /** How many of the yearly rounds may be needs-based (behovssamtaler) instead of for everyone. */
    needsBasedRounds: z
      .number()
      .int()
      .min(0)
      .max(L.conferencesPerYear.max - 1),
    /** The school keeps assessing whether a student needs extra conferences (seed 000). */
    extraWhenNeeded: z.boolean(),
    /** "Skolen indkalder i tilpas god tid" (seed 000): calendar days from invitation to conference. */
    invitationLeadDays: count(L.invitationLeadDays),
    /** The written basis sent home before the conference; `null` when the principle does not ask for one. */
    studentPlan: z.object({ form: ZStudentPlanForm, leadDays: count(L.studentPlanLeadDays) }).nullable(),
    studentsTakePart: z.boolean(),
    /** Every party (school, home, student) can put topics on the agenda (seed 001). */
    allPartiesAddTopics: z.boolean(),
    /** The conference ends in concrete agreements on who does what (seeds 000, 001). */
    concreteAgreements: z.boolean(),
    testResults: ZTestResultsRole,
    /**
     * Folkeskoleloven § 13: parents are told test results in writing. Working days from a recorded
     * result to the written word reaching every custody holder. Principles stored before the rule
     * existed read as 10.
     */
    testResultsInWritingWorkingDays: count(L.testResultWorkingDays).default(10),
  })
  .superRefine((value, ctx) => {
    // At least one round must be for every student, or "regularly" would mean "never" for some.
    if (value.needsBasedRounds >= value.perYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['needsBasedRounds'],
        message: 'At least one round a year must be for every student.',
      });
    }
  });
export type TConferenceRules = z.infer<typeof ZConferenceRules>;

export const ZParentMeetingRules = z.object({
  perYear: count(L.parentMeetingsPerYear),
  commitment: ZCommitment,
  /** Topics from the school's well-being action plan go on the agenda (seed 001). */
  wellBeingPlanTopics: z.boolean(),
  /** Class parent representatives help plan and run the meetings (seed 001). */
  representativesHelpPlan: z.boolean(),
});
export type TParentMeetingRules = z.infer<typeof ZParentMeetingRules>;

export const ZResponseTime = z.object({
  workingDays: count(L.responseWorkingDays),
  /** "Der tilstræbes" (seed 002): a target the school aims for rather than a guarantee. */
  isTarget: z.boolean(),
});
export type TResponseTime = z.infer<typeof ZResponseTime>;

/** Staff get no notifications in these hours; urgent matters are the messaging feature's concern. */
export const ZQuietHours = z
  .object({ from: ZClockTime, to: ZClockTime, weekends: z.boolean() })
  .refine((value) => value.from !== value.to, {
    path: ['to'],
    message: 'Quiet hours must start and end at different times.',
  });
export type TQuietHours = z.infer<typeof ZQuietHours>;

/**
 * Students write to their contact teacher themselves from a grade on, under the same reply promise
 * as their guardians. What the custody holders see of it: `activity` (that their child writes to
 * the school and when, never what) or `content` (they may read the conversations, not write in them).
 */
export const ZStudentGuardianView = z.enum(['activity', 'content']);
export type TStudentGuardianView = z.infer<typeof ZStudentGuardianView>;
export const ZStudentMessages = z.object({ fromGrade: ZGrade, guardiansSee: ZStudentGuardianView });
export type TStudentMessages = z.infer<typeof ZStudentMessages>;

export const ZCommunicationRules = z.object({
  /** The contact teacher is the hub, and guardians are told how and when to reach them (seed 002). */
  contactTeacherIsHub: z.boolean(),
  responseTime: ZResponseTime.nullable(),
  /** Complex or sensitive matters by phone or meeting, not in writing (seed 002). */
  sensitiveMattersInPerson: z.boolean(),
  quietHours: ZQuietHours.nullable(),
  /** Null: students do not write through the platform. Principles stored before the rule existed read as null. */
  studentMessages: ZStudentMessages.nullable().default(null),
});
export type TCommunicationRules = z.infer<typeof ZCommunicationRules>;

export const ZEarlyDialogueRules = z.object({
  /** Working days from a registered concern to contact with the home. */
  contactWithinWorkingDays: count(L.earlyContactWorkingDays),
  channels: uniqueItems(ZPersonalChannel, 1, ZPersonalChannel.options.length),
  concernKinds: uniqueItems(ZConcernKind, 1, ZConcernKind.options.length),
});
export type TEarlyDialogueRules = z.infer<typeof ZEarlyDialogueRules>;

export const ZClassUpdateRules = z.object({
  /** Youngest most often (seed 001); a grade without a band has no cadence rule. */
  bands: z.array(ZCadenceBand).max(L.gradeBandsMax).superRefine(checkBands),
});
export type TClassUpdateRules = z.infer<typeof ZClassUpdateRules>;

export const ZStudentInvolvementRules = z.object({
  bands: z
    .array(ZInvolvementBand)
    .max(L.gradeBandsMax)
    .superRefine(checkBands)
    .superRefine((bands, ctx) => {
      bands.forEach((band, index) => {
        const previous = bands[index - 1];
        if (
          previous &&
          STUDENT_INVOLVEMENT_LEVELS.indexOf(band.level) < STUDENT_INVOLVEMENT_LEVELS.indexOf(previous.level)
        ) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'level'],
            message: 'Student involvement grows with age; an older band cannot have less.',
          });
        }
      });
    }),
});
export type TStudentInvolvementRules = z.infer<typeof ZStudentInvolvementRules>;

export const ZOversightRules = z.object({
  boardSupervises: z.boolean(),
  /** How many reports on the principle the leadership gives the board each year. */
  reportsPerYear: count(L.boardReportsPerYear),
});
export type TOversightRules = z.infer<typeof ZOversightRules>;

export const ZStatement = z.object({
  /** Stable within its aspect, so survey questions and results can refer to an indicator. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(L.statementIdMaxChars),
  text: ZStatementText,
});
export type TStatement = z.infer<typeof ZStatement>;

function uniqueStatements(statements: TStatement[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  statements.forEach((statement, index) => {
    if (seen.has(statement.id))
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: 'Statement ids must be unique within an aspect.' });
    seen.add(statement.id);
  });
}

const statementList = () => z.array(ZStatement).min(1).max(L.statementsPerAspectMax).superRefine(uniqueStatements);

/** One aspect of seed 004 as the school holds it: its wording and whether the school has adopted it. */
export const ZGuidepostAspect = z.object({
  id: ZAspectId,
  adopted: z.boolean(),
  title: ZTitleText,
  intro: ZAspectIntroText,
  /** "Det betyder, at:" */
  meansThat: statementList(),
  /** "Det kan vi se, når:" — the observable indicators surveys ask about. */
  seenWhen: statementList(),
});
export type TGuidepostAspect = z.infer<typeof ZGuidepostAspect>;

/** The aspect's text without the school's choice, as the municipality publishes it. */
export const ZGuidepostAspectText = ZGuidepostAspect.omit({ adopted: true });
export type TGuidepostAspectText = z.infer<typeof ZGuidepostAspectText>;

export const PROSE_SECTION_IDS = [
  'purpose',
  'goals',
  'values',
  'schoolResponsibilities',
  'parentResponsibilities',
  'studentRole',
  'nextSteps',
] as const;
export type TProseSectionId = (typeof PROSE_SECTION_IDS)[number];

export const ZPrincipleTexts = z.object({
  purpose: ZProseText,
  goals: ZProseText.nullable(),
  values: ZProseText.nullable(),
  schoolResponsibilities: ZProseText.nullable(),
  parentResponsibilities: ZProseText.nullable(),
  studentRole: ZProseText.nullable(),
  /** Who communicates and implements the principle, and the board's supervision (seed 000). */
  nextSteps: ZProseText.nullable(),
});
export type TPrincipleTexts = z.infer<typeof ZPrincipleTexts>;

/** Stored content is versioned so a later change of this model can migrate old versions. */
export const PRINCIPLE_SCHEMA_VERSION = 1;

export const ZPrinciple = z.object({
  schemaVersion: z.literal(PRINCIPLE_SCHEMA_VERSION),
  texts: ZPrincipleTexts,
  conferences: ZConferenceRules,
  parentMeetings: ZParentMeetingRules.nullable(),
  communication: ZCommunicationRules,
  classUpdates: ZClassUpdateRules,
  earlyDialogue: ZEarlyDialogueRules.nullable(),
  studentInvolvement: ZStudentInvolvementRules,
  oversight: ZOversightRules,
  /** Exactly the five aspects of seed 004, in their order. */
  aspects: z
    .array(ZGuidepostAspect)
    .length(ASPECT_IDS.length)
    .superRefine((aspects, ctx) => {
      aspects.forEach((aspect, index) => {
        if (aspect.id !== ASPECT_IDS[index]) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `Expected the aspect "${ASPECT_IDS[index]}" here.`,
          });
        }
      });
    }),
});
export type TPrinciple = z.infer<typeof ZPrinciple>;
