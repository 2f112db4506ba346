import { inTransaction, type SignedInContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { insertNotifications } from '../notifications/notification.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { notice } from '../notifications/notice-text.js';
import { className } from '../../shared/api/directory.schema.js';
import type {
  TBook,
  TFreeTimes,
  TJointMeeting,
  TMyInvitations,
  TRoundFormat,
  TRoundInvitations,
  TRoundTime,
} from '../../shared/api/conference.schema.js';
import { freeSlots, slotKey, slotsOfRound, type Slot } from '../../domain/conferences/slots.js';
import { backToBackFirst } from '../../domain/conferences/back-to-back.js';
import { formatOf } from '../../domain/conferences/format.js';
import {
  cancelActiveBooking,
  findInvitationForBooking,
  findInvitationsOfPerson,
  findInvitees,
  findJoinableMeeting,
  findRoundInvitations,
  findSiblingMeetings,
  findMeetingPeople,
  findMeetingsOfPeople,
  lockPeople,
  findTakenTimes,
  type InvitationForBooking,
  insertBooking,
  insertInvitation,
  lockRound,
  setInvitationFormat,
  setRoundStatus,
  setWantsJointMeeting,
} from './invitation.repository.js';
import { readRound, requireContactTeachers } from './round.service.js';
import { findRounds, meetingRoles } from './round.repository.js';
import { findPeopleLocales } from './people-locale.repository.js';
import { queueInvitationNotices, queueTimeEmails } from './invitation-notify.service.js';
import { findDaysAndAvailability } from './plan.repository.js';

const asTime = (row: { date: string | null; starts_at: string | null; ends_at: string | null }): TRoundTime | null =>
  row.date && row.starts_at && row.ends_at ? { date: row.date, from: row.starts_at, to: row.ends_at } : null;

/** How many of the free times a refused booking offers instead. */
const NEXT_FREE_SHOWN = 3;

/**
 * Sends a round's invitations, which opens it for booking (the route's policy: those who plan the
 * round's classes). Every household of every child in its classes gets its own invitation,
 * addressed to the custody holders (not suspended) who live there, and each of them a notice in
 * their own language; the e-mails and the reminders are queued in the same unit of work. One unit of work, with the round's row locked: opening twice at once sends
 * once, and a round that is not a draft any more is refused.
 */
export async function openRound(ctx: SignedInContext, schoolId: string, roundId: string) {
  const invited = await inTransaction(ctx, (tx) => sendInvitations(tx, schoolId, roundId));
  return { round: await readRound(ctx, schoolId, roundId), invited };
}

/** What sending invitations and booking need: the unit of work's transaction and the clock. */
type UnitOfWork = Pick<SignedInContext, 'db' | 'clock'>;

/**
 * Sends a round's invitations inside its caller's unit of work (a leader's "open", or the demo
 * school's history) and opens the round; answers how many households were invited.
 */
export async function sendInvitations(tx: UnitOfWork, schoolId: string, roundId: string): Promise<number> {
  const round = await lockRound(tx.db, schoolId, roundId);
  if (!round) throw new AppError('not_found');
  if (round.status !== 'draft') throw new AppError('round_not_draft');
  const [invitees, { days, classes }] = await Promise.all([
    findInvitees(tx.db, schoolId, roundId),
    findRounds(tx.db, schoolId, { ids: [roundId] }),
  ]);
  // The directory may have changed since the round was made: no home is invited to a meeting no one holds.
  await requireContactTeachers(tx.db, schoolId, [...new Set(classes.map((c) => c.class_id))]);
  const households = new Map<string, { studentId: string; child: string; classId: string; personIds: string[] }>();
  for (const row of invitees) {
    const key = `${row.student_id}/${row.household_key}`;
    const household = households.get(key) ?? {
      studentId: row.student_id,
      child: row.student_given_name,
      classId: row.class_id,
      personIds: [],
    };
    household.personIds.push(row.person_id);
    households.set(key, household);
  }
  const at = tx.clock.now();
  const locales = await findPeopleLocales(tx.db, schoolId, [...new Set(invitees.map((i) => i.person_id))]);
  const firstDay = days[0]?.date ?? at.toISOString().slice(0, 10);
  const invitationIds: string[] = [];
  for (const [key, household] of households) {
    const invitationId = await insertInvitation(
      tx.db,
      {
        schoolId,
        roundId,
        studentId: household.studentId,
        classId: household.classId,
        householdKey: key.slice(key.indexOf('/') + 1),
        at,
      },
      household.personIds,
    );
    invitationIds.push(invitationId);
    await insertNotifications(
      tx.db,
      household.personIds.map((personId) => ({
        schoolId,
        personId,
        threadId: null,
        createdAt: at,
        dedupeKey: `conference-invitation:${invitationId}`,
        ...notice(
          'conference-invitation',
          { round: round.name, child: household.child, firstDay },
          locales.get(personId) ?? 'da',
        ),
      })),
    );
  }
  await queueInvitationNotices(tx.db, schoolId, invitationIds, firstDay, at);
  await setRoundStatus(tx.db, schoolId, roundId, 'open');
  return households.size;
}

/**
 * The round's invitations for its staff: each home, whether it can be reached digitally (a
 * guardian with a login or an e-mail address; else call or send a letter), and what it booked.
 */
export async function listRoundInvitations(
  ctx: SignedInContext,
  schoolId: string,
  roundId: string,
): Promise<TRoundInvitations> {
  const { invitations, guardians } = await findRoundInvitations(ctx.db, schoolId, roundId);
  // The list names children and their families: each child's log shows that it was seen.
  await recordAudit(
    ctx,
    [...new Set(invitations.map((i) => i.student_id))].map((studentId) => ({
      schoolId,
      action: 'conference.invitations' as const,
      studentId,
    })),
  );
  return {
    invitations: invitations.map((i) => {
      const own = guardians.filter((g) => g.invitation_id === i.id);
      return {
        id: i.id,
        student: {
          id: i.student_id,
          name: `${i.given_name} ${i.family_name}`.trim(),
          className: className(i.grade, i.letter),
        },
        guardians: own.map((g) => ({ name: `${g.given_name} ${g.family_name}`.trim() })),
        reached: own.some((g) => g.user_id !== null || (g.email ?? '') !== ''),
        channel: channelOf(own),
        booking: asTime(i),
        format: formatOf(i),
      };
    }),
  };
}

/**
 * How an invitation reaches a home: in the app when a guardian has a login, else by e-mail when
 * one has an address; else someone at school must call (Samspil has no SMS transport, so a home
 * that asked for SMS is called too) or, with no phone number either, write a letter.
 */
export function channelOf(
  guardians: ReadonlyArray<{ user_id: string | null; email: string | null; phone: string | null }>,
): TRoundInvitations['invitations'][number]['channel'] {
  if (guardians.some((g) => g.user_id !== null)) return 'app';
  if (guardians.some((g) => (g.email ?? '') !== '')) return 'email';
  if (guardians.some((g) => (g.phone ?? '') !== '')) return 'call';
  return 'letter';
}

/**
 * Records the home's choice of format inside its caller's unit of work, refused when the round
 * does not offer it; nothing when the request leaves the format out.
 */
export async function chooseFormat(
  db: Db,
  schoolId: string,
  invitation: { id: string; formats: readonly TRoundFormat[] },
  format: TRoundFormat | undefined,
): Promise<void> {
  if (format === undefined) return;
  if (!invitation.formats.includes(format)) throw new AppError('conference_format_not_offered', { field: 'format' });
  await setInvitationFormat(db, schoolId, invitation.id, format);
}

/** The caller's own invitations at the school, as a guardian, with their bookings. */
export async function listMyInvitations(ctx: SignedInContext, schoolId: string): Promise<TMyInvitations> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) return { invitations: [] };
  const rows = (await findInvitationsOfPerson(ctx.db, schoolId, m.personId)).filter(
    (row) => m.guardianOf.get(row.student_id) === 'custody',
  );
  const { days, available } = await findDaysAndAvailability(
    ctx.db,
    schoolId,
    [...new Set(rows.filter((row) => row.filling === 'planned').map((row) => row.round_id))],
    rows.filter((row) => row.filling === 'planned').map((row) => row.id),
  );
  return {
    invitations: rows
      .filter((row) => m.guardianOf.get(row.student_id) === 'custody')
      .map((row) => ({
        id: row.id,
        round: { id: row.round_id, name: row.round_name, formats: row.formats, videoLink: row.video_link },
        student: {
          id: row.student_id,
          name: `${row.given_name} ${row.family_name}`.trim(),
          className: className(row.grade, row.letter),
        },
        room: row.room,
        booking: asTime(row),
        format: formatOf(row),
        filling: row.filling,
        days: days.filter((d) => d.round_id === row.round_id).map(({ date, from, to }) => ({ date, from, to })),
        available: available
          .filter((a) => a.invitation_id === row.id)
          .map(({ date, from, to }) => ({ date, from, to })),
        bookedJointly: row.date !== null && Boolean(row.booked_jointly),
        jointMeeting:
          row.other_home_wants_joint === null
            ? null
            : { wanted: row.wants_joint_meeting, otherHomeWants: row.other_home_wants_joint },
      })),
  };
}

