import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { AuditLogTable } from '../db/schema.js';

export type NewAuditRow = Insertable<AuditLogTable>;

export async function insertAuditRows(db: Db, rows: NewAuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('audit_log').values(rows).execute();
}

export interface AuditFilter {
  studentId?: string;
  /** Part of the actor's name, matched without regard to case. */
  actorName?: string;
  /** An exact action, or a family of actions by prefix (`student` → `student.read`). */
  action?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Only rows older than this position (newest first). */
  before?: { at: Date; id: string };
  limit: number;
}

export interface AuditRow {
  id: string;
  at: Date;
  actor_name: string;
  actor_role: string | null;
  action: string;
  student_id: string | null;
  student_given_name: string | null;
  student_family_name: string | null;
  subject: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The school's audit rows, newest first; the student's name comes along for the reader. */
export async function findAuditRows(db: Db, schoolId: string, filter: AuditFilter): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('students', (join) =>
      join.onRef('students.school_id', '=', 'audit_log.school_id').onRef('students.id', '=', 'audit_log.student_id'),
    )
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_name',
      'audit_log.actor_role',
      'audit_log.action',
      'audit_log.student_id',
      'students.given_name as student_given_name',
      'students.family_name as student_family_name',
      'audit_log.subject',
    ])
    .where('audit_log.school_id', '=', schoolId);
  if (filter.studentId) query = query.where('audit_log.student_id', '=', filter.studentId);
  if (filter.actorName) query = query.where('audit_log.actor_name', 'ilike', `%${escapeLike(filter.actorName)}%`);
  if (filter.action) {
    const action = filter.action;
    query = query.where((eb) =>
      eb.or([eb('audit_log.action', '=', action), eb('audit_log.action', 'like', `${escapeLike(action)}.%`)]),
    );
  }
  if (filter.from) query = query.where('audit_log.at', '>=', filter.from);
  if (filter.to) query = query.where('audit_log.at', '<', filter.to);
  if (filter.before) {
    const { at, id } = filter.before;
    query = query.where(sql<boolean>`(audit_log.at, audit_log.id) < (${at}::timestamptz, ${id}::bigint)`);
  }
  return query.orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc').limit(filter.limit).execute();
}
