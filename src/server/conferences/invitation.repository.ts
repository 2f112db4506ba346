import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** Locks the round's row for the rest of the unit of work: opening and booking a round take turns. */
export async function lockRound(db: Db, schoolId: string, roundId: string) {
  return db
    .selectFrom('conference_rounds')
    .select(['id', 'name', 'status', 'minutes_by_grade'])
    .where('school_id', '=', schoolId)
    .where('id', '=', roundId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setRoundStatus(
  db: Db,
  schoolId: string,
  roundId: string,
  status: 'open' | 'finished',
): Promise<void> {
  await db
    .updateTable('conference_rounds')
    .set({ status })
    .where('school_id', '=', schoolId)
    .where('id', '=', roundId)
    .execute();
}

/** A custody holder (not suspended) of a child in the round's classes, with the household they live in. */
export interface InviteeRow {
  student_id: string;
  student_given_name: string;
  class_id: string;
  person_id: string;
  household_key: string;
}

/**
 * Who a round invites: for every child of its classes (a needs-based round: every child it names),
 * each custody holder who is not suspended,
 * by household (a guardian without one is a household of their own). A parent with the right to
 * information only is not invited (forældreansvarsloven § 23: they ask).
 */
export function findInvitees(db: Db, schoolId: string, roundId: string): Promise<InviteeRow[]> {
  return db
    .selectFrom('conference_round_classes as rc')
    .innerJoin('students as s', (j) =>
      j.onRef('s.school_id', '=', 'rc.school_id').onRef('s.class_id', '=', 'rc.class_id'),
    )
    .innerJoin('guardianships as g', (j) =>
      j.onRef('g.school_id', '=', 's.school_id').onRef('g.student_id', '=', 's.id'),
    )
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .select([
      's.id as student_id',
      's.given_name as student_given_name',
      's.class_id',
      'p.id as person_id',
      sql<string>`coalesce(p.household_id::text, 'person:' || p.id::text)`.as('household_key'),
    ])
    .innerJoin('conference_rounds as r', (j) =>
      j.onRef('r.school_id', '=', 'rc.school_id').onRef('r.id', '=', 'rc.round_id'),
    )
    .where('rc.school_id', '=', schoolId)
    .where('rc.round_id', '=', roundId)
    .where((eb) =>
      eb.or([
        eb('r.kind', '=', 'regular'),
        eb.exists(
          eb
            .selectFrom('conference_round_students as rs')
            .select('rs.student_id')
            .whereRef('rs.school_id', '=', 's.school_id')
            .whereRef('rs.round_id', '=', 'rc.round_id')
            .whereRef('rs.student_id', '=', 's.id'),
        ),
      ]),
    )
    .where('g.kind', '=', 'custody')
    .where('p.suspended', '=', false)
    .orderBy('s.id')
    .orderBy('p.id')
    .execute();
}

export async function insertInvitation(
  db: Db,
  row: { schoolId: string; roundId: string; studentId: string; classId: string; householdKey: string; at: Date },
  personIds: readonly string[],
): Promise<string> {
  const { id } = await db
    .insertInto('conference_invitations')
    .values({
      school_id: row.schoolId,
      round_id: row.roundId,
      student_id: row.studentId,
      class_id: row.classId,
      household_key: row.householdKey,
      created_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('conference_invitation_guardians')
    .values(personIds.map((personId) => ({ school_id: row.schoolId, invitation_id: id, person_id: personId })))
    .execute();
  return id;
}

/** The round's invitations with their child, the household's guardians and their active booking. */
export async function findRoundInvitations(db: Db, schoolId: string, roundId: string) {
  const [invitations, guardians] = await Promise.all([
    db
      .selectFrom('conference_invitations as i')
      .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'i.school_id').onRef('s.id', '=', 'i.student_id'))
      .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'i.school_id').onRef('c.id', '=', 'i.class_id'))
      .innerJoin('conference_rounds as r', (j) =>
        j.onRef('r.school_id', '=', 'i.school_id').onRef('r.id', '=', 'i.round_id'),
      )
      .leftJoin('conference_bookings as b', (j) =>
        j
          .onRef('b.school_id', '=', 'i.school_id')
          .onRef('b.invitation_id', '=', 'i.id')
          .on('b.cancelled_at', 'is', null),
      )
      .select([
        'i.id',
        'i.format',
        'r.formats',
        's.id as student_id',
        's.given_name',
        's.family_name',
        'c.grade',
        'c.letter',
        'b.date',
        'b.starts_at',
        'b.ends_at',
      ])
      .where('i.school_id', '=', schoolId)
      .where('i.round_id', '=', roundId)
      .orderBy('c.grade')
      .orderBy('c.letter')
      .orderBy('s.given_name')
      .orderBy('i.id')
      .execute(),
    db
      .selectFrom('conference_invitation_guardians as ig')
      .innerJoin('conference_invitations as i', (j) =>
        j.onRef('i.school_id', '=', 'ig.school_id').onRef('i.id', '=', 'ig.invitation_id'),
      )
      .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'ig.school_id').onRef('p.id', '=', 'ig.person_id'))
      .select(['ig.invitation_id', 'p.given_name', 'p.family_name', 'p.user_id', 'p.email', 'p.phone'])
      .where('ig.school_id', '=', schoolId)
      .where('i.round_id', '=', roundId)
      .orderBy('p.given_name')
      .execute(),
  ]);
  return { invitations, guardians };
}

