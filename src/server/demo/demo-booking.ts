import type { Db } from '../db/database.js';
import { sendInvitations, storeBooking } from '../conferences/invitation.service.js';
import { findInvitationForBooking, setWantsJointMeeting } from '../conferences/invitation.repository.js';
import { slotsOfRound } from '../../domain/conferences/slots.js';
import {
  findDemoInvitation,
  findDemoRoundByName,
  findTwoHomeInvitations,
  markInvitationNoticeRead,
} from './demo.repository.js';

/**
 * The demo's round open for booking (issue 10's demo): its invitations are sent through the same
 * code as a leader's "Send", and the demo guardian has booked the first time for her child in the
 * first class, so she can book her other child's herself, right after it (the 20-minute times of
 * the second class begin five minutes after her 15-minute meeting ends). A child with two homes
 * has one joint meeting: both homes asked for it, and the second joined the first's time. Runs inside the demo history's unit of
 * work; a round that is not found or no longer a draft is left as it is.
 */
export async function openDemoRoundWithBooking(
  db: Db,
  schoolId: string,
  now: Date,
  round: { name: string; guardianEmail: string; childClassExternalId: string },
): Promise<void> {
  const found = await findDemoRoundByName(db, schoolId, round.name);
  if (!found || found.status !== 'draft') return;
  const work = { db, clock: { now: () => now } };
  await sendInvitations(work, schoolId, found.id);
  const invitation = await findDemoInvitation(db, schoolId, found.id, round.guardianEmail, round.childClassExternalId);
  if (!invitation) return;
  const details = await findInvitationForBooking(db, schoolId, invitation.invitationId);
  if (!details) return;
  const [first] = slotsOfRound(details.days, details.minutes);
  if (!first) return;
  await storeBooking(
    work,
    schoolId,
    invitation.invitationId,
    // The round offers video: this home meets the teacher on the school's link.
    { date: first.date, from: first.from, format: details.formats.includes('video') ? 'video' : undefined },
    invitation.personId,
  );
  // She opened that invitation to book; the other child's is still new to her.
  await markInvitationNoticeRead(db, schoolId, invitation.personId, invitation.invitationId, now);
  await bookDemoJointMeeting(work, schoolId, found.id);
}

/** Both homes of a child ask for one joint meeting; the first books the class's last time, the second joins it. */
async function bookDemoJointMeeting(work: { db: Db; clock: { now(): Date } }, schoolId: string, roundId: string) {
  const homes = await findTwoHomeInvitations(work.db, schoolId, roundId);
  if (!homes) return;
  const [first, second] = homes as [(typeof homes)[number], (typeof homes)[number]];
  const details = await findInvitationForBooking(work.db, schoolId, first.invitationId);
  const last = details ? slotsOfRound(details.days, details.minutes).at(-1) : undefined;
  if (!last) return;
  for (const home of homes) await setWantsJointMeeting(work.db, schoolId, home.invitationId, true);
  for (const home of [first, second])
    await storeBooking(work, schoolId, home.invitationId, { date: last.date, from: last.from }, home.personId);
}
