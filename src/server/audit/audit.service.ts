import { DateTime } from 'luxon';
import type { Context } from '../context.js';
import type { Membership } from '../policies/membership.js';
import { AppError } from '../errors.js';
import { ZRole, type TRole } from '../../shared/api/directory.schema.js';
import {
  AUDIT_ACTIONS,
  type TAuditAction,
  type TAuditEntry,
  type TAuditPage,
  type TAuditQuery,
} from '../../shared/api/audit.schema.js';
import { findClassIdsOfStudents } from '../directory/student.repository.js';
import { maySearchAuditLog } from '../policies/rules.js';
import {
  findAuditGroups,
  findNewestAuditMoment,
  insertAuditRows,
  type AuditFilter,
  type AuditGroupRow,
  type AuditGrouping,
} from './audit.repository.js';

const SCHOOL_TIME_ZONE = 'Europe/Copenhagen';

export interface AuditEntry {
  schoolId: string;
  /** What was done, e.g. `student.read`, `information-request.answer`. */
  action: TAuditAction;
  studentId?: string | null;
  /** A short human description of what was read or changed, without the data itself. */
  subject?: string;
}

/**
 * The capacity an actor acted in towards a student or class: their own relation to the child
 * first, then their role in its class, then their school-wide role.
 */
export function actingRole(
  m: Membership,
  target: { studentId?: string | null; classId?: string | null },
): TRole | null {
  if (target.studentId) {
    const kind = m.guardianOf.get(target.studentId);
    if (kind) return kind === 'custody' ? 'guardian' : 'information_right_parent';
    if (m.studentId === target.studentId) return 'student';
  }
  if (target.classId) {
    const classRole = m.classRoles.get(target.classId);
    if (classRole) return classRole;
  }
  if (m.roles.has('leader')) return 'leader';
  if (m.roles.has('administrator')) return 'administrator';
  if (target.classId && m.representativeOf.has(target.classId)) return 'class_representative';
  for (const role of ['teacher', 'pedagogue', 'board_member'] as const) if (m.roles.has(role)) return role;
  return null;
}

/**
 * Writes one audit row per read of a child's data, with the context's database handle: a use
 * case that writes calls it inside its unit of work, so the row commits with the change it
 * records. Reads are logged in the same request that serves them, so a response never leaves
 * without its log entry. Each row names the capacity the actor read in, so the child's guardians
 * can see who read what.
 */
export async function recordAudit(ctx: Context, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const at = ctx.clock.now();
  const roles = new Map<AuditEntry, TRole | null>();
  if (ctx.actor) {
    for (const schoolId of new Set(list.map((e) => e.schoolId))) {
      const ofSchool = list.filter((e) => e.schoolId === schoolId);
      const [membership, classIds] = await Promise.all([
        ctx.membership(schoolId),
        findClassIdsOfStudents(ctx.db, schoolId, [
          ...new Set(ofSchool.flatMap((e) => (e.studentId ? [e.studentId] : []))),
        ]),
      ]);
      for (const e of ofSchool)
        roles.set(
          e,
          actingRole(membership, { studentId: e.studentId, classId: e.studentId ? classIds.get(e.studentId) : null }),
        );
    }
  }
  await insertAuditRows(
    ctx.db,
    list.map((e) => ({
      school_id: e.schoolId,
      at,
      actor_user_id: ctx.actor?.userId ?? null,
      actor_name: ctx.actor?.name ?? 'anonym',
      actor_role: roles.get(e) ?? null,
      action: e.action,
      student_id: e.studentId ?? null,
      subject: e.subject ?? '',
      request_id: ctx.requestId,
    })),
  );
}

