import { z } from 'zod';

/**
 * The conference-round file format (shared spec `conference-scheduling.md`): the instance a
 * scheduler reads and the schedule it writes. Optional `label` fields are extras that only make
 * the reasons for unscheduled meetings easier to read ("kontaktlærer 3.A (t7)").
 */

/** "HH:MM" on a 24-hour clock; "24:00" closes a window at midnight. */
export const ZClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected a time "HH:MM"');

/** A calendar date "YYYY-MM-DD". */
export const ZIsoDate = z.iso.date();

export const ZAvailabilityWindow = z.object({
  date: ZIsoDate,
  from: ZClockTime,
  to: ZClockTime,
});
export type TAvailabilityWindow = z.infer<typeof ZAvailabilityWindow>;

export const ZConferenceStaff = z.object({
  id: z.string().min(1),
  label: z.string().min(1).optional(),
  /** Where this person's in-person meetings take place when they are the meeting's first staff member. */
  room: z.string().min(1).optional(),
  available: z.array(ZAvailabilityWindow),
  /** Meetings in a row (gaps shorter than `breakMinutes` included) that require a break; absent means no limit. */
  maxConsecutiveMinutes: z.number().int().positive().optional(),
  breakMinutes: z.number().int().nonnegative().optional(),
});
export type TConferenceStaff = z.infer<typeof ZConferenceStaff>;

export const ZConferenceInterpreter = z.object({
  id: z.string().min(1),
  label: z.string().min(1).optional(),
  languages: z.array(z.string().min(1)).min(1),
  available: z.array(ZAvailabilityWindow),
});
export type TConferenceInterpreter = z.infer<typeof ZConferenceInterpreter>;

export const ZConferenceHousehold = z.object({
  id: z.string().min(1),
  label: z.string().min(1).optional(),
  language: z.string().min(1).optional(),
  needsInterpreter: z.boolean().default(false),
  available: z.array(ZAvailabilityWindow),
});
export type TConferenceHousehold = z.infer<typeof ZConferenceHousehold>;

export const MEETING_FORMATS = ['in-person', 'phone', 'video'] as const;
export const ZMeetingFormat = z.enum(MEETING_FORMATS);
export type TMeetingFormat = z.infer<typeof ZMeetingFormat>;

export const ZConferenceMeeting = z.object({
  id: z.string().min(1),
  /** E.g. the student's class ("3.A"); shown in reasons when present. */
  label: z.string().min(1).optional(),
  student: z.string().min(1),
  household: z.string().min(1),
  staff: z.array(z.string().min(1)),
  minutes: z.number().int().positive(),
  format: ZMeetingFormat,
});
export type TConferenceMeeting = z.infer<typeof ZConferenceMeeting>;

export const ZConferenceInstance = z.object({
  round: z.string().min(1),
  days: z.array(ZIsoDate).min(1),
  transferMinutes: z.number().int().nonnegative(),
  staff: z.array(ZConferenceStaff),
  interpreters: z.array(ZConferenceInterpreter).default([]),
  households: z.array(ZConferenceHousehold),
  meetings: z.array(ZConferenceMeeting),
});
export type TConferenceInstance = z.infer<typeof ZConferenceInstance>;
/** What a caller may write: defaults (`needsInterpreter`, `interpreters`) may be left out. */
export type TConferenceInstanceInput = z.input<typeof ZConferenceInstance>;

export const ZConferenceAssignment = z.object({
  meeting: z.string().min(1),
  date: ZIsoDate,
  start: ZClockTime,
  interpreter: z.string().min(1).optional(),
});
export type TConferenceAssignment = z.infer<typeof ZConferenceAssignment>;

export const ZUnscheduledMeeting = z.object({
  meeting: z.string().min(1),
  /** What keeps the meeting out of the timetable and what a person could change about it. */
  reason: z.string(),
});
export type TUnscheduledMeeting = z.infer<typeof ZUnscheduledMeeting>;

export const ZConferenceSchedule = z.object({
  assignments: z.array(ZConferenceAssignment),
  unscheduled: z.array(ZUnscheduledMeeting),
});
export type TConferenceSchedule = z.infer<typeof ZConferenceSchedule>;
