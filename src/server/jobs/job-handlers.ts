import type { JobHandlers } from './job-runner.js';
import {
  handlePromiseReminder,
  handlePromiseReminderEmail,
  PROMISE_REMINDER_EMAIL_JOB,
  PROMISE_REMINDER_JOB,
} from '../messaging/promise-reminder.service.js';
import { MESSAGE_NOTIFICATION_JOB } from '../notifications/message-notification.repository.js';
import {
  DIGEST_EMAIL_JOB,
  DIGEST_JOB,
  handleDigest,
  handleDigestEmail,
  handleMessageEmail,
  handleMessageNotification,
  MESSAGE_EMAIL_JOB,
} from '../notifications/message-notification.service.js';
import { handleRemoveStaleAttachments, REMOVE_STALE_ATTACHMENTS_JOB } from '../attachments/attachment.service.js';

/** Every kind of background job the server runs. */
export const JOB_HANDLERS: JobHandlers = {
  [PROMISE_REMINDER_JOB]: handlePromiseReminder,
  [PROMISE_REMINDER_EMAIL_JOB]: handlePromiseReminderEmail,
  [MESSAGE_NOTIFICATION_JOB]: handleMessageNotification,
  [MESSAGE_EMAIL_JOB]: handleMessageEmail,
  [DIGEST_JOB]: handleDigest,
  [DIGEST_EMAIL_JOB]: handleDigestEmail,
  [REMOVE_STALE_ATTACHMENTS_JOB]: handleRemoveStaleAttachments,
};
