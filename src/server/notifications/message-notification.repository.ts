import type { Db } from '../db/database.js';
import { insertJob } from '../jobs/job.repository.js';

/** The job that tells a new message's recipients about it, in the app and by e-mail. */
export const MESSAGE_NOTIFICATION_JOB = 'message-notification';

/**
 * Queues the notification of one new message. Called inside the transaction that stores the
 * message, so a message that was stored is always announced, and a retried send (same message
 * id) queues nothing twice.
 */
export async function queueMessageNotification(trx: Db, input: { schoolId: string; threadId: string; messageId: string; at: Date }): Promise<void> {
  await insertJob(trx, {
    schoolId: input.schoolId,
    kind: MESSAGE_NOTIFICATION_JOB,
    payload: { threadId: input.threadId, messageId: input.messageId },
    runAt: input.at,
    dedupeKey: `${MESSAGE_NOTIFICATION_JOB}:${input.messageId}`,
    createdAt: input.at,
  });
}
