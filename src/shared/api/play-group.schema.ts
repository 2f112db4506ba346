import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import { ZClassRef } from './directory.schema.js';

/** The group sizes a class may ask for, and how many rounds one generation may plan. */
export const PLAY_GROUP_SIZE_MIN = 2;
export const PLAY_GROUP_SIZE_MAX = 8;
export const PLAY_GROUP_ROUNDS_MAX = 20;
export const APART_REASON_MAX = 500;

/**
 * Generate a class's play groups for a period: one round per date (each after today), groups of
 * about `groupSize`. Regenerating replaces the rounds after today and keeps those before.
 */
export const ZGeneratePlayGroups = z.object({
  groupSize: z.number().int().min(PLAY_GROUP_SIZE_MIN).max(PLAY_GROUP_SIZE_MAX),
  /** The day each round meets, one round per day. */
  dates: z.array(z.iso.date()).min(1).max(PLAY_GROUP_ROUNDS_MAX),
});
export type TGeneratePlayGroups = z.infer<typeof ZGeneratePlayGroups>;

/** A child in a group as organisers and households see them: the first name (with an initial where two share it). */
export const ZPlayGroupChild = z.object({ id: ZUuid, name: z.string() });

/**
 * The home a group meets in: the child's first name and the hosting family's names. Never an
 * address, never a protected person's name.
 */
export const ZPlayGroupHost = z.object({ child: z.string(), family: z.string() });
export type TPlayGroupHost = z.infer<typeof ZPlayGroupHost>;

export const ZPlayGroupRound = z.object({
  id: ZUuid,
  meetsOn: z.iso.date(),
  /** Before today (held). Rounds up to today are kept when the class regenerates its groups. */
  past: z.boolean(),
  groups: z.array(
    z.object({
      number: z.number().int(),
      children: z.array(ZPlayGroupChild),
      /** null: no home in the group hosts; the families agree among themselves. */
      host: ZPlayGroupHost.nullable(),
    }),
  ),
});

/** A class's play groups for those who organise them: its representatives, its staff and the leadership. */
export const ZClassPlayGroups = z.object({
  class: ZClassRef,
  childCount: z.number().int(),
  /** The latest generation's group size; null before the first. */
  groupSize: z.number().int().nullable(),
  generatedAt: z.string().nullable(),
  rounds: z.array(ZPlayGroupRound),
  /** The caller keeps pairs apart (the class's staff and the leadership). */
  mayKeepApart: z.boolean(),
});
export type TClassPlayGroups = z.infer<typeof ZClassPlayGroups>;

/** A class whose play groups the caller organises. */
export const ZOrganisedPlayGroups = z.object({
  classes: z.array(z.object({ class: ZClassRef, rounds: z.number().int(), nextMeetsOn: z.iso.date().nullable() })),
});
export type TOrganisedPlayGroups = z.infer<typeof ZOrganisedPlayGroups>;

/** A child's own group in each round, as the child's household sees it: no one else's group. */
export const ZStudentPlayGroups = z.object({
  student: z.object({ id: ZUuid, name: z.string() }),
  class: ZClassRef,
  rounds: z.array(
    z.object({
      meetsOn: z.iso.date(),
      past: z.boolean(),
      /** The other children of the group, by first name. */
      with: z.array(z.string()),
      host: ZPlayGroupHost.extend({ ownHome: z.boolean() }).nullable(),
    }),
  ),
  /** The child's home does not host (declined by a custody holder). */
  hostingDeclined: z.boolean(),
  /** The caller may decline or offer hosting (a custody holder). */
  mayChangeHosting: z.boolean(),
});
export type TStudentPlayGroups = z.infer<typeof ZStudentPlayGroups>;

export const ZPlayGroupHosting = z.object({ declined: z.boolean() });
export type TPlayGroupHosting = z.infer<typeof ZPlayGroupHosting>;

/** Two children of the class who are never put in one group, with the staff's reason. */
export const ZCreateApartPair = z.object({
  studentIds: z.array(ZUuid).length(2),
  reason: text({ min: 1, max: APART_REASON_MAX, lines: true }),
});
export type TCreateApartPair = z.infer<typeof ZCreateApartPair>;

export const ZApartPair = z.object({
  id: ZUuid,
  children: z.array(z.object({ id: ZUuid, name: z.string() })),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type TApartPair = z.infer<typeof ZApartPair>;

/** The staff's list of pairs kept apart, with the class's children to choose from. */
export const ZApartPairList = z.object({
  pairs: z.array(ZApartPair),
  children: z.array(z.object({ id: ZUuid, name: z.string() })),
});
export type TApartPairList = z.infer<typeof ZApartPairList>;

export const ZApartPairParams = z.object({ schoolId: ZUuid, classId: ZUuid, pairId: ZUuid });
