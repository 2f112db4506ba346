import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import { ZGrade } from '../principle/principle.schema.js';

/**
 * Conference rounds (issue 10): a school's round of school-home conferences for some classes, on
 * some afternoons, with meeting lengths per grade, who takes part from the school, the formats
 * offered and the rooms, checked against the principle's lead times.
 */

export const ROUND_NAME_MAX = 120;
export const ROUND_DAYS_MAX = 30;
export const ROUND_CLASSES_MAX = 60;
export const ROUND_ROOM_MAX = 60;
export const MEETING_MINUTES = { min: 5, max: 90 } as const;

/** "HH:MM" on a 24-hour clock. */
const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour clock).');

/** A regular round is for every student; a needs-based one (behovssamtaler) only where the principle allows it. */
export const ZRoundKind = z.enum(['regular', 'needs_based']);
export type TRoundKind = z.infer<typeof ZRoundKind>;

/** Staff who may join the contact teacher in the meetings. */
export const ZRoundStaffRole = z.enum(['teacher', 'pedagogue', 'counsellor']);
export const ZRoundFormat = z.enum(['in_person', 'phone', 'video']);
export type TRoundFormat = z.infer<typeof ZRoundFormat>;
export const ZRoundStatus = z.enum(['draft', 'open', 'planning', 'published', 'finished']);

export const ZRoundDay = z
  .object({ date: z.iso.date(), from: ZClock, to: ZClock })
  .refine((day) => day.from < day.to, { path: ['to'], message: 'The afternoon must end after it starts.' });

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

export const ZCreateRound = z
  .object({
    name: text({ min: 1, max: ROUND_NAME_MAX }),
    kind: ZRoundKind,
    classIds: z.array(ZUuid).min(1).max(ROUND_CLASSES_MAX).refine(unique, 'Each class may appear once.'),
    days: z
      .array(ZRoundDay)
      .min(1)
      .max(ROUND_DAYS_MAX)
      .refine((days) => unique(days.map((d) => d.date)), 'Each day may appear once.'),
    /** Meeting length in minutes for each grade of the round's classes ("0": 15, "7": 20). */
    minutesByGrade: z.record(
      z.string().regex(/^(10|[0-9])$/),
      z.number().int().min(MEETING_MINUTES.min).max(MEETING_MINUTES.max),
    ),
    /** Besides the contact teacher, who always takes part. */
    alsoTakingPart: z.array(ZRoundStaffRole).max(3).refine(unique, 'Each choice may appear once.'),
    formats: z.array(ZRoundFormat).min(1).max(3).refine(unique, 'Each choice may appear once.'),
    /** The school's own video meeting link, when video is offered. */
    videoLink: z
      .url({ protocol: /^https$/ })
      .max(500)
      .nullable(),
    /** Where each class's in-person meetings are held, by class id. */
    rooms: z.record(ZUuid, text({ max: ROUND_ROOM_MAX })),
    /** The day the invitations go out. */
    inviteOn: z.iso.date(),
    /** The day the student plans (or message-book entries) are shared with the homes; null when none is planned. */
    plansBy: z.iso.date().nullable(),
  })
  .superRefine((round, ctx) => {
    if (round.formats.includes('video') && !round.videoLink)
      ctx.addIssue({ code: 'custom', path: ['videoLink'], message: 'Video needs the school’s meeting link.' });
    const first = [...round.days].map((d) => d.date).sort()[0];
    if (first && round.inviteOn > first)
      ctx.addIssue({ code: 'custom', path: ['inviteOn'], message: 'Invitations go out before the first meeting.' });
  });
export type TCreateRound = z.infer<typeof ZCreateRound>;

export const ZRoundParams = z.object({ schoolId: ZUuid, roundId: ZUuid });

/** A lead time of the principle the round breaks (src/domain/conferences/lead-times.ts), in words in the reader's language. */
export const ZRoundWarning = z.object({
  code: z.enum(['invitation_late', 'plan_late', 'plan_date_missing']),
  requiredDays: z.number().int(),
  actualDays: z.number().int().nullable(),
  text: z.string(),
});

