import type { AppDeps } from '../deps.js';
import type { ClaimedJob, JobKind, NewJob } from '../jobs/job-kinds.js';
import { enqueueJob, latestDonePayload } from '../jobs/job-queue.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import { digestMail, messageMail, type MessageAbout } from '../notify/templates/message-notification.js';
import { notice } from './notice-text.js';
import { digestInstant, emailTiming, nextDate, nextDigestDate, previousDate } from './notification-timing.js';
import { loadNotificationSettings } from './notification-settings.service.js';
import {
  findDigestMessages,
  findDigestReader,
  findDigestRecipients,
  findMessageRecipient,
  findMessageRecipients,
  findMessageToAnnounce,
  findSchoolIds,
  hasSeenMessage,
} from './message-notification.repository.js';
import { saveFanOut } from './fan-out.js';
import { classLetterDigestRecipients, classLettersForDigest } from '../class-letters/class-letter.service.js';

/**
 * How people hear of new messages. Each step is its own job, so a failure repeats only itself:
 *
 * 1. `message-notification` (queued with the message): one transaction stores every recipient's
 *    in-app notice and queues one `message-email` job per e-mail that is due. The notices and the
 *    jobs carry unique keys (message + person), so a retried fan-out adds nothing.
 * 2. `message-email`: one e-mail to one person, at once or when their quiet hours end. When the
 *    SMTP server fails for the third recipient, only that job is retried; the first two are done.
 * 3. `notification-digest` (one per school and day, 17:00 in Copenhagen): queues one
 *    `digest-email` per guardian with unread news, then the next day's digest.
 *
 * One job per e-mail rather than a separate outbox of recipients: the jobs table already gives
 * unique keys, claiming across processes, back-off and the attempt limit, so the same machinery
 * that runs everything else makes each e-mail exactly-once-queued and separately retried.
 */

/** The job that tells a new message's recipients about it, in the app and by e-mail. */
export const MESSAGE_NOTIFICATION_JOB = 'message-notification' satisfies JobKind;
export const MESSAGE_EMAIL_JOB = 'message-email' satisfies JobKind;
export const DIGEST_JOB = 'notification-digest' satisfies JobKind;
export const DIGEST_EMAIL_JOB = 'digest-email' satisfies JobKind;

/**
 * The notification of one new message, to queue in the unit of work that stores the message, so
 * a message that was stored is always announced; keyed by the message, so nothing is queued twice.
 */
export const messageNotificationJob = (input: {
  schoolId: string;
  threadId: string;
  messageId: string;
  at: Date;
}): NewJob<'message-notification'> => ({
  schoolId: input.schoolId,
  kind: MESSAGE_NOTIFICATION_JOB,
  payload: { threadId: input.threadId, messageId: input.messageId },
  runAt: input.at,
  dedupeKey: `${MESSAGE_NOTIFICATION_JOB}:${input.messageId}`,
  createdAt: input.at,
});

const senderName = (m: { author_given_name: string; author_family_name: string }) =>
  `${m.author_given_name} ${m.author_family_name}`;
const threadUrl = (deps: AppDeps, threadId: string) => `${deps.config.publicUrl}/messages/${threadId}`;

function schoolOf(job: Pick<ClaimedJob, 'kind' | 'schoolId'>): string {
  if (!job.schoolId) throw new Error(`a ${job.kind} job without a school`);
  return job.schoolId;
}

/** Step 1: every recipient's notice, and the e-mails that are due now or after quiet hours. */
export async function handleMessageNotification(deps: AppDeps, job: ClaimedJob<'message-notification'>): Promise<void> {
  const schoolId = schoolOf(job);
  const { threadId, messageId } = job.payload;
  const message = await findMessageToAnnounce(deps.db, schoolId, messageId);
  if (!message) return;
  // Someone who has opened the thread since the message arrived (the demo school's history, or a
  // job that ran late) has seen it: there is nothing to tell them.
  const recipients = (await findMessageRecipients(deps.db, schoolId, threadId, message.author_id)).filter(
    (r) => !r.last_read_at || r.last_read_at < message.created_at,
  );
  if (recipients.length === 0) return;
  const [settingsOf, calendar] = await Promise.all([
    loadNotificationSettings(
      deps.db,
      schoolId,
      recipients.map((r) => r.person_id),
    ),
    loadSchoolCalendar(deps.db, schoolId),
  ]);
  const now = deps.clock.now();
  const about = { subject: message.subject, sender: senderName(message), urgent: message.urgent };
  const notifications = recipients.map((r) => ({
    schoolId,
    personId: r.person_id,
    threadId,
    messageId,
    dedupeKey: `message:${messageId}`,
    // Dated with the message, so the list reads in the order things happened.
    createdAt: message.created_at,
    ...notice('message', about, r.locale),
  }));
  const emails: NewJob[] = [];
  for (const r of recipients) {
    if (!r.email) continue;
    const settings = settingsOf(r.person_id);
    const at = emailTiming({
      now,
      urgent: message.urgent,
      audience: r.role,
      mode: settings.mode,
      quietHours: settings.quietHours,
      calendar,
    });
    if (at === 'digest') continue;
    emails.push({
      schoolId,
      kind: 'message-email',
      payload: { threadId, messageId, personId: r.person_id },
      runAt: at,
      dedupeKey: `${MESSAGE_EMAIL_JOB}:${messageId}:${r.person_id}`,
      createdAt: now,
    });
  }
  await saveFanOut(deps, notifications, emails);
}

