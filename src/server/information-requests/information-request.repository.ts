import type { Db } from '../db/database.js';
import type { InformationRequestsTable } from '../db/schema.js';
import type { Selectable } from 'kysely';

type Status = Selectable<InformationRequestsTable>['status'];

export interface InformationRequestRow {
  id: string;
  student_id: string;
  person_id: string;
  message: string;
  status: Status;
  response: string | null;
  created_at: Date;
  handled_at: Date | null;
  student_given_name: string;
  student_family_name: string;
  class_id: string;
  grade: number;
  letter: string;
  requester_given_name: string;
  requester_family_name: string;
  handler_given_name: string | null;
  handler_family_name: string | null;
}

function selectRequests(db: Db, schoolId: string) {
  return db
    .selectFrom('information_requests as r')
    .innerJoin('students', (join) =>
      join.onRef('students.school_id', '=', 'r.school_id').onRef('students.id', '=', 'r.student_id'),
    )
    .innerJoin('classes', (join) =>
      join.onRef('classes.school_id', '=', 'students.school_id').onRef('classes.id', '=', 'students.class_id'),
    )
    .innerJoin('people as requester', (join) =>
      join.onRef('requester.school_id', '=', 'r.school_id').onRef('requester.id', '=', 'r.person_id'),
    )
    .leftJoin('people as handler', (join) =>
      join.onRef('handler.school_id', '=', 'r.school_id').onRef('handler.id', '=', 'r.handled_by'),
    )
    .select([
      'r.id',
      'r.student_id',
      'r.person_id',
      'r.message',
      'r.status',
      'r.response',
      'r.created_at',
      'r.handled_at',
      'students.given_name as student_given_name',
      'students.family_name as student_family_name',
      'classes.id as class_id',
      'classes.grade',
      'classes.letter',
      'requester.given_name as requester_given_name',
      'requester.family_name as requester_family_name',
      'handler.given_name as handler_given_name',
      'handler.family_name as handler_family_name',
    ])
    .where('r.school_id', '=', schoolId);
}

export async function insertInformationRequest(
  db: Db,
  request: { schoolId: string; studentId: string; personId: string; message: string; createdAt: Date },
): Promise<string> {
  const row = await db
    .insertInto('information_requests')
    .values({
      school_id: request.schoolId,
      student_id: request.studentId,
      person_id: request.personId,
      message: request.message,
      created_at: request.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findInformationRequest(
  db: Db,
  schoolId: string,
  requestId: string,
): Promise<InformationRequestRow | undefined> {
  return selectRequests(db, schoolId).where('r.id', '=', requestId).executeTakeFirst();
}

/** Requests for the children of some classes (or of the whole school), oldest open first. */
export async function findInformationRequests(
  db: Db,
  schoolId: string,
  filter: { classIds: string[] | 'all'; status?: Status },
): Promise<InformationRequestRow[]> {
  if (filter.classIds !== 'all' && filter.classIds.length === 0) return [];
  let query = selectRequests(db, schoolId);
  if (filter.classIds !== 'all') query = query.where('students.class_id', 'in', filter.classIds);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  return query.orderBy('r.created_at').orderBy('r.id').execute();
}

/** A parent's own requests about the given children, newest first. */
export async function findInformationRequestsOfPerson(
  db: Db,
  schoolId: string,
  personId: string,
  studentIds: string[],
): Promise<InformationRequestRow[]> {
  if (studentIds.length === 0) return [];
  return selectRequests(db, schoolId)
    .where('r.person_id', '=', personId)
    .where('r.student_id', 'in', studentIds)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

/** Records the answer if the request is still open; false when someone else handled it first. */
export async function markInformationRequestHandled(
  db: Db,
  schoolId: string,
  requestId: string,
  handling: { status: 'answered' | 'declined'; response: string; handledAt: Date; handledBy: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('information_requests')
    .set({
      status: handling.status,
      response: handling.response,
      handled_at: handling.handledAt,
      handled_by: handling.handledBy,
    })
    .where('school_id', '=', schoolId)
    .where('id', '=', requestId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
