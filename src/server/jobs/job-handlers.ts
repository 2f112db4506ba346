import type { JobHandlers } from './job-runner.js';
import { handlePromiseReminder, PROMISE_REMINDER_JOB } from '../messaging/promise-reminder.service.js';

/** Every kind of background job the server runs. */
export const JOB_HANDLERS: JobHandlers = {
  [PROMISE_REMINDER_JOB]: handlePromiseReminder,
};
