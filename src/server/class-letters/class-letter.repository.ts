import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ClassLettersTable } from '../db/schema.js';

type Status = ClassLettersTable['status'];

export interface LetterRow {
  id: string;
  class_id: string;
  grade: number;
  letter: string;
  title: string;
  body_html: string;
  status: Status;
  publish_at: Date | null;
  published_at: Date | null;
  written_by: string;
  writer_given_name: string;
  writer_family_name: string;
  created_at: Date;
}

function selectLetters(db: Db, schoolId: string) {
  return db
    .selectFrom('class_letters as l')
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'l.school_id').onRef('c.id', '=', 'l.class_id'))
    .innerJoin('people as w', (j) => j.onRef('w.school_id', '=', 'l.school_id').onRef('w.id', '=', 'l.written_by'))
    .select([
      'l.id',
      'l.class_id',
      'c.grade',
      'c.letter',
      'l.title',
      'l.body_html',
      'l.status',
      'l.publish_at',
      'l.published_at',
      'l.written_by',
      'w.given_name as writer_given_name',
      'w.family_name as writer_family_name',
      'l.created_at',
    ])
    .where('l.school_id', '=', schoolId);
}

export async function findLetter(db: Db, schoolId: string, letterId: string): Promise<LetterRow | undefined> {
  return selectLetters(db, schoolId).where('l.id', '=', letterId).executeTakeFirst();
}

/** A class's letters, newest first (published by their day, others by when they were written); the homes' only published ones. */
export async function findLettersOfClass(
  db: Db,
  schoolId: string,
  classId: string,
  opts: { publishedOnly: boolean; limit: number },
): Promise<LetterRow[]> {
  return selectLetters(db, schoolId)
    .where('l.class_id', '=', classId)
    .$if(opts.publishedOnly, (q) => q.where('l.status', '=', 'published'))
    .$if(!opts.publishedOnly, (q) => q.where('l.status', '<>', 'cancelled'))
    .orderBy(sql`coalesce(l.published_at, l.publish_at, l.created_at)`, 'desc')
    .orderBy('l.id')
    .limit(opts.limit)
    .execute();
}

/** The newest published letters of some classes. */
export async function findPublishedLettersOfClasses(
  db: Db,
  schoolId: string,
  classIds: readonly string[],
  limit: number,
): Promise<LetterRow[]> {
  if (classIds.length === 0) return [];
  return selectLetters(db, schoolId)
    .where('l.class_id', 'in', [...classIds])
    .where('l.status', '=', 'published')
    .orderBy('l.published_at', 'desc')
    .orderBy('l.id')
    .limit(limit)
    .execute();
}

