import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * The facts behind the principle's figures, loaded in one place (specs/principle-figures.md):
 * plain rows that the pure functions in `src/domain/figures` count. Read-only.
 */

export interface ReplyPromiseFactRow {
  opened_at: Date;
  due_at: Date;
  kept_at: Date | null;
  thread_id: string;
  student_id: string | null;
  /** The child's class now, or the class a group message went to. */
  class_id: string | null;
}

/**
 * Every reply promise to guardians that fell due or was kept in `[from, to)`, with the child and
 * class it concerns. A student's own conversation is under the same promise (it is among the open
 * and broken ones), but the figure is the principle's promise to the parents (spec: "guardians'
 * messages"), so it leaves students' threads out.
 */
export async function findReplyPromiseFacts(
  db: Db,
  schoolId: string,
  from: Date,
  to: Date,
): Promise<ReplyPromiseFactRow[]> {
  return db
    .selectFrom('reply_promises as p')
    .innerJoin('message_threads as t', (join) =>
      join.onRef('t.school_id', '=', 'p.school_id').onRef('t.id', '=', 'p.thread_id'),
    )
    .leftJoin('students as s', (join) =>
      join.onRef('s.school_id', '=', 't.school_id').onRef('s.id', '=', 't.student_id'),
    )
    .select([
      'p.opened_at',
      'p.due_at',
      'p.kept_at',
      'p.thread_id',
      't.student_id',
      sql<string | null>`coalesce(s.class_id, t.class_id)`.as('class_id'),
    ])
    .where('p.school_id', '=', schoolId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('thread_participants as writer')
            .select('writer.person_id')
            .whereRef('writer.school_id', '=', 't.school_id')
            .whereRef('writer.thread_id', '=', 't.id')
            .where('writer.role', '=', 'student'),
        ),
      ),
    )
    .where((eb) =>
      eb.or([
        eb.and([eb('p.due_at', '>=', from), eb('p.due_at', '<', to)]),
        eb.and([eb('p.kept_at', '>=', from), eb('p.kept_at', '<', to)]),
      ]),
    )
    .execute();
}