/** The class's times in the round and which are free, for an invitation. */
async function timesOf(db: Db, schoolId: string, invitation: InvitationForBooking) {
  const all = slotsOfRound(invitation.days, invitation.minutes);
  const [taken, busy] = await Promise.all([
    findTakenTimes(db, schoolId, invitation.round_id, invitation.class_id),
    meetingPeopleOf(db, schoolId, invitation).then((people) =>
      findMeetingsOfPeople(db, schoolId, people, { roundId: invitation.round_id, classId: invitation.class_id }),
    ),
  ]);
  return { all, free: freeSlots(all, taken, busy) };
}

/** Who holds the invitation's meeting: the class's staff in the round's roles and its counsellor. */
function meetingPeopleOf(db: Db, schoolId: string, invitation: InvitationForBooking) {
  return findMeetingPeople(db, schoolId, invitation.class_id, {
    roles: meetingRoles(invitation.also_taking_part),
    counsellorId: invitation.counsellor_id,
  });
}

async function invitationForBooking(db: Db, schoolId: string, invitationId: string) {
  const invitation = await findInvitationForBooking(db, schoolId, invitationId);
  if (!invitation) throw new AppError('not_found');
  return invitation;
}

/**
 * The free times a guardian may book for the invitation (the route's policy: its guardians), in
 * the order offered: the other home's meeting when both homes asked for a joint one, then the
 * times back to back with a sibling's booked meeting in the round (marked), then the rest.
 */