export async function findLetterByKey(
  db: Db,
  schoolId: string,
  writtenBy: string,
  key: string,
): Promise<{ id: string; class_id: string } | undefined> {
  return db
    .selectFrom('class_letters')
    .select(['id', 'class_id'])
    .where('school_id', '=', schoolId)
    .where('written_by', '=', writtenBy)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export interface LetterFields {
  title: string;
  bodyHtml: string;
  status: Exclude<Status, 'cancelled'>;
  publishAt: Date | null;
  publishedAt: Date | null;
}

export async function insertLetter(
  db: Db,
  r: LetterFields & { schoolId: string; classId: string; writtenBy: string; at: Date; idempotencyKey: string | null },
): Promise<string> {
  const row = await db
    .insertInto('class_letters')
    .values({
      school_id: r.schoolId,
      class_id: r.classId,
      title: r.title,
      body_html: r.bodyHtml,
      status: r.status,
      publish_at: r.publishAt,
      published_at: r.publishedAt,
      written_by: r.writtenBy,
      created_at: r.at,
      updated_at: r.at,
      idempotency_key: r.idempotencyKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Saves a draft's or scheduled letter's new text and state; false when it was published or cancelled meanwhile. */
export async function updateUnpublishedLetter(
  db: Db,
  schoolId: string,
  letterId: string,
  fields: LetterFields & { at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('class_letters')
    .set({
      title: fields.title,
      body_html: fields.bodyHtml,
      status: fields.status,
      publish_at: fields.publishAt,
      published_at: fields.publishedAt,
      updated_at: fields.at,
    })
    .where('school_id', '=', schoolId)
    .where('id', '=', letterId)
    .where('status', 'in', ['draft', 'scheduled'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Cancels a draft or scheduled letter; false when it was published or cancelled already. */
export async function cancelUnpublishedLetter(db: Db, schoolId: string, letterId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('class_letters')
    .set({ status: 'cancelled', publish_at: null, updated_at: at })
    .where('school_id', '=', schoolId)
    .where('id', '=', letterId)
    .where('status', 'in', ['draft', 'scheduled'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Publishes a scheduled letter whose time has come (`publishAt`, the time its job was queued
 * for: a letter moved to another time since is left to that time's job). Returns whether it did.
 */
export async function publishScheduledLetter(
  db: Db,
  schoolId: string,
  letterId: string,
  publishAt: Date,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('class_letters')
    .set({ status: 'published', published_at: now, updated_at: now })
    .where('school_id', '=', schoolId)
    .where('id', '=', letterId)
    .where('status', '=', 'scheduled')
    .where('publish_at', '=', publishAt)
    .where('publish_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks a letter read by a guardian or a student of the class, the first time only. */
export async function insertLetterRead(
  db: Db,
  schoolId: string,
  letterId: string,
  personId: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto('class_letter_reads')
    .values({ school_id: schoolId, letter_id: letterId, person_id: personId, read_at: at })
    .onConflict((oc) => oc.columns(['school_id', 'letter_id', 'person_id']).doNothing())
    .execute();
}

export async function findOwnReads(
  db: Db,
  schoolId: string,
  personId: string,
  letterIds: readonly string[],
): Promise<Map<string, Date>> {
  if (letterIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('class_letter_reads')
    .select(['letter_id', 'read_at'])
    .where('school_id', '=', schoolId)
    .where('person_id', '=', personId)
    .where('letter_id', 'in', [...letterIds])
    .execute();
  return new Map(rows.map((r) => [r.letter_id, r.read_at]));
}

/**
 * For each letter, the households of the class's children that it reaches (their custody
 * holders', not suspended; a guardian without a household counts as one) and those where a
 * guardian has opened it. One statement: the classes' custody holders are found once, the homes
 * counted once per class (not once per letter), and only the reads of the letters asked for are
 * joined to them.
 */
export async function countHouseholdReads(
  db: Db,
  schoolId: string,
  letterIds: readonly string[],
): Promise<Map<string, { households: number; read: number }>> {
  if (letterIds.length === 0) return new Map();
  const ids = [...letterIds];
  const rows = await db
    .with('letters', (q) =>
      q.selectFrom('class_letters').select(['id', 'class_id']).where('school_id', '=', schoolId).where('id', 'in', ids),
    )
    .with('holders', (q) =>
      q
        .selectFrom('students as s')
        .innerJoin('guardianships as g', (j) =>
          j.onRef('g.school_id', '=', 's.school_id').onRef('g.student_id', '=', 's.id').on('g.kind', '=', 'custody'),
        )
        .innerJoin('people as p', (j) =>
          j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id').on('p.suspended', '=', false),
        )
        .select(['s.class_id', 'p.id as person_id', sql<string>`coalesce(p.household_id, p.id)`.as('home')])
        .distinct()
        .where('s.school_id', '=', schoolId)
        .where('s.class_id', 'in', (eb) => eb.selectFrom('letters').select('class_id')),
    )
    .with('homes', (q) =>
      q
        .selectFrom('holders')
        .select(['class_id', sql<number>`count(distinct home)::int`.as('n')])
        .groupBy('class_id'),
    )
    .with('read_homes', (q) =>
      q
        .selectFrom('class_letter_reads as r')
        .innerJoin('letters as l', 'l.id', 'r.letter_id')
        .innerJoin('holders as h', (j) =>
          j.onRef('h.person_id', '=', 'r.person_id').onRef('h.class_id', '=', 'l.class_id'),
        )
        .select(['r.letter_id', sql<number>`count(distinct h.home)::int`.as('n')])
        .where('r.school_id', '=', schoolId)
        .where('r.letter_id', 'in', ids)
        .groupBy('r.letter_id'),
    )
    .selectFrom('letters as l')
    .leftJoin('homes', 'homes.class_id', 'l.class_id')
    .leftJoin('read_homes', 'read_homes.letter_id', 'l.id')
    .select([
      'l.id',
      sql<number>`coalesce(homes.n, 0)`.as('households'),
      sql<number>`coalesce(read_homes.n, 0)`.as('read'),
    ])
    .execute();
  return new Map(rows.map((r) => [r.id, { households: r.households, read: r.read }]));
}

export interface ClassHolderRow {
  person_id: string;
  locale: 'da' | 'en';
}

/**
 * The custody holders (not suspended) of a class's children, each once, in their language: the
 * homes a published letter is told to. A parent with the right to information only gets no
 * automatic posts (§ 23).
 */
export async function findCustodyHoldersOfClass(db: Db, schoolId: string, classId: string): Promise<ClassHolderRow[]> {
  const rows = await db
    .selectFrom('guardianships as g')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'p.id as person_id',
      sql<string>`coalesce(u.locale, case when p.language = 'en' then 'en' else 'da' end)`.as('locale'),
    ])
    .distinct()
    .where('g.school_id', '=', schoolId)
    .where('s.class_id', '=', classId)
    .where('g.kind', '=', 'custody')
    .where('p.suspended', '=', false)
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ person_id: r.person_id, locale: r.locale === 'en' ? 'en' : 'da' }));
}

export interface ClassRow {
  id: string;
  grade: number;
  letter: string;
}

export async function findClass(db: Db, schoolId: string, classId: string): Promise<ClassRow | undefined> {
  return db
    .selectFrom('classes')
    .select(['id', 'grade', 'letter'])
    .where('school_id', '=', schoolId)
    .where('id', '=', classId)
    .executeTakeFirst();
}

/** Classes of the school (all, or those named), by grade and letter. */
export async function findClasses(db: Db, schoolId: string, classIds: readonly string[] | 'all'): Promise<ClassRow[]> {
  if (classIds !== 'all' && classIds.length === 0) return [];
  return db
    .selectFrom('classes')
    .select(['id', 'grade', 'letter'])
    .where('school_id', '=', schoolId)
    .$if(classIds !== 'all', (q) => q.where('id', 'in', classIds as string[]))
    .orderBy('grade')
    .orderBy('letter')
    .execute();
}

/** The moments of letters published or scheduled in classes since `since`, for their cadence. */
export async function findLetterMoments(
  db: Db,
  schoolId: string,
  classIds: readonly string[],
  since: Date,
): Promise<Array<{ class_id: string; at: Date; published: boolean }>> {
  if (classIds.length === 0) return [];
  return db
    .selectFrom('class_letters')
    .select([
      'class_id',
      sql<Date>`coalesce(published_at, publish_at)`.as('at'),
      sql<boolean>`status = 'published'`.as('published'),
    ])
    .where('school_id', '=', schoolId)
    .where('class_id', 'in', [...classIds])
    .where('status', 'in', ['published', 'scheduled'])
    .where(sql<boolean>`coalesce(published_at, publish_at) >= ${since}`)
    .execute();
}

/** The classes of some students. */
export async function findClassesOfStudents(
  db: Db,
  schoolId: string,
  studentIds: readonly string[],
): Promise<string[]> {
  if (studentIds.length === 0) return [];
  const rows = await db
    .selectFrom('students')
    .select('class_id')
    .distinct()
    .where('school_id', '=', schoolId)
    .where('id', 'in', [...studentIds])
    .execute();
  return rows.map((r) => r.class_id);
}

/**
 * Letters published in (since, until] to the classes of a guardian's children in custody (not
 * suspended), not yet opened by them, for the daily digest; by person, oldest first. Only those
 * who keep the digest (the default) are counted.
 */
export async function findUnreadPublishedLetters(
  db: Db,
  schoolId: string,
  since: Date,
  until: Date,
  personId?: string,
): Promise<Array<{ person_id: string; id: string; title: string; grade: number; letter: string }>> {
  return db
    .selectFrom('class_letters as l')
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'l.school_id').onRef('c.id', '=', 'l.class_id'))
    .innerJoin('students as s', (j) =>
      j.onRef('s.school_id', '=', 'l.school_id').onRef('s.class_id', '=', 'l.class_id'),
    )
    .innerJoin('guardianships as g', (j) =>
      j.onRef('g.school_id', '=', 's.school_id').onRef('g.student_id', '=', 's.id').on('g.kind', '=', 'custody'),
    )
    .innerJoin('people as p', (j) =>
      j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id').on('p.suspended', '=', false),
    )
    .leftJoin('notification_settings as ns', (j) =>
      j.onRef('ns.school_id', '=', 'p.school_id').onRef('ns.person_id', '=', 'p.id'),
    )
    .select(['p.id as person_id', 'l.id', 'l.title', 'c.grade', 'c.letter'])
    .distinct()
    .where('l.school_id', '=', schoolId)
    .where('l.status', '=', 'published')
    .where('l.published_at', '>', since)
    .where('l.published_at', '<=', until)
    .$if(personId !== undefined, (q) => q.where('p.id', '=', personId!))
    .where((eb) => eb.or([eb('ns.mode', 'is', null), eb('ns.mode', '=', 'digest')]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('class_letter_reads as r')
            .select(sql`1`.as('one'))
            .whereRef('r.school_id', '=', 'l.school_id')
            .whereRef('r.letter_id', '=', 'l.id')
            .whereRef('r.person_id', '=', 'p.id'),
        ),
      ),
    )
    .orderBy('p.id')
    .orderBy('l.id')
    .execute();
}

/** Every class with its external id and a contact teacher (the first, when it has several): who writes its letters in the demo. */
export async function findClassesWithContactTeacher(
  db: Db,
  schoolId: string,
): Promise<Array<{ id: string; external_id: string; grade: number; letter: string; teacher_id: string }>> {
  const rows = await db
    .selectFrom('classes as c')
    .innerJoin('class_staff as cs', (j) =>
      j
        .onRef('cs.school_id', '=', 'c.school_id')
        .onRef('cs.class_id', '=', 'c.id')
        .on('cs.role', '=', 'contact_teacher'),
    )
    .select(['c.id', 'c.external_id', 'c.grade', 'c.letter', 'cs.person_id as teacher_id'])
    .where('c.school_id', '=', schoolId)
    .orderBy('c.grade')
    .orderBy('c.letter')
    .orderBy('cs.person_id')
    .execute();
  return rows.filter((r, i) => rows.findIndex((o) => o.id === r.id) === i);
}

/** Many published letters at once (the demo school's year of letters). */
export async function insertPublishedLetters(
  db: Db,
  rows: ReadonlyArray<{
    schoolId: string;
    classId: string;
    writtenBy: string;
    title: string;
    bodyHtml: string;
    at: Date;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('class_letters')
    .values(
      rows.map((r) => ({
        school_id: r.schoolId,
        class_id: r.classId,
        title: r.title,
        body_html: r.bodyHtml,
        status: 'published' as const,
        published_at: r.at,
        written_by: r.writtenBy,
        created_at: r.at,
        updated_at: r.at,
      })),
    )
    .execute();
}

/** A guardian has read every letter of the classes published before `before`, each the evening it came (the demo school). */
export async function insertReadsOfLettersBefore(
  db: Db,
  schoolId: string,
  personId: string,
  classIds: readonly string[],
  before: Date,
): Promise<void> {
  if (classIds.length === 0) return;
  await db
    .insertInto('class_letter_reads')
    .columns(['school_id', 'letter_id', 'person_id', 'read_at'])
    .expression(
      db
        .selectFrom('class_letters')
        .select([
          'school_id',
          'id',
          sql<string>`${personId}::uuid`.as('person_id'),
          sql<Date>`published_at + interval '6 hours'`.as('read_at'),
        ])
        .where('school_id', '=', schoolId)
        .where('class_id', 'in', [...classIds])
        .where('status', '=', 'published')
        .where('published_at', '<', before),
    )
    .onConflict((oc) => oc.columns(['school_id', 'letter_id', 'person_id']).doNothing())
    .execute();
}
