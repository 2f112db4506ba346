import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import { ZRole } from './directory.schema.js';

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

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string().describe('ISO 8601 moment'),
  /** Who acted, by name and the capacity they acted in; never a user id. */
  actor: z.object({ name: z.string(), role: ZRole.nullable() }),
  /** e.g. `student.read`, `class.students.read`, `information-request.answer`. */
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
