import type { Db } from '../db/database.js';

/**
 * Tells this process's job loop that a unit of work has committed new jobs, so a job due now (a
 * message's "at once" e-mail) runs right after the commit instead of at the loop's next poll.
 * Only a hint: the jobs are rows, and every process's loop still finds them by polling.
 */
export interface JobSignal {
  /** Called after a commit that queued jobs. */
  queued(): void;
  /** Calls `listener` after each such commit; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export function createJobSignal(): JobSignal {
  const listeners = new Set<() => void>();
  return {
    queued() {
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The transactions that queued jobs; a transaction is forgotten with its handle. */
const queuing = new WeakSet<Db>();

/** Marks a unit of work's transaction as one that queued jobs (job-queue.ts does it). */
export function markJobsQueued(db: Db): void {
  if (db.isTransaction) queuing.add(db);
}

/** Whether the transaction queued jobs; asked once it has committed. */
export const queuedJobsIn = (db: Db): boolean => queuing.has(db);
