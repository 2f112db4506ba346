import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { GuardianshipKind, ThreadParticipantRole } from '../db/schema.js';

/**
 * The facts route policies decide from, loaded by set: one query per permission for all the ids
 * a request names. Every query looks only at the caller's own schools (where they have a person
 * or student record), and at `schoolId` alone when the path names one.
 */
export interface AccessScope {
  userId: string;
  schoolId?: string;
}

/** The schools the user belongs to, as a person (staff, guardian) or as a student. */
function schoolsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('people')
    .select('people.school_id')
    .where('people.user_id', '=', userId)
    .union(db.selectFrom('students').select('students.school_id').where('students.user_id', '=', userId));
}

/** The caller's person at the school of the row being read (`schoolColumn`); there is at most one. */
const callersPerson = (userId: string, schoolColumn: 'a.school_id' | 't.school_id') =>
  sql<string>`(select caller.id from people caller where caller.user_id = ${userId} and caller.school_id = ${sql.ref(schoolColumn)})`;

export interface StudentFacts {
  id: string;
  schoolId: string;
  classId: string;
}

export async function loadStudents(db: Db, scope: AccessScope, ids: readonly string[]): Promise<StudentFacts[]> {
  let query = db
    .selectFrom('students as s')
    .select(['s.id', 's.school_id as schoolId', 's.class_id as classId'])
    .where('s.id', 'in', ids)
    .where('s.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('s.school_id', '=', scope.schoolId);
  return query.execute();
}

/** The principle's rule for students' own messages at the school of the row (`schoolColumn`), adopted version; null where none. */
const studentMessagesRule = (schoolColumn: 's.school_id' | 't.school_id', path: 'fromGrade' | 'guardiansSee') =>
  sql<
    string | null
  >`(select pv.content #>> ${sql.lit(`{communication,studentMessages,${path}}`)} from principle_versions pv where pv.school_id = ${sql.ref(schoolColumn)} and pv.status = 'adopted' limit 1)`;

export interface StudentWriterFacts extends StudentFacts {
  grade: number;
  /** The grade from which the adopted principle lets students write to the school; null: not at all. */
  writesFromGrade: number | null;
}

/** Students with their grade and the school's rule for students' own messages. */
export async function loadStudentWriters(
  db: Db,
  scope: AccessScope,
  ids: readonly string[],
): Promise<StudentWriterFacts[]> {
  let query = db
    .selectFrom('students as s')
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 's.school_id').onRef('c.id', '=', 's.class_id'))
    .select([
      's.id',
      's.school_id as schoolId',
      's.class_id as classId',
      'c.grade',
      studentMessagesRule('s.school_id', 'fromGrade').as('fromGrade'),
    ])
    .where('s.id', 'in', ids)
    .where('s.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('s.school_id', '=', scope.schoolId);
  const rows = await query.execute();
  return rows.map(({ fromGrade, ...row }) => ({
    ...row,
    writesFromGrade: fromGrade === null ? null : Number(fromGrade),
  }));
}

export interface ClassFacts {
  id: string;
  schoolId: string;
}

