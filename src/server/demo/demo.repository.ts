import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export function findSchoolBySlug(db: Db, slug: string) {
  return db.selectFrom('schools').select(['id', 'name', 'slug']).where('slug', '=', slug).executeTakeFirst();
}

export async function countSchools(db: Db): Promise<number> {
  const row = await db
    .selectFrom('schools')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Deletes a school and every row any table keeps for it. Tables are found by their `school_id`
 * column rather than listed, so areas added later are covered too; a delete that a foreign key
 * refuses is retried after the others, so the order of the tables does not matter. `trx` must be
 * a transaction: each refused delete is rolled back to its savepoint.
 */
export async function deleteSchoolAndItsRows(trx: Db, schoolId: string): Promise<void> {
  const tables = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.column_name = 'school_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(trx);
  let pending = tables.rows.map((r) => r.table_name);
  for (let pass = 0; pending.length > 0 && pass <= tables.rows.length; pass++) {
    const refused: string[] = [];
    for (const table of pending) {
      await sql`savepoint school_delete`.execute(trx);
      try {
        await sql`delete from ${sql.table(table)} where school_id = ${schoolId}`.execute(trx);
        await sql`release savepoint school_delete`.execute(trx);
      } catch {
        await sql`rollback to savepoint school_delete`.execute(trx);
        refused.push(table);
      }
    }
    pending = refused;
  }
  await trx.deleteFrom('schools').where('id', '=', schoolId).execute();
}

/**
 * Deletes the users of an e-mail domain who no longer belong to any school (the demo's own
 * logins). Returns false, deleting nothing, when some other table still refers to one of them
 * (23503): they are then kept, and the next import links them again by their address.
 */
export async function deleteUnattachedUsersOfDomain(db: Db, domain: string): Promise<boolean> {
  try {
    await db
      .deleteFrom('users')
      .where(sql`lower(email)`, 'like', `%@${domain.toLowerCase()}`)
      .where((eb) =>
        eb.and([
          eb.not(eb.exists(eb.selectFrom('people').select('people.id').whereRef('people.user_id', '=', 'users.id'))),
          eb.not(
            eb.exists(eb.selectFrom('students').select('students.id').whereRef('students.user_id', '=', 'users.id')),
          ),
        ]),
      )
      .execute();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '23503') return false;
    throw error;
  }
}

