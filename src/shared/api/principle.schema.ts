import { z } from 'zod';
import { text, ZLocale, ZUuid } from './common.schema.js';
import { PRINCIPLE_LIMITS } from '../principle/principle.limits.js';
import { PROSE_SECTION_IDS, ZAspectId, ZGuidepostAspectText, ZPrinciple } from '../principle/principle.schema.js';

const ZLabel = z.object({ da: z.string(), en: z.string() });
const ZIsoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD.');
const ZIsoDateTime = z.iso.datetime();

export const ZPrinciplePreset = z.object({
  id: z.string(),
  name: ZLabel,
  /** Which school or document the preset is derived from. */
  source: ZLabel,
  /** What the preset reads into the seed, and which numbers are the school's own choice. */
  note: ZLabel,
  principle: ZPrinciple,
});
export type TPrinciplePreset = z.infer<typeof ZPrinciplePreset>;

export const ZPrinciplePresetsResponse = z.object({
  presets: z.array(ZPrinciplePreset),
  /** Vejle Municipality's five guideposts (seed 004), as published. */
  aspects: z.array(ZGuidepostAspectText),
});
export type TPrinciplePresetsResponse = z.infer<typeof ZPrinciplePresetsResponse>;

export const ZPrincipleStatus = z.enum(['draft', 'adopted', 'superseded']);
export type TPrincipleStatus = z.infer<typeof ZPrincipleStatus>;

/** The principle the school works by now. */
export const ZAdoptedPrinciple = z.object({
  id: ZUuid,
  version: z.number().int(),
  adoptedOn: ZIsoDate,
  /** The body and meeting that adopted it, e.g. "Skolebestyrelsen, møde 12. marts 2026". */
  adoptedBy: z.string(),
  basedOnPreset: z.string().nullable(),
  principle: ZPrinciple,
});
export type TAdoptedPrinciple = z.infer<typeof ZAdoptedPrinciple>;

export const ZPrincipleDraft = z.object({
  id: ZUuid,
  version: z.number().int(),
  basedOnPreset: z.string().nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
  principle: ZPrinciple,
});
export type TPrincipleDraft = z.infer<typeof ZPrincipleDraft>;

export const ZPrincipleVersion = z.object({
  id: ZUuid,
  version: z.number().int(),
  status: ZPrincipleStatus,
  basedOnPreset: z.string().nullable(),
  adoptedOn: ZIsoDate.nullable(),
  adoptedBy: z.string().nullable(),
  /** The leader who recorded the board's adoption in Samspil. */
  recordedBy: z.object({ personId: ZUuid, name: z.string() }).nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
  principle: ZPrinciple,
});
export type TPrincipleVersion = z.infer<typeof ZPrincipleVersion>;

export const ZPrincipleVersionsResponse = z.object({
  /** Newest first. */
  versions: z.array(ZPrincipleVersion),
});
export type TPrincipleVersionsResponse = z.infer<typeof ZPrincipleVersionsResponse>;

const ZCreateDraftChoice = z
  .object({
    fromPreset: text({ min: 1, max: PRINCIPLE_LIMITS.presetIdMaxChars, trim: false }).optional(),
    fromVersion: ZUuid.optional(),
  })
  .refine((body) => !(body.fromPreset && body.fromVersion), {
    path: ['fromVersion'],
    message: 'Start from a preset or from a version, not both.',
  });
/** Every field is optional, so a POST with no body at all (Fastify hands over `null`) means `{}`: the default start. */
export const ZCreateDraftBody = z.preprocess((body) => body ?? {}, ZCreateDraftChoice);
export type TCreateDraftBody = z.infer<typeof ZCreateDraftChoice>;

export const ZSaveDraftBody = z.object({ principle: ZPrinciple });
export type TSaveDraftBody = z.infer<typeof ZSaveDraftBody>;

export const ZAdoptDraftBody = z.object({
  adoptedOn: ZIsoDate,
  adoptedBy: text({ min: 1, max: PRINCIPLE_LIMITS.adoptedByMaxChars }),
});
export type TAdoptDraftBody = z.infer<typeof ZAdoptDraftBody>;

export const ZProseBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
]);

export const RULE_SECTION_IDS = [
  'conferences',
  'parent_meetings',
  'communication',
  'class_updates',
  'early_dialogue',
  'student_involvement',
  'oversight',
] as const;

/**
 * A principle in plain language, for the public page and the board. Text is in the requested
 * language, or in Danish where the school wrote no English; `lang` says which, so the page can
 * mark it (WCAG 3.1.2).
 */
export const ZPrincipleDescription = z.object({
  locale: ZLocale,
  /** The board's own words, section by section; absent sections are left out. */
  prose: z.array(
    z.object({
      id: z.enum(PROSE_SECTION_IDS),
      heading: z.string(),
      lang: ZLocale,
      blocks: z.array(ZProseBlock),
    }),
  ),
  /** The rules as promises in sentences, e.g. "Vi svarer … senest 3 arbejdsdage efter …". */
  rules: z.array(
    z.object({ id: z.enum(RULE_SECTION_IDS), heading: z.string(), sentences: z.array(z.string()).min(1) }),
  ),
  /** The adopted aspects of seed 004 only. */
  aspects: z.array(
    z.object({
      id: ZAspectId,
      lang: ZLocale,
      title: z.string(),
      intro: z.string(),
      meansThatHeading: z.string(),
      meansThat: z.array(z.string()),
      seenWhenHeading: z.string(),
      seenWhen: z.array(z.string()),
    }),
  ),
});
export type TPrincipleDescription = z.infer<typeof ZPrincipleDescription>;

export const ZPublicPrincipleParams = z.object({ slug: text({ min: 1, max: 100, trim: false }) });
export const ZPublicPrincipleQuery = z.object({ lang: ZLocale.optional() });

export const ZPublicPrincipleResponse = z.object({
  school: z.object({ name: z.string(), slug: z.string() }),
  version: z.number().int(),
  adoptedOn: ZIsoDate,
  adoptedBy: z.string(),
  principle: ZPrinciple,
  description: ZPrincipleDescription,
});
export type TPublicPrincipleResponse = z.infer<typeof ZPublicPrincipleResponse>;
