import { z } from 'zod';
import { ZConferenceStudentPlan } from './student-plan.schema.js';
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
/** The most students a needs-based round may name. */
export const ROUND_STUDENTS_MAX = 200;
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
/** How the round's timetable is filled: the homes book times themselves, or the scheduler plans it from the times that suit them. */
export const ZRoundFilling = z.enum(['self_booking', 'planned']);
export type TRoundFilling = z.infer<typeof ZRoundFilling>;

export const ZRoundDay = z
  .object({ date: z.iso.date(), from: ZClock, to: ZClock })
  .refine((day) => day.from < day.to, { path: ['to'], message: 'The afternoon must end after it starts.' });

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

export const ZCreateRound = z
  .object({
    name: text({ min: 1, max: ROUND_NAME_MAX }),
    kind: ZRoundKind,
    filling: ZRoundFilling.default('self_booking'),
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
    /** The staff member who takes part in every meeting as counsellor, when `alsoTakingPart` has one. */
    counsellorId: ZUuid.nullable().default(null),
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
    /** The concern (early dialogue) a needs-based round is started from: the round is linked to it. */
    concernId: ZUuid.optional(),
    /** The students of the round's classes a needs-based round is for; a regular round names none (it is for all). */
    studentIds: z.array(ZUuid).max(ROUND_STUDENTS_MAX).refine(unique, 'Each student may appear once.').default([]),
  })
  .superRefine((round, ctx) => {
    if (round.formats.includes('video') && !round.videoLink)
      ctx.addIssue({ code: 'custom', path: ['videoLink'], message: 'Video needs the school’s meeting link.' });
    if (round.concernId && round.kind !== 'needs_based')
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'A round started from a concern is needs-based.' });
    if (round.kind === 'needs_based' && round.studentIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['studentIds'], message: 'Choose the students the round is for.' });
    if (round.kind === 'regular' && round.studentIds.length > 0)
      ctx.addIssue({ code: 'custom', path: ['studentIds'], message: 'A regular round is for every student.' });
    if (round.alsoTakingPart.includes('counsellor') && !round.counsellorId)
      ctx.addIssue({ code: 'custom', path: ['counsellorId'], message: 'Choose the counsellor.' });
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
  filling: ZRoundFilling,
  status: ZRoundStatus,
  classes: z.array(z.object({ id: ZUuid, name: z.string(), grade: ZGrade, room: z.string().nullable() })),
  days: z.array(z.object({ date: z.string(), from: z.string(), to: z.string() })),
  minutesByGrade: z.record(z.string(), z.number().int()),
  alsoTakingPart: z.array(ZRoundStaffRole),
  /** The counsellor who takes part in every meeting, when the round has one. */
  counsellor: z.object({ id: ZUuid, name: z.string() }).nullable(),
  /** The students a needs-based round is for, by class and name; empty for a regular round (it is for all). */
  students: z.array(z.object({ id: ZUuid, name: z.string(), className: z.string() })),
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
  /**
   * How the invitation reached the home: in the app (a guardian has a login), by e-mail, or not
   * at all: `call` for a home whose guardians asked for SMS or have a phone only (Samspil sends no
   * SMS), `letter` for one with neither.
   */
  channel: z.enum(['app', 'email', 'call', 'letter']),
  booking: ZRoundTime.nullable(),
  /** How the home holds the meeting: its choice, else the round's first format. */
  format: ZRoundFormat,
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
  /** How the home holds the meeting: its choice, else the round's first format. */
  format: ZRoundFormat,
  /** The booking is one joint meeting with the child's other home. */
  bookedJointly: z.boolean(),
  /**
   * For a child with two homes (each its own invitation): whether this home and the other one ask
   * for one joint meeting. Null when the child has one home. The other home is never named.
   */
  jointMeeting: z.object({ wanted: z.boolean(), otherHomeWants: z.boolean() }).nullable(),
  /** How the round is filled: a planned round asks for the afternoons that suit the home instead of a booking. */
  filling: ZRoundFilling,
  /** The round's afternoons (for marking which suit the home). */
  days: z.array(ZRoundTime),
  /** The afternoons the home marked (planned rounds). */
  available: z.array(ZRoundTime),
});
export const ZMyInvitations = z.object({ invitations: z.array(ZMyInvitation) });
export type TMyInvitations = z.infer<typeof ZMyInvitations>;

export const ZInvitationParams = z.object({ schoolId: ZUuid, invitationId: ZUuid });
/**
 * A free time as offered to a home: `nextTo` marks one right before or after a sibling's booked
 * meeting (listed first), `joint` the other home's meeting this home may join (listed before all).
 */