/** The promises running now, and how many of them are past their due time. */
export async function countOpenPromises(
  db: Db,
  schoolId: string,
  now: Date,
): Promise<{ open: number; broken: number }> {
  const row = await db
    .selectFrom('reply_promises')
    .select([
      sql<number>`count(*)::int`.as('open'),
      sql<number>`(count(*) filter (where due_at < ${now}))::int`.as('broken'),
    ])
    .where('school_id', '=', schoolId)
    .where('kept_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { open: row.open, broken: row.broken };
}

/** Messages marked urgent in `[from, to)`. */
export async function countUrgentMessages(db: Db, schoolId: string, from: Date, to: Date): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('school_id', '=', schoolId)
    .where('urgent', '=', true)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface ClassRow {
  id: string;
  grade: number;
  letter: string;
}

/** The school's classes, by grade and letter, to break the figures down by. */
export async function findClassesForFigures(db: Db, schoolId: string): Promise<ClassRow[]> {
  return db
    .selectFrom('classes')
    .select(['id', 'grade', 'letter'])
    .where('school_id', '=', schoolId)
    .orderBy('grade')
    .orderBy('letter')
    .execute();
}

export interface InvitationFactRow {
  student_id: string;
  class_id: string;
  created_at: Date;
  /** The booked meeting's day, if any. */
  booked_on: string | null;
  /** The round's first afternoon. */
  first_day: string | null;
  /** A guardian of the household has a login or an e-mail address. */
  reached: boolean;
}

/** Every conference invitation of the school, with its meeting day and whether the home can be reached. */
export function findInvitationFacts(db: Db, schoolId: string): Promise<InvitationFactRow[]> {
  return db
    .selectFrom('conference_invitations as i')
    .leftJoin('conference_bookings as b', (j) =>
      j.onRef('b.school_id', '=', 'i.school_id').onRef('b.invitation_id', '=', 'i.id').on('b.cancelled_at', 'is', null),
    )
    .select((eb) => [
      'i.student_id',
      'i.class_id',
      'i.created_at',
      'b.date as booked_on',
      eb
        .selectFrom('conference_round_days as d')
        .select((d) => d.fn.min('d.date').as('first'))
        .whereRef('d.school_id', '=', 'i.school_id')
        .whereRef('d.round_id', '=', 'i.round_id')
        .as('first_day'),
      eb
        .exists(
          eb
            .selectFrom('conference_invitation_guardians as ig')
            .innerJoin('people as p', (j) =>
              j.onRef('p.school_id', '=', 'ig.school_id').onRef('p.id', '=', 'ig.person_id'),
            )
            .select('p.id')
            .whereRef('ig.school_id', '=', 'i.school_id')
            .whereRef('ig.invitation_id', '=', 'i.id')
            .where((w) => w.or([w('p.user_id', 'is not', null), w(sql`coalesce(p.email, '')`, '!=', '')])),
        )
        .as('reached'),
    ])
    .where('i.school_id', '=', schoolId)
    .execute() as Promise<InvitationFactRow[]>;
}

/**
 * The students of the school's sent rounds that have an afternoon in [from, to), with the
 * afternoons: for a regular round every student of its classes, for a needs-based round the
 * students it invited (`needs_based` names the round). Beside them the days their conferences
 * were marked held.
 */
export async function findConferenceHeldFacts(db: Db, schoolId: string, from: string, to: string) {
  const roundDays = db
    .selectFrom('conference_round_days as d')
    .innerJoin('conference_rounds as r', (j) =>
      j.onRef('r.school_id', '=', 'd.school_id').onRef('r.id', '=', 'd.round_id'),
    )
    .where('d.school_id', '=', schoolId)
    .where('r.status', '!=', 'draft')
    .where('d.date', '>=', from)
    .where('d.date', '<', to);
  const [regular, needsBased, held] = await Promise.all([
    roundDays
      .innerJoin('conference_round_classes as rc', (j) =>
        j.onRef('rc.school_id', '=', 'd.school_id').onRef('rc.round_id', '=', 'd.round_id'),
      )
      .innerJoin('students as s', (j) =>
        j.onRef('s.school_id', '=', 'rc.school_id').onRef('s.class_id', '=', 'rc.class_id'),
      )
      .select(['s.id as student_id', 's.class_id', 'd.date', 'd.round_id'])
      .where('r.kind', '=', 'regular')
      .execute(),
    roundDays
      .innerJoin('conference_invitations as i', (j) =>
        j.onRef('i.school_id', '=', 'd.school_id').onRef('i.round_id', '=', 'd.round_id'),
      )
      .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'i.school_id').onRef('s.id', '=', 'i.student_id'))
      .select(['s.id as student_id', 's.class_id', 'd.date', 'd.round_id'])
      .distinct()
      .where('r.kind', '=', 'needs_based')
      .execute(),
    db
      .selectFrom('conference_invitations as i')
      .select([
        'i.student_id',
        'i.round_id',
        sql<string>`to_char(i.held_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`.as('held_on'),
      ])
      .where('i.school_id', '=', schoolId)
      .where('i.held_at', 'is not', null)
      .execute(),
  ]);
  return {
    inRounds: [
      ...regular.map((row) => ({ ...row, needs_based: false })),
      ...needsBased.map((row) => ({ ...row, needs_based: true })),
    ],
    held: held.filter((h) => h.held_on >= from && h.held_on < to),
  };
}

/** Every agreement of the school with its child's class, due day and the day it was marked done. */
export function findAgreementFacts(db: Db, schoolId: string) {
  return db
    .selectFrom('conference_agreements as a')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'a.school_id').onRef('s.id', '=', 'a.student_id'))
    .select([
      'a.student_id',
      's.class_id',
      'a.due_on',
      sql<string | null>`to_char(a.done_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`.as('done_on'),
    ])
    .where('a.school_id', '=', schoolId)
    .execute();
}

/**
 * The custody guardians of the school's children who may be written to (not suspended), each with
 * their household (`person:<id>` for one recorded without), child, class and language.
 */
export function findHomeRows(db: Db, schoolId: string) {
  return db
    .selectFrom('guardianships as g')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .select([
      sql<string>`coalesce(p.household_id::text, 'person:' || p.id::text)`.as('household'),
      'p.id as person_id',
      's.id as student_id',
      's.class_id',
      'p.language',
    ])
    .where('g.school_id', '=', schoolId)
    .where('g.kind', '=', 'custody')
    .where('p.suspended', '=', false)
    .execute();
}

