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
  /** Leave out what this person did (a guardian's own visits to her child's log). */
  exceptUserId?: string;
  /** Leave out what people did in these capacities (the child's family, in the family's view). */
  exceptRoles?: string[];
  /** Leave out these families of actions (`concern` → `concern.read`, …), by prefix. */
  exceptActionFamilies?: string[];
}

export interface AuditGrouping {
  /** Actions whose rows are shown one by one. */
  changes: string[];
  /** Actions whose rows of one request are one view of several children: shown without a child. */
  lists: string[];
}

export interface AuditGroupRow {
  id: string;
  at: Date;
  first_at: Date;
  views: number;
  students: number;
  actor_name: string;
  actor_role: string | null;
  action: string;
  student_id: string | null;
  student_given_name: string | null;
  student_family_name: string | null;
  subject: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The school's audit rows that the filter keeps, not yet selected. */
function filteredAuditRows(db: Db, schoolId: string, filter: AuditFilter) {
  let query = db.selectFrom('audit_log').where('audit_log.school_id', '=', schoolId);
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
  if (filter.exceptUserId) {
    const userId = filter.exceptUserId;
    query = query.where((eb) =>
      eb.or([eb('audit_log.actor_user_id', 'is', null), eb('audit_log.actor_user_id', '!=', userId)]),
    );
  }
  if (filter.exceptRoles?.length) {
    const roles = filter.exceptRoles;
    query = query.where((eb) =>
      eb.or([eb('audit_log.actor_role', 'is', null), eb('audit_log.actor_role', 'not in', roles)]),
    );
  }
  for (const family of filter.exceptActionFamilies ?? [])
    query = query.where('audit_log.action', 'not like', `${escapeLike(family)}.%`);
  return query;
}

/**
 * The school's audit rows in `[from, to)` that the filter keeps, grouped as the log shows them:
 * one person's reads of one kind (and child) on one Copenhagen day become one row with how many
 * requests made them; a change stays a row of its own; with `lists`, a list naming several
 * children becomes one row per day without a child. Newest first, only groups older than
 * `before` (the position of the last group shown: its latest moment and id), at most `limit`.
 */
export async function findAuditGroups(
  db: Db,
  schoolId: string,
  filter: AuditFilter,
  grouping: AuditGrouping,
  page: { before?: { at: Date; id: string }; limit: number },
): Promise<AuditGroupRow[]> {
  const rows = filteredAuditRows(db, schoolId, filter).select([
    'audit_log.id',
    'audit_log.at',
    'audit_log.actor_user_id',
    'audit_log.actor_name',
    'audit_log.actor_role',
    'audit_log.action',
    'audit_log.subject',
    'audit_log.student_id',
    sql<string>`coalesce(audit_log.request_id, audit_log.id::text)`.as('request_key'),
    sql<string>`(audit_log.at at time zone 'Europe/Copenhagen')::date`.as('day'),
    (grouping.changes.length
      ? sql<string | null>`case when audit_log.action in (${sql.join(grouping.changes)}) then audit_log.id end`
      : sql<string | null>`null::bigint`
    ).as('single'),
    (grouping.lists.length
      ? sql<
          string | null
        >`case when audit_log.action in (${sql.join(grouping.lists)}) then null else audit_log.student_id end`
      : sql<string | null>`audit_log.student_id`
    ).as('student_key'),
  ]);

  let groups = db
    .selectFrom(rows.as('r'))
    .select([
      sql<string>`max(r.id)::text`.as('id'),
      sql<Date>`max(r.at)`.as('at'),
      sql<Date>`min(r.at)`.as('first_at'),
      sql<number>`count(distinct r.request_key)::int`.as('views'),
      sql<number>`count(distinct r.student_id)::int`.as('students'),
      'r.actor_name',
      'r.actor_role',
      'r.action',
      'r.student_key',
      'r.subject',
    ])
    .groupBy([
      'r.day',
      'r.actor_user_id',
      'r.actor_name',
      'r.actor_role',
      'r.action',
      'r.student_key',
      'r.subject',
      'r.single',
    ]);
  if (page.before) {
    const { at, id } = page.before;
    groups = groups.having(sql<boolean>`(max(r.at), max(r.id)) < (${at}::timestamptz, ${id}::bigint)`);
  }
  return db
    .selectFrom(groups.as('g'))
    .leftJoin('students', (join) =>
      join.on('students.school_id', '=', schoolId).onRef('students.id', '=', 'g.student_key'),
    )
    .select([
      'g.id',
      'g.at',
      'g.first_at',
      'g.views',
      'g.students',
      'g.actor_name',
      'g.actor_role',
      'g.action',
      'g.student_key as student_id',
      'students.given_name as student_given_name',
      'students.family_name as student_family_name',
      'g.subject',
    ])
    .orderBy('g.at', 'desc')
    .orderBy(sql`g.id::bigint`, 'desc')
    .limit(page.limit)
    .execute();
}

/**
 * The moment of the newest row the filter keeps (its `to` is exclusive), or null: where the next
 * window of a page starts, so a page skips the weeks in which nothing it shows happened.
 */
export async function findNewestAuditMoment(db: Db, schoolId: string, filter: AuditFilter): Promise<Date | null> {
  const row = await filteredAuditRows(db, schoolId, filter)
    .select(sql<Date | null>`max(audit_log.at)`.as('at'))
    .executeTakeFirst();
  return row?.at ?? null;
}
