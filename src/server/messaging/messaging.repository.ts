import { sql, type ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/database.js';
import { queueMessageNotification } from '../notifications/message-notification.repository.js';
import { claimAttachments } from '../attachments/attachment.repository.js';
import type {
  ClassStaffRole,
  GuardianshipKind,
  MessageKind,
  SchoolRole,
  ThreadKind,
  ThreadParticipantRole,
} from '../db/schema.js';

/** A user's relation to a child, found through the user's own person records at every school. */
export interface GuardianshipOfUser {
  schoolId: string;
  personId: string;
  suspended: boolean;
  kind: GuardianshipKind;
  classId: string;
}

export function findGuardianshipsOfUser(db: Db, userId: string, studentId: string): Promise<GuardianshipOfUser[]> {
  return db
    .selectFrom('people')
    .innerJoin('guardianships', (j) =>
      j.onRef('guardianships.school_id', '=', 'people.school_id').onRef('guardianships.person_id', '=', 'people.id'),
    )
    .innerJoin('students', (j) =>
      j
        .onRef('students.school_id', '=', 'guardianships.school_id')
        .onRef('students.id', '=', 'guardianships.student_id'),
    )
    .select([
      'people.school_id as schoolId',
      'people.id as personId',
      'people.suspended',
      'guardianships.kind',
      'students.class_id as classId',
    ])
    .where('people.user_id', '=', userId)
    .where('guardianships.student_id', '=', studentId)
    .execute();
}

/** The class's contact teachers, the hub of its collaboration with the homes. */
export async function findContactTeachers(db: Db, schoolId: string, classId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('class_staff')
    .select('person_id')
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .where('role', '=', 'contact_teacher')
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

export async function findLeaders(db: Db, schoolId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('person_roles')
    .select('person_id')
    .where('school_id', '=', schoolId)
    .where('role', '=', 'leader')
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

/** The school of a thread, looked for only among the schools the user belongs to. */
export async function findThreadSchoolForUser(db: Db, userId: string, threadId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('message_threads')
    .select('school_id')
    .where('id', '=', threadId)
    .where('school_id', 'in', db.selectFrom('people').select('school_id').where('user_id', '=', userId))
    .executeTakeFirst();
  return row?.school_id;
}

export interface ThreadRow {
  school_id: string;
  id: string;
  kind: ThreadKind;
  student_id: string | null;
  subject: string;
  created_at: Date;
  last_message_at: Date;
  reply_due_at: Date | null;
  promise_fulfilled_at: Date | null;
  student_given_name: string | null;
  student_family_name: string | null;
  class_id: string | null;
  parent_thread_id: string | null;
  class_grade: number | null;
  class_letter: string | null;
  /** The grade (årgang) a group message went to; a group thread with neither class nor grade went to the whole school. */
  grade: number | null;
  school_name: string;
  /** Some message in the thread was marked urgent. */
  urgent: boolean;
}

function selectThreads(db: Db) {
  return db
    .selectFrom('message_threads as t')
    .leftJoin('students as s', (j) => j.onRef('s.school_id', '=', 't.school_id').onRef('s.id', '=', 't.student_id'))
    .leftJoin('classes as c', (j) => j.onRef('c.school_id', '=', 't.school_id').onRef('c.id', '=', 't.class_id'))
    .innerJoin('schools as sc', 'sc.id', 't.school_id')
    .select([
      't.school_id',
      't.id',
      't.kind',
      't.student_id',
      't.subject',
      't.created_at',
      't.last_message_at',
      't.reply_due_at',
      't.promise_fulfilled_at',
      's.given_name as student_given_name',
      's.family_name as student_family_name',
      't.class_id',
      't.parent_thread_id',
      'c.grade as class_grade',
      'c.letter as class_letter',
      't.grade',
      'sc.name as school_name',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('messages as um')
              .select('um.id')
              .whereRef('um.school_id', '=', 't.school_id')
              .whereRef('um.thread_id', '=', 't.id')
              .where('um.urgent', '=', true),
          )
          .$castTo<boolean>()
          .as('urgent'),
    ]);
}

export function findThread(db: Db, schoolId: string, threadId: string): Promise<ThreadRow | undefined> {
  return selectThreads(db).where('t.school_id', '=', schoolId).where('t.id', '=', threadId).executeTakeFirst();
}

/** A participant as a thread list names them. */
export interface PartyRow {
  person_id: string;
  role: ThreadParticipantRole;
  given_name: string;
  family_name: string;
}

export interface OwnThreadRow extends ThreadRow {
  person_id: string;
  role: ThreadParticipantRole;
  unread_count: number;
  /** Everyone in a direct thread; of a group message only its staff (its guardians are shown as their class). */
  parties: PartyRow[];
}

/**
 * The parties a thread list shows, as part of the list's own statement. A class message has a
 * participant row per family, which the list shows as "Forældre i 3.A"; loading them would cost
 * a guardian's inbox thousands of rows to show a few dozen names (bench/README.md, "Messages").
 * The names are looked up one by one by primary key: joined, the planner hashes every person of
 * the school once per listed thread. The caller sorts them (`byRoleAndName`).
 */
function listedParties(eb: ExpressionBuilder<any, any>, schoolId: string, threadId: string, kind: string) {
  const nameOf = (e: ExpressionBuilder<any, any>, column: 'given_name' | 'family_name') =>
    e
      .selectFrom('people as lpp')
      .select(`lpp.${column}`)
      .whereRef('lpp.school_id', '=', 'lp.school_id')
      .whereRef('lpp.id', '=', 'lp.person_id');
  return jsonArrayFrom(
    eb
      .selectFrom('thread_participants as lp')
      .select((e) => [
        'lp.person_id',
        'lp.role',
        nameOf(e, 'given_name').as('given_name'),
        nameOf(e, 'family_name').as('family_name'),
      ])
      .whereRef('lp.school_id', '=', schoolId)
      .whereRef('lp.thread_id', '=', threadId)
      .where((w) => w.or([w('lp.role', '=', 'staff'), w(w.ref(kind), '<>', 'group')])),
  ).$castTo<PartyRow[]>();
}

/** Parties in the order every thread shows them: guardians, then staff, each by family and given name. */
function byRoleAndName(a: PartyRow, b: PartyRow): number {
  return (
    a.role.localeCompare(b.role) ||
    a.family_name.localeCompare(b.family_name, 'da') ||
    a.given_name.localeCompare(b.given_name, 'da')
  );
}

/** Threads the user takes part in at any of their schools, with their role and unread count. */
function selectOwnThreads(db: Db, userId: string) {
  return selectThreads(db)
    .innerJoin('thread_participants as tp', (j) =>
      j.onRef('tp.school_id', '=', 't.school_id').onRef('tp.thread_id', '=', 't.id'),
    )
    .innerJoin('people as me', (j) => j.onRef('me.school_id', '=', 'tp.school_id').onRef('me.id', '=', 'tp.person_id'))
    .select([
      'tp.person_id',
      'tp.role',
      (eb) =>
        eb
          .selectFrom('messages as m')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('m.school_id', '=', 't.school_id')
          .whereRef('m.thread_id', '=', 't.id')
          .whereRef('m.author_id', '<>', 'tp.person_id')
          .where((e) => e.or([e('tp.last_read_at', 'is', null), e('m.created_at', '>', e.ref('tp.last_read_at'))]))
          .as('unread_count'),
    ])
    .where('me.user_id', '=', userId);
}

/** The threads a user takes part in at any of their schools, newest activity first. */
export async function findThreadsOfUser(db: Db, userId: string, limit: number): Promise<OwnThreadRow[]> {
  const rows = await selectOwnThreads(db, userId)
    .select((eb) => listedParties(eb, 't.school_id', 't.id', 't.kind').as('parties'))
    .orderBy('t.last_message_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, unread_count: Number(r.unread_count ?? 0), parties: r.parties.sort(byRoleAndName) }));
}

/**
 * Marks around the matching words of a search snippet. Control characters: they are removed from
 * the text before the snippet is cut, so a mark can only be one the database set.
 */
export const SNIPPET_MARK_START = '\u0001';
export const SNIPPET_MARK_STOP = '\u0002';

export interface ThreadSearchRow extends OwnThreadRow {
  /** The best matching message, or null when only the subject matches. */
  matched_message_id: string | null;
  /** A short excerpt of that message (or of the subject) with the matches between the marks. */
  snippet: string;
}

/**
 * The threads a user takes part in whose subject or messages match a web-search style query
 * ("klassen", "madpakke -glemt", "\"sidste uge\""), stemmed with the Danish snowball stemmer.
 * Best match first: a match in the subject weighs more than one in a message.
 */
export async function searchThreadsOfUser(
  db: Db,
  userId: string,
  text: string,
  limit: number,
): Promise<ThreadSearchRow[]> {
  const query = sql`websearch_to_tsquery('danish', ${text})`;
  const hits = selectOwnThreads(db, userId)
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('messages as m')
          .select(['m.id', 'm.body', sql<number>`ts_rank(m.search_vector, ${query})`.as('rank')])
          .whereRef('m.school_id', '=', 't.school_id')
          .whereRef('m.thread_id', '=', 't.id')
          .where(sql<boolean>`m.search_vector @@ ${query}`)
          .orderBy('rank', 'desc')
          .orderBy('m.seq', 'desc')
          .limit(1)
          .as('best'),
      (j) => j.onTrue(),
    )
    .select([
      'best.id as matched_message_id',
      sql<string>`coalesce(best.body, t.subject)`.as('matched_text'),
      sql<number>`ts_rank(t.search_vector, ${query}) + coalesce(best.rank, 0)`.as('rank'),
    ])
    .where((eb) => eb.or([eb('best.id', 'is not', null), sql<boolean>`t.search_vector @@ ${query}`]))
    .orderBy('rank', 'desc')
    .orderBy('t.last_message_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit);
  // The snippet is cut only for the hits that are returned, after the limit.
  const rows = await db
    .selectFrom(hits.as('hit'))
    .selectAll('hit')
    .select((eb) => listedParties(eb, 'hit.school_id', 'hit.id', 'hit.kind').as('parties'))
    .select(
      sql<string>`ts_headline('danish', translate(hit.matched_text, ${SNIPPET_MARK_START + SNIPPET_MARK_STOP}, ''), ${query}, ${`StartSel=${SNIPPET_MARK_START}, StopSel=${SNIPPET_MARK_STOP}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`})`.as(
        'snippet',
      ),
    )
    .orderBy('hit.rank', 'desc')
    .orderBy('hit.last_message_at', 'desc')
    .orderBy('hit.id', 'desc')
    .execute();
  return rows.map(({ matched_text: _text, rank: _rank, ...r }) => ({
    ...r,
    unread_count: Number(r.unread_count ?? 0),
    parties: r.parties.sort(byRoleAndName),
  }));
}

export interface ParticipantRow {
  thread_id: string;
  person_id: string;
  role: ThreadParticipantRole;
  last_read_at: Date | null;
  given_name: string;
  family_name: string;
}

export function findParticipants(db: Db, schoolId: string, threadIds: string[]): Promise<ParticipantRow[]> {
  if (threadIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('thread_participants as tp')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'tp.school_id').onRef('p.id', '=', 'tp.person_id'))
    .select(['tp.thread_id', 'tp.person_id', 'tp.role', 'tp.last_read_at', 'p.given_name', 'p.family_name'])
    .where('tp.school_id', '=', schoolId)
    .where('tp.thread_id', 'in', threadIds)
    .orderBy('tp.role')
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
}

export interface MessageRow {
  id: string;
  kind: MessageKind;
  body: string;
  urgent: boolean;
  created_at: Date;
  author_id: string;
  author_given_name: string;
  author_family_name: string;
}

export function findMessages(db: Db, schoolId: string, threadId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('messages as m')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'm.school_id').onRef('p.id', '=', 'm.author_id'))
    .select([
      'm.id',
      'm.kind',
      'm.body',
      'm.urgent',
      'm.created_at',
      'm.author_id',
      'p.given_name as author_given_name',
      'p.family_name as author_family_name',
    ])
    .where('m.school_id', '=', schoolId)
    .where('m.thread_id', '=', threadId)
    .orderBy('m.created_at')
    .orderBy('m.seq')
    .execute();
}

