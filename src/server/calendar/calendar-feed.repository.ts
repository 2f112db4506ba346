import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export interface FeedRow {
  user_id: string;
  token: string;
  created_at: Date;
}

export function findFeedOfUser(db: Db, userId: string): Promise<FeedRow | undefined> {
  return db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export function findFeedByToken(db: Db, token: string): Promise<FeedRow | undefined> {
  return db.selectFrom('calendar_feeds').selectAll().where('token', '=', token).executeTakeFirst();
}

/** Gives the user a feed unless they have one; two first visits at once keep one. */
export async function insertFeedIfMissing(db: Db, userId: string, token: string, at: Date): Promise<void> {
  await db
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token, created_at: at })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

/** A new secret for the user's feed: the old URL stops working. */
export async function replaceFeedToken(db: Db, userId: string, token: string, at: Date): Promise<void> {
  await db
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token, created_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token, created_at: at }))
    .execute();
}

export async function deleteFeed(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
}

export interface FeedUserRow {
  id: string;
  locale: 'da' | 'en';
}

export function findFeedUser(db: Db, userId: string): Promise<FeedUserRow | undefined> {
  return db.selectFrom('users').select(['id', 'locale']).where('id', '=', userId).executeTakeFirst() as Promise<
    FeedUserRow | undefined
  >;
}

/** One afternoon of a conference round of a class the user works in as staff, with the class and its room. */
export interface StaffRoundDayRow {
  round_id: string;
  round_name: string;
  status: string;
  school_name: string;
  date: string;
  starts_at: string;
  ends_at: string;
  grade: number;
  letter: string;
  room: string | null;
}

/**
 * The afternoons of the conference rounds of the classes the user is staff of, and of the rounds
 * they take part in as counsellor (every class), at every school.
 */
export function findStaffRoundDays(db: Db, userId: string): Promise<StaffRoundDayRow[]> {
  return db
    .selectFrom('people as p')
    .innerJoin('conference_rounds as r', 'r.school_id', 'p.school_id')
    .innerJoin('conference_round_classes as rc', (j) =>
      j.onRef('rc.school_id', '=', 'r.school_id').onRef('rc.round_id', '=', 'r.id'),
    )
    .innerJoin('conference_round_days as d', (j) =>
      j.onRef('d.school_id', '=', 'r.school_id').onRef('d.round_id', '=', 'r.id'),
    )
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'rc.school_id').onRef('c.id', '=', 'rc.class_id'))
    .innerJoin('schools as s', 's.id', 'p.school_id')
    .select([
      'r.id as round_id',
      'r.name as round_name',
      'r.status',
      's.name as school_name',
      'd.date',
      'd.starts_at',
      'd.ends_at',
      'c.grade',
      'c.letter',
      'rc.room',
    ])
    .where('p.user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb('r.counsellor_id', '=', eb.ref('p.id')),
        eb.exists(
          eb
            .selectFrom('class_staff as cs')
            .select('cs.person_id')
            .whereRef('cs.school_id', '=', 'rc.school_id')
            .whereRef('cs.class_id', '=', 'rc.class_id')
            .whereRef('cs.person_id', '=', 'p.id'),
        ),
      ]),
    )
    .orderBy('d.date')
    .orderBy('c.grade')
    .orderBy('c.letter')
    .execute();
}

/** A conference booked for a child the user was invited for as a guardian, with how often it was moved. */
export interface GuardianBookingRow {
  invitation_id: string;
  student_id: string;
  date: string;
  starts_at: string;
  ends_at: string;
  child: string;
  grade: number;
  letter: string;
  room: string | null;
  school_name: string;
  moves: number;
  /** The home's choice of format (null: the round's first), the round's formats and its video link. */
  format: 'in_person' | 'phone' | 'video' | null;
  formats: Array<'in_person' | 'phone' | 'video'>;
  video_link: string | null;
}

/**
 * Active bookings with what their calendar entry shows, and how often each invitation's booking
 * was moved (its SEQUENCE): the one query behind the feed and a single booking's file, so both
 * give the same event.
 */
