import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { TestResultsTable } from '../db/schema.js';

export interface TestResultRow {
  id: string;
  student_id: string;
  kind: TestResultsTable['kind'];
  test_name: string;
  taken_on: string;
  result: string;
  meaning: string;
  next_steps: string;
  recorded_by: string;
  recorded_at: Date;
  sent_at: Date | null;
  student_given_name: string;
  student_family_name: string;
  class_id: string;
  grade: number;
  letter: string;
  recorder_given_name: string;
  recorder_family_name: string;
}

function selectResults(db: Db, schoolId: string) {
  return db
    .selectFrom('test_results as r')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'r.school_id').onRef('s.id', '=', 'r.student_id'))
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 's.school_id').onRef('c.id', '=', 's.class_id'))
    .innerJoin('people as recorder', (j) =>
      j.onRef('recorder.school_id', '=', 'r.school_id').onRef('recorder.id', '=', 'r.recorded_by'),
    )
    .select([
      'r.id',
      'r.student_id',
      'r.kind',
      'r.test_name',
      'r.taken_on',
      'r.result',
      'r.meaning',
      'r.next_steps',
      'r.recorded_by',
      'r.recorded_at',
      'r.sent_at',
      's.given_name as student_given_name',
      's.family_name as student_family_name',
      'c.id as class_id',
      'c.grade',
      'c.letter',
      'recorder.given_name as recorder_given_name',
      'recorder.family_name as recorder_family_name',
    ])
    .where('r.school_id', '=', schoolId);
}

export interface NewTestResult {
  schoolId: string;
  studentId: string;
  kind: TestResultsTable['kind'];
  testName: string;
  takenOn: string;
  result: string;
  meaning: string;
  nextSteps: string;
  recordedBy: string;
  recordedAt: Date;
  idempotencyKey: string | null;
}

export async function insertTestResult(db: Db, r: NewTestResult): Promise<string> {
  const row = await db
    .insertInto('test_results')
    .values({
      school_id: r.schoolId,
      student_id: r.studentId,
      kind: r.kind,
      test_name: r.testName,
      taken_on: r.takenOn,
      result: r.result,
      meaning: r.meaning,
      next_steps: r.nextSteps,
      recorded_by: r.recordedBy,
      recorded_at: r.recordedAt,
      idempotency_key: r.idempotencyKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The result a recorder already stored with this idempotency key, if any. */
export async function findTestResultByKey(
  db: Db,
  schoolId: string,
  recordedBy: string,
  key: string,
): Promise<{ id: string; student_id: string } | undefined> {
  return db
    .selectFrom('test_results')
    .select(['id', 'student_id'])
    .where('school_id', '=', schoolId)
    .where('recorded_by', '=', recordedBy)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function findTestResult(db: Db, schoolId: string, id: string): Promise<TestResultRow | undefined> {
  return selectResults(db, schoolId).where('r.id', '=', id).executeTakeFirst();
}

/** A student's results, newest test first, from a day on. */
export async function findTestResultsOfStudent(
  db: Db,
  schoolId: string,
  studentId: string,
  filter: { takenSince?: string },
): Promise<TestResultRow[]> {
  let query = selectResults(db, schoolId).where('r.student_id', '=', studentId);
  if (filter.takenSince) query = query.where('r.taken_on', '>=', filter.takenSince);
  return query.orderBy('r.taken_on', 'desc').orderBy('r.recorded_at', 'desc').orderBy('r.id').execute();
}

/** Results not yet told to the home: of some classes (or the whole school), or recorded by one person. */
export async function findUnsentTestResults(
  db: Db,
  schoolId: string,
  filter: { classIds: readonly string[] | 'all'; recordedBy: string | null },
): Promise<TestResultRow[]> {
  let query = selectResults(db, schoolId).where('r.sent_at', 'is', null);
  if (filter.classIds !== 'all') {
    const classIds = [...filter.classIds];
    const recordedBy = filter.recordedBy;
    if (classIds.length === 0 && !recordedBy) return [];
    query = query.where((eb) =>
      eb.or([
        ...(classIds.length > 0 ? [eb('s.class_id', 'in', classIds)] : []),
        ...(recordedBy ? [eb('r.recorded_by', '=', recordedBy)] : []),
      ]),
    );
  }
  return query.orderBy('r.recorded_at').orderBy('r.id').execute();
}

/** Marks a result sent, the first time only; false when it was sent already. */
export async function markTestResultSent(
  db: Db,
  schoolId: string,
  id: string,
  sentBy: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('test_results')
    .set({ sent_at: at, sent_by: sentBy })
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A custody holder to tell, with how the directory says to reach them and their language. */
export async function insertDeliveries(
  db: Db,
  rows: Array<{ schoolId: string; testResultId: string; personId: string; emailed: boolean; deliveredAt: Date }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('test_result_deliveries')
    .values(
      rows.map((r) => ({
        school_id: r.schoolId,
        test_result_id: r.testResultId,
        person_id: r.personId,
        emailed: r.emailed,
        delivered_at: r.deliveredAt,
      })),
    )
    .onConflict((oc) => oc.columns(['school_id', 'test_result_id', 'person_id']).doNothing())
    .execute();
}

export interface DeliveryRow {
  test_result_id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  emailed: boolean;
  /** They have a login, so the notice and the result wait for them in the app. */
  has_login: boolean;
  delivered_at: Date;
  read_at: Date | null;
}

export async function findDeliveries(
  db: Db,
  schoolId: string,
  testResultIds: readonly string[],
): Promise<DeliveryRow[]> {
  if (testResultIds.length === 0) return [];
  return db
    .selectFrom('test_result_deliveries as d')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'd.school_id').onRef('p.id', '=', 'd.person_id'))
    .select([
      'd.test_result_id',
      'd.person_id',
      'p.given_name',
      'p.family_name',
      'd.emailed',
      sql<boolean>`p.user_id is not null`.as('has_login'),
      'd.delivered_at',
      'd.read_at',
    ])
    .where('d.school_id', '=', schoolId)
    .where('d.test_result_id', 'in', [...testResultIds])
    .orderBy('p.given_name')
    .orderBy('d.person_id')
    .execute();
}

/** Marks a guardian's deliveries of these results read, the first time only, and their notices about them. */
export async function markDeliveriesRead(
  db: Db,
  schoolId: string,
  personId: string,
  testResultIds: readonly string[],
  at: Date,
): Promise<void> {
  if (testResultIds.length === 0) return;
  await db
    .updateTable('test_result_deliveries')
    .set({ read_at: at })
    .where('school_id', '=', schoolId)
    .where('person_id', '=', personId)
    .where('test_result_id', 'in', [...testResultIds])
    .where('read_at', 'is', null)
    .execute();
  // Reading the result has shown them what its notice told.
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('school_id', '=', schoolId)
    .where('person_id', '=', personId)
    .where('kind', '=', 'test-result')
    .where(
      'dedupe_key',
      'in',
      testResultIds.map((id) => `test-result:${id}`),
    )
    .where('read_at', 'is', null)
    .execute();
}

/** The student a conference (an invitation) is about. */
export async function findConferenceStudent(
  db: Db,
  schoolId: string,
  invitationId: string,
): Promise<{ student_id: string } | undefined> {
  return db
    .selectFrom('conference_invitations')
    .select('student_id')
    .where('school_id', '=', schoolId)
    .where('id', '=', invitationId)
    .executeTakeFirst();
}
