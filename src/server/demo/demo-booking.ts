import type { Db } from '../db/database.js';
import { sendInvitations, storeBooking } from '../conferences/invitation.service.js';
import { findInvitationForBooking } from '../conferences/invitation.repository.js';
import { slotsOfRound } from '../../domain/conferences/slots.js';
import { findDemoInvitation, findDemoRoundByName, markInvitationNoticeRead } from './demo.repository.js';

/**
 * The demo's round open for booking (issue 10's demo): its invitations are sent through the same
 * code as a leader's "Send", and the demo guardian has booked the first time for her child in the
 * first class, so she can book her other child's herself. Runs inside the demo history's unit of
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
    { date: first.date, from: first.from },
    invitation.personId,
  );
  // She opened that invitation to book; the other child's is still new to her.
  await markInvitationNoticeRead(db, schoolId, invitation.personId, invitation.invitationId, now);
}