/** The invitations of a guardian at the school, with the round, child, room and active booking. */
export function findInvitationsOfPerson(db: Db, schoolId: string, personId: string) {
  return db
    .selectFrom('conference_invitation_guardians as ig')
    .innerJoin('conference_invitations as i', (j) =>
      j.onRef('i.school_id', '=', 'ig.school_id').onRef('i.id', '=', 'ig.invitation_id'),
    )
    .innerJoin('conference_rounds as r', (j) =>
      j.onRef('r.school_id', '=', 'i.school_id').onRef('r.id', '=', 'i.round_id'),
    )
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'i.school_id').onRef('s.id', '=', 'i.student_id'))
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'i.school_id').onRef('c.id', '=', 'i.class_id'))
    .leftJoin('conference_round_classes as rc', (j) =>
      j
        .onRef('rc.school_id', '=', 'i.school_id')
        .onRef('rc.round_id', '=', 'i.round_id')
        .onRef('rc.class_id', '=', 'i.class_id'),
    )
    .leftJoin('conference_bookings as b', (j) =>
      j.onRef('b.school_id', '=', 'i.school_id').onRef('b.invitation_id', '=', 'i.id').on('b.cancelled_at', 'is', null),
    )
    .select((eb) => [
      'i.id',
      'r.id as round_id',
      'r.name as round_name',
      'r.formats',
      'r.video_link',
      'r.filling',
      'i.format',
      's.id as student_id',
      's.given_name',
      's.family_name',
      'c.grade',
      'c.letter',
      'rc.room',
      'b.date',
      'b.starts_at',
      'b.ends_at',
      'i.wants_joint_meeting',
      // One joint meeting: this booking joins the other home's, or the other home's joins it.
      eb
        .or([
          eb('b.joins_booking_id', 'is not', null),
          eb.exists(
            eb
              .selectFrom('conference_bookings as joined')
              .select('joined.id')
              .whereRef('joined.school_id', '=', 'b.school_id')
              .whereRef('joined.joins_booking_id', '=', 'b.id')
              .where('joined.cancelled_at', 'is', null),
          ),
        ])
        .as('booked_jointly'),
      // The child's other home in the round, unnamed: null when there is none.
      eb
        .selectFrom('conference_invitations as other')
        .select('other.wants_joint_meeting')
        .whereRef('other.school_id', '=', 'i.school_id')
        .whereRef('other.round_id', '=', 'i.round_id')
        .whereRef('other.student_id', '=', 'i.student_id')
        .whereRef('other.id', '<>', 'i.id')
        .limit(1)
        .as('other_home_wants_joint'),
    ])
    .where('ig.school_id', '=', schoolId)
    .where('ig.person_id', '=', personId)
    .where('r.status', 'in', ['open', 'planning', 'published'])
    .orderBy('r.created_at', 'desc')
    .orderBy('s.given_name')
    .execute();
}

/**
 * What booking a time for an invitation needs: its round (status and meeting length for the
 * class's grade), the class, and the round's afternoons.
 */
export async function findInvitationForBooking(db: Db, schoolId: string, invitationId: string) {
  const row = await db
    .selectFrom('conference_invitations as i')
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'i.school_id').onRef('c.id', '=', 'i.class_id'))
    .innerJoin('conference_rounds as r', (j) =>
      j.onRef('r.school_id', '=', 'i.school_id').onRef('r.id', '=', 'i.round_id'),
    )
    .select([
      'i.id',
      'i.round_id',
      'i.class_id',
      'i.student_id',
      'i.household_key',
      'i.wants_joint_meeting',
      'i.format',
      'c.grade',
      'r.status',
      'r.filling',
      'r.formats',
      'r.also_taking_part',
      'r.counsellor_id',
      'r.minutes_by_grade',
    ])
    .where('i.school_id', '=', schoolId)
    .where('i.id', '=', invitationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { minutes_by_grade, ...invitation } = row;
  const minutes = (minutes_by_grade as Record<string, number>)[String(row.grade)] ?? 0;
  const days = await db
    .selectFrom('conference_round_days')
    .select(['date', 'starts_at as from', 'ends_at as to'])
    .where('school_id', '=', schoolId)
    .where('round_id', '=', invitation.round_id)
    .orderBy('date')
    .execute();
  return { ...invitation, minutes, days };
}