export async function loadClasses(db: Db, scope: AccessScope, ids: readonly string[]): Promise<ClassFacts[]> {
  let query = db
    .selectFrom('classes as c')
    .select(['c.id', 'c.school_id as schoolId'])
    .where('c.id', 'in', ids)
    .where('c.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('c.school_id', '=', scope.schoolId);
  return query.execute();
}

/** The caller's own schools among `ids`. */
export async function loadSchools(db: Db, scope: AccessScope, ids: readonly string[]): Promise<ClassFacts[]> {
  const rows = await schoolsOfUser(db, scope.userId).execute();
  return rows.filter((r) => ids.includes(r.school_id)).map((r) => ({ id: r.school_id, schoolId: r.school_id }));
}

export interface GuardianshipFacts extends StudentFacts {
  kind: GuardianshipKind;
}

/** The students the caller is a guardian of, suspended or not, with the kind of relation. */
export async function loadGuardianships(
  db: Db,
  scope: AccessScope,
  ids: readonly string[],
): Promise<GuardianshipFacts[]> {
  let query = db
    .selectFrom('guardianships as g')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .select(['s.id', 's.school_id as schoolId', 's.class_id as classId', 'g.kind'])
    .where('p.user_id', '=', scope.userId)
    .where('g.student_id', 'in', ids);
  if (scope.schoolId) query = query.where('g.school_id', '=', scope.schoolId);
  return query.execute();
}

export interface ThreadFacts {
  id: string;
  schoolId: string;
  studentId: string | null;
  /** The caller's place in the thread, null when not a participant. */
  participantRole: ThreadParticipantRole | null;
  /** A student's own conversation whose custody holders may read it under the school's principle. */
  custodyReads: boolean;
}

export async function loadThreads(db: Db, scope: AccessScope, ids: readonly string[]): Promise<ThreadFacts[]> {
  let query = db
    .selectFrom('message_threads as t')
    .leftJoin('thread_participants as tp', (j) =>
      j
        .onRef('tp.school_id', '=', 't.school_id')
        .onRef('tp.thread_id', '=', 't.id')
        .on('tp.person_id', 'in', callersPerson(scope.userId, 't.school_id')),
    )
    .select((eb) => [
      't.id',
      't.school_id as schoolId',
      't.student_id as studentId',
      'tp.role as participantRole',
      eb
        .and([
          eb.exists(
            eb
              .selectFrom('thread_participants as writer')
              .select('writer.person_id')
              .whereRef('writer.school_id', '=', 't.school_id')
              .whereRef('writer.thread_id', '=', 't.id')
              .where('writer.role', '=', 'student'),
          ),
          eb(studentMessagesRule('t.school_id', 'guardiansSee'), '=', 'content'),
        ])
        .as('custodyReads'),
    ])
    .where('t.id', 'in', ids)
    .where('t.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('t.school_id', '=', scope.schoolId);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, custodyReads: row.custodyReads === true }));
}

export interface AttachmentFacts {
  id: string;
  schoolId: string;
  /** The caller uploaded it. */
  own: boolean;
  /** The thread of the message that sent it; null while pending. */
  thread: ThreadFacts | null;
  /** The class letter that carries it; null otherwise. */
  letter: ClassLetterFacts | null;
}

export async function loadAttachments(db: Db, scope: AccessScope, ids: readonly string[]): Promise<AttachmentFacts[]> {
  let query = db
    .selectFrom('attachments as a')
    .leftJoin('messages as m', (j) => j.onRef('m.school_id', '=', 'a.school_id').onRef('m.id', '=', 'a.message_id'))
    .select((eb) => [
      'a.id',
      'a.school_id as schoolId',
      'm.thread_id as threadId',
      'a.class_letter_id as letterId',
      eb('a.uploaded_by', 'in', callersPerson(scope.userId, 'a.school_id')).as('own'),
    ])
    .where('a.id', 'in', ids)
    .where('a.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('a.school_id', '=', scope.schoolId);
  const rows = await query.execute();
  const threadIds = [...new Set(rows.flatMap((r) => (r.threadId ? [r.threadId] : [])))];
  const threads = new Map((threadIds.length > 0 ? await loadThreads(db, scope, threadIds) : []).map((t) => [t.id, t]));
  const letterIds = [...new Set(rows.flatMap((r) => (r.letterId ? [r.letterId] : [])))];
  const letters = new Map(
    (letterIds.length > 0 ? await loadClassLetters(db, scope, letterIds) : []).map((l) => [l.id, l]),
  );
  return rows.map((r) => ({
    id: r.id,
    schoolId: r.schoolId,
    own: Boolean(r.own),
    thread: r.threadId ? (threads.get(r.threadId) ?? null) : null,
    letter: r.letterId ? (letters.get(r.letterId) ?? null) : null,
  }));
}

export interface OwnedRowFacts {
  id: string;
  schoolId: string;
  /** The row is the caller's (their notification, their absence). */
  own: boolean;
}

export async function loadNotifications(db: Db, scope: AccessScope, ids: readonly string[]): Promise<OwnedRowFacts[]> {
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'n.school_id').onRef('p.id', '=', 'n.person_id'))
    .select(['n.id', 'n.school_id as schoolId'])
    .where('n.id', 'in', ids)
    .where('p.user_id', '=', scope.userId)
    .execute();
  return rows.map((r) => ({ ...r, own: true }));
}

export async function loadStaffAbsences(db: Db, scope: AccessScope, ids: readonly string[]): Promise<OwnedRowFacts[]> {
  let query = db
    .selectFrom('staff_absences as a')
    .select((eb) => [
      'a.id',
      'a.school_id as schoolId',
      eb('a.person_id', 'in', callersPerson(scope.userId, 'a.school_id')).as('own'),
    ])
    .where('a.id', 'in', ids)
    .where('a.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('a.school_id', '=', scope.schoolId);
  return (await query.execute()).map((r) => ({ ...r, own: Boolean(r.own) }));
}

export interface InformationRequestFacts {
  id: string;
  schoolId: string;
  /** The class of the child the request is about. */
  classId: string;
}

export async function loadInformationRequests(
  db: Db,
  scope: AccessScope,
  ids: readonly string[],
): Promise<InformationRequestFacts[]> {
  let query = db
    .selectFrom('information_requests as r')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'r.school_id').onRef('s.id', '=', 'r.student_id'))
    .select(['r.id', 'r.school_id as schoolId', 's.class_id as classId'])
    .where('r.id', 'in', ids)
    .where('r.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('r.school_id', '=', scope.schoolId);
  return query.execute();
}

/** The caller's own open sessions among `ids` (a login is not a school's: no school scope). */
export async function loadOwnSessions(db: Db, scope: AccessScope, ids: readonly string[], now: Date) {
  const rows = await db
    .selectFrom('sessions')
    .select('id')
    .where('id', 'in', ids)
    .where('user_id', '=', scope.userId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
  return rows.map((r) => ({ id: r.id, schoolId: null }));
}

export interface RoundFacts {
  id: string;
  schoolId: string;
  classIds: string[];
}

/** Conference rounds with the classes they are for. */
export async function loadRounds(db: Db, scope: AccessScope, ids: readonly string[]): Promise<RoundFacts[]> {
  let query = db
    .selectFrom('conference_rounds as r')
    .select(['r.id', 'r.school_id as schoolId'])
    .where('r.id', 'in', ids)
    .where('r.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('r.school_id', '=', scope.schoolId);
  const rounds = await query.execute();
  if (rounds.length === 0) return [];
  const classes = await db
    .selectFrom('conference_round_classes')
    .select(['round_id', 'class_id'])
    .where(
      'round_id',
      'in',
      rounds.map((r) => r.id),
    )
    .execute();
  return rounds.map((r) => ({
    ...r,
    classIds: classes.filter((c) => c.round_id === r.id).map((c) => c.class_id),
  }));
}

export interface InvitationFacts {
  id: string;
  schoolId: string;
  studentId: string;
  classId: string;
  /** The guardians the invitation was sent to. */
  personIds: string[];
}

/** Conference invitations with their child and the guardians they were sent to. */
export async function loadInvitations(db: Db, scope: AccessScope, ids: readonly string[]): Promise<InvitationFacts[]> {
  let query = db
    .selectFrom('conference_invitations as i')
    .select(['i.id', 'i.school_id as schoolId', 'i.student_id as studentId', 'i.class_id as classId'])
    .where('i.id', 'in', ids)
    .where('i.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('i.school_id', '=', scope.schoolId);
  const invitations = await query.execute();
  if (invitations.length === 0) return [];
  const guardians = await db
    .selectFrom('conference_invitation_guardians')
    .select(['invitation_id', 'person_id'])
    .where(
      'invitation_id',
      'in',
      invitations.map((i) => i.id),
    )
    .execute();
  return invitations.map((i) => ({
    ...i,
    personIds: guardians.filter((g) => g.invitation_id === i.id).map((g) => g.person_id),
  }));
}

export interface ConferenceFacts extends InvitationFacts {
  classId: string;
}

/** Conferences (invitations) with their child's class and the guardians they were sent to. */
export async function loadConferences(db: Db, scope: AccessScope, ids: readonly string[]): Promise<ConferenceFacts[]> {
  const invitations = await loadInvitations(db, scope, ids);
  if (invitations.length === 0) return [];
  const classes = await db
    .selectFrom('conference_invitations')
    .select(['id', 'class_id'])
    .where(
      'id',
      'in',
      invitations.map((i) => i.id),
    )
    .execute();
  return invitations.map((i) => ({ ...i, classId: classes.find((c) => c.id === i.id)?.class_id ?? '' }));
}

export interface AgreementFacts {
  id: string;
  schoolId: string;
  studentId: string;
  /** The child's class now: staff follow up the agreements of the children they teach. */
  classId: string;
  owner: 'school' | 'home' | 'student';
}

/** Agreements with their child, the child's class and who owns them. */
export async function loadAgreements(db: Db, scope: AccessScope, ids: readonly string[]): Promise<AgreementFacts[]> {
  let query = db
    .selectFrom('conference_agreements as a')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'a.school_id').onRef('s.id', '=', 'a.student_id'))
    .select(['a.id', 'a.school_id as schoolId', 'a.student_id as studentId', 's.class_id as classId', 'a.owner'])
    .where('a.id', 'in', ids)
    .where('a.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('a.school_id', '=', scope.schoolId);
  return query.execute();
}

export interface TestResultFacts {
  id: string;
  schoolId: string;
  studentId: string;
  classId: string;
  grade: number;
  sent: boolean;
}

/** Written test results (§ 13) with their student's class and grade, and whether the home has been told. */
export async function loadTestResults(db: Db, scope: AccessScope, ids: readonly string[]): Promise<TestResultFacts[]> {
  let query = db
    .selectFrom('test_results as r')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'r.school_id').onRef('s.id', '=', 'r.student_id'))
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 's.school_id').onRef('c.id', '=', 's.class_id'))
    .select([
      'r.id',
      'r.school_id as schoolId',
      'r.student_id as studentId',
      's.class_id as classId',
      'c.grade',
      sql<boolean>`r.sent_at is not null`.as('sent'),
    ])
    .where('r.id', 'in', ids)
    .where('r.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('r.school_id', '=', scope.schoolId);
  return query.execute();
}

