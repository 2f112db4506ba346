import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import { ZRole } from './directory.schema.js';

/**
 * Every action the audit log records, and how the log shows it: `read` (one child's data, shown
 * once per person, kind and day with a count), `list` (a list naming several children: per child
 * in the child's log, as one row per view in the school's log) and `change` (every one shown).
 */
export const AUDIT_ACTIONS = {
  'student.read': 'read',
  'thread.read': 'read',
  'thread.readers': 'read',
  'thread.attachment': 'read',
  'class.students.read': 'list',
  'thread.list': 'list',
  'thread.search': 'list',
  'thread.broken-promises': 'list',
  'message.urgent-list': 'list',
  'information-request.list': 'list',
  'conference.invitations': 'list',
  'conference.booking-calendar': 'read',
  'conference.read': 'read',
  'conference.agreements': 'list',
  'test-result.read': 'read',
  'test-result.list': 'list',
  'test-result.read-refused': 'read',
  'concern.read': 'read',
  'concern.list': 'list',
  'concern.read-refused': 'read',
  'thread.start': 'change',
  'thread.reply': 'change',
  'thread.acknowledge': 'change',
  'message.urgent': 'change',
  'information-request.create': 'change',
  'information-request.answer': 'change',
  'directory.import': 'change',
  'student-plan.read': 'read',
  'student-plan.list': 'list',
  'student-plan.read-refused': 'read',
  'student-plan.change': 'change',
  'student-plan.publish': 'change',
  'message-book.read': 'read',
  'message-book.write': 'change',
  'test-result.record': 'change',
  'test-result.send': 'change',
  'concern.register': 'change',
  'concern.contact': 'change',
  'concern.close': 'change',
  'conference.round-students': 'list',
  'class-representative.elect': 'change',
  'class-representative.end': 'change',
  'parent-meeting.households': 'list',
  'parent-meeting.plan': 'change',
  'parent-meeting.invite': 'change',
  'parent-meeting.answer': 'change',
  'parent-meeting.attendance': 'change',
  'parent-meeting.minutes': 'change',
  'event.create': 'change',
  'event.change': 'change',
  'event.cancel': 'change',
  'event.answer': 'change',
  'event.slot-take': 'change',
  'event.slot-release': 'change',
  'play-group.read': 'read',
  'play-group.list': 'list',
  'play-group.read-refused': 'read',
  'play-group.generate': 'change',
  'play-group.hosting': 'change',
  'play-group.apart-pairs': 'list',
  'play-group.keep-apart': 'change',
  'class-letter.write': 'change',
  'class-letter.publish': 'change',
  'class-letter.cancel': 'change',
} as const satisfies Record<string, 'read' | 'list' | 'change'>;
export type TAuditAction = keyof typeof AUDIT_ACTIONS;
export const ZAuditAction = z.enum(Object.keys(AUDIT_ACTIONS) as [TAuditAction, ...TAuditAction[]]);

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

/** A calendar day (read in Copenhagen time) or an exact moment with its offset. */
const ZDayOrMoment = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const ZAuditPaging = z.object({
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_DEFAULT),
  /** The `nextCursor` of the previous page. */
  before: text({ max: 200, trim: false }).optional(),
});

export const ZAuditQuery = ZAuditPaging.extend({
  studentId: ZUuid.optional(),
  /** Part of the name of whoever acted. */
  actor: text({ max: 100 }).optional(),
  /** An action or an action family: `student` matches `student.read`. */
  action: text({ max: 100 }).optional(),
  /** From this day or moment (inclusive). */
  from: ZDayOrMoment.optional(),
  /** Up to this day (inclusive) or moment (exclusive). */
  to: ZDayOrMoment.optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

/**
 * One line of the log: a change, or one person's reads of one kind on one school day (Copenhagen),
 * with how many times and between which moments.
 */
export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string().describe('ISO 8601 moment: the latest of the grouped reads'),
  firstAt: z.string().describe('ISO 8601 moment: the first of the grouped reads'),
  /** How many times (requests) the reads happened that day; 1 for a change. */
  count: z.number().int().min(1),
  /** For a list in the school's log: how many children it named. */
  students: z.number().int().min(0),
  /** Who acted, by name and the capacity they acted in; never a user id. */
  actor: z.object({ name: z.string(), role: ZRole.nullable() }),
  /** e.g. `student.read`, `class.students.read`, `information-request.answer` (one of `AUDIT_ACTIONS`). */
  action: z.string(),
  student: z.object({ id: ZUuid, name: z.string() }).nullable(),
  /** What was read or done, without the data itself. */
  subject: z.string(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = z.object({
  entries: z.array(ZAuditEntry),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TAuditPage = z.infer<typeof ZAuditPage>;