export async function setPasswordHash(db: Db, emails: readonly string[], passwordHash: string): Promise<number> {
  const result = await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where(
      sql`lower(email)`,
      'in',
      emails.map((e) => e.toLowerCase()),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findPersonIdByExternalId(
  db: Db,
  schoolId: string,
  externalId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return row?.id;
}

export async function hasPrincipleVersion(db: Db, schoolId: string): Promise<boolean> {
  const row = await db
    .selectFrom('principle_versions')
    .select('id')
    .where('school_id', '=', schoolId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function hasInformationRequests(db: Db, schoolId: string): Promise<boolean> {
  const row = await db
    .selectFrom('information_requests')
    .select('id')
    .where('school_id', '=', schoolId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The first parents (by import id) who have a right to information only, with their child and its contact teacher. */
export function findInformationRightParents(db: Db, schoolId: string, limit: number) {
  return db
    .selectFrom('guardianships as g')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .leftJoin('class_staff as cs', (j) =>
      j
        .onRef('cs.school_id', '=', 's.school_id')
        .onRef('cs.class_id', '=', 's.class_id')
        .on('cs.role', '=', 'contact_teacher'),
    )
    .leftJoin('people as t', (j) => j.onRef('t.school_id', '=', 'cs.school_id').onRef('t.id', '=', 'cs.person_id'))
    .select([
      'p.id as personId',
      's.id as studentId',
      's.given_name as studentName',
      't.id as teacherId',
      't.user_id as teacherUserId',
      't.given_name as teacherGiven',
      't.family_name as teacherFamily',
    ])
    .where('g.school_id', '=', schoolId)
    .where('g.kind', '=', 'information_right')
    .where('p.suspended', '=', false)
    .orderBy('p.external_id')
    .limit(limit)
    .execute();
}

export async function insertInformationRequest(
  db: Db,
  request: {
    schoolId: string;
    studentId: string;
    personId: string;
    message: string;
    createdAt: Date;
    answer?: { response: string; at: Date; by: string };
  },
): Promise<void> {
  await db
    .insertInto('information_requests')
    .values({
      school_id: request.schoolId,
      student_id: request.studentId,
      person_id: request.personId,
      message: request.message,
      created_at: request.createdAt,
      ...(request.answer
        ? {
            status: 'answered' as const,
            response: request.answer.response,
            handled_at: request.answer.at,
            handled_by: request.answer.by,
          }
        : {}),
    })
    .execute();
}

export async function insertAuditEntries(
  db: Db,
  entries: {
    schoolId: string;
    at: Date;
    actorUserId: string | null;
    actorName: string;
    actorRole: string;
    action: string;
    studentId: string | null;
    subject: string;
  }[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        school_id: e.schoolId,
        at: e.at,
        actor_user_id: e.actorUserId,
        actor_name: e.actorName,
        actor_role: e.actorRole,
        action: e.action,
        student_id: e.studentId,
        subject: e.subject,
        request_id: null,
      })),
    )
    .execute();
}

/** The custody holders' children of a demo account, with their contact teachers. */
export function findChildrenWithContactTeacher(db: Db, schoolId: string, guardianEmail: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('people as p', 'p.user_id', 'u.id')
    .innerJoin('guardianships as g', (j) =>
      j.onRef('g.school_id', '=', 'p.school_id').onRef('g.person_id', '=', 'p.id'),
    )
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .innerJoin('class_staff as cs', (j) =>
      j
        .onRef('cs.school_id', '=', 's.school_id')
        .onRef('cs.class_id', '=', 's.class_id')
        .on('cs.role', '=', 'contact_teacher'),
    )
    .innerJoin('people as t', (j) => j.onRef('t.school_id', '=', 'cs.school_id').onRef('t.id', '=', 'cs.person_id'))
    .select([
      's.id as studentId',
      't.user_id as teacherUserId',
      't.given_name as teacherGiven',
      't.family_name as teacherFamily',
    ])
    .where('p.school_id', '=', schoolId)
    .where(sql`lower(u.email)`, '=', guardianEmail.toLowerCase())
    .where('g.kind', '=', 'custody')
    .orderBy('s.external_id')
    .execute();
}

/** A custody holder's child with its class and contact teacher, for the demo's message threads. */
export interface DemoFamilyOfClass {
  guardianId: string;
  studentId: string;
  studentName: string;
  classId: string;
  teacherId: string;
}

/** Custody holders with a child and its contact teacher, leaving out the guardians with the given e-mails. */
function familiesWithContactTeacher(db: Db, schoolId: string, notEmails: readonly string[] = []) {
  const query = db
    .selectFrom('guardianships as g')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 's.school_id').onRef('c.id', '=', 's.class_id'))
    .innerJoin('class_staff as cs', (j) =>
      j
        .onRef('cs.school_id', '=', 's.school_id')
        .onRef('cs.class_id', '=', 's.class_id')
        .on('cs.role', '=', 'contact_teacher'),
    )
    .select([
      'p.id as guardianId',
      's.id as studentId',
      's.given_name as studentName',
      's.class_id as classId',
      'cs.person_id as teacherId',
    ])
    .where('g.school_id', '=', schoolId)
    .where('g.kind', '=', 'custody')
    .where('p.suspended', '=', false);
  if (notEmails.length === 0) return query;
  const lowered = notEmails.map((e) => e.toLowerCase());
  return query.where((eb) => eb.or([eb('p.email', 'is', null), eb(sql`lower(p.email)`, 'not in', lowered)]));
}

/** The demo account's child in a class (by import id), with the class's contact teacher. */
export function findChildOfAccountInClass(
  db: Db,
  schoolId: string,
  guardianEmail: string,
  classExternalId: string,
): Promise<DemoFamilyOfClass | undefined> {
  return familiesWithContactTeacher(db, schoolId)
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .where(sql`lower(u.email)`, '=', guardianEmail.toLowerCase())
    .where('c.external_id', '=', classExternalId)
    .executeTakeFirst();
}

/** Custody holders that are not demo accounts, with a child and its contact teacher, by import id (the demo's history). */
export function findFamiliesOfSchool(
  db: Db,
  schoolId: string,
  notEmails: readonly string[],
  limit: number,
): Promise<DemoFamilyOfClass[]> {
  return familiesWithContactTeacher(db, schoolId, notEmails)
    .orderBy('p.external_id')
    .orderBy('s.external_id')
    .limit(limit)
    .execute();
}

/** The first custody holder (by import id) of a class that is not a demo account's, with the child and the contact teacher. */
export function findFirstFamilyOfClass(
  db: Db,
  schoolId: string,
  classExternalId: string,
  notEmails: readonly string[],
): Promise<DemoFamilyOfClass | undefined> {
  return familiesWithContactTeacher(db, schoolId, notEmails)
    .where('c.external_id', '=', classExternalId)
    .orderBy('p.external_id')
    .executeTakeFirst();
}

/** The demo student account's person (made by the import for every student with a login) and the class's contact teacher. */
export function findStudentWriterOfAccount(db: Db, schoolId: string, studentEmail: string) {
  return db
    .selectFrom('students as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 's.school_id').onRef('p.student_id', '=', 's.id'))
    .innerJoin('class_staff as cs', (j) =>
      j
        .onRef('cs.school_id', '=', 's.school_id')
        .onRef('cs.class_id', '=', 's.class_id')
        .on('cs.role', '=', 'contact_teacher'),
    )
    .select(['s.id as studentId', 'p.id as personId', 'cs.person_id as teacherId'])
    .where('s.school_id', '=', schoolId)
    .where(sql`lower(u.email)`, '=', studentEmail.toLowerCase())
    .executeTakeFirst();
}

/** A round of the demo school by its name. */
export function findDemoRoundByName(db: Db, schoolId: string, name: string) {
  return db
    .selectFrom('conference_rounds')
    .select(['id', 'status'])
    .where('school_id', '=', schoolId)
    .where('name', '=', name)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** The demo account's invitation in a round for their child in a class (by import id). */
export async function findDemoInvitation(
  db: Db,
  schoolId: string,
  roundId: string,
  guardianEmail: string,
  classExternalId: string,
) {
  const row = await db
    .selectFrom('conference_invitation_guardians as ig')
    .innerJoin('conference_invitations as i', (j) =>
      j.onRef('i.school_id', '=', 'ig.school_id').onRef('i.id', '=', 'ig.invitation_id'),
    )
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'ig.school_id').onRef('p.id', '=', 'ig.person_id'))
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'i.school_id').onRef('c.id', '=', 'i.class_id'))
    .innerJoin('conference_rounds as r', (j) =>
      j.onRef('r.school_id', '=', 'i.school_id').onRef('r.id', '=', 'i.round_id'),
    )
    .select(['i.id as invitationId', 'p.id as personId', 'c.grade', 'r.minutes_by_grade'])
    .where('ig.school_id', '=', schoolId)
    .where('i.round_id', '=', roundId)
    .where(sql`lower(u.email)`, '=', guardianEmail.toLowerCase())
    .where('c.external_id', '=', classExternalId)
    .executeTakeFirst();
  return row;
}

