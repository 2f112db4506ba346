import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import { ZClassRef } from './directory.schema.js';
import { ZAttachment, ATTACHMENTS_PER_MESSAGE_MAX } from './attachment.schema.js';
import { ZUpdateCadence } from '../principle/principle.schema.js';

/** Longest title of a class letter; the form's field shares it. */
export const CLASS_LETTER_TITLE_MAX = 150;
/** Longest rich text of a letter, in characters of HTML as written. */
export const CLASS_LETTER_BODY_MAX = 50_000;
/** Most images and files on one letter. */
export const CLASS_LETTER_ATTACHMENTS_MAX = ATTACHMENTS_PER_MESSAGE_MAX * 2;

export const ZClassLetterParams = z.object({ schoolId: ZUuid, letterId: ZUuid });

/** What a save does with the letter: keep it as a draft, publish it now, or publish it at `publishAt`. */
export const ZClassLetterPublish = z.enum(['draft', 'now', 'scheduled']);
export type TClassLetterPublish = z.infer<typeof ZClassLetterPublish>;

/**
 * A class letter or post as its writer saves it. The rich text is cleaned on the server (a small
 * safe set of tags; scripts, event handlers and foreign images removed); images in it must be
 * among `attachmentIds`, the writer's own uploads or the letter's attachments.
 */
export const ZWriteClassLetter = z.object({
  title: text({ min: 1, max: CLASS_LETTER_TITLE_MAX }),
  bodyHtml: text({ min: 1, max: CLASS_LETTER_BODY_MAX, lines: true }),
  attachmentIds: z.array(ZUuid).max(CLASS_LETTER_ATTACHMENTS_MAX).default([]),
  publish: ZClassLetterPublish,
  /** For `scheduled`: the moment to publish, in the future. */
  publishAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type TWriteClassLetter = z.input<typeof ZWriteClassLetter>;

export const ZClassLetterStatus = z.enum(['draft', 'scheduled', 'published', 'cancelled']);
export type TClassLetterStatus = z.infer<typeof ZClassLetterStatus>;

export const ZClassLetter = z.object({
  id: ZUuid,
  class: ZClassRef,
  title: z.string(),
  /** Sanitised HTML, safe to show as it is. */
  bodyHtml: z.string(),
  status: ZClassLetterStatus,
  publishAt: z.string().nullable().describe('ISO 8601 moment'),
  publishedAt: z.string().nullable().describe('ISO 8601 moment'),
  writtenBy: z.object({ name: z.string() }),
  /** Files and images; an image shown in the text is listed here too, marked `inText`. */
  attachments: z.array(ZAttachment.extend({ inText: z.boolean() })),
  /** Staff: households of the class that have read it, of those it reaches; null for the homes. */
  reads: z.object({ households: z.number().int(), read: z.number().int() }).nullable(),
  /** A guardian or a student of the class: when they first opened it; null otherwise (and for staff). */
  readAt: z.string().nullable(),
  /** The caller may edit or cancel it (the class's staff, before it is published). */
  mayEdit: z.boolean(),
});
export type TClassLetter = z.infer<typeof ZClassLetter>;

/**
 * A letter in a list (a class's letters, the home's feed): what the list shows, with the start of
 * its words as plain text instead of the whole text and its files, which the letter's own page has.
 */
export const ZClassLetterSummary = ZClassLetter.omit({ bodyHtml: true, attachments: true }).extend({
  /** The first words of the text, plain, cut between words, ending in "…" when it goes on. */
  excerpt: z.string(),
});
export type TClassLetterSummary = z.infer<typeof ZClassLetterSummary>;

/** Where a class stands against the principle's cadence. */
export const ZClassLetterCadence = z.object({
  cadence: ZUpdateCadence,
  /** The school day the next letter is due by. */
  dueOn: z.iso.date(),
  /** The running period already has a letter (published or scheduled). */
  thisPeriodDone: z.boolean(),
  /** Ended periods in a row without a letter: 0 is on cadence. */
  missedInARow: z.number().int().min(0),
});
export type TClassLetterCadence = z.infer<typeof ZClassLetterCadence>;

export const ZClassLetterList = z.object({
  class: ZClassRef,
  /** Staff: the class against the cadence; null for the homes, or when the principle sets none. */
  cadence: ZClassLetterCadence.nullable(),
  /** Newest first; the homes see published letters only. */
  letters: z.array(ZClassLetterSummary),
  /** The caller may write letters to this class. */
  mayWrite: z.boolean(),
});
export type TClassLetterList = z.infer<typeof ZClassLetterList>;

/** A class on a staff member's list of letters due: their own classes, or every class for the leadership. */
export const ZClassLetterDue = z.object({
  class: ZClassRef,
  cadence: ZClassLetterCadence,
  lastPublishedAt: z.string().nullable(),
});
export const ZClassLettersDue = z.object({ classes: z.array(ZClassLetterDue) });
export type TClassLettersDue = z.infer<typeof ZClassLettersDue>;

/** The newest published letters of the caller's children's classes (or their own class), for the home. */
export const ZClassLetterFeed = z.object({ letters: z.array(ZClassLetterSummary) });
export type TClassLetterFeed = z.infer<typeof ZClassLetterFeed>;
