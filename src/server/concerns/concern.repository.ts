import type { Db } from '../db/database.js';
import type { ConcernsTable } from '../db/schema.js';

type Kind = ConcernsTable['kind'];

export interface ConcernRow {
  id: string;
  student_id: string;
  kind: Kind;
  text: string;
  registered_at: Date;
  closed_at: Date | null;
  close_note: string | null;
  round_id: string | null;
  student_given_name: string;
  student_family_name: string;
  class_id: string;
  grade: number;
  letter: string;
  registrant_given_name: string;
  registrant_family_name: string;
}

export interface ConcernContactRow {
  id: string;
  concern_id: string;
  contacted_on: string;
  channel: 'phone' | 'meeting';
  agreed: string;
  recorder_given_name: string;
  recorder_family_name: string;
}

function selectConcerns(db: Db, schoolId: string) {
  return db
    .selectFrom('concerns as c')
    .innerJoin('students', (join) =>
      join.onRef('students.school_id', '=', 'c.school_id').onRef('students.id', '=', 'c.student_id'),
    )
    .innerJoin('classes', (join) =>
      join.onRef('classes.school_id', '=', 'students.school_id').onRef('classes.id', '=', 'students.class_id'),
    )
    .innerJoin('people as registrant', (join) =>
      join.onRef('registrant.school_id', '=', 'c.school_id').onRef('registrant.id', '=', 'c.registered_by'),
    )
    .select([
      'c.id',
      'c.student_id',
      'c.kind',
      'c.text',
      'c.registered_at',
      'c.closed_at',
      'c.close_note',
      'c.round_id',
      'students.given_name as student_given_name',
      'students.family_name as student_family_name',
      'classes.id as class_id',
      'classes.grade',
      'classes.letter',
      'registrant.given_name as registrant_given_name',
      'registrant.family_name as registrant_family_name',
    ])
    .where('c.school_id', '=', schoolId);
}

/**
 * Registers a concern; with an idempotency key a repeated registration (a double click, a retry)
 * answers with the concern the first one made.
 */
export async function insertConcern(
  db: Db,
  concern: {
    schoolId: string;
    studentId: string;
    kind: Kind;
    text: string;
    registeredBy: string;
    registeredAt: Date;
    idempotencyKey: string | null;
  },
): Promise<{ id: string; created: boolean; same: boolean }> {
  const row = await db
    .insertInto('concerns')
    .values({
      school_id: concern.schoolId,
      student_id: concern.studentId,
      kind: concern.kind,
      text: concern.text,
      registered_by: concern.registeredBy,
      registered_at: concern.registeredAt,
      idempotency_key: concern.idempotencyKey,
    })
    .onConflict((oc) => oc.constraint('concerns_idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return { id: row.id, created: true, same: true };
  const existing = await db
    .selectFrom('concerns')
    .select(['id', 'student_id', 'kind', 'text'])
    .where('school_id', '=', concern.schoolId)
    .where('registered_by', '=', concern.registeredBy)
    .where('idempotency_key', '=', concern.idempotencyKey)
    .executeTakeFirstOrThrow();
  const same =
    existing.student_id === concern.studentId && existing.kind === concern.kind && existing.text === concern.text;
  return { id: existing.id, created: false, same };
}

export async function findConcern(db: Db, schoolId: string, concernId: string): Promise<ConcernRow | undefined> {
  return selectConcerns(db, schoolId).where('c.id', '=', concernId).executeTakeFirst();
}

/**
 * Concerns about one child, or about the children of some classes (the whole school: 'all'),
 * newest first; `open` keeps those neither closed nor followed by a contact with the home.
 */
export async function findConcerns(
  db: Db,
  schoolId: string,
  filter: { studentId?: string; classIds?: readonly string[] | 'all'; awaitingContact?: boolean },
): Promise<ConcernRow[]> {
  if (filter.classIds !== undefined && filter.classIds !== 'all' && filter.classIds.length === 0) return [];
  let query = selectConcerns(db, schoolId);
  if (filter.studentId) query = query.where('c.student_id', '=', filter.studentId);
  if (filter.classIds !== undefined && filter.classIds !== 'all')
    query = query.where('students.class_id', 'in', [...filter.classIds]);
  if (filter.awaitingContact)
    query = query
      .where('c.closed_at', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('concern_contacts as k')
              .select('k.id')
              .whereRef('k.school_id', '=', 'c.school_id')
              .whereRef('k.concern_id', '=', 'c.id'),
          ),
        ),
      );
  return query.orderBy('c.registered_at', 'desc').orderBy('c.id').execute();
}

