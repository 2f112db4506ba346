import type { AppDeps } from '../deps.js';
import type { ClaimedJob } from '../jobs/job.repository.js';
import { insertJob } from '../jobs/job.repository.js';
import { insertNotifications } from '../notifications/notification.repository.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import { promiseReminderMail, promiseReminderNotice } from '../notify/templates/promise-reminder.js';
import { formatDueDate, nextOutsideQuietHours, reminderAt, type SchoolCalendar } from '../../domain/calendar/working-days.js';
import type { TQuietHours } from '../../shared/principle/principle.schema.js';
import { findStaffRecipients, findThreadPromise } from './promise-reminder.repository.js';

export const PROMISE_REMINDER_JOB = 'promise-reminder';

/**
 * When staff are reminded of a promise: 08:00 on the working day before it falls due, at once
 * when that has passed, and never inside the principle's quiet hours, which the staff keep too.
 */
export function promiseReminderRunAt(now: Date, dueAt: Date, quiet: TQuietHours | null, calendar: SchoolCalendar): Date {
  const at = reminderAt(dueAt, calendar);
  return nextOutsideQuietHours(at > now ? at : now, quiet, calendar);
}

/**
 * Queues the reminder for a thread's open promise. Called after every guardian message; the
 * dedupe key (thread and due moment) makes a repeated call, or one for a promise left as it
 * was, queue nothing new, while a renewed promise gets its own reminder.
 */
export async function schedulePromiseReminder(deps: Pick<AppDeps, 'db' | 'clock'>, schoolId: string, threadId: string): Promise<void> {
  const thread = await findThreadPromise(deps.db, schoolId, threadId);
  if (!thread?.reply_due_at || thread.promise_fulfilled_at) return;
  const dueAt = thread.reply_due_at;
  const [adopted, calendar] = await Promise.all([findAdoptedPrinciple(deps.db, schoolId), loadSchoolCalendar(deps.db, schoolId)]);
  const now = deps.clock.now();
  await insertJob(deps.db, {
    schoolId,
    kind: PROMISE_REMINDER_JOB,
    payload: { threadId, dueAt: dueAt.toISOString() },
    runAt: promiseReminderRunAt(now, dueAt, adopted?.principle.communication.quietHours ?? null, calendar),
    dedupeKey: `${PROMISE_REMINDER_JOB}:${threadId}:${dueAt.toISOString()}`,
    createdAt: now,
  });
}

/** The reminder itself: only while the same promise is still open, to each staff member in the thread. */
export async function handlePromiseReminder(deps: AppDeps, job: ClaimedJob): Promise<void> {
  const { threadId, dueAt } = job.payload as { threadId: string; dueAt: string };
  if (!job.schoolId) throw new Error('a promise reminder without a school');
  const schoolId = job.schoolId;
  const thread = await findThreadPromise(deps.db, schoolId, threadId);
  if (!thread?.reply_due_at || thread.promise_fulfilled_at || thread.reply_due_at.toISOString() !== dueAt) return;
  const due = thread.reply_due_at;
  const staff = await findStaffRecipients(deps.db, schoolId, threadId);
  const now = deps.clock.now();
  await insertNotifications(
    deps.db,
    staff.map((s) => ({ schoolId, personId: s.person_id, kind: PROMISE_REMINDER_JOB, threadId, createdAt: now, ...promiseReminderNotice(s.locale ?? 'da', thread.subject, formatDueDate(due, s.locale ?? 'da')) })),
  );
  for (const s of staff) {
    const to = s.user_email ?? s.person_email;
    if (!to) continue;
    const locale = s.locale ?? 'da';
    const mail = promiseReminderMail({ locale, name: s.given_name, subject: thread.subject, dueDay: formatDueDate(due, locale), appUrl: `${deps.config.publicUrl}/messages/${threadId}` });
    await deps.mailer.send({ schoolId, to, ...mail });
  }
}
