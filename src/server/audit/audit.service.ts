import type { RequestContext } from '../http/route.js';

export interface AuditEntry {
  schoolId: string;
  /** What was done, e.g. `student.read`, `information-request.answer`. */
  action: string;
  studentId?: string | null;
  /** A short human description of what was read or changed, without the data itself. */
  subject?: string;
}

/**
 * Writes one audit row per read of a child's data. Reads are logged in the same request that
 * serves them, so a response never leaves without its log entry.
 */
export async function recordAudit(ctx: RequestContext, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const at = ctx.deps.clock.now();
  await ctx.deps.db
    .insertInto('audit_log')
    .values(
      list.map((e) => ({
        school_id: e.schoolId,
        at,
        actor_user_id: ctx.actor?.userId ?? null,
        actor_name: ctx.actor?.name ?? 'anonym',
        action: e.action,
        student_id: e.studentId ?? null,
        subject: e.subject ?? '',
        request_id: ctx.requestId,
      })),
    )
    .execute();
}
