import type { AppDeps } from '../deps.js';
import type { Db } from '../db/database.js';
import type { ClaimedJob, NewJob } from '../jobs/job-kinds.js';
import { enqueueJobs } from '../jobs/job-queue.js';
import { saveFanOut } from '../notifications/fan-out.js';
import { notice } from '../notifications/notice-text.js';
import { conferenceInvitationMail, conferenceReminderMail } from '../notify/templates/conference-invitation.js';
import { conferenceTimeMail } from '../notify/templates/conference-time.js';
import { bookingCalendarText } from '../calendar/calendar-feed.service.js';
import { findInvitationBooking } from '../calendar/calendar-feed.repository.js';
import { conferenceReminderAt } from '../../domain/conferences/reminder.js';
import { formatOf } from '../../domain/conferences/format.js';
import { insertNotifications } from '../notifications/notification.repository.js';
import { findInvitationToTell, findInvitedGuardians, type InvitedGuardianRow } from './invitation-notify.repository.js';
import { toldByEmail } from '../notify/told-by-email.js';

/** Where a guardian books: the child's conference on their home page. */
const bookingUrl = (deps: Pick<AppDeps, 'config'>, studentId: string) =>
  `${deps.config.publicUrl}/#conference-${studentId}`;

/**
 * Queues, inside the unit of work that sends a round's invitations, each invitation's e-mails and
 * its reminder: so the e-mails go out only if the invitations were sent, and a home that has not
 * booked some days later is reminded once (the dedupe key), if that is before the round begins.
 */
export async function queueInvitationNotices(
  db: Db,
  schoolId: string,
  invitationIds: readonly string[],
  firstDay: string,
  at: Date,
): Promise<void> {
  const guardians = await findInvitedGuardians(db, schoolId, invitationIds);
  const mails = guardians.filter(toldByEmail).map((g): NewJob<'conference-invitation-email'> => ({
    schoolId,
    kind: 'conference-invitation-email',
    payload: { invitationId: g.invitation_id, personId: g.person_id },
    runAt: at,
    dedupeKey: `conference-invitation-email:${g.invitation_id}:${g.person_id}`,
    createdAt: at,
  }));
  const remindAt = conferenceReminderAt(at, firstDay);
  const reminders = remindAt
    ? invitationIds.map((invitationId): NewJob<'conference-reminder'> => ({
        schoolId,
        kind: 'conference-reminder',
        payload: { invitationId },
        runAt: remindAt,
        dedupeKey: `conference-reminder:${invitationId}`,
        createdAt: at,
      }))
    : [];
  await enqueueJobs(db, [...mails, ...reminders]);
}

/** The invitation, while its round is open and the home has not booked; else null (nothing to say). */
async function unbooked(deps: AppDeps, schoolId: string, invitationId: string) {
  const invitation = await findInvitationToTell(deps.db, schoolId, invitationId);
  if (!invitation?.first_day || invitation.status !== 'open' || invitation.booked) return null;
  return { ...invitation, firstDay: invitation.first_day };
}

async function sendMail(
  deps: AppDeps,
  schoolId: string,
  job: { invitationId: string; personId: string },
  render: typeof conferenceInvitationMail,
  invitation: { round: string; child: string; firstDay: string; student_id: string },
) {
  const g = (await findInvitedGuardians(deps.db, schoolId, [job.invitationId])).find(
    (row) => row.person_id === job.personId,
  );
  if (!g?.email) return;
  const mail = render({
    locale: g.locale,
    name: g.given_name,
    round: invitation.round,
    child: invitation.child,
    firstDay: invitation.firstDay,
    appUrl: bookingUrl(deps, invitation.student_id),
  });
  await deps.mailer.send({ schoolId, to: g.email, ...mail });
}

/** One guardian's invitation e-mail, in their language; nothing once the home has booked. */
export async function handleConferenceInvitationEmail(
  deps: AppDeps,
  job: ClaimedJob<'conference-invitation-email'>,
): Promise<void> {
  if (!job.schoolId) throw new Error('a conference invitation without a school');
  const invitation = await unbooked(deps, job.schoolId, job.payload.invitationId);
  if (invitation) await sendMail(deps, job.schoolId, job.payload, conferenceInvitationMail, invitation);
}

/**
 * The reminder to a home that has not booked: a notice in the app for each of its guardians and
 * an e-mail job for those told by e-mail, in one unit of work keyed by invitation and person. A
 * home that booked meanwhile, or a round no longer open, gets nothing.
 */
export async function handleConferenceReminder(deps: AppDeps, job: ClaimedJob<'conference-reminder'>): Promise<void> {
  if (!job.schoolId) throw new Error('a conference reminder without a school');
  const schoolId = job.schoolId;
  const { invitationId } = job.payload;
  const invitation = await unbooked(deps, schoolId, invitationId);
  if (!invitation) return;
  const guardians = await findInvitedGuardians(deps.db, schoolId, [invitationId]);
  const now = deps.clock.now();
  await saveFanOut(
    deps,
    guardians.map((g) => ({
      schoolId,
      personId: g.person_id,
      threadId: null,
      createdAt: now,
      dedupeKey: `conference-reminder:${invitationId}`,
      ...notice(
        'conference-reminder',
        { round: invitation.round, child: invitation.child, firstDay: invitation.firstDay },
        g.locale,
      ),
    })),
    guardians.filter(toldByEmail).map((g): NewJob<'conference-reminder-email'> => ({
      schoolId,
      kind: 'conference-reminder-email',
      payload: { invitationId, personId: g.person_id },
      runAt: now,
      dedupeKey: `conference-reminder-email:${invitationId}:${g.person_id}`,
      createdAt: now,
    })),
  );
}

