import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { MessageKind, ThreadKind, ThreadParticipantRole } from '../db/schema.js';

/** Reading threads: a thread with its parties and messages, the caller's own threads, search, and the leadership's lists. */

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
  /** A class parent representative wrote this group message, or this private reply thread answers one of theirs. */
  representative_id: string | null;
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
      't.representative_id',
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
function listedParties(thread: 't' | 'hit') {
  const column = (name: 'school_id' | 'id' | 'kind') => sql.ref(`${thread}.${name}`);
  const nameOf = (name: 'given_name' | 'family_name') =>
    sql`(select lpp.${sql.ref(name)} from people lpp where lpp.school_id = lp.school_id and lpp.id = lp.person_id)`;
  return sql<PartyRow[]>`(select coalesce(json_agg(json_build_object(
      'person_id', lp.person_id, 'role', lp.role, 'given_name', ${nameOf('given_name')}, 'family_name', ${nameOf('family_name')}
    )), '[]') from thread_participants lp
    where lp.school_id = ${column('school_id')} and lp.thread_id = ${column('id')}
      and (lp.role = 'staff' or ${column('kind')} <> 'group'))`;
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

/** Which of the user's threads the inbox shows. */
export interface InboxFilter {
  /** `unread`: with messages from others the user has not opened; `awaiting-reply`: a promise still open. */
  show: 'all' | 'unread' | 'awaiting-reply';
  studentId?: string;
  /** Threads about a child of the class, and group messages to it. */
  classId?: string;
  /** Only threads whose last activity lies before this position (newest first). */
  before?: { at: Date; id: string };
  limit: number;
}

export interface InboxThreadRow extends OwnThreadRow {
  /** The newest message: who wrote it and its first words, for the inbox's preview line. */
  preview_author_given_name: string | null;
  preview_author_family_name: string | null;
  preview_text: string | null;
}

/** How much of the newest message the inbox shows. */
const PREVIEW_CHARACTERS = 160;

/** The threads a user takes part in at any of their schools, newest activity first, a page at a time. */
export async function findThreadsOfUser(db: Db, userId: string, filter: InboxFilter): Promise<InboxThreadRow[]> {
  let query = selectOwnThreads(db, userId)
    .select(listedParties('t').as('parties'))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('messages as lm')
          .innerJoin('people as la', (j) =>
            j.onRef('la.school_id', '=', 'lm.school_id').onRef('la.id', '=', 'lm.author_id'),
          )
          .select([
            'la.given_name as preview_author_given_name',
            'la.family_name as preview_author_family_name',
            sql<string>`left(regexp_replace(lm.body, '\\s+', ' ', 'g'), ${PREVIEW_CHARACTERS + 1})`.as('preview_text'),
          ])
          .whereRef('lm.school_id', '=', 't.school_id')
          .whereRef('lm.thread_id', '=', 't.id')
          .orderBy('lm.seq', 'desc')
          .limit(1)
          .as('last'),
      (j) => j.onTrue(),
    )
    .select(['last.preview_author_given_name', 'last.preview_author_family_name', 'last.preview_text']);
  if (filter.show === 'awaiting-reply') {
    query = query.where('t.reply_due_at', 'is not', null).where('t.promise_fulfilled_at', 'is', null);
  } else if (filter.show === 'unread') {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('messages as nm')
          .select('nm.id')
          .whereRef('nm.school_id', '=', 't.school_id')
          .whereRef('nm.thread_id', '=', 't.id')
          .whereRef('nm.author_id', '<>', 'tp.person_id')
          .where((e) => e.or([e('tp.last_read_at', 'is', null), e('nm.created_at', '>', e.ref('tp.last_read_at'))])),
      ),
    );
  }
  if (filter.studentId) query = query.where('t.student_id', '=', filter.studentId);
  if (filter.classId) {
    const classId = filter.classId;
    query = query.where((eb) => eb.or([eb('t.class_id', '=', classId), eb('s.class_id', '=', classId)]));
  }
  if (filter.before) {
    const { at, id } = filter.before;
    query = query.where(sql<boolean>`(t.last_message_at, t.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query.orderBy('t.last_message_at', 'desc').orderBy('t.id', 'desc').limit(filter.limit).execute();
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
    .select(listedParties('hit').as('parties'))
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

/**
 * A student's own conversations with the school: the threads the student takes part in as a
 * student, how many messages the student wrote, and when last; newest first.
 */
export interface OwnConversationRow {
  id: string;
  subject: string;
  lastMessageAt: Date;
  written: number;
  lastWrittenAt: Date | null;
}

export async function findOwnConversations(db: Db, schoolId: string, studentId: string): Promise<OwnConversationRow[]> {
  const threads = await db
    .selectFrom('message_threads as t')
    .innerJoin('thread_participants as tp', (j) =>
      j.onRef('tp.school_id', '=', 't.school_id').onRef('tp.thread_id', '=', 't.id'),
    )
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'tp.school_id').onRef('p.id', '=', 'tp.person_id'))
    .select((eb) => [
      't.id',
      't.subject',
      't.last_message_at',
      eb
        .selectFrom('messages as msg')
        .select((m) => m.fn.countAll<string>().as('n'))
        .whereRef('msg.school_id', '=', 't.school_id')
        .whereRef('msg.thread_id', '=', 't.id')
        .whereRef('msg.author_id', '=', 'p.id')
        .as('written'),
      eb
        .selectFrom('messages as msg')
        .select((m) => m.fn.max('msg.created_at').as('at'))
        .whereRef('msg.school_id', '=', 't.school_id')
        .whereRef('msg.thread_id', '=', 't.id')
        .whereRef('msg.author_id', '=', 'p.id')
        .as('last_written_at'),
    ])
    .where('t.school_id', '=', schoolId)
    .where('t.student_id', '=', studentId)
    .where('tp.role', '=', 'student')
    .where('p.student_id', '=', studentId)
    .orderBy('t.last_message_at', 'desc')
    .execute();
  return threads.map((t) => ({
    id: t.id,
    subject: t.subject,
    lastMessageAt: t.last_message_at,
    written: Number(t.written ?? 0),
    lastWrittenAt: t.last_written_at === null ? null : new Date(t.last_written_at as Date | string),
  }));
}
