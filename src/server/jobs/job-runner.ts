import type { AppDeps } from '../deps.js';
import { claimDueJobs, markJobDone, markJobFailed, rescheduleJob, type ClaimedJob } from './job.repository.js';

export type JobHandler = (deps: AppDeps, job: ClaimedJob) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** Jobs one runner takes at a time; the rest wait for the next round or another process. */
const BATCH_SIZE = 20;
/** Longer than any job should take; a job still claimed after this is taken to have died with its runner. */
const LEASE_MS = 10 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 3_600_000;
/**
 * After this many failed runs (about 1.5 days with the back-off above) a job is left marked
 * failed: an address that bounces or a message deleted since should not be retried forever.
 */
export const MAX_JOB_ATTEMPTS = 10;

/** Told about each job that was given up, so an operator sees it in the log. */
export type OnJobGaveUp = (job: ClaimedJob, error: string) => void;

const logGaveUp: OnJobGaveUp = (job, error) =>
  console.error(
    JSON.stringify({
      level: 'error',
      msg: 'job failed for good',
      jobId: job.id,
      kind: job.kind,
      schoolId: job.schoolId,
      attempts: job.attempts,
      error,
    }),
  );

/** A failed job waits one minute, then twice as long after each further failure, at most six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/** Runs every job due now once; returns how many were claimed. Tests call it with the manual clock. */
export async function runDueJobs(
  deps: AppDeps,
  handlers: JobHandlers,
  onGaveUp: OnJobGaveUp = logGaveUp,
): Promise<number> {
  const jobs = await claimDueJobs(deps.db, deps.clock.now(), BATCH_SIZE, LEASE_MS);
  for (const job of jobs) {
    try {
      const handler = handlers[job.kind];
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(deps, job);
      await markJobDone(deps.db, job.id, deps.clock.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (job.attempts >= MAX_JOB_ATTEMPTS) {
        await markJobFailed(deps.db, job.id, deps.clock.now(), message);
        onGaveUp(job, message);
      } else {
        await rescheduleJob(
          deps.db,
          job.id,
          new Date(deps.clock.now().getTime() + retryDelayMs(job.attempts)),
          message,
        );
      }
    }
  }
  return jobs.length;
}

export interface JobLoop {
  /** Stops polling and waits for a round in progress to finish. */
  stop(): Promise<void>;
}

/** Polls for due jobs every `intervalMs` in `samspil serve`; several processes may poll the same table. */
export function startJobLoop(
  deps: AppDeps,
  handlers: JobHandlers,
  intervalMs: number,
  onError: (error: unknown) => void = console.error,
): JobLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  const tick = () => {
    round = (async () => {
      try {
        // Keep going while jobs were found: more may be waiting, and a job may have queued others
        // due at once (a new message's e-mails), which should not wait a whole interval.
        while (!stopped && (await runDueJobs(deps, handlers)) > 0);
      } catch (error) {
        onError(error);
      }
      if (!stopped) timer = setTimeout(tick, intervalMs);
    })();
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
