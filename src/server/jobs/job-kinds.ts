import { z } from 'zod';
import { ZUuid } from '../../shared/api/common.schema.js';

/**
 * Every kind of background job, with the payload it carries. A payload is checked against its
 * schema when the job is queued (a bad one is a programming error and undoes the use case) and
 * again when it is claimed (a stored one that no longer fits fails at once, without retries).
 */
export const JOB_PAYLOADS = {
  /** Reminds the staff in a thread of its open promise (messaging). */
  'promise-reminder': z.object({ threadId: ZUuid, dueAt: z.iso.datetime() }),
  /** One staff member's reminder e-mail. */
  'promise-reminder-email': z.object({ threadId: ZUuid, dueAt: z.iso.datetime(), personId: ZUuid }),
  /** Tells a new message's recipients about it: notices in the app and e-mail jobs (notifications). */
  'message-notification': z.object({ threadId: ZUuid, messageId: ZUuid }),
  /** One e-mail about one message to one person. */
  'message-email': z.object({ threadId: ZUuid, messageId: ZUuid, personId: ZUuid }),
  /** A school's daily 17:00 digest for one day. */
  'notification-digest': z.object({ date: z.iso.date() }),
  /** One guardian's digest e-mail. */
  'digest-email': z.object({ personId: ZUuid, since: z.iso.datetime(), until: z.iso.datetime() }),
  /** One guardian's invitation e-mail for a conference (conferences). */
  'conference-invitation-email': z.object({ invitationId: ZUuid, personId: ZUuid }),
  /** Reminds a home that has not booked its conference: notices and e-mail jobs; nothing once it booked. */
  'conference-reminder': z.object({ invitationId: ZUuid }),
  /** One guardian's reminder e-mail for a conference not booked yet. */
  'conference-reminder-email': z.object({ invitationId: ZUuid, personId: ZUuid }),
  /** One guardian's e-mail with the home's conference time and its calendar file; `moved` when the school moved it. */
  'conference-time-email': z.object({ invitationId: ZUuid, personId: ZUuid, moved: z.boolean() }),
  /** One guardian's written summary of a held conference (conferences). */
  'conference-summary-email': z.object({ invitationId: ZUuid, personId: ZUuid }),
  /** Reminds an agreement's owners the day before it falls due, unless it is done (conferences). */
  'conference-agreement-reminder': z.object({ agreementId: ZUuid }),
  /** Removes a school's uploads never sent with a message (attachments). */
  'attachments.remove-stale': z.object({}),
  /** One guardian's e-mail that the student plan went home or the message book has a new entry (student-plans). */
  'student-plan-email': z.object({
    studentId: ZUuid,
    personId: ZUuid,
    form: z.enum(['student_plan', 'message_book']),
  }),
  /** Plans a conference round with the scheduler and stores the result on its plan (conferences). */
  'conference-plan': z.object({ roundId: ZUuid }),
  /** One custody holder's written test result by e-mail, in their language (test results, § 13). */
  'test-result-email': z.object({ testResultId: ZUuid, personId: ZUuid }),
  /** Reminds the recorder and the contact teachers of a result not yet sent to the home; nothing once sent. */
  'test-result-reminder': z.object({ testResultId: ZUuid }),
  /** One custody holder's invitation to a parent meeting by e-mail, with its calendar file (parent meetings). */
  'parent-meeting-email': z.object({ meetingId: ZUuid, personId: ZUuid }),
  /** The morning before an event: reminds the households coming, and the organiser of volunteer places still open (events). */
  'event-reminder': z.object({ eventId: ZUuid }),
  /** One custody holder's e-mail that an event they come to or help at changed its day, time or place, or was cancelled, with its calendar file (events). */
  'event-change-email': z.object({ eventId: ZUuid, personId: ZUuid, sequence: z.number().int().min(0) }),
  /** Publishes a scheduled class letter at its time, unless it was moved, published or cancelled since (class letters). */
  'class-letter-publish': z.object({ letterId: ZUuid, publishAt: z.iso.datetime() }),
} as const;

export type JobKind = keyof typeof JOB_PAYLOADS;
export type JobPayload<K extends JobKind> = z.output<(typeof JOB_PAYLOADS)[K]>;
export const JOB_KINDS = Object.keys(JOB_PAYLOADS) as JobKind[];
export const isJobKind = (kind: string): kind is JobKind => Object.hasOwn(JOB_PAYLOADS, kind);

/** A job to queue. */
export interface NewJob<K extends JobKind = JobKind> {
  kind: K;
  schoolId: string | null;
  payload: JobPayload<K>;
  runAt: Date;
  /** A job whose key was used before (done or not) is not queued again. */
  dedupeKey: string | null;
  createdAt: Date;
}

/** A job taken by a runner, its payload checked against its kind's schema. */
export interface ClaimedJob<K extends JobKind = JobKind> {
  id: string;
  kind: K;
  schoolId: string | null;
  payload: JobPayload<K>;
  /** Counting this run. */
  attempts: number;
}