export type InvitationForBooking = NonNullable<Awaited<ReturnType<typeof findInvitationForBooking>>>;

/** The booked times of a class in a round ("date HH:MM" keys, slots.ts `slotKey`). */
export async function findTakenTimes(db: Db, schoolId: string, roundId: string, classId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('conference_bookings')
    .select(['date', 'starts_at'])
    .where('school_id', '=', schoolId)
    .where('round_id', '=', roundId)
    .where('class_id', '=', classId)
    .where('cancelled_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => `${r.date} ${r.starts_at}`));
}

/**
 * The people who hold a class's meetings in a round: the class's staff in the round's meeting
 * roles, and the round's counsellor, who is in every meeting.
 */
export async function findMeetingPeople(
  db: Db,
  schoolId: string,
  classId: string,
  staff: { roles: ReadonlyArray<'contact_teacher' | 'teacher' | 'pedagogue'>; counsellorId: string | null },
): Promise<string[]> {
  const rows = await db
    .selectFrom('class_staff')
    .select('person_id')
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .where('role', 'in', [...staff.roles])
    .execute();
  return [...new Set([...rows.map((r) => r.person_id), ...(staff.counsellorId ? [staff.counsellorId] : [])])];
}

/**
 * Locks the rows of the people who hold a meeting for the rest of the unit of work, in one order:
 * two bookings that need the same person, in any rounds, take turns, so neither misses the other's
 * meeting. Bookings of different people do not wait for each other.
 */
export async function lockPeople(db: Db, schoolId: string, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await db
    .selectFrom('people')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('id', 'in', [...personIds])
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
}

/**
 * The booked meetings, in any round of the school, that one of these people holds: as the class's
 * contact teacher or in a role the meeting's round asks to take part, or as its round's counsellor.
 * `except` leaves out the meetings the caller counts itself: a class's own grid in its round (its
 * taken times), or a whole round being planned.
 */
export async function findMeetingsOfPeople(
  db: Db,
  schoolId: string,
  personIds: readonly string[],
  except: { roundId: string; classId?: string },
): Promise<Array<{ personId: string; date: string; from: string; to: string }>> {
  if (personIds.length === 0) return [];
  const ids = [...personIds];
  const bookings = db
    .selectFrom('conference_bookings as b')
    .innerJoin('conference_rounds as r', (j) =>
      j.onRef('r.school_id', '=', 'b.school_id').onRef('r.id', '=', 'b.round_id'),
    )
    .where('b.school_id', '=', schoolId)
    .where('b.cancelled_at', 'is', null)
    .where((eb) =>
      except.classId === undefined
        ? eb('b.round_id', '<>', except.roundId)
        : eb.or([eb('b.round_id', '<>', except.roundId), eb('b.class_id', '<>', except.classId)]),
    );
  const [asStaff, asCounsellor] = await Promise.all([
    bookings
      .innerJoin('class_staff as cs', (j) =>
        j.onRef('cs.school_id', '=', 'b.school_id').onRef('cs.class_id', '=', 'b.class_id'),
      )
      .select(['cs.person_id as personId', 'b.date', 'b.starts_at as from', 'b.ends_at as to'])
      .where('cs.person_id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb('cs.role', '=', 'contact_teacher'),
          eb(sql`r.also_taking_part`, '@>', sql`jsonb_build_array(cs.role)`),
        ]),
      )
      .execute(),
    bookings
      .select(['r.counsellor_id as personId', 'b.date', 'b.starts_at as from', 'b.ends_at as to'])
      .where('r.counsellor_id', 'in', ids)
      .execute(),
  ]);
  return [...asStaff, ...asCounsellor].map((row) => ({ ...row, personId: row.personId! }));
}

/**
 * Ends the invitation's active booking, if any; the time is free again at once. When another home
 * had joined that meeting, the other home keeps the time as its own meeting.
 */
