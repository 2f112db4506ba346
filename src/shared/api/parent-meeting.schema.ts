import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import { ZClassRef } from './directory.schema.js';
import { MAX_PEOPLE_COMING, WELL_BEING_TOPICS } from '../../domain/parent-meetings/topics.js';

/** Longest place, agenda item and minutes. */
export const PARENT_MEETING_PLACE_MAX = 120;
export const AGENDA_ITEM_MAX = 200;
export const MINUTES_MAX = 10000;
export { MAX_PEOPLE_COMING };

/** "HH:MM" on a 24-hour clock. */
const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour clock).');

export const ZWellBeingTopic = z.enum(WELL_BEING_TOPICS);
export type TWellBeingTopic = z.infer<typeof ZWellBeingTopic>;

export const ZParentMeetingParams = z.object({ schoolId: ZUuid, meetingId: ZUuid });
export const ZAgendaItemParams = z.object({ schoolId: ZUuid, meetingId: ZUuid, itemId: ZUuid });

/** When and where: a day, Copenhagen times, a place (the class room, the school's hall). */
export const ZParentMeetingTime = z.object({
  date: z.iso.date(),
  from: ZClock,
  to: ZClock,
  place: text({ min: 1, max: PARENT_MEETING_PLACE_MAX }),
});
export type TParentMeetingTime = z.infer<typeof ZParentMeetingTime>;

/** An agenda item: a topic of the well-being action plan, or the planners' own words. */
export const ZAddAgendaItem = z.union([
  z.object({ topic: ZWellBeingTopic }),
  z.object({ title: text({ min: 1, max: AGENDA_ITEM_MAX }) }),
]);
export type TAddAgendaItem = z.infer<typeof ZAddAgendaItem>;

export const ZEditAgendaItem = z.object({ title: text({ min: 1, max: AGENDA_ITEM_MAX }) });

/** A home's answer: coming with how many, or not coming. */
export const ZParentMeetingAnswer = z.discriminatedUnion('coming', [
  z.object({ coming: z.literal(true), people: z.number().int().min(1).max(MAX_PEOPLE_COMING) }),
  z.object({ coming: z.literal(false) }),
]);
export type TParentMeetingAnswer = z.infer<typeof ZParentMeetingAnswer>;

/** Attendance at the meeting: each invited home represented or not. */
export const ZParentMeetingAttendance = z.object({
  households: z
    .array(z.object({ household: text({ min: 1, max: 80 }), represented: z.boolean() }))
    .min(1)
    .max(200),
});
export type TParentMeetingAttendance = z.infer<typeof ZParentMeetingAttendance>;

export const ZParentMeetingMinutes = z.object({ minutes: text({ min: 1, max: MINUTES_MAX, lines: true }) });

export const ZAgendaItem = z.object({
  id: ZUuid,
  title: z.string(),
  /** The well-being action plan's topic; null for the planners' own item. */
  topic: ZWellBeingTopic.nullable(),
  addedBy: z.object({ name: z.string() }),
  /** The caller may change or remove it (a planner, while the meeting is planned). */
  mayEdit: z.boolean(),
});

/** One invited home as staff see it: its children in the class, its answer and attendance. */
export const ZParentMeetingHousehold = z.object({
  household: z.string(),
  /** The home's children in the class, by first name. */
  children: z.array(z.string()),
  coming: z.boolean().nullable(),
  people: z.number().int(),
  represented: z.boolean().nullable(),
});

export const ZParentMeetingStage = z.enum(['planning', 'invited', 'held', 'minutes']);

export const ZParentMeeting = z.object({
  id: ZUuid,
  class: ZClassRef,
  date: z.iso.date(),
  from: z.string(),
  to: z.string(),
  place: z.string(),
  stage: ZParentMeetingStage,
  agenda: z.array(ZAgendaItem),
  /** The well-being topics still to pick, where the principle puts them on the agenda; else empty. */
  topicsOffered: z.array(ZWellBeingTopic),
  invitedAt: z.string().nullable(),
  /** Published minutes; null before (and for no one but staff while a draft). */
  minutes: z.string().nullable(),
  minutesPublishedAt: z.string().nullable(),
  /** Invited homes: counts for everyone who plans or runs it. */
  counts: z.object({
    invited: z.number().int(),
    coming: z.number().int(),
    people: z.number().int(),
    notComing: z.number().int(),
    represented: z.number().int(),
  }),
  /** Staff of the class and the leadership: each home; null for others. */
  households: z.array(ZParentMeetingHousehold).nullable(),
  /** A guardian's own home's answer; null for others or before answering. */
  ownAnswer: z.object({ coming: z.boolean(), people: z.number().int() }).nullable(),
  abilities: z.object({
    /** Change the time, place and agenda (staff, and representatives where the principle says so), while planning. */
    plan: z.boolean(),
    /** Send the invitation, take attendance, publish minutes: staff of the class and the leadership. */
    run: z.boolean(),
    /** A guardian with a child in the class, until the meeting begins. */
    answer: z.boolean(),
    /** Staff, once the meeting has begun and until the minutes are out: each home represented or not. */
    takeAttendance: z.boolean(),
  }),
});
export type TParentMeeting = z.infer<typeof ZParentMeeting>;

/** A meeting in a list: enough to choose it. */
export const ZParentMeetingSummary = ZParentMeeting.pick({
  id: true,
  class: true,
  date: true,
  from: true,
  to: true,
  place: true,
  stage: true,
  ownAnswer: true,
  counts: true,
});
export type TParentMeetingSummary = z.infer<typeof ZParentMeetingSummary>;

export const ZClassParentMeetings = z.object({
  class: ZClassRef,
  meetings: z.array(ZParentMeetingSummary),
  /** Held this school year, against the principle's number a year (null where it sets none). */
  heldThisYear: z.number().int(),
  perYear: z.number().int().nullable(),
  /** The caller may plan a new one. */
  mayPlan: z.boolean(),
});
export type TClassParentMeetings = z.infer<typeof ZClassParentMeetings>;

/** The caller's parent meetings for the home page: classes they plan for, and homes' upcoming meetings. */
export const ZMyParentMeetings = z.object({
  classes: z.array(
    z.object({
      class: ZClassRef,
      heldThisYear: z.number().int(),
      perYear: z.number().int().nullable(),
      next: ZParentMeetingSummary.nullable(),
      step: z.enum(['plan-one', 'on-track', 'done']),
    }),
  ),
  upcoming: z.array(ZParentMeetingSummary),
  /** Minutes published in the last weeks, to read. */
  minutes: z.array(ZParentMeetingSummary),
});
export type TMyParentMeetings = z.infer<typeof ZMyParentMeetings>;
