import type { AppDeps } from '../deps.js';
import { absentOn } from '../staff-absence/staff-absence.service.js';
import type { ClaimedJob, JobKind, NewJob } from '../jobs/job-kinds.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { saveFanOut } from '../notifications/fan-out.js';
import { loadNotificationSettings } from '../notifications/notification-settings.service.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import { promiseReminderMail } from '../notify/templates/promise-reminder.js';
import { notice } from '../notifications/notice-text.js';
import {
  formatDueDate,
  nextOutsideQuietHours,
  reminderAt,
  type SchoolCalendar,
} from '../../domain/calendar/working-days.js';
import type { TQuietHours } from '../../shared/principle/principle.schema.js';
import { findStaffRecipients, findThreadPromise } from './promise-reminder.repository.js';

export const PROMISE_REMINDER_JOB = 'promise-reminder' satisfies JobKind;
export const PROMISE_REMINDER_EMAIL_JOB = 'promise-reminder-email' satisfies JobKind;

/**
 * When staff are reminded of a promise: 08:00 on the working day before it falls due, at once
 * when that has passed, and never inside the given quiet hours.
 */
export function promiseReminderRunAt(
  now: Date,
  dueAt: Date,
  quiet: TQuietHours | null,
  calendar: SchoolCalendar,
): Date {
  const at = reminderAt(dueAt, calendar);
  return nextOutsideQuietHours(at > now ? at : now, quiet, calendar);
}

/**
 * Queues the reminder for a thread's open promise. Called after every guardian message; the
 * dedupe key (thread and due moment) makes a repeated call, or one for a promise left as it
 * was, queue nothing new, while a renewed promise gets its own reminder. The job itself ignores
 * quiet hours: each staff member's e-mail waits for their own (see the handler).
 */
export async function schedulePromiseReminder(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  schoolId: string,
  threadId: string,
): Promise<void> {
  const thread = await findThreadPromise(deps.db, schoolId, threadId);
  if (!thread?.reply_due_at || thread.promise_fulfilled_at) return;
  const dueAt = thread.reply_due_at;
  const calendar = await loadSchoolCalendar(deps.db, schoolId);
  const now = deps.clock.now();
  await enqueueJob(deps.db, {
    schoolId,
    kind: PROMISE_REMINDER_JOB,
    payload: { threadId, dueAt: dueAt.toISOString() },
    runAt: promiseReminderRunAt(now, dueAt, null, calendar),
    dedupeKey: `${PROMISE_REMINDER_JOB}:${threadId}:${dueAt.toISOString()}`,
    createdAt: now,
  });
}

/** The same promise, still open: a reminder for an answered or renewed promise says nothing. */
async function openPromise(deps: AppDeps, schoolId: string, threadId: string, dueAt: string) {
  const thread = await findThreadPromise(deps.db, schoolId, threadId);
  if (!thread?.reply_due_at || thread.promise_fulfilled_at || thread.reply_due_at.toISOString() !== dueAt) return null;
  return { subject: thread.subject, due: thread.reply_due_at };
}

/**
 * The reminder: one transaction leaves each staff member in the thread a notice in the app and
 * queues one e-mail job each, at once or when that person's own quiet hours end. Notices and
 * jobs are keyed by promise and person, so a retry adds nothing, and a failed e-mail is retried
 * on its own without repeating anyone else's.
 */
export async function handlePromiseReminder(deps: AppDeps, job: ClaimedJob<'promise-reminder'>): Promise<void> {
  const { threadId, dueAt } = job.payload;
  if (!job.schoolId) throw new Error('a promise reminder without a school');
  const schoolId = job.schoolId;
  const promise = await openPromise(deps, schoolId, threadId, dueAt);
  if (!promise) return;
  const now = deps.clock.now();
  const inThread = await findStaffRecipients(deps.db, schoolId, threadId);
  // Someone away today is not reminded while a colleague in the thread (their substitute) is at work.
  const away = await absentOn(
    deps.db,
    schoolId,
    inThread.map((s) => s.person_id),
    now,
  );
  const atWork = inThread.filter((s) => !away.has(s.person_id));
  const staff = atWork.length > 0 ? atWork : inThread;
  const [settingsOf, calendar] = await Promise.all([
    loadNotificationSettings(
      deps.db,
      schoolId,
      staff.map((s) => s.person_id),
    ),
    loadSchoolCalendar(deps.db, schoolId),
  ]);
  const key = `${PROMISE_REMINDER_JOB}:${threadId}:${dueAt}`;
  const notices = staff.map((s) => ({
    schoolId,
    personId: s.person_id,
    threadId,
    dedupeKey: key,
    createdAt: now,
    ...notice('promise-reminder', { subject: promise.subject, dueAt: promise.due.toISOString() }, s.locale ?? 'da'),
  }));
  const mails = staff
    .filter((s) => s.user_email ?? s.person_email)
    .map((s): NewJob<'promise-reminder-email'> => ({
      schoolId,
      kind: PROMISE_REMINDER_EMAIL_JOB,
      payload: { threadId, dueAt, personId: s.person_id },
      runAt: nextOutsideQuietHours(now, settingsOf(s.person_id).quietHours, calendar),
      dedupeKey: `${PROMISE_REMINDER_EMAIL_JOB}:${threadId}:${dueAt}:${s.person_id}`,
      createdAt: now,
    }));
  await saveFanOut(deps, notices, mails);
}

/** One staff member's reminder e-mail; nothing when the promise was kept while it waited. */
export async function handlePromiseReminderEmail(
  deps: AppDeps,
  job: ClaimedJob<'promise-reminder-email'>,
): Promise<void> {
  const { threadId, dueAt, personId } = job.payload;
  if (!job.schoolId) throw new Error('a promise reminder without a school');
  const schoolId = job.schoolId;
  const promise = await openPromise(deps, schoolId, threadId, dueAt);
  if (!promise) return;
  const s = (await findStaffRecipients(deps.db, schoolId, threadId)).find((r) => r.person_id === personId);
  const to = s?.user_email ?? s?.person_email;
  if (!s || !to) return;
  const locale = s.locale ?? 'da';
  const mail = promiseReminderMail({
    locale,
    name: s.given_name,
    subject: promise.subject,
    dueDay: formatDueDate(promise.due, locale),
    appUrl: `${deps.config.publicUrl}/messages/${threadId}`,
  });
  await deps.mailer.send({ schoolId, to, ...mail });
}