/** The school's classes by name ("3.A"), with each one's contact teacher, for the demo's conference rounds. */
export async function findClassesByName(
  db: Db,
  schoolId: string,
): Promise<Map<string, { id: string; grade: number; contactTeacherId: string | null }>> {
  const rows = await db
    .selectFrom('classes as c')
    .leftJoin('class_staff as cs', (j) =>
      j
        .onRef('cs.school_id', '=', 'c.school_id')
        .onRef('cs.class_id', '=', 'c.id')
        .on('cs.role', '=', 'contact_teacher'),
    )
    .select(['c.id', 'c.grade', 'c.letter', 'cs.person_id as contactTeacherId'])
    .where('c.school_id', '=', schoolId)
    .execute();
  return new Map(
    rows.map((r) => [`${r.grade}.${r.letter}`, { id: r.id, grade: r.grade, contactTeacherId: r.contactTeacherId }]),
  );
}

/** The guardian has read the invitation they acted on. */
export async function markInvitationNoticeRead(
  db: Db,
  schoolId: string,
  personId: string,
  invitationId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('school_id', '=', schoolId)
    .where('person_id', '=', personId)
    .where('dedupe_key', '=', `conference-invitation:${invitationId}`)
    .execute();
}

/** Every recipient read the notices with these keys the evening they came (the demo's older news). */
export async function markNoticesReadByAll(db: Db, schoolId: string, dedupeKeys: readonly string[]): Promise<void> {
  if (dedupeKeys.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`created_at + interval '4 hours'` })
    .where('school_id', '=', schoolId)
    .where('dedupe_key', 'in', [...dedupeKeys])
    .where('read_at', 'is', null)
    .execute();
}

/**
 * The first child of a round with two homes (separated parents, an invitation each), with a
 * guardian of each home: the demo's joint meeting.
 */
export async function findTwoHomeInvitations(db: Db, schoolId: string, roundId: string) {
  const rows = await db
    .selectFrom('conference_invitations as i')
    .innerJoin('conference_invitation_guardians as ig', (j) =>
      j.onRef('ig.school_id', '=', 'i.school_id').onRef('ig.invitation_id', '=', 'i.id'),
    )
    .select(['i.id as invitationId', 'i.student_id as studentId', 'ig.person_id as personId'])
    .where('i.school_id', '=', schoolId)
    .where('i.round_id', '=', roundId)
    .where(
      'i.student_id',
      'in',
      db
        .selectFrom('conference_invitations')
        .select('student_id')
        .where('school_id', '=', schoolId)
        .where('round_id', '=', roundId)
        .groupBy('student_id')
        .having((eb) => eb.fn.countAll(), '=', 2),
    )
    .orderBy('i.student_id')
    .orderBy('i.id')
    .orderBy('ig.person_id')
    .execute();
  const studentId = rows[0]?.studentId;
  const homes = [...new Map(rows.filter((r) => r.studentId === studentId).map((r) => [r.invitationId, r])).values()];
  return homes.length === 2 ? homes : null;
}

/** A demo account's login id by its e-mail address. */
export async function findDemoUserId(db: Db, email: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row?.id ?? null;
}
