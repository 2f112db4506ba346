import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';

/** Limits of the student plan's texts, shared by the forms. */
export const STUDENT_PLAN_LIMITS = {
  subject: 60,
  status: 1000,
  goal: 500,
  support: 500,
  comment: 1000,
  subjects: 20,
  /** Goals in one request: at most 3 of each kind (the domain names which kind is over). */
  goals: 12,
  entry: 4000,
} as const;
const L = STUDENT_PLAN_LIMITS;

export const ZStudentPlanForm = z.enum(['student_plan', 'message_book']);
export const ZGoalKind = z.enum(['academic', 'social']);
export const ZGoalReview = z.enum(['reached', 'partly', 'continue']);
export type TGoalReview = z.infer<typeof ZGoalReview>;

/** A goal as written in the draft. An empty text is refused by the plan's rule (student_plan_goal_text). */
export const ZGoalDraft = z.object({
  kind: ZGoalKind,
  text: text({ max: L.goal, lines: true }),
  schoolSupport: text({ max: L.support, lines: true }),
  homeSupport: text({ max: L.support, lines: true }),
  studentSupport: text({ max: L.support, lines: true }),
  /** The earlier plan's goal it carries on (as offered by the plan's `carriedOver`). */
  carriedFrom: ZUuid.nullable().optional(),
});
export type TGoalDraft = z.infer<typeof ZGoalDraft>;

export const ZSubjectStatus = z.object({
  subject: text({ min: 1, max: L.subject }),
  status: text({ min: 1, max: L.status, lines: true }),
});

/** The contact teacher's draft: the status per subject and the goals. */
export const ZSaveStudentPlan = z.object({
  subjects: z.array(ZSubjectStatus).max(L.subjects),
  goals: z.array(ZGoalDraft).max(L.goals),
});
export type TSaveStudentPlan = z.infer<typeof ZSaveStudentPlan>;

/** A colleague's input while the plan is a draft: their subject's status, or a comment. */
export const ZStudentPlanInput = z.object({
  subject: text({ min: 1, max: L.subject }).nullable(),
  text: text({ min: 1, max: L.status, lines: true }),
});
export type TStudentPlanInput = z.infer<typeof ZStudentPlanInput>;

/** The student's comment on one of their goals. */
export const ZStudentPlanComment = z.object({ goalId: ZUuid, text: text({ min: 1, max: L.comment, lines: true }) });
export type TStudentPlanComment = z.infer<typeof ZStudentPlanComment>;

/** A goal reviewed at the next conference. */
export const ZGoalReviewInput = z.object({ goalId: ZUuid, review: ZGoalReview });
export type TGoalReviewInput = z.infer<typeof ZGoalReviewInput>;

const ZGoal = z.object({
  id: ZUuid,
  kind: ZGoalKind,
  text: z.string(),
  schoolSupport: z.string(),
  homeSupport: z.string(),
  studentSupport: z.string(),
  carriedOver: z.boolean(),
  review: ZGoalReview.nullable(),
  comments: z.array(
    z.object({
      id: ZUuid,
      by: z.enum(['staff', 'student']),
      text: z.string(),
      createdAt: z.string(),
      own: z.boolean(),
    }),
  ),
});
export type TGoal = z.infer<typeof ZGoal>;

export const ZStudentPlan = z.object({
  id: ZUuid,
  schoolYear: z.number().int(),
  status: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
  subjects: z.array(z.object({ subject: z.string(), status: z.string(), by: z.string() })),
  goals: z.array(ZGoal),
  /** Colleagues' comments on the draft: for staff only. */
  input: z.array(z.object({ text: z.string(), by: z.string(), createdAt: z.string() })),
  /** Which guardians have confirmed reading it (by name, for staff; the reader's own for the home). */
  readBy: z.array(z.object({ name: z.string(), at: z.string() })),
  /** The reader has confirmed reading it. */
  readByMe: z.boolean(),
});
export type TStudentPlan = z.infer<typeof ZStudentPlan>;

/** A student's plan page: the principle's form, this year's plan as the reader may see it, and the deadline. */
export const ZStudentPlanPage = z.object({
  student: z.object({ id: ZUuid, name: z.string(), className: z.string(), grade: z.number().int() }),
  /** The form the adopted principle chose; null: it chose none (both may be kept). */
  form: ZStudentPlanForm.nullable(),
  /** The day the next conference round of the student's class asks plans to be sent by ("send senest"). */
  plansBy: z.string().nullable(),
  plan: ZStudentPlan.nullable(),
  /** The goals a new plan would start from (the earlier plan's not reached), for staff drafting one. */
  carriedOver: z.array(ZGoalDraft),
  /**
   * The student's message book where it has entries (kept from when the principle chose it), so
   * the plan links to the earlier written assessments; null: it has none.
   */
  messageBook: z.object({ entries: z.number().int().positive(), lastWrittenAt: z.string() }).nullable(),
  abilities: z.object({
    edit: z.boolean(),
    contribute: z.boolean(),
    publish: z.boolean(),
    confirmRead: z.boolean(),
    comment: z.boolean(),
    review: z.boolean(),
  }),
});
export type TStudentPlanPage = z.infer<typeof ZStudentPlanPage>;

/** The contact teacher's list of plans to send home before the next conference. */
export const ZStudentPlansDue = z.object({
  plans: z.array(
    z.object({
      student: z.object({ id: ZUuid, name: z.string(), className: z.string() }),
      plansBy: z.string(),
      status: z.enum(['missing', 'draft']),
    }),
  ),
});
export type TStudentPlansDue = z.infer<typeof ZStudentPlansDue>;

/** A new entry of the message book: the school's written assessment of progress and well-being. */
export const ZMessageBookEntryInput = z.object({
  progress: text({ min: 1, max: L.entry, lines: true }),
  wellBeing: text({ min: 1, max: L.entry, lines: true }),
});
export type TMessageBookEntryInput = z.infer<typeof ZMessageBookEntryInput>;

export const ZMessageBookEntry = z.object({
  id: ZUuid,
  progress: z.string(),
  wellBeing: z.string(),
  by: z.string(),
  createdAt: z.string(),
  readBy: z.array(z.object({ name: z.string(), at: z.string() })),
  readByMe: z.boolean(),
});
export type TMessageBookEntry = z.infer<typeof ZMessageBookEntry>;

export const ZMessageBook = z.object({
  student: z.object({ id: ZUuid, name: z.string(), className: z.string() }),
  form: ZStudentPlanForm.nullable(),
  entries: z.array(ZMessageBookEntry),
  abilities: z.object({ write: z.boolean(), confirmRead: z.boolean() }),
});
export type TMessageBook = z.infer<typeof ZMessageBook>;

/**
 * The seam in a conference's answer (conference.schema.ts `studentPlan`): the student's latest
 * published plan with its goals (to review them at the meeting and attach agreements to them),
 * or, where the principle chose the message book, its latest entries. Null: nothing sent home yet.
 */
export const ZConferenceStudentPlan = z.object({
  form: ZStudentPlanForm,
  publishedAt: z.string().nullable(),
  goals: z.array(
    z.object({
      id: ZUuid,
      kind: ZGoalKind,
      text: z.string(),
      schoolSupport: z.string(),
      homeSupport: z.string(),
      studentSupport: z.string(),
      review: ZGoalReview.nullable(),
    }),
  ),
  entries: z.array(z.object({ id: ZUuid, progress: z.string(), wellBeing: z.string(), createdAt: z.string() })),
});
export type TConferenceStudentPlan = z.infer<typeof ZConferenceStudentPlan>;
