import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import { ZClassRef } from './directory.schema.js';
import { ZConcernKind, ZPersonalChannel } from '../principle/principle.schema.js';

/**
 * Concerns and early dialogue (issue 11, point 4): a concern about a student, for the student's
 * staff team and the leadership only, and the contacts with the home it led to.
 */

/** A concern is short and factual: what was seen, not a diagnosis. */
export const CONCERN_TEXT_MAX = 1000;
/** What was agreed with the home, and the note a concern is closed with. */
export const CONCERN_AGREED_MAX = 2000;
export const CONCERN_CLOSE_NOTE_MAX = 1000;

export const ZConcernParams = z.object({ schoolId: ZUuid, concernId: ZUuid });

export const ZRegisterConcern = z.object({
  kind: ZConcernKind,
  text: text({ min: 1, max: CONCERN_TEXT_MAX, lines: true }),
});
export type TRegisterConcern = z.infer<typeof ZRegisterConcern>;

export const ZRecordConcernContact = z.object({
  /** The day the home was called or met (not after today, not before the concern). */
  contactedOn: z.iso.date(),
  /** A written message is not a contact here: the principle asks for a call or a meeting. */
  channel: ZPersonalChannel,
  agreed: text({ min: 1, max: CONCERN_AGREED_MAX, lines: true }),
});
export type TRecordConcernContact = z.infer<typeof ZRecordConcernContact>;

export const ZCloseConcern = z.object({ note: text({ min: 1, max: CONCERN_CLOSE_NOTE_MAX, lines: true }) });
export type TCloseConcern = z.infer<typeof ZCloseConcern>;

export const ZConcernState = z.enum(['awaiting', 'overdue', 'contacted', 'closed']);
export type TConcernState = z.infer<typeof ZConcernState>;

export const ZConcernListQuery = z.object({
  /** `awaiting-contact`: only concerns whose home has not been contacted and that are not closed. */
  show: z.enum(['all', 'awaiting-contact']).default('all'),
});
export type TConcernListQuery = z.infer<typeof ZConcernListQuery>;

export const ZConcernContact = z.object({
  id: ZUuid,
  contactedOn: z.iso.date(),
  channel: ZPersonalChannel,
  agreed: z.string(),
  recordedBy: z.object({ name: z.string() }),
});

export const ZConcern = z.object({
  id: ZUuid,
  student: z.object({ id: ZUuid, name: z.string(), class: ZClassRef }),
  kind: ZConcernKind,
  text: z.string(),
  registeredAt: z.string().describe('ISO 8601 moment'),
  registeredBy: z.object({ name: z.string() }),
  /** The last day to contact the home under the principle in force the day it was registered; null: no rule. */
  contactDueOn: z.iso.date().nullable(),
  state: ZConcernState,
  contacts: z.array(ZConcernContact),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  /** The needs-based conference round started from the concern. */
  roundId: ZUuid.nullable(),
});
export type TConcern = z.infer<typeof ZConcern>;

/** What the principle in force asks of a concern today: the kinds, the days and the channels. */
export const ZEarlyDialogueNow = z.object({
  kinds: z.array(ZConcernKind),
  channels: z.array(ZPersonalChannel),
  /** Null where the adopted principle sets no early-dialogue rule. */
  contactWithinWorkingDays: z.number().int().nullable(),
});

export const ZStudentConcerns = z.object({
  concerns: z.array(ZConcern),
  rules: ZEarlyDialogueNow,
  /** The school's day today (Copenhagen): the latest day a contact may be recorded for. */
  today: z.iso.date(),
});
export type TStudentConcerns = z.infer<typeof ZStudentConcerns>;

export const ZConcernList = z.object({ concerns: z.array(ZConcern) });
export type TConcernList = z.infer<typeof ZConcernList>;