// The cursor is the position of the last row shown: its moment and id, so rows written in the
// same millisecond still page correctly.
const encodeCursor = (row: { at: Date; id: string }) =>
  Buffer.from(`${row.at.toISOString()}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const moment = at ? new Date(at) : null;
  if (!moment || Number.isNaN(moment.getTime()) || !id || !/^\d{1,19}$/.test(id)) {
    throw new AppError('validation_failed', { field: 'before' });
  }
  return { at: moment, id };
}

const isCalendarDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const startOfSchoolDay = (day: string) => DateTime.fromISO(day, { zone: SCHOOL_TIME_ZONE }).toJSDate();

function nextCalendarDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** A day means the school's day in Copenhagen; `to` as a day includes that whole day. */
function momentRange(from?: string, to?: string): { from?: Date; to?: Date } {
  return {
    from: from === undefined ? undefined : isCalendarDay(from) ? startOfSchoolDay(from) : new Date(from),
    to: to === undefined ? undefined : isCalendarDay(to) ? startOfSchoolDay(nextCalendarDay(to)) : new Date(to),
  };
}

function presentAuditGroup(row: AuditGroupRow): TAuditEntry {
  const role = ZRole.safeParse(row.actor_role);
  return {
    id: row.id,
    at: row.at.toISOString(),
    firstAt: row.first_at.toISOString(),
    count: row.views,
    students: row.students,
    actor: { name: row.actor_name, role: role.success ? role.data : null },
    action: row.action,
    student:
      row.student_id && row.student_given_name !== null
        ? { id: row.student_id, name: `${row.student_given_name} ${row.student_family_name ?? ''}`.trim() }
        : null,
    subject: row.subject,
  };
}

const actionsOfKind = (kind: 'read' | 'list' | 'change') =>
  (Object.keys(AUDIT_ACTIONS) as TAuditAction[]).filter((action) => AUDIT_ACTIONS[action] === kind);

/** Changes one by one; in the school's log, a list of several children is one row per view. */
const SCHOOL_GROUPING: AuditGrouping = { changes: actionsOfKind('change'), lists: actionsOfKind('list') };
const CHILD_GROUPING: AuditGrouping = { changes: actionsOfKind('change'), lists: [] };

/** How many days of the log one query groups; a page reads older windows until it is full. */
const WINDOW_DAYS = 7;
const schoolDay = (moment: Date) => DateTime.fromJSDate(moment, { zone: SCHOOL_TIME_ZONE }).toISODate()!;

function daysBefore(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/**
 * A page of the log as it is shown (grouped), newest first. The grouping reads a week of rows at a
 * time, from the newest day (or the day of the page's cursor) back to the next day with a row the
 * filter keeps, until the page is full, so a page costs the same however long the school's log has
 * grown and however sparse the rows it shows. Windows start at midnight in
 * Copenhagen, so one day's reads are never split between two of them.
 */
async function auditPage(
  ctx: Context,
  schoolId: string,
  filter: AuditFilter,
  grouping: AuditGrouping,
  paging: { limit: number; before?: string },
): Promise<TAuditPage> {
  const before = paging.before ? decodeCursor(paging.before) : undefined;
  const wanted = paging.limit + 1; // one more than asked tells whether an older page exists
  const groups: AuditGroupRow[] = [];
  let windowEnd = before ? startOfSchoolDay(nextCalendarDay(schoolDay(before.at))) : filter.to;
  if (before && filter.to && filter.to < (windowEnd as Date)) windowEnd = filter.to;
  // The newest day the window holds (its end is exclusive).
  let lastDay = schoolDay(windowEnd ? new Date(windowEnd.getTime() - 1) : ctx.clock.now());
  for (;;) {
    const windowStart = startOfSchoolDay(daysBefore(lastDay, WINDOW_DAYS - 1));
    const from = filter.from && filter.from > windowStart ? filter.from : windowStart;
    groups.push(
      ...(await findAuditGroups(ctx.db, schoolId, { ...filter, from, to: windowEnd }, grouping, {
        before,
        limit: wanted - groups.length,
      })),
    );
    if (groups.length >= wanted || from !== windowStart) break;
    // The next window ends with the newest older row the filter keeps, however long ago.
    const newest = await findNewestAuditMoment(ctx.db, schoolId, { ...filter, to: windowStart });
    if (!newest) break;
    windowEnd = windowStart;
    lastDay = schoolDay(newest);
  }
  const page = groups.slice(0, paging.limit);
  const last = page[page.length - 1];
  return {
    entries: page.map(presentAuditGroup),
    nextCursor: groups.length > paging.limit && last ? encodeCursor(last) : null,
  };
}

/** The leadership's search through the school's whole audit log, newest first. */
export async function searchAuditLog(ctx: Context, schoolId: string, query: TAuditQuery): Promise<TAuditPage> {
  const range = momentRange(query.from, query.to);
  return auditPage(
    ctx,
    schoolId,
    { studentId: query.studentId, actorName: query.actor || undefined, action: query.action || undefined, ...range },
    query.studentId ? CHILD_GROUPING : SCHOOL_GROUPING,
    query,
  );
}

/** The capacities of the child's family: their own visits are not what they ask the log about. */
const FAMILY_ROLES: TRole[] = ['guardian', 'information_right_parent', 'student'];

/**
 * Actions about data the family is not shown: a concern (early dialogue) is for the child's staff
 * team and the leadership, and even that one exists reaches the home by the call or meeting it
 * leads to, not through the log.
 */
const STAFF_ONLY_ACTIONS = ['concern'];

/**
 * Who has read or handled one child's data: what the custody holders are entitled to see. The
 * family sees who at the school read what, not their own visits nor the staff's concerns; the
 * leadership sees every row.
 */
export async function findAuditOfStudent(
  ctx: Context,
  schoolId: string,
  studentId: string,
  paging: { limit: number; before?: string },
): Promise<TAuditPage> {
  const leadership = ctx.actor ? maySearchAuditLog(await ctx.membership(schoolId)) : false;
  const filter: AuditFilter = leadership
    ? { studentId }
    : {
        studentId,
        exceptUserId: ctx.actor?.userId,
        exceptRoles: FAMILY_ROLES,
        exceptActionFamilies: STAFF_ONLY_ACTIONS,
      };
  return auditPage(ctx, schoolId, filter, CHILD_GROUPING, paging);
}