export function findMessageByKey(db: Db, schoolId: string, authorId: string, idempotencyKey: string) {
  return db
    .selectFrom('messages')
    .select(['id', 'thread_id', 'kind', 'body'])
    .where('school_id', '=', schoolId)
    .where('author_id', '=', authorId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

export async function markThreadRead(
  db: Db,
  schoolId: string,
  threadId: string,
  personId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('thread_participants')
    .set({ last_read_at: at })
    .where('school_id', '=', schoolId)
    .where('thread_id', '=', threadId)
    .where('person_id', '=', personId)
    .execute();
}

export interface NewMessage {
  schoolId: string;
  authorId: string;
  kind: MessageKind;
  body: string;
  at: Date;
  idempotencyKey: string | null;
  /** Marked urgent by staff; the notification job reads it to announce the message at once. */
  urgent?: boolean;
  /** The author's own pending uploads, claimed for the message in its transaction. */
  attachmentIds?: readonly string[];
}

/** Thrown inside a transaction to undo it when the message turns out to be a retry. */
class DuplicateSend extends Error {}

/**
 * Inserts the message unless its author already sent one with the same idempotency key; the
 * unique index decides, so concurrent retries store exactly one. Returns the new message id or
 * null for a retry, in which case `work` is not run.
 */
async function insertMessageOnce(trx: Db, threadId: string, message: NewMessage): Promise<string | null> {
  const row = await trx
    .insertInto('messages')
    .values({
      school_id: message.schoolId,
      thread_id: threadId,
      author_id: message.authorId,
      kind: message.kind,
      body: message.body,
      created_at: message.at,
      idempotency_key: message.idempotencyKey,
      urgent: message.urgent ?? false,
    })
    .onConflict((oc) => oc.columns(['school_id', 'author_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  // Throws when an id is not the author's pending upload, which undoes the whole send.
  await claimAttachments(trx, message.schoolId, message.authorId, row.id, message.attachmentIds ?? []);
  await queueMessageNotification(trx, { schoolId: message.schoolId, threadId, messageId: row.id, at: message.at });
  return row.id;
}

/**
 * Creates a thread with its participants and first message in one transaction. When the author's
 * idempotency key was used before, the whole transaction is undone and null is returned: the
 * caller then looks up the earlier message.
 */
export async function insertThreadWithMessage(
  db: Db,
  thread: {
    schoolId: string;
    studentId: string | null;
    subject: string;
    createdBy: string;
    replyDueAt: Date | null;
    /** A group message to the guardians of a class, a grade or the school, or a guardian's private reply to one. */
    group?: GroupAudience | { parentThreadId: string };
  },
  participants: Array<{ personId: string; role: ThreadParticipantRole }>,
  message: NewMessage,
): Promise<string | null> {
  const audience = thread.group && !('parentThreadId' in thread.group) ? thread.group : null;
  try {
    return await db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto('message_threads')
        .values({
          school_id: thread.schoolId,
          kind: audience ? 'group' : 'direct',
          class_id: audience && 'classId' in audience ? audience.classId : null,
          grade: audience && 'grade' in audience ? audience.grade : null,
          parent_thread_id: thread.group && 'parentThreadId' in thread.group ? thread.group.parentThreadId : null,
          student_id: thread.studentId,
          subject: thread.subject,
          created_by: thread.createdBy,
          created_at: message.at,
          last_message_at: message.at,
          reply_due_at: thread.replyDueAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('thread_participants')
        .values(
          participants.map((p) => ({
            school_id: thread.schoolId,
            thread_id: created.id,
            person_id: p.personId,
            role: p.role,
            last_read_at: p.personId === thread.createdBy ? message.at : null,
          })),
        )
        .execute();
      if ((await insertMessageOnce(trx, created.id, message)) === null) throw new DuplicateSend();
      return created.id;
    });
  } catch (error) {
    if (error instanceof DuplicateSend) return null;
    throw error;
  }
}

/** How a new message changes the thread's promise. */
export type PromiseChange =
  /** A staff answer keeps an open promise. */
  | { kind: 'fulfil' }
  /** A guardian's message starts a new promise unless one is already open. */
  | { kind: 'start'; replyDueAt: Date | null }
  | { kind: 'none' };

/**
 * Adds a message to a thread and updates its activity, the author's read mark and the promise,
 * in one transaction. With `join`, the author becomes a participant in that role first (the
 * leadership answering a thread it was not in). Null when the message is a retry of an earlier send.
 */
export async function insertReply(
  db: Db,
  threadId: string,
  message: NewMessage,
  promise: PromiseChange,
  join?: ThreadParticipantRole,
): Promise<string | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await insertMessageOnce(trx, threadId, message);
      if (id === null) throw new DuplicateSend();
      if (join) {
        await trx
          .insertInto('thread_participants')
          .values({
            school_id: message.schoolId,
            thread_id: threadId,
            person_id: message.authorId,
            role: join,
            last_read_at: message.at,
          })
          .onConflict((oc) => oc.columns(['school_id', 'thread_id', 'person_id']).doNothing())
          .execute();
      }
      const thread = () =>
        trx.updateTable('message_threads').where('school_id', '=', message.schoolId).where('id', '=', threadId);
      await thread()
        .set({ last_message_at: sql<Date>`greatest(last_message_at, ${message.at})` })
        .execute();
      if (promise.kind === 'fulfil') {
        await thread()
          .set({ promise_fulfilled_at: message.at, promise_fulfilled_by: message.authorId })
          .where('reply_due_at', 'is not', null)
          .where('promise_fulfilled_at', 'is', null)
          .execute();
      } else if (promise.kind === 'start') {
        await thread()
          .set({ reply_due_at: promise.replyDueAt, promise_fulfilled_at: null, promise_fulfilled_by: null })
          .where((eb) => eb.or([eb('reply_due_at', 'is', null), eb('promise_fulfilled_at', 'is not', null)]))
          .execute();
      }
      await markThreadRead(trx, message.schoolId, threadId, message.authorId, message.at);
      return id;
    });
  } catch (error) {
    if (error instanceof DuplicateSend) return null;
    throw error;
  }
}

export interface OpenPromiseRow extends ThreadRow {
  reply_due_at: Date;
}

/** Threads whose promised answer was due before `now` and has not come. Most overdue first. */
export async function findBrokenPromises(db: Db, schoolId: string, now: Date): Promise<OpenPromiseRow[]> {
  const rows = await selectThreads(db)
    .where('t.school_id', '=', schoolId)
    .where('t.promise_fulfilled_at', 'is', null)
    .where('t.reply_due_at', 'is not', null)
    .where('t.reply_due_at', '<', now)
    .orderBy('t.reply_due_at')
    .orderBy('t.id')
    .execute();
  return rows.filter((r): r is OpenPromiseRow => r.reply_due_at !== null);
}

/** The user's own schools: those where they have a person record. */
const schoolsOfUser = (db: Db, userId: string) =>
  db.selectFrom('people').select('school_id').where('user_id', '=', userId);

/** A student's school and class, looked for only among the user's own schools (and in `schoolId` when given). */
export function findStudentAmongUserSchools(db: Db, userId: string, studentId: string, schoolId: string | undefined) {
  let query = db
    .selectFrom('students')
    .select(['school_id as schoolId', 'class_id as classId'])
    .where('id', '=', studentId)
    .where('school_id', 'in', schoolsOfUser(db, userId));
  if (schoolId) query = query.where('school_id', '=', schoolId);
  return query.executeTakeFirst();
}

/** A class's school, looked for only among the user's own schools (and in `schoolId` when given). */
export function findClassAmongUserSchools(db: Db, userId: string, classId: string, schoolId: string | undefined) {
  let query = db
    .selectFrom('classes')
    .select(['school_id as schoolId'])
    .where('id', '=', classId)
    .where('school_id', 'in', schoolsOfUser(db, userId));
  if (schoolId) query = query.where('school_id', '=', schoolId);
  return query.executeTakeFirst();
}

/**
 * Whether a custody holder (not suspended) of the student, or of any student in the class, reads
 * Danish as a second language or needs an interpreter.
 */
export async function someReaderNeedsPlainLanguage(
  db: Db,
  schoolId: string,
  readers: { studentId: string } | { classId: string },
): Promise<boolean> {
  let query = db
    .selectFrom('guardianships as g')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .select('p.id')
    .where('g.school_id', '=', schoolId)
    .where('g.kind', '=', 'custody')
    .where('p.suspended', '=', false)
    .where((eb) => eb.or([eb('p.language', '<>', 'da'), eb('p.needs_interpreter', '=', true)]));
  query =
    'studentId' in readers
      ? query.where('g.student_id', '=', readers.studentId)
      : query.where('s.class_id', '=', readers.classId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

export function findClass(db: Db, schoolId: string, classId: string) {
  return db
    .selectFrom('classes')
    .select(['id', 'grade', 'letter'])
    .where('school_id', '=', schoolId)
    .where('id', '=', classId)
    .executeTakeFirst();
}

/** Whom a group message goes to: the guardians of one class, of a grade (årgang), or of the whole school. */
export type GroupAudience = { classId: string } | { grade: number } | { wholeSchool: true };

/** The audience a group thread was sent to, as stored on it. */
export function audienceOfThread(thread: Pick<ThreadRow, 'class_id' | 'grade'>): GroupAudience {
  if (thread.class_id) return { classId: thread.class_id };
  if (thread.grade !== null) return { grade: thread.grade };
  return { wholeSchool: true };
}

/** Only the students of the audience: a grade's are those of its classes as they are now. */
function studentsIn<Q extends { where: (...args: any[]) => Q }>(query: Q, audience: GroupAudience): Q {
  if ('classId' in audience) return query.where('s.class_id', '=', audience.classId);
  if ('grade' in audience)
    return query.where('s.class_id', 'in', (eb: ExpressionBuilder<any, any>) =>
      eb
        .selectFrom('classes as gc')
        .select('gc.id')
        .whereRef('gc.school_id', '=', 's.school_id')
        .where('gc.grade', '=', audience.grade),
    );
  return query;
}

/**
 * Who receives a group message: the custody holders of the audience's students. A parent with
 * the right to information only gets nothing pushed (§ 23), and a suspended guardian nothing at all.
 */
export async function findCustodyGuardiansOf(db: Db, schoolId: string, audience: GroupAudience): Promise<string[]> {
  const query = db
    .selectFrom('guardianships as g')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .select('g.person_id')
    .distinct()
    .where('g.school_id', '=', schoolId)
    .where('g.kind', '=', 'custody')
    .where('p.suspended', '=', false)
    .orderBy('g.person_id');
  const rows = await studentsIn(query, audience).execute();
  return rows.map((r) => r.person_id);
}

/** Who receives a message to a class (see findCustodyGuardiansOf). */
export const findCustodyGuardiansOfClass = (db: Db, schoolId: string, classId: string) =>
  findCustodyGuardiansOf(db, schoolId, { classId });

/** The ids of the school's classes in a grade (årgang), e.g. 3.A and 3.B for grade 3. */
export async function findClassIdsOfGrade(db: Db, schoolId: string, grade: number): Promise<string[]> {
  const rows = await db
    .selectFrom('classes')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('grade', '=', grade)
    .orderBy('letter')
    .execute();
  return rows.map((r) => r.id);
}

/** The contact teachers of any of the classes, each once. */
export async function findContactTeachersOfClasses(
  db: Db,
  schoolId: string,
  classIds: readonly string[],
): Promise<string[]> {
  if (classIds.length === 0) return [];
  const rows = await db
    .selectFrom('class_staff')
    .select('person_id')
    .distinct()
    .where('school_id', '=', schoolId)
    .where('class_id', 'in', classIds)
    .where('role', '=', 'contact_teacher')
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

/** The guardian's private reply thread to a group message, if they have answered it before. */
export async function findPrivateReplyThread(
  db: Db,
  schoolId: string,
  parentThreadId: string,
  guardianId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('message_threads')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('parent_thread_id', '=', parentThreadId)
    .where('created_by', '=', guardianId)
    .executeTakeFirst();
  return row?.id;
}

/** The guardian's children in the audience (a class, a grade or the school) that they hold custody of, first by name. */
export async function findCustodyChildrenIn(
  db: Db,
  schoolId: string,
  guardianId: string,
  audience: GroupAudience,
): Promise<string[]> {
  const query = db
    .selectFrom('guardianships as g')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .select('s.id')
    .where('g.school_id', '=', schoolId)
    .where('g.person_id', '=', guardianId)
    .where('g.kind', '=', 'custody')
    .orderBy('s.given_name')
    .orderBy('s.id');
  const rows = await studentsIn(query, audience).execute();
  return rows.map((r) => r.id);
}

/** A student of the school with their class, or undefined. */
export function findStudent(db: Db, schoolId: string, studentId: string) {
  return db
    .selectFrom('students')
    .select(['id', 'class_id as classId'])
    .where('school_id', '=', schoolId)
    .where('id', '=', studentId)
    .executeTakeFirst();
}

/**
 * Who receives a message from staff about one child: the child's custody holders who are not
 * suspended. A parent with the right to information only gets nothing pushed (§ 23).
 */
export async function findCustodyGuardiansOfStudent(db: Db, schoolId: string, studentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('guardianships as g')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .select('g.person_id')
    .where('g.school_id', '=', schoolId)
    .where('g.student_id', '=', studentId)
    .where('g.kind', '=', 'custody')
    .where('p.suspended', '=', false)
    .orderBy('g.person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

/** School roles that make a person staff; class roles (class_staff) do too. */
const STAFF_SCHOOL_ROLES = ['leader', 'administrator', 'teacher', 'pedagogue'] as const;

export interface StaffRow {
  id: string;
  given_name: string;
  family_name: string;
  roles: SchoolRole[];
  class_roles: Array<{ role: ClassStaffRole; grade: number; letter: string }>;
}

/** The school's staff: people with a staff role at the school or a role in one of its classes. With `ids`, only those. */
export async function findStaff(db: Db, schoolId: string, ids?: string[]): Promise<StaffRow[]> {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('people as p')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where('p.school_id', '=', schoolId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('person_roles as r')
            .select('r.person_id')
            .whereRef('r.school_id', '=', 'p.school_id')
            .whereRef('r.person_id', '=', 'p.id')
            .where('r.role', 'in', STAFF_SCHOOL_ROLES),
        ),
        eb.exists(
          eb
            .selectFrom('class_staff as cs')
            .select('cs.person_id')
            .whereRef('cs.school_id', '=', 'p.school_id')
            .whereRef('cs.person_id', '=', 'p.id'),
        ),
      ]),
    )
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id');
  if (ids) query = query.where('p.id', 'in', ids);
  const people = await query.execute();
  if (people.length === 0) return [];
  const personIds = people.map((p) => p.id);
  const [roles, classRoles] = await Promise.all([
    db
      .selectFrom('person_roles')
      .select(['person_id', 'role'])
      .where('school_id', '=', schoolId)
      .where('person_id', 'in', personIds)
      .where('role', 'in', STAFF_SCHOOL_ROLES)
      .orderBy('role')
      .execute(),
    db
      .selectFrom('class_staff as cs')
      .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'cs.school_id').onRef('c.id', '=', 'cs.class_id'))
      .select(['cs.person_id', 'cs.role', 'c.grade', 'c.letter'])
      .where('cs.school_id', '=', schoolId)
      .where('cs.person_id', 'in', personIds)
      .orderBy('c.grade')
      .orderBy('c.letter')
      .execute(),
  ]);
  return people.map((p) => ({
    ...p,
    roles: roles.filter((r) => r.person_id === p.id).map((r) => r.role),
    class_roles: classRoles
      .filter((r) => r.person_id === p.id)
      .map(({ role, grade, letter }) => ({ role, grade, letter })),
  }));
}

export interface UrgentUseRow {
  message_id: string;
  created_at: Date;
  author_given_name: string;
  author_family_name: string;
  thread: ThreadRow;
}

/** The school's urgent messages, newest first. */
export async function findUrgentUses(db: Db, schoolId: string, limit: number): Promise<UrgentUseRow[]> {
  const rows = await db
    .selectFrom('messages as m')
    .innerJoin('people as a', (j) => j.onRef('a.school_id', '=', 'm.school_id').onRef('a.id', '=', 'm.author_id'))
    .select([
      'm.id as message_id',
      'm.thread_id',
      'm.created_at',
      'a.given_name as author_given_name',
      'a.family_name as author_family_name',
    ])
    .where('m.school_id', '=', schoolId)
    .where('m.urgent', '=', true)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.seq', 'desc')
    .limit(limit)
    .execute();
  const threadIds = [...new Set(rows.map((r) => r.thread_id))];
  const threads =
    threadIds.length === 0
      ? []
      : await selectThreads(db).where('t.school_id', '=', schoolId).where('t.id', 'in', threadIds).execute();
  const byId = new Map(threads.map((t) => [t.id, t]));
  return rows.flatMap(({ thread_id, ...r }) => {
    const thread = byId.get(thread_id);
    return thread ? [{ ...r, thread }] : [];
  });
}