/** Students with their class and grade, for the grade-dependent rules on their test results. */
export async function loadStudentGrades(
  db: Db,
  scope: AccessScope,
  ids: readonly string[],
): Promise<Array<StudentFacts & { grade: number }>> {
  let query = db
    .selectFrom('students as s')
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 's.school_id').onRef('c.id', '=', 's.class_id'))
    .select(['s.id', 's.school_id as schoolId', 's.class_id as classId', 'c.grade'])
    .where('s.id', 'in', ids)
    .where('s.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('s.school_id', '=', scope.schoolId);
  return query.execute();
}

export interface ConcernFacts {
  id: string;
  schoolId: string;
  studentId: string;
  /** The child's class now: the staff team that follows the concern up. */
  classId: string;
}

/** Concerns with their child and the child's class. */
export async function loadConcerns(db: Db, scope: AccessScope, ids: readonly string[]): Promise<ConcernFacts[]> {
  let query = db
    .selectFrom('concerns as c')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'c.school_id').onRef('s.id', '=', 'c.student_id'))
    .select(['c.id', 'c.school_id as schoolId', 'c.student_id as studentId', 's.class_id as classId'])
    .where('c.id', 'in', ids)
    .where('c.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('c.school_id', '=', scope.schoolId);
  return query.execute();
}