export async function cancelActiveBooking(db: Db, schoolId: string, invitationId: string, at: Date): Promise<boolean> {
  const cancelled = await db
    .updateTable('conference_bookings')
    .set({ cancelled_at: at })
    .where('school_id', '=', schoolId)
    .where('invitation_id', '=', invitationId)
    .where('cancelled_at', 'is', null)
    .returning('id')
    .execute();
  if (cancelled.length === 0) return false;
  await db
    .updateTable('conference_bookings')
    .set({ joins_booking_id: null })
    .where('school_id', '=', schoolId)
    .where(
      'joins_booking_id',
      'in',
      cancelled.map((b) => b.id),
    )
    .where('cancelled_at', 'is', null)
    .execute();
  return true;
}

/** The booked meetings of the household's other children in the round (siblings), with each child's first name. */
export function findSiblingMeetings(
  db: Db,
  schoolId: string,
  invitation: { round_id: string; household_key: string; student_id: string },
) {
  return db
    .selectFrom('conference_invitations as i')
    .innerJoin('conference_bookings as b', (j) =>
      j.onRef('b.school_id', '=', 'i.school_id').onRef('b.invitation_id', '=', 'i.id').on('b.cancelled_at', 'is', null),
    )
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'i.school_id').onRef('s.id', '=', 'i.student_id'))
    .select(['s.given_name as child', 'b.date', 'b.starts_at as from', 'b.ends_at as to'])
    .where('i.school_id', '=', schoolId)
    .where('i.round_id', '=', invitation.round_id)
    .where('i.household_key', '=', invitation.household_key)
    .where('i.student_id', '<>', invitation.student_id)
    .orderBy('b.date')
    .orderBy('b.starts_at')
    .execute();
}

/**
 * The meeting of the child's other home in the round that this home may join: the other home
 * asked for a joint meeting too, booked a meeting of its own (one that joins nothing), and no
 * home has joined it yet. Its household is never named.
 */
export function findJoinableMeeting(
  db: Db,
  schoolId: string,
  invitation: { id: string; round_id: string; student_id: string },
) {
  return db
    .selectFrom('conference_invitations as i')
    .innerJoin('conference_bookings as b', (j) =>
      j
        .onRef('b.school_id', '=', 'i.school_id')
        .onRef('b.invitation_id', '=', 'i.id')
        .on('b.cancelled_at', 'is', null)
        .on('b.joins_booking_id', 'is', null),
    )
    .select(['b.id', 'b.date', 'b.starts_at as from', 'b.ends_at as to'])
    .where('i.school_id', '=', schoolId)
    .where('i.round_id', '=', invitation.round_id)
    .where('i.student_id', '=', invitation.student_id)
    .where('i.id', '<>', invitation.id)
    .where('i.wants_joint_meeting', '=', true)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('conference_bookings as joined')
            .select('joined.id')
            .whereRef('joined.school_id', '=', 'b.school_id')
            .whereRef('joined.joins_booking_id', '=', 'b.id')
            .where('joined.cancelled_at', 'is', null)
            .where('joined.invitation_id', '<>', invitation.id),
        ),
      ),
    )
    .executeTakeFirst();
}

/** Whether this home asks for one joint meeting with the child's other home. */
export async function setWantsJointMeeting(db: Db, schoolId: string, invitationId: string, wanted: boolean) {
  await db
    .updateTable('conference_invitations')
    .set({ wants_joint_meeting: wanted })
    .where('school_id', '=', schoolId)
    .where('id', '=', invitationId)
    .execute();
}

export async function insertBooking(
  db: Db,
  row: {
    schoolId: string;
    roundId: string;
    invitationId: string;
    classId: string;
    date: string;
    from: string;
    to: string;
    bookedBy: string;
    at: Date;
    /** The other home's meeting this booking joins. */
    joinsBookingId?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('conference_bookings')
    .values({
      school_id: row.schoolId,
      round_id: row.roundId,
      invitation_id: row.invitationId,
      class_id: row.classId,
      date: row.date,
      starts_at: row.from,
      ends_at: row.to,
      booked_by: row.bookedBy,
      created_at: row.at,
      joins_booking_id: row.joinsBookingId ?? null,
    })
    .execute();
}

/** The home's choice of how to hold its meeting (in person, by phone, on video). */
export async function setInvitationFormat(
  db: Db,
  schoolId: string,
  invitationId: string,
  format: 'in_person' | 'phone' | 'video',
): Promise<void> {
  await db
    .updateTable('conference_invitations')
    .set({ format })
    .where('school_id', '=', schoolId)
    .where('id', '=', invitationId)
    .execute();
}
