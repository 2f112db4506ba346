import type { AppDeps } from '../deps.js';
import { inTransaction } from '../context.js';
import type { NewJob } from '../jobs/job-kinds.js';
import { enqueueJobs } from '../jobs/job-queue.js';
import { insertNotifications, type NewNotification } from './notification.repository.js';

/**
 * Stores a fan-out as one unit of work: the notices (one per person and occasion, by their dedupe
 * key) and the e-mail jobs (one per mail, by theirs). A retried fan-out therefore adds nothing,
 * and each e-mail is retried on its own when its delivery fails.
 */
export async function saveFanOut(deps: AppDeps, notifications: NewNotification[], jobs: NewJob[]): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await insertNotifications(tx.db, notifications);
    await enqueueJobs(tx.db, jobs);
  });
}