export async function listFreeTimes(ctx: SignedInContext, schoolId: string, invitationId: string): Promise<TFreeTimes> {
  const invitation = await invitationForBooking(ctx.db, schoolId, invitationId);
  if (invitation.status !== 'open' || invitation.filling !== 'self_booking') return { times: [] };
  const [{ free }, siblings, joinable] = await Promise.all([
    timesOf(ctx.db, schoolId, invitation),
    findSiblingMeetings(ctx.db, schoolId, invitation),
    invitation.wants_joint_meeting ? findJoinableMeeting(ctx.db, schoolId, invitation) : undefined,
  ]);
  const offered = backToBackFirst(free, siblings).map((time) => ({ ...time, joint: false }));
  const joint = joinable
    ? [{ date: joinable.date, from: joinable.from, to: joinable.to, nextTo: null, joint: true }]
    : [];
  return { times: [...joint, ...offered] };
}

/**
 * A guardian books a time for their invitation, or moves their booking to another (the route's
 * policy: its guardians). The round's row is locked for the unit of work, and the database lets
 * one booking hold a class's time: of two guardians taking the last time at once exactly one wins,
 * and the other is told so with the next free times. A time outside the round is refused.
 */
export async function bookTime(
  ctx: SignedInContext,
  schoolId: string,
  invitationId: string,
  input: TBook,
): Promise<TRoundTime> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('not_found');
  const bookedBy = m.personId;
  return inTransaction(ctx, async (tx) => {
    const booked = await storeBooking(tx, schoolId, invitationId, input, bookedBy);
    await queueTimeEmails(tx.db, schoolId, [invitationId], tx.clock.now(), false);
    return booked;
  }).catch(async (error: unknown) => {
    // The database's own guard: another booking took the time between our read and our write.
    if ((error as { code?: unknown }).code !== '23505') throw error;
    const { free } = await timesOf(ctx.db, schoolId, await invitationForBooking(ctx.db, schoolId, invitationId));
    throw timeTaken(free, { date: input.date, from: input.from, to: input.from });
  });
}