function bookingsQuery(db: Db) {
  return db
    .selectFrom('conference_bookings as b')
    .innerJoin('conference_invitations as i', (j) =>
      j.onRef('i.school_id', '=', 'b.school_id').onRef('i.id', '=', 'b.invitation_id'),
    )
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'i.school_id').onRef('s.id', '=', 'i.student_id'))
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'i.school_id').onRef('c.id', '=', 'i.class_id'))
    .leftJoin('conference_round_classes as rc', (j) =>
      j
        .onRef('rc.school_id', '=', 'i.school_id')
        .onRef('rc.round_id', '=', 'i.round_id')
        .onRef('rc.class_id', '=', 'i.class_id'),
    )
    .innerJoin('schools as sc', 'sc.id', 'b.school_id')
    .innerJoin('conference_rounds as r', (j) =>
      j.onRef('r.school_id', '=', 'i.school_id').onRef('r.id', '=', 'i.round_id'),
    )
    .select((eb) => [
      'i.format',
      'r.formats',
      'r.video_link',
      'b.invitation_id',
      'i.student_id',
      'b.date',
      'b.starts_at',
      'b.ends_at',
      's.given_name as child',
      'c.grade',
      'c.letter',
      'rc.room',
      'sc.name as school_name',
      eb
        .selectFrom('conference_bookings as earlier')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('earlier.school_id', '=', 'b.school_id')
        .whereRef('earlier.invitation_id', '=', 'b.invitation_id')
        .where('earlier.cancelled_at', 'is not', null)
        .as('moves'),
    ])
    .where('b.cancelled_at', 'is', null);
}

const withMoves = <R extends { moves: unknown }>(rows: R[]) =>
  rows.map((row) => ({ ...row, moves: Number(row.moves ?? 0) }));

/** The active bookings of the invitations the user received as a guardian, at every school. */
export async function findGuardianBookings(db: Db, userId: string): Promise<GuardianBookingRow[]> {
  const rows = await bookingsQuery(db)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('conference_invitation_guardians as ig')
          .innerJoin('people as p', (j) =>
            j.onRef('p.school_id', '=', 'ig.school_id').onRef('p.id', '=', 'ig.person_id'),
          )
          .select('ig.person_id')
          .whereRef('ig.school_id', '=', 'b.school_id')
          .whereRef('ig.invitation_id', '=', 'b.invitation_id')
          .where('p.user_id', '=', userId),
      ),
    )
    .orderBy('b.date')
    .orderBy('b.starts_at')
    .execute();
  return withMoves(rows);
}

/** An invitation's active booking, as the feed shows it. */
export async function findInvitationBooking(
  db: Db,
  schoolId: string,
  invitationId: string,
): Promise<GuardianBookingRow | undefined> {
  const rows = await bookingsQuery(db)
    .where('b.school_id', '=', schoolId)
    .where('b.invitation_id', '=', invitationId)
    .execute();
  return withMoves(rows)[0];
}

/**
 * The events the user's household said it is coming to, and those the user organises, at every
 * school (issue 12), cancelled ones too (the feed says STATUS:CANCELLED, so a calendar app drops
 * or marks its entry); a suspended guardian's household answers are left out.
 */
export async function findFeedEvents(db: Db, userId: string) {
  return db
    .selectFrom('events as e')
    .leftJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'e.school_id').onRef('c.id', '=', 'e.class_id'))
    .select([
      'e.id',
      'e.title',
      'e.description',
      'e.date',
      'e.end_date',
      'e.starts_at',
      'e.ends_at',
      'e.place',
      'e.well_being',
      'e.sequence',
      'e.cancelled_at',
      'c.grade',
      'c.letter',
    ])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('people as o')
            .select('o.id')
            .whereRef('o.school_id', '=', 'e.school_id')
            .whereRef('o.id', '=', 'e.created_by')
            .where('o.user_id', '=', userId),
        ),
        eb.exists(
          eb
            .selectFrom('event_sign_ups as a')
            .innerJoin('people as p', (j) =>
              j
                .onRef('p.school_id', '=', 'a.school_id')
                .on(
                  sql<string>`coalesce(p.household_id::text, 'person:' || p.id::text)`,
                  '=',
                  sql.ref('a.household_key'),
                ),
            )
            .select('a.event_id')
            .whereRef('a.school_id', '=', 'e.school_id')
            .whereRef('a.event_id', '=', 'e.id')
            .where('a.attending', '=', true)
            .where('p.user_id', '=', userId)
            .where('p.suspended', '=', false),
        ),
      ]),
    )
    .orderBy('e.date')
    .orderBy('e.starts_at')
    .execute();
}