/**
 * Step 2: one e-mail about one message. Checked again when it runs: a recipient who has left the
 * thread (suspended, custody ended) gets nothing, and a staff member who read the message in the
 * app before their quiet hours ended is not e-mailed about it. Urgent mail goes regardless.
 */
export async function handleMessageEmail(deps: AppDeps, job: ClaimedJob<'message-email'>): Promise<void> {
  const schoolId = schoolOf(job);
  const { threadId, messageId, personId } = job.payload;
  const message = await findMessageToAnnounce(deps.db, schoolId, messageId);
  if (!message) return;
  const recipient = await findMessageRecipient(deps.db, schoolId, threadId, personId);
  if (!recipient?.email) return;
  if (!message.urgent && (await hasSeenMessage(deps.db, schoolId, personId, messageId))) return;
  const mail = messageMail({
    locale: recipient.locale,
    name: recipient.given_name,
    message: {
      subject: message.subject,
      sender: senderName(message),
      urgent: message.urgent,
      url: threadUrl(deps, threadId),
    },
  });
  await deps.mailer.send({ schoolId, to: recipient.email, ...mail });
}

function digestJob(schoolId: string, date: string, createdAt: Date): NewJob<'notification-digest'> {
  return {
    schoolId,
    kind: 'notification-digest',
    payload: { date },
    runAt: digestInstant(date),
    dedupeKey: `${DIGEST_JOB}:${schoolId}:${date}`,
    createdAt,
  };
}

/**
 * Starts each school's chain of daily digests: queues the next 17:00 digest unless it is queued
 * already. `samspil serve` calls it at start-up, so a new school, or a chain broken by a digest
 * that failed for good, is picked up at the next start.
 */
export async function startDigestChains(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<void> {
  const now = deps.clock.now();
  const date = nextDigestDate(now);
  for (const schoolId of await findSchoolIds(deps.db)) await enqueueJob(deps.db, digestJob(schoolId, date, now));
}

/**
 * Step 3: the school's digest for one day. It covers the messages since the previous digest that
 * ran (or the day before, for the first), so a server that was down misses nothing, and then
 * queues the next digest, at 17:00 on Copenhagen's clock whatever the clocks did in between.
 */
export async function handleDigest(deps: AppDeps, job: ClaimedJob<'notification-digest'>): Promise<void> {
  const schoolId = schoolOf(job);
  const { date } = job.payload;
  const lastDate = (await latestDonePayload(deps.db, schoolId, DIGEST_JOB))?.date;
  const until = digestInstant(date);
  const since = digestInstant(lastDate && lastDate < date ? lastDate : previousDate(date));
  const now = deps.clock.now();
  // Class letters published since the last digest go in it too (class-letters, issue 12).
  const guardians = [
    ...new Set([
      ...(await findDigestRecipients(deps.db, schoolId, since, until)),
      ...(await classLetterDigestRecipients(deps.db, schoolId, since, until)),
    ]),
  ];
  const mails: NewJob[] = guardians.map((personId): NewJob<'digest-email'> => ({
    schoolId,
    kind: 'digest-email',
    payload: { personId, since: since.toISOString(), until: until.toISOString() },
    runAt: now,
    dedupeKey: `${DIGEST_EMAIL_JOB}:${schoolId}:${date}:${personId}`,
    createdAt: now,
  }));
  const next = nextDigestDate(now) > date ? nextDigestDate(now) : nextDate(date);
  await saveFanOut(deps, [], [...mails, digestJob(schoolId, next, now)]);
}

/** One guardian's digest e-mail: only what is still unread when it is sent; nothing when that is nothing. */
export async function handleDigestEmail(deps: AppDeps, job: ClaimedJob<'digest-email'>): Promise<void> {
  const schoolId = schoolOf(job);
  const { personId, since, until } = job.payload;
  const [reader, messages, letters] = await Promise.all([
    findDigestReader(deps.db, schoolId, personId),
    findDigestMessages(deps.db, schoolId, personId, new Date(since), new Date(until)),
    classLettersForDigest(deps.db, schoolId, personId, new Date(since), new Date(until)),
  ]);
  if (!reader?.email || messages.length + letters.length === 0) return;
  const mail = digestMail({
    locale: reader.locale,
    name: reader.given_name,
    messages: messages.map((m): MessageAbout => ({
      subject: m.subject,
      sender: senderName(m),
      urgent: false,
      url: threadUrl(deps, m.thread_id),
    })),
    letters: letters.map((l) => ({
      title: l.title,
      className: l.className,
      url: `${deps.config.publicUrl}/schools/${schoolId}/class-letters/${l.letterId}`,
    })),
    inboxUrl: `${deps.config.publicUrl}/messages`,
    lettersUrl: `${deps.config.publicUrl}/#class-letter-feed-${schoolId}`,
  });
  await deps.mailer.send({ schoolId, to: reader.email, ...mail });
}
