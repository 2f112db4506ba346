import { z } from 'zod';
import { ZUuid } from './common.schema.js';
import { ZClassRef } from './directory.schema.js';
import { ZMessageBody, ZThreadSubject } from './messaging.schema.js';

/**
 * Class parent representatives (kontaktforældre, issue 12): parents elected per class per school
 * year. The class's guardians and staff see who they are (names only); the contact teacher and
 * the leadership record the election and end a seat; a representative writes to the class's
 * parents through the platform, never seeing their addresses or who they are.
 */

export const ZRepresentativeParams = z.object({ schoolId: ZUuid, classId: ZUuid, personId: ZUuid });

export const ZRecordElection = z.object({
  /** A custody holder of a child in the class. */
  personId: ZUuid,
  /** The day of the election, e.g. the first parent meeting; in this school year, not after today. */
  electedOn: z.iso.date(),
});
export type TRecordElection = z.infer<typeof ZRecordElection>;

export const ZRepresentative = z.object({
  personId: ZUuid,
  name: z.string(),
  /** Null for a seat the directory import recorded. */
  electedOn: z.iso.date().nullable(),
});
export type TRepresentative = z.infer<typeof ZRepresentative>;

export const ZClassRepresentatives = z.object({
  class: ZClassRef,
  /** The school year in progress, "2026/27". */
  schoolYear: z.string(),
  representatives: z.array(ZRepresentative),
  /** The contact teacher and the leadership record elections and end seats. */
  mayRecord: z.boolean(),
  /** The caller is one of the representatives and may write to the class's parents. */
  mayWrite: z.boolean(),
  /**
   * Who can be elected: the custody holders of the class's children who hold no seat, by name.
   * For those who record only; null for everyone else.
   */
  candidates: z.array(z.object({ personId: ZUuid, name: z.string() })).nullable(),
  maxSeats: z.number().int(),
});
export type TClassRepresentatives = z.infer<typeof ZClassRepresentatives>;

/** A representative's seats in the school year in progress, for their home page. */
export const ZMyRepresentativeSeats = z.object({
  schoolYear: z.string(),
  seats: z.array(z.object({ class: ZClassRef, electedOn: z.iso.date().nullable() })),
});
export type TMyRepresentativeSeats = z.infer<typeof ZMyRepresentativeSeats>;

/** A representative's message to the class's parents: no urgency (that is for staff) and no attachments. */
export const ZRepresentativeMessage = z.object({ subject: ZThreadSubject, body: ZMessageBody });
export type TRepresentativeMessage = z.infer<typeof ZRepresentativeMessage>;