export async function findConcernContacts(
  db: Db,
  schoolId: string,
  concernIds: readonly string[],
): Promise<ConcernContactRow[]> {
  if (concernIds.length === 0) return [];
  return db
    .selectFrom('concern_contacts as k')
    .innerJoin('people as recorder', (join) =>
      join.onRef('recorder.school_id', '=', 'k.school_id').onRef('recorder.id', '=', 'k.recorded_by'),
    )
    .select([
      'k.id',
      'k.concern_id',
      'k.contacted_on',
      'k.channel',
      'k.agreed',
      'recorder.given_name as recorder_given_name',
      'recorder.family_name as recorder_family_name',
    ])
    .where('k.school_id', '=', schoolId)
    .where('k.concern_id', 'in', [...concernIds])
    .orderBy('k.contacted_on')
    .orderBy('k.recorded_at')
    .execute();
}

/** The concern's row locked for the unit of work, so a contact and a close cannot cross. */
export async function lockConcern(
  db: Db,
  schoolId: string,
  concernId: string,
): Promise<{ registered_at: Date; closed_at: Date | null; student_id: string } | undefined> {
  return db
    .selectFrom('concerns')
    .select(['registered_at', 'closed_at', 'student_id'])
    .where('school_id', '=', schoolId)
    .where('id', '=', concernId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertConcernContact(
  db: Db,
  contact: {
    schoolId: string;
    concernId: string;
    contactedOn: string;
    channel: 'phone' | 'meeting';
    agreed: string;
    recordedBy: string;
    recordedAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('concern_contacts')
    .values({
      school_id: contact.schoolId,
      concern_id: contact.concernId,
      contacted_on: contact.contactedOn,
      channel: contact.channel,
      agreed: contact.agreed,
      recorded_by: contact.recordedBy,
      recorded_at: contact.recordedAt,
    })
    .execute();
}

export async function markConcernClosed(
  db: Db,
  schoolId: string,
  concernId: string,
  closing: { closedAt: Date; closedBy: string; note: string },
): Promise<void> {
  await db
    .updateTable('concerns')
    .set({ closed_at: closing.closedAt, closed_by: closing.closedBy, close_note: closing.note })
    .where('school_id', '=', schoolId)
    .where('id', '=', concernId)
    .execute();
}

/** The child a concern is registered about: first name for the notice, and the class whose contact teachers are told. */
export async function findConcernStudent(
  db: Db,
  schoolId: string,
  studentId: string,
): Promise<{ given_name: string; class_id: string } | undefined> {
  return db
    .selectFrom('students')
    .select(['given_name', 'class_id'])
    .where('school_id', '=', schoolId)
    .where('id', '=', studentId)
    .executeTakeFirst();
}

/** The concern's child and their class, for a needs-based round started from it; undefined when there is no such concern. */
export async function findConcernForRound(
  db: Db,
  schoolId: string,
  concernId: string,
): Promise<{ class_id: string; student_id: string } | undefined> {
  return db
    .selectFrom('concerns as c')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'c.school_id').onRef('s.id', '=', 'c.student_id'))
    .select(['s.class_id', 'c.student_id'])
    .where('c.school_id', '=', schoolId)
    .where('c.id', '=', concernId)
    .executeTakeFirst();
}

/** Links the needs-based round started from a concern to it, in the round's unit of work. */
export async function linkConcernToRound(db: Db, schoolId: string, concernId: string, roundId: string): Promise<void> {
  await db
    .updateTable('concerns')
    .set({ round_id: roundId })
    .where('school_id', '=', schoolId)
    .where('id', '=', concernId)
    .execute();
}