export const ZOfferedTime = ZRoundTime.extend({
  nextTo: z.object({ child: z.string(), side: z.enum(['before', 'after']) }).nullable(),
  joint: z.boolean(),
});
export type TOfferedTime = z.infer<typeof ZOfferedTime>;
export const ZFreeTimes = z.object({ times: z.array(ZOfferedTime) });
export type TFreeTimes = z.infer<typeof ZFreeTimes>;
export const ZBook = z.object({
  date: z.iso.date(),
  from: ZClock,
  /** How the home holds the meeting, among the round's formats; unchanged when left out. */
  format: ZRoundFormat.optional(),
});
export type TBook = z.infer<typeof ZBook>;
/** This home asks (or no longer asks) for one joint meeting with the child's other home. */
export const ZJointMeeting = z.object({ wanted: z.boolean() });
export type TJointMeeting = z.infer<typeof ZJointMeeting>;

// ---------------------------------------------------------------- automatic planning

export const AVAILABILITY_DAYS_MAX = ROUND_DAYS_MAX;

/** The afternoons (or parts of them) that suit a home, for a planned round; an empty list takes back every mark. */
export const ZAvailability = z.object({
  times: z
    .array(
      ZRoundTime.refine((time) => time.from < time.to, { path: ['to'], message: 'The time must end after it starts.' }),
    )
    .max(AVAILABILITY_DAYS_MAX)
    .refine((times) => unique(times.map((time) => time.date)), 'Each day may appear once.'),
  /** How the home holds the meeting, among the round's formats; unchanged when left out. */
  format: ZRoundFormat.optional(),
});
export type TAvailability = z.infer<typeof ZAvailability>;

export const ZPlanState = z.enum(['none', 'queued', 'running', 'done', 'failed']);

/** One meeting of the plan: the home, its child, its time, and the interpreter if one comes. */
export const ZPlannedMeeting = z.object({
  invitationId: ZUuid,
  student: z.object({ name: z.string(), className: z.string() }),
  guardians: z.array(z.object({ name: z.string() })),
  time: ZRoundTime.nullable(),
  interpreter: z.object({ name: z.string() }).nullable(),
  /** Why it is not placed, in the reader's language, with what a person could change; null when placed. */
  reason: z.string().nullable(),
});
export type TPlannedMeeting = z.infer<typeof ZPlannedMeeting>;

export const ZPlan = z.object({
  state: ZPlanState,
  /** 0–100 while the search runs (its share of the time budget), 100 when done. */
  progress: z.number().int().min(0).max(100),
  figures: z
    .object({
      meetings: z.number().int(),
      placed: z.number().int(),
      householdWaiting: z.number().int(),
      extraDays: z.number().int(),
    })
    .nullable(),
  meetings: z.array(ZPlannedMeeting),
  /** Invitations whose homes have marked at least one afternoon, out of all. */
  marked: z.number().int(),
  invitations: z.number().int(),
  publishedAt: z.string().nullable(),
});
export type TPlan = z.infer<typeof ZPlan>;

export const ZPlanMeetingParams = z.object({ schoolId: ZUuid, roundId: ZUuid, invitationId: ZUuid });
export const ZMoveMeeting = z.object({ date: z.iso.date(), from: ZClock });
export type TMoveMeeting = z.infer<typeof ZMoveMeeting>;
export const ZPublished = z.object({ published: z.number().int() });
/** Times a meeting of a finished plan could move to without breaking a rule, asked for one meeting at a time. */
export const ZPlanMoves = z.object({ moves: z.array(ZRoundTime) });
export type TPlanMoves = z.infer<typeof ZPlanMoves>;

// ---------------------------------------------------------------- interpreters

const ZLanguage = z.string().regex(/^[a-z]{2,3}$/, 'Use a language code such as "ar" or "uk".');
export const ZInterpreter = z.object({ id: ZUuid, name: z.string(), languages: z.array(z.string()) });
export const ZInterpreters = z.object({ interpreters: z.array(ZInterpreter) });
export type TInterpreters = z.infer<typeof ZInterpreters>;
export const ZCreateInterpreter = z.object({
  name: text({ min: 1, max: 120 }),
  languages: z.array(ZLanguage).min(1).max(10).refine(unique, 'Each language may appear once.'),
});
export type TCreateInterpreter = z.infer<typeof ZCreateInterpreter>;
export const ZInterpreterTimesParams = z.object({ schoolId: ZUuid, roundId: ZUuid, interpreterId: ZUuid });
export const ZRoundInterpreters = z.object({
  interpreters: z.array(ZInterpreter.extend({ times: z.array(ZRoundTime) })),
});
export type TRoundInterpreters = z.infer<typeof ZRoundInterpreters>;

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
  /** The student plan's goal it attaches to (one of the conference's `studentPlan.goals`). */
  goalId: ZUuid.nullable().optional(),
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
  /** The student plan's goal it is attached to, if any. */
  goalId: ZUuid.nullable(),
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
  studentPlan: ZConferenceStudentPlan.nullable(),
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