export const ZRound = z.object({
  id: ZUuid,
  schoolId: ZUuid,
  name: z.string(),
  kind: ZRoundKind,
  status: ZRoundStatus,
  classes: z.array(z.object({ id: ZUuid, name: z.string(), grade: ZGrade, room: z.string().nullable() })),
  days: z.array(z.object({ date: z.string(), from: z.string(), to: z.string() })),
  minutesByGrade: z.record(z.string(), z.number().int()),
  alsoTakingPart: z.array(ZRoundStaffRole),
  formats: z.array(ZRoundFormat),
  videoLink: z.string().nullable(),
  inviteOn: z.string(),
  plansBy: z.string().nullable(),
  firstDay: z.string(),
  warnings: z.array(ZRoundWarning),
  createdAt: z.string(),
  createdBy: z.object({ name: z.string() }),
});
export type TRound = z.infer<typeof ZRound>;
export const ZRoundList = z.object({ rounds: z.array(ZRound) });
export type TRoundList = z.infer<typeof ZRoundList>;

// ---------------------------------------------------------------- invitations and bookings

export const ZRoundTime = z.object({ date: z.iso.date(), from: ZClock, to: ZClock });
export type TRoundTime = z.infer<typeof ZRoundTime>;

/** Sending the invitations opens the round for booking. */
export const ZRoundOpened = z.object({
  round: ZRound,
  /** Invitations sent: one per household of each child. */
  invited: z.number().int(),
});

/** One home's invitation as the staff of the round see it: who, whether they can be reached, what they booked. */
export const ZRoundInvitation = z.object({
  id: ZUuid,
  student: z.object({ id: ZUuid, name: z.string(), className: z.string() }),
  guardians: z.array(z.object({ name: z.string() })),
  /** False when no guardian of the household has a login or an e-mail address: call or write a letter. */
  reached: z.boolean(),
  booking: ZRoundTime.nullable(),
});
export const ZRoundInvitations = z.object({ invitations: z.array(ZRoundInvitation) });
export type TRoundInvitations = z.infer<typeof ZRoundInvitations>;

/** A guardian's own invitation: the round, the child, and the booked time if any. */
export const ZMyInvitation = z.object({
  id: ZUuid,
  round: z.object({ id: ZUuid, name: z.string(), formats: z.array(ZRoundFormat), videoLink: z.string().nullable() }),
  student: z.object({ id: ZUuid, name: z.string(), className: z.string() }),
  room: z.string().nullable(),
  booking: ZRoundTime.nullable(),
});
export const ZMyInvitations = z.object({ invitations: z.array(ZMyInvitation) });
export type TMyInvitations = z.infer<typeof ZMyInvitations>;

export const ZInvitationParams = z.object({ schoolId: ZUuid, invitationId: ZUuid });
export const ZFreeTimes = z.object({ times: z.array(ZRoundTime) });
export type TFreeTimes = z.infer<typeof ZFreeTimes>;
export const ZBook = z.object({ date: z.iso.date(), from: ZClock });
export type TBook = z.infer<typeof ZBook>;

// ---------------------------------------------------------------- the conference itself (points 4 and 5)

export const TOPIC_MAX = 500;
export const NOTE_MAX = 4000;
export const AGREEMENT_MAX = 500;
export const PREPARATION_ANSWER_MAX = 500;
export const GOALS_MAX = 5;

/** Who raised a topic, shown by role: a home never sees another family's names. */
export const ZTopicRaisedBy = z.enum(['guardian', 'student', 'staff']);
/** Who an agreement is for: the school, the home or the student. */
export const ZAgreementOwner = z.enum(['school', 'home', 'student']);
export type TAgreementOwner = z.infer<typeof ZAgreementOwner>;
export const ZPreparationBand = z.enum(['smileys', 'prompts', 'goals']);
export type TPreparationBand = z.infer<typeof ZPreparationBand>;

/** 1 sad, 2 so-so, 3 happy; null not answered yet. */
const ZSmiley = z.number().int().min(1).max(3).nullable();
const answer = () => text({ max: PREPARATION_ANSWER_MAX, lines: true });

