import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Whether the participant `tp` of thread `t` (person `p`) still receives its messages, as
 * takesPartInThread decides for requests: staff always; a guardian only while not suspended and
 * still a guardian of the child the thread is about, and for a message to a class, a grade or
 * the school only while holding custody of a child in it (a parent with a right to information
 * only gets nothing pushed, § 23).
 */
const stillReceives = sql<boolean>`(tp.role = 'staff' or (not p.suspended and (case
  when t.student_id is not null then exists (select 1 from guardianships g where g.school_id = tp.school_id and g.person_id = tp.person_id and g.student_id = t.student_id)
  when t.class_id is not null then exists (select 1 from guardianships g join students s on s.school_id = g.school_id and s.id = g.student_id
    where g.school_id = tp.school_id and g.person_id = tp.person_id and g.kind = 'custody' and s.class_id = t.class_id)
  when t.grade is not null then exists (select 1 from guardianships g join students s on s.school_id = g.school_id and s.id = g.student_id
    join classes c on c.school_id = s.school_id and c.id = s.class_id
    where g.school_id = tp.school_id and g.person_id = tp.person_id and g.kind = 'custody' and c.grade = t.grade)
  when t.kind = 'group' then exists (select 1 from guardianships g where g.school_id = tp.school_id and g.person_id = tp.person_id and g.kind = 'custody')
  else true end)))`;

/** The account's language, else the directory's when the app speaks it, else Danish. */
const localeOf = sql<
  'da' | 'en'
>`coalesce(u.locale, case when p.language in ('da', 'en') then p.language else 'da' end)`;

/** Nothing the person has seen: neither the thread opened since the message nor its notice read. */
const unreadBy = sql<boolean>`((tp.last_read_at is null or tp.last_read_at < m.created_at) and not exists (
  select 1 from notifications n where n.school_id = m.school_id and n.person_id = tp.person_id and n.message_id = m.id and n.read_at is not null))`;

/** One new message with what its notification says about it. */
export async function findMessageToAnnounce(db: Db, schoolId: string, messageId: string) {
  return db
    .selectFrom('messages as m')
    .innerJoin('message_threads as t', (j) =>
      j.onRef('t.school_id', '=', 'm.school_id').onRef('t.id', '=', 'm.thread_id'),
    )
    .innerJoin('people as a', (j) => j.onRef('a.school_id', '=', 'm.school_id').onRef('a.id', '=', 'm.author_id'))
    .select([
      'm.id',
      'm.thread_id',
      'm.author_id',
      'm.created_at',
      'm.urgent',
      't.subject',
      'a.given_name as author_given_name',
      'a.family_name as author_family_name',
    ])
    .where('m.school_id', '=', schoolId)
    .where('m.id', '=', messageId)
    .executeTakeFirst();
}

function recipientsOf(db: Db, schoolId: string, threadId: string) {
  return db
    .selectFrom('thread_participants as tp')
    .innerJoin('message_threads as t', (j) =>
      j.onRef('t.school_id', '=', 'tp.school_id').onRef('t.id', '=', 'tp.thread_id'),
    )
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'tp.school_id').onRef('p.id', '=', 'tp.person_id'))
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'tp.person_id',
      'tp.role',
      'tp.last_read_at',
      'p.given_name',
      localeOf.as('locale'),
      sql<string | null>`coalesce(u.email, p.email)`.as('email'),
    ])
    .where('tp.school_id', '=', schoolId)
    .where('tp.thread_id', '=', threadId)
    .where(stillReceives);
}

/** Everyone in the thread but the author who still receives its messages. */
export async function findMessageRecipients(db: Db, schoolId: string, threadId: string, authorId: string) {
  return recipientsOf(db, schoolId, threadId).where('tp.person_id', '!=', authorId).orderBy('tp.person_id').execute();
}

/** One recipient, when they still receive the thread's messages. */
export async function findMessageRecipient(db: Db, schoolId: string, threadId: string, personId: string) {
  return recipientsOf(db, schoolId, threadId).where('tp.person_id', '=', personId).executeTakeFirst();
}