/** When each guardian last read a thread they take part in, for the reads in [from, to). */
export function findGuardianReads(db: Db, schoolId: string, from: Date, to: Date) {
  return db
    .selectFrom('thread_participants')
    .select(['person_id', 'last_read_at as read_at'])
    .where('school_id', '=', schoolId)
    .where('role', '=', 'guardian')
    .where('last_read_at', '>=', from)
    .where('last_read_at', '<', to)
    .execute() as Promise<Array<{ person_id: string; read_at: Date }>>;
}

/** Each household's conference events in [from, to): a booking made (and not cancelled), a conference held. */
export async function findHouseholdConferenceEvents(db: Db, schoolId: string, from: Date, to: Date) {
  const [booked, held] = await Promise.all([
    db
      .selectFrom('conference_bookings as b')
      .innerJoin('conference_invitations as i', (j) =>
        j.onRef('i.school_id', '=', 'b.school_id').onRef('i.id', '=', 'b.invitation_id'),
      )
      .select(['i.household_key as household', 'b.created_at as at'])
      .where('b.school_id', '=', schoolId)
      .where('b.cancelled_at', 'is', null)
      .where('b.created_at', '>=', from)
      .where('b.created_at', '<', to)
      .execute(),
    db
      .selectFrom('conference_invitations')
      .select(['household_key as household', 'held_at as at'])
      .where('school_id', '=', schoolId)
      .where('held_at', '>=', from)
      .where('held_at', '<', to)
      .execute() as Promise<Array<{ household: string; at: Date }>>,
  ]);
  return [...booked, ...held];
}

export interface TestResultFactRow {
  student_id: string;
  class_id: string;
  taken_on: string;
  recorded_at: Date;
  sent_at: Date | null;
}

/** Every test result of the school (§ 13): when the test was taken, recorded and told to the home. */
export function findTestResultFacts(db: Db, schoolId: string): Promise<TestResultFactRow[]> {
  return db
    .selectFrom('test_results as r')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'r.school_id').onRef('s.id', '=', 'r.student_id'))
    .select(['r.student_id', 's.class_id', 'r.taken_on', 'r.recorded_at', 'r.sent_at'])
    .where('r.school_id', '=', schoolId)
    .execute();
}

/**
 * The school's concerns (early dialogue) with the day each was registered (Copenhagen), the
 * child's class, and every contact with the home recorded for them.
 */
export async function findConcernFacts(db: Db, schoolId: string) {
  const [concerns, contacts] = await Promise.all([
    db
      .selectFrom('concerns as c')
      .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'c.school_id').onRef('s.id', '=', 'c.student_id'))
      .select([
        'c.id',
        'c.student_id',
        's.class_id',
        sql<string>`to_char(c.registered_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`.as('registered_on'),
        sql<boolean>`c.closed_at is not null`.as('closed'),
      ])
      .where('c.school_id', '=', schoolId)
      .execute(),
    db
      .selectFrom('concern_contacts')
      .select(['concern_id', 'contacted_on', 'channel'])
      .where('school_id', '=', schoolId)
      .execute(),
  ]);
  return { concerns, contacts };
}

/** The school's parent meetings of a period with their homes invited and represented (parent meetings). */
export async function findParentMeetingFacts(db: Db, schoolId: string, from: string, to: string) {
  return db
    .selectFrom('parent_meetings as pm')
    .select([
      'pm.class_id',
      'pm.date',
      sql<boolean>`pm.held_at is not null`.as('held'),
      sql<number>`(select count(*)::int from parent_meeting_households h where h.school_id = pm.school_id and h.meeting_id = pm.id)`.as(
        'invited',
      ),
      sql<number>`(select count(*)::int from parent_meeting_households h where h.school_id = pm.school_id and h.meeting_id = pm.id and h.represented)`.as(
        'represented',
      ),
    ])
    .where('pm.school_id', '=', schoolId)
    .where('pm.date', '>=', from)
    .where('pm.date', '<', to)
    .execute();
}