/** The student's preparation, in the form of their grade (src/domain/conferences/preparation.ts). */
export const ZPreparation = z.discriminatedUnion('band', [
  z.object({
    band: z.literal('smileys'),
    answers: z.object({ school: ZSmiley, friends: ZSmiley, reading: ZSmiley }),
  }),
  z.object({
    band: z.literal('prompts'),
    answers: z.object({ proud: answer(), hard: answer(), better: answer() }),
  }),
  z.object({
    band: z.literal('goals'),
    answers: z.object({ goals: z.array(text({ min: 1, max: PREPARATION_ANSWER_MAX })).max(GOALS_MAX) }),
  }),
]);
export type TPreparation = z.infer<typeof ZPreparation>;

export const ZConferenceParams = z.object({ schoolId: ZUuid, invitationId: ZUuid });
export const ZAgreementParams = z.object({ schoolId: ZUuid, agreementId: ZUuid });

export const ZAddTopic = z.object({ text: text({ min: 1, max: TOPIC_MAX, lines: true }) });
export type TAddTopic = z.infer<typeof ZAddTopic>;
export const ZAddNote = z.object({
  text: text({ min: 1, max: NOTE_MAX, lines: true }),
  /** True: the home reads it in the summary; false: the school's own. */
  shared: z.boolean(),
});
export type TAddNote = z.infer<typeof ZAddNote>;
export const ZAddAgreement = z.object({
  owner: ZAgreementOwner,
  text: text({ min: 1, max: AGREEMENT_MAX, lines: true }),
  dueOn: z.iso.date(),
});
export type TAddAgreement = z.infer<typeof ZAddAgreement>;

export const ZAgreement = z.object({
  id: ZUuid,
  owner: ZAgreementOwner,
  text: z.string(),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
  /** The conference it was made at. */
  invitationId: ZUuid,
  student: z.object({ id: ZUuid, name: z.string() }),
  /** The reader may mark it done: its owner, or the child's staff. */
  mayMarkDone: z.boolean(),
});
export type TAgreement = z.infer<typeof ZAgreement>;

/**
 * One conference as its reader may see it: the home and the student never get the staff-only
 * notes; topics carry the role that raised them, never a name.
 */
export const ZConference = z.object({
  id: ZUuid,
  round: z.object({ id: ZUuid, name: z.string(), status: ZRoundStatus }),
  student: z.object({ id: ZUuid, name: z.string(), className: z.string(), grade: ZGrade }),
  booking: ZRoundTime.nullable(),
  heldAt: z.string().nullable(),
  /** What the reader may do here. */
  abilities: z.object({ addTopic: z.boolean(), prepare: z.boolean(), record: z.boolean() }),
  topics: z.array(z.object({ id: ZUuid, raisedBy: ZTopicRaisedBy, text: z.string(), own: z.boolean() })),
  /** The student's preparation in the form of the grade; `answers` null until given. */
  preparation: z.object({ band: ZPreparationBand, answers: z.record(z.string(), z.unknown()).nullable() }),
  notes: z.array(z.object({ id: ZUuid, text: z.string(), shared: z.boolean(), createdAt: z.string() })),
  agreements: z.array(ZAgreement),
  /** Open agreements from the student's earlier conferences, to follow up here. */
  earlierAgreements: z.array(ZAgreement),
  /**
   * Issue 11 links the student plan and the written test results here; until then always null.
   */
  studentPlan: z.null(),
});
export type TConference = z.infer<typeof ZConference>;

/** The agreements the caller owns or follows: a guardian's children's, a student's own, staff's classes'. */
export const ZMyAgreements = z.object({ agreements: z.array(ZAgreement) });
export type TMyAgreements = z.infer<typeof ZMyAgreements>;

/** A student's own conferences, newest round first: where they prepare and what was agreed. */
export const ZMyConferences = z.object({
  conferences: z.array(
    z.object({
      id: ZUuid,
      round: z.object({ id: ZUuid, name: z.string() }),
      booking: ZRoundTime.nullable(),
      heldAt: z.string().nullable(),
    }),
  ),
});
export type TMyConferences = z.infer<typeof ZMyConferences>;