/** Whether the person has seen the message in the app: opened the thread since, or read its notice. */
export async function hasSeenMessage(db: Db, schoolId: string, personId: string, messageId: string): Promise<boolean> {
  const row = await db
    .selectFrom('messages as m')
    .innerJoin('thread_participants as tp', (j) =>
      j.onRef('tp.school_id', '=', 'm.school_id').onRef('tp.thread_id', '=', 'm.thread_id'),
    )
    .select(unreadBy.as('unread'))
    .where('m.school_id', '=', schoolId)
    .where('m.id', '=', messageId)
    .where('tp.person_id', '=', personId)
    .executeTakeFirst();
  return row ? !row.unread : false;
}

/**
 * Guardians at the school with something for their digest: a message in (since, until] in one of
 * their threads, not their own, not urgent (those went out at once), unread, while they keep the
 * digest (the default).
 */
export async function findDigestRecipients(db: Db, schoolId: string, since: Date, until: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('messages as m')
    .innerJoin('message_threads as t', (j) =>
      j.onRef('t.school_id', '=', 'm.school_id').onRef('t.id', '=', 'm.thread_id'),
    )
    .innerJoin('thread_participants as tp', (j) =>
      j.onRef('tp.school_id', '=', 'm.school_id').onRef('tp.thread_id', '=', 'm.thread_id'),
    )
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'tp.school_id').onRef('p.id', '=', 'tp.person_id'))
    .leftJoin('notification_settings as ns', (j) =>
      j.onRef('ns.school_id', '=', 'tp.school_id').onRef('ns.person_id', '=', 'tp.person_id'),
    )
    .select('tp.person_id')
    .distinct()
    .where('m.school_id', '=', schoolId)
    .where('m.created_at', '>', since)
    .where('m.created_at', '<=', until)
    .where('m.urgent', '=', false)
    .whereRef('m.author_id', '!=', 'tp.person_id')
    .where('tp.role', '=', 'guardian')
    .where((eb) => eb.or([eb('ns.mode', 'is', null), eb('ns.mode', '=', 'digest')]))
    .where(stillReceives)
    .where(unreadBy)
    .orderBy('tp.person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

/** One guardian's digest: their unread, non-urgent messages from others in (since, until], oldest first. */
export async function findDigestMessages(db: Db, schoolId: string, personId: string, since: Date, until: Date) {
  return db
    .selectFrom('messages as m')
    .innerJoin('message_threads as t', (j) =>
      j.onRef('t.school_id', '=', 'm.school_id').onRef('t.id', '=', 'm.thread_id'),
    )
    .innerJoin('thread_participants as tp', (j) =>
      j.onRef('tp.school_id', '=', 'm.school_id').onRef('tp.thread_id', '=', 'm.thread_id'),
    )
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'tp.school_id').onRef('p.id', '=', 'tp.person_id'))
    .innerJoin('people as a', (j) => j.onRef('a.school_id', '=', 'm.school_id').onRef('a.id', '=', 'm.author_id'))
    .select([
      'm.id',
      'm.thread_id',
      't.subject',
      'a.given_name as author_given_name',
      'a.family_name as author_family_name',
    ])
    .where('m.school_id', '=', schoolId)
    .where('tp.person_id', '=', personId)
    .where('m.created_at', '>', since)
    .where('m.created_at', '<=', until)
    .where('m.urgent', '=', false)
    .where('m.author_id', '!=', personId)
    .where(stillReceives)
    .where(unreadBy)
    .orderBy('m.created_at')
    .orderBy('m.seq')
    .execute();
}

/** The guardian's name, language and address for their digest. */
export async function findDigestReader(db: Db, schoolId: string, personId: string) {
  return db
    .selectFrom('people as p')
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.given_name', localeOf.as('locale'), sql<string | null>`coalesce(u.email, p.email)`.as('email')])
    .where('p.school_id', '=', schoolId)
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

/** Every school, for starting each one's digest chain. */
export async function findSchoolIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('schools').select('id').orderBy('id').execute()).map((r) => r.id);
}