export interface ClassWithCustodyFacts extends ClassFacts {
  /** The caller's children in the class whom the caller holds custody of (as the directory says). */
  custodyChildIds: string[];
}

/** Classes at the caller's schools, each with the caller's custody children in it (class parent representatives, issue 12). */
export async function loadClassesWithCustody(
  db: Db,
  scope: AccessScope,
  ids: readonly string[],
): Promise<ClassWithCustodyFacts[]> {
  const classes = await loadClasses(db, scope, ids);
  if (classes.length === 0) return [];
  const children = await db
    .selectFrom('guardianships as g')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .select(['s.class_id', 's.id'])
    .where('p.user_id', '=', scope.userId)
    .where('g.kind', '=', 'custody')
    .where(
      's.class_id',
      'in',
      classes.map((c) => c.id),
    )
    .execute();
  return classes.map((c) => ({
    ...c,
    custodyChildIds: children.filter((r) => r.class_id === c.id).map((r) => r.id),
  }));
}

export interface ParentMeetingClassFacts {
  id: string;
  schoolId: string;
  classId: string;
  /** The caller's children in the class (any relation; the rules ask for custody). */
  childIds: string[];
  /** The adopted principle lets the class parent representatives help plan its parent meetings. */
  representativesHelp: boolean;
}

