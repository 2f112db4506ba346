import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import type { Locale } from '../errors.js';

/** Longest note on an absence ("Kursus i Vejle"), in characters. */
export const STAFF_ABSENCE_NOTE_MAX = 500;
/** Longest absence that can be registered at once, in calendar days; a longer leave is registered in parts. */
export const STAFF_ABSENCE_MAX_DAYS = 366;

/** A calendar date in Copenhagen, YYYY-MM-DD. */
const ZDay = z.iso.date().describe('A calendar date in Copenhagen, YYYY-MM-DD.');
const ZIsoDateTime = z.iso.datetime().describe('ISO 8601 moment (UTC).');

export const ZStaffAbsenceParams = z.object({ schoolId: ZUuid, absenceId: ZUuid });
export const ZMessageRoutingParams = z.object({ schoolId: ZUuid, studentId: ZUuid });

/** Registers an absence. Without `personId` it is the caller's own; the leadership may name any staff member. */
export const ZCreateStaffAbsence = z.object({
  personId: ZUuid.optional(),
  firstDay: ZDay,
  lastDay: ZDay,
  /** A colleague at the same school, not absent on any of the days, who takes guardian messages meanwhile. */
  substituteId: ZUuid.nullable().optional(),
  note: text({ max: STAFF_ABSENCE_NOTE_MAX }).optional(),
});
export type TCreateStaffAbsence = z.infer<typeof ZCreateStaffAbsence>;

const ZStaffRef = z.object({ id: ZUuid, name: z.string() });
export type TStaffRef = z.infer<typeof ZStaffRef>;

export const ZStaffAbsence = z.object({
  id: ZUuid,
  person: ZStaffRef,
  firstDay: ZDay,
  lastDay: ZDay,
  substitute: ZStaffRef.nullable(),
  note: z.string(),
  /** Today lies within the absence. */
  current: z.boolean(),
  abilities: z.object({ delete: z.boolean() }),
});
export type TStaffAbsence = z.infer<typeof ZStaffAbsence>;

/**
 * The absences the caller may see (their own; the leadership sees everyone's) that have not
 * ended, and what the form needs: the staff it may register for and the colleagues who can be
 * substitutes.
 */
export const ZStaffAbsenceList = z.object({
  absences: z.array(ZStaffAbsence),
  /** Whom the caller may register an absence for, the caller first: themselves, and every staff member for the leadership. */
  registerFor: z.array(ZStaffRef),
  /** The school's staff, who can be named as substitute. */
  colleagues: z.array(ZStaffRef),
});
export type TStaffAbsenceList = z.infer<typeof ZStaffAbsenceList>;

/**
 * Who a guardian's message about a child will reach if sent now, with a notice for each absent
 * recipient ("Mette Hansen er fraværende til og med fredag 4. december. Din besked går til Lars
 * Jensen."). The composer shows it before sending; no absence dates or notes beyond that.
 */
export const ZMessageRouting = z.object({
  recipients: z.array(z.object({ name: z.string(), kind: z.enum(['contact_teacher', 'leader', 'substitute']) })),
  /** One sentence per absent recipient, in the reader's language. */
  notices: z.array(z.string()),
  /** The promise if sent now; null when the principle sets no response time. */
  replyDueAt: ZIsoDateTime.nullable(),
  /** When the first recipient is on duty again, while all of them are in their quiet hours; else null. */
  readFrom: ZIsoDateTime.nullable(),
  /** That moment in words, in the reader's language ("… har fri nu og læser beskeder igen fra …"). */
  readFromText: z.string().nullable(),
});
export type TMessageRouting = z.infer<typeof ZMessageRouting>;

/** Texts of absence routing that the server writes, Danish first. `{date}` and `{due}` are formatted days. */
export const STAFF_ABSENCE_TEXTS = {
  /** An absent recipient whose messages go to someone else. */
  routedTo: {
    da: '{absent} er fraværende til og med {date}. Din besked går til {to}.',
    en: '{absent} is absent until and including {date}. Your message goes to {to}.',
  },
  /** An absent recipient with nobody else to read the message: the later promise. */
  laterReply: {
    da: '{absent} er fraværende til og med {date}; du kan forvente svar senest {due}.',
    en: '{absent} is absent until and including {date}; you can expect a reply by {due}.',
  },
  /** An absent recipient with nobody else to read it, at a school whose principle promises no response time. */
  absentOnly: {
    da: '{absent} er fraværende til og med {date} og svarer, når vedkommende er tilbage.',
    en: '{absent} is absent until and including {date} and will reply when back.',
  },
  /** Everyone the message goes to is in their quiet hours (the principle's or their own). Guardians may still write. */
  offDutyOne: {
    da: '{names} har fri nu og læser beskeder igen fra {when}. Du kan sagtens skrive nu.',
    en: '{names} is off duty now and reads messages again from {when}. You are welcome to write now.',
  },
  offDutyMany: {
    da: '{names} har fri nu og læser beskeder igen fra {when}. Du kan sagtens skrive nu.',
    en: '{names} are off duty now and read messages again from {when}. You are welcome to write now.',
  },
  /** Joins names: "Lars Jensen og Ida Holm". */
  and: { da: ' og ', en: ' and ' },
} as const satisfies Record<string, Record<Locale, string>>;

export function staffAbsenceText(
  key: keyof typeof STAFF_ABSENCE_TEXTS,
  locale: Locale,
  params: Record<string, string> = {},
): string {
  return STAFF_ABSENCE_TEXTS[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}
