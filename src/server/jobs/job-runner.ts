import type { AppDeps } from '../deps.js';
import { inTransaction } from '../context.js';
import { JOB_PAYLOADS, isJobKind, type ClaimedJob, type JobKind } from './job-kinds.js';
import { claimDueJobs, markJobDone, markJobFailed, rescheduleJob, type ClaimedJobRow } from './job.repository.js';

export type JobHandler<K extends JobKind = JobKind> = (deps: AppDeps, job: ClaimedJob<K>) => Promise<void>;
/** The handler of each kind; the server's own list (job-handlers.ts) has one for every kind. */
export type JobHandlers = { readonly [K in JobKind]?: JobHandler<K> };

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
export type OnJobGaveUp = (job: ClaimedJobRow, error: string) => void;

/** A failed job waits one minute, then twice as long after each further failure, at most six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/** A job's handler, given its payload checked against its kind; a job no handler or schema fits can never succeed. */
function prepare(
  handlers: JobHandlers,
  row: ClaimedJobRow,
): { run: (deps: AppDeps) => Promise<void> } | { unusable: string } {
  if (!isJobKind(row.kind)) return { unusable: `no job kind "${row.kind}"` };
  const handler = handlers[row.kind] as JobHandler | undefined;
  if (!handler) return { unusable: `no handler for job kind "${row.kind}"` };
  const payload = JOB_PAYLOADS[row.kind].safeParse(row.payload);
  if (!payload.success) return { unusable: `the payload does not fit "${row.kind}": ${payload.error.message}` };
  const job = { ...row, kind: row.kind, payload: payload.data } as ClaimedJob;
  return { run: (deps) => handler(deps, job) };
}

/**
 * Runs every job due now once; returns how many were claimed. Tests call it with the manual
 * clock. Failures are retried with back-off; a job given up is logged through the application's
 * log (and told to `onGaveUp`).
 */
export async function runDueJobs(deps: AppDeps, handlers: JobHandlers, onGaveUp?: OnJobGaveUp): Promise<number> {
  const now = deps.clock.now();
  const jobs = await inTransaction(deps, (tx) =>
    claimDueJobs(tx.db, now, BATCH_SIZE, new Date(now.getTime() + LEASE_MS)),
  );
  const gaveUp = async (job: ClaimedJobRow, error: string) => {
    await markJobFailed(deps.db, job.id, deps.clock.now(), error);
    deps.log.error(
      { jobId: job.id, kind: job.kind, schoolId: job.schoolId, attempts: job.attempts, error },
      'job failed for good',
    );
    onGaveUp?.(job, error);
  };
  for (const job of jobs) {
    const prepared = prepare(handlers, job);
    if ('unusable' in prepared) {
      await gaveUp(job, prepared.unusable);
      continue;
    }
    try {
      await prepared.run(deps);
      await markJobDone(deps.db, job.id, deps.clock.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (job.attempts >= MAX_JOB_ATTEMPTS) await gaveUp(job, message);
      else
        await rescheduleJob(
          deps.db,
          job.id,
          new Date(deps.clock.now().getTime() + retryDelayMs(job.attempts)),
          message,
        );
    }
  }
  return jobs.length;
}

export interface JobLoop {
  /** Stops polling and waits for a round in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Polls for due jobs every `intervalMs` in `samspil serve`; several processes may poll the same
 * table. A commit in this process that queued jobs wakes the loop at once (job-signal.ts).
 */
export function startJobLoop(
  deps: AppDeps,
  handlers: JobHandlers,
  intervalMs: number,
  onError: (error: unknown) => void = (error) => deps.log.error({ err: error }, 'job round failed'),
): JobLoop {
  let stopped = false;
  let running = false;
  /** Jobs were queued while a round ran: look again before waiting. */
  let wokenDuringRound = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  const tick = () => {
    clearTimeout(timer);
    running = true;
    round = (async () => {
      try {
        // Keep going while jobs were found: more may be waiting, and a job may have queued others
        // due at once (a new message's e-mails), which should not wait a whole interval.
        do wokenDuringRound = false;
        while (!stopped && ((await runDueJobs(deps, handlers)) > 0 || wokenDuringRound));
      } catch (error) {
        onError(error);
      }
      running = false;
      if (!stopped) timer = setTimeout(tick, intervalMs);
    })();
  };
  const unsubscribe = deps.jobs.subscribe(() => {
    if (stopped) return;
    if (running) wokenDuringRound = true;
    else tick();
  });
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      await round;
    },
  };
}