export interface ParentMeetingFacts extends ParentMeetingClassFacts {
  /** The homes have been invited: before, the meeting is its planners' alone. */
  invited: boolean;
}

/** The caller's children in the class of the row (`classColumn`), as a JSON array of ids. */
const callersChildrenIn = (userId: string, schoolColumn: string, classColumn: string) =>
  sql<string[]>`(select coalesce(json_agg(g.student_id), '[]'::json) from guardianships g
    join people p on p.school_id = g.school_id and p.id = g.person_id
    join students s on s.school_id = g.school_id and s.id = g.student_id
    where p.user_id = ${userId} and g.school_id = ${sql.ref(schoolColumn)} and s.class_id = ${sql.ref(classColumn)})`;

const representativesHelpRule = (schoolColumn: string) =>
  sql<boolean>`coalesce((select (pv.content #>> '{parentMeetings,representativesHelpPlan}') = 'true' from principle_versions pv where pv.school_id = ${sql.ref(schoolColumn)} and pv.status = 'adopted' limit 1), false)`;

/** Classes with the caller's children in them and the principle's rule on representatives, for parent meetings. */
export async function loadParentMeetingClasses(
  db: Db,
  scope: AccessScope,
  ids: readonly string[],
): Promise<ParentMeetingClassFacts[]> {
  let query = db
    .selectFrom('classes as c')
    .select([
      'c.id',
      'c.school_id as schoolId',
      'c.id as classId',
      callersChildrenIn(scope.userId, 'c.school_id', 'c.id').as('childIds'),
      representativesHelpRule('c.school_id').as('representativesHelp'),
    ])
    .where('c.id', 'in', ids)
    .where('c.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('c.school_id', '=', scope.schoolId);
  return query.execute();
}

/** Parent meetings with their class, the caller's children in it and whether the homes are invited. */
export async function loadParentMeetings(
  db: Db,
  scope: AccessScope,
  ids: readonly string[],
): Promise<ParentMeetingFacts[]> {
  let query = db
    .selectFrom('parent_meetings as pm')
    .select([
      'pm.id',
      'pm.school_id as schoolId',
      'pm.class_id as classId',
      sql<boolean>`pm.invited_at is not null`.as('invited'),
      callersChildrenIn(scope.userId, 'pm.school_id', 'pm.class_id').as('childIds'),
      representativesHelpRule('pm.school_id').as('representativesHelp'),
    ])
    .where('pm.id', 'in', ids)
    .where('pm.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('pm.school_id', '=', scope.schoolId);
  return query.execute();
}

export interface EventFacts {
  id: string;
  schoolId: string;
  /** Null: an event of the whole school. */
  classId: string | null;
  /** The caller's children (any guardianship) the event is for: in its class, or at its school. */
  childIds: string[];
}

/** The caller's children at the schools of `rows`, with their classes: who an event is for. */
async function withChildrenOfCaller<R extends { schoolId: string; classId: string | null }>(
  db: Db,
  userId: string,
  rows: R[],
): Promise<Array<R & { childIds: string[] }>> {
  if (rows.length === 0) return [];
  const children = await db
    .selectFrom('guardianships as g')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .select(['s.id', 's.school_id', 's.class_id'])
    .where('p.user_id', '=', userId)
    .where('g.school_id', 'in', [...new Set(rows.map((r) => r.schoolId))])
    .execute();
  return rows.map((r) => ({
    ...r,
    childIds: children
      .filter((c) => c.school_id === r.schoolId && (r.classId === null || c.class_id === r.classId))
      .map((c) => c.id),
  }));
}

/** Events with their class and the caller's children they are for. */
export async function loadEvents(db: Db, scope: AccessScope, ids: readonly string[]): Promise<EventFacts[]> {
  let query = db
    .selectFrom('events as e')
    .select(['e.id', 'e.school_id as schoolId', 'e.class_id as classId'])
    .where('e.id', 'in', ids)
    .where('e.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('e.school_id', '=', scope.schoolId);
  return withChildrenOfCaller(db, scope.userId, await query.execute());
}

/** Volunteer slots, each with the facts of its event. */
export async function loadEventSlots(db: Db, scope: AccessScope, ids: readonly string[]): Promise<EventFacts[]> {
  let query = db
    .selectFrom('event_slots as sl')
    .innerJoin('events as e', (j) => j.onRef('e.school_id', '=', 'sl.school_id').onRef('e.id', '=', 'sl.event_id'))
    .select(['sl.id', 'e.school_id as schoolId', 'e.class_id as classId'])
    .where('sl.id', 'in', ids)
    .where('sl.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('sl.school_id', '=', scope.schoolId);
  return withChildrenOfCaller(db, scope.userId, await query.execute());
}

export interface LetterClassFacts {
  id: string;
  schoolId: string;
  /** The class's students the caller is a guardian of (custody or not; the rules decide). */
  childIds: string[];
}

/** Classes with the caller's children in them, for reading and writing class letters. */
export async function loadLetterClasses(
  db: Db,
  scope: AccessScope,
  ids: readonly string[],
): Promise<LetterClassFacts[]> {
  let query = db
    .selectFrom('classes as c')
    .select(['c.id', 'c.school_id as schoolId', callersChildrenIn(scope.userId, 'c.school_id', 'c.id').as('childIds')])
    .where('c.id', 'in', ids)
    .where('c.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('c.school_id', '=', scope.schoolId);
  return (await query.execute()).map((r) => ({ ...r, childIds: r.childIds ?? [] }));
}

export interface ClassLetterFacts extends LetterClassFacts {
  classId: string;
  published: boolean;
}

/** Class letters with their class, whether they are published, and the caller's children in the class. */
export async function loadClassLetters(
  db: Db,
  scope: AccessScope,
  ids: readonly string[],
): Promise<ClassLetterFacts[]> {
  let query = db
    .selectFrom('class_letters as l')
    .select([
      'l.id',
      'l.school_id as schoolId',
      'l.class_id as classId',
      sql<boolean>`l.status = 'published'`.as('published'),
      callersChildrenIn(scope.userId, 'l.school_id', 'l.class_id').as('childIds'),
    ])
    .where('l.id', 'in', ids)
    .where('l.school_id', 'in', schoolsOfUser(db, scope.userId));
  if (scope.schoolId) query = query.where('l.school_id', '=', scope.schoolId);
  return (await query.execute()).map((r) => ({ ...r, childIds: r.childIds ?? [] }));
}