/**
 * Books (or moves) an invitation's time inside its caller's unit of work, with the round's row
 * locked: refused when the round is not open, the time is not in it, or it is taken.
 */
export async function storeBooking(
  tx: UnitOfWork,
  schoolId: string,
  invitationId: string,
  input: TBook,
  bookedBy: string,
): Promise<TRoundTime> {
  const invitation = await invitationForBooking(tx.db, schoolId, invitationId);
  const locked = await lockRound(tx.db, schoolId, invitation.round_id);
  if (!locked || locked.status !== 'open' || invitation.filling !== 'self_booking')
    throw new AppError('round_not_open');
  // The meeting's people may hold meetings in other rounds too: bookings needing them take turns.
  await lockPeople(tx.db, schoolId, await meetingPeopleOf(tx.db, schoolId, invitation));
  // Moving a booking: the old time is freed first, in the same unit of work (undone on refusal).
  await cancelActiveBooking(tx.db, schoolId, invitationId, tx.clock.now());
  const { all, free } = await timesOf(tx.db, schoolId, invitation);
  const wanted = all.find((slot) => slot.date === input.date && slot.from === input.from);
  if (!wanted) throw new AppError('conference_time_outside_round', { field: 'from' });
  await chooseFormat(tx.db, schoolId, invitation, input.format);
  // Both homes asked for one joint meeting: taking the other home's time joins its meeting.
  const joinable = invitation.wants_joint_meeting ? await findJoinableMeeting(tx.db, schoolId, invitation) : undefined;
  const joins = joinable && slotKey(joinable) === slotKey(wanted) ? joinable.id : null;
  if (!joins && !free.some((slot) => slotKey(slot) === slotKey(wanted))) throw timeTaken(free, wanted);
  await insertBooking(tx.db, {
    joinsBookingId: joins,
    schoolId,
    roundId: invitation.round_id,
    invitationId,
    classId: invitation.class_id,
    date: wanted.date,
    from: wanted.from,
    to: wanted.to,
    bookedBy,
    at: tx.clock.now(),
  });
  return { date: wanted.date, from: wanted.from, to: wanted.to };
}

/** The time was taken: say so, with the next free times after it (or the first ones). */
function timeTaken(free: readonly Slot[], wanted: Slot): AppError {
  const later = free.filter((slot) => slotKey(slot) > slotKey(wanted));
  const offered = (later.length > 0 ? later : free).slice(0, NEXT_FREE_SHOWN);
  return new AppError('conference_time_taken', { field: 'from', details: { nextFree: offered } });
}

/**
 * A home asks (or no longer asks) for one joint meeting with the child's other home (the route's
 * policy: its guardians). Once both ask, each sees the other's booked time first and taking it
 * joins that meeting.
 */
export async function setJointMeeting(
  ctx: SignedInContext,
  schoolId: string,
  invitationId: string,
  input: TJointMeeting,
): Promise<TJointMeeting> {
  await inTransaction(ctx, (tx) => setWantsJointMeeting(tx.db, schoolId, invitationId, input.wanted));
  return { wanted: input.wanted };
}

/** A guardian cancels their booking; the time is free for others at once. */
export async function cancelBooking(ctx: SignedInContext, schoolId: string, invitationId: string) {
  await inTransaction(ctx, (tx) => cancelActiveBooking(tx.db, schoolId, invitationId, tx.clock.now()));
  return { ok: true as const };
}