/** One guardian's reminder e-mail; nothing when the home booked while it waited. */
export async function handleConferenceReminderEmail(
  deps: AppDeps,
  job: ClaimedJob<'conference-reminder-email'>,
): Promise<void> {
  if (!job.schoolId) throw new Error('a conference reminder without a school');
  const invitation = await unbooked(deps, job.schoolId, job.payload.invitationId);
  if (invitation) await sendMail(deps, job.schoolId, job.payload, conferenceReminderMail, invitation);
}

/**
 * Queues, inside the unit of work that gives homes their time (a booking, a published plan, a
 * move by the school), the e-mail with the time and its calendar file for each guardian told by
 * e-mail: a home that does not use the app learns its time too. The e-mail reads the booking
 * when it goes out, so a time changed meanwhile is sent as it is then.
 */
export async function queueTimeEmails(
  db: Db,
  schoolId: string,
  invitationIds: readonly string[],
  at: Date,
  moved: boolean,
): Promise<void> {
  if (invitationIds.length === 0) return;
  await enqueueTimeEmails(db, schoolId, await findInvitedGuardians(db, schoolId, invitationIds), at, moved);
}

/**
 * The school gives homes their times (a published plan) or moves one (after publishing), inside
 * that unit of work: each home's guardians get a notice of the time in their language, and those
 * told by e-mail the e-mail with its calendar file.
 */
export async function tellHomesTheirTime(
  db: Db,
  schoolId: string,
  round: string,
  times: ReadonlyArray<{ invitationId: string; child: string; date: string; from: string; to: string }>,
  at: Date,
  moved: boolean,
): Promise<void> {
  if (times.length === 0) return;
  const guardians = await findInvitedGuardians(
    db,
    schoolId,
    times.map((time) => time.invitationId),
  );
  await insertNotifications(
    db,
    times.flatMap(({ invitationId, ...time }) =>
      guardians
        .filter((g) => g.invitation_id === invitationId)
        .map((g) => ({
          schoolId,
          personId: g.person_id,
          threadId: null,
          createdAt: at,
          // The first time once; each move is news of its own.
          dedupeKey: moved ? `conference-moved:${invitationId}:${at.toISOString()}` : `conference-time:${invitationId}`,
          ...notice(moved ? 'conference-moved' : 'conference-time', { round, ...time }, g.locale),
        })),
    ),
  );
  await enqueueTimeEmails(db, schoolId, guardians, at, moved);
}

function enqueueTimeEmails(
  db: Db,
  schoolId: string,
  guardians: ReadonlyArray<InvitedGuardianRow & { invitation_id: string }>,
  at: Date,
  moved: boolean,
): Promise<void> {
  return enqueueJobs(
    db,
    guardians.filter(toldByEmail).map((g): NewJob<'conference-time-email'> => ({
      schoolId,
      kind: 'conference-time-email',
      payload: { invitationId: g.invitation_id, personId: g.person_id, moved },
      runAt: at,
      // Each time given is news of its own (a booking, then a move): nothing to fold together.
      dedupeKey: null,
      createdAt: at,
    })),
  );
}

/** One guardian's e-mail with the home's booked time and the meeting as a calendar file; nothing once cancelled. */
export async function handleConferenceTimeEmail(
  deps: AppDeps,
  job: ClaimedJob<'conference-time-email'>,
): Promise<void> {
  if (!job.schoolId) throw new Error('a conference time e-mail without a school');
  const schoolId = job.schoolId;
  const { invitationId, personId, moved } = job.payload;
  const [booking, invitation, guardians] = await Promise.all([
    findInvitationBooking(deps.db, schoolId, invitationId),
    findInvitationToTell(deps.db, schoolId, invitationId),
    findInvitedGuardians(deps.db, schoolId, [invitationId]),
  ]);
  const g = guardians.find((row) => row.person_id === personId);
  if (!booking || !invitation || !g?.email) return;
  const mail = conferenceTimeMail({
    locale: g.locale,
    name: g.given_name,
    round: invitation.round,
    child: invitation.child,
    date: booking.date,
    from: booking.starts_at,
    to: booking.ends_at,
    room: booking.room,
    format: formatOf(booking),
    videoLink: booking.video_link,
    appUrl: bookingUrl(deps, invitation.student_id),
    moved,
  });
  await deps.mailer.send({
    schoolId,
    to: g.email,
    ...mail,
    attachments: [
      {
        filename: 'samtale.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: bookingCalendarText(booking, g.locale, deps.clock.now()),
      },
    ],
  });
}
