import type { Db } from '../db/database.js';
import { JOB_PAYLOADS, type JobKind, type JobPayload, type NewJob } from './job-kinds.js';
import { deletePendingJobs, findLatestDoneJob, insertJobs } from './job.repository.js';
import { markJobsQueued } from './job-signal.js';

/**
 * Queues jobs with the database handle of the use case that wants them, so in a unit of work
 * they commit with its rows or not at all. Each payload is checked against its kind's schema.
 * Once the unit of work commits, the process's job loop is woken (job-signal.ts).
 */
export async function enqueueJobs(db: Db, jobs: ReadonlyArray<NewJob>): Promise<void> {
  await insertJobs(
    db,
    jobs.map((job) => ({ ...job, payload: JOB_PAYLOADS[job.kind].parse(job.payload) as Record<string, unknown> })),
  );
  markJobsQueued(db);
}

export const enqueueJob = <K extends JobKind>(db: Db, job: NewJob<K>): Promise<void> => enqueueJobs(db, [job]);

/**
 * Drops the school's queued jobs of a kind whose dedupe key starts with `dedupeKeyPrefix`, with
 * the use case's handle (e.g. a cancelled event's reminder, in the cancel's unit of work). Done
 * jobs stay, so their keys still keep a repeat out. Returns how many were dropped.
 */
export const dropQueuedJobs = (db: Db, schoolId: string, kind: JobKind, dedupeKeyPrefix: string): Promise<number> =>
  deletePendingJobs(db, schoolId, kind, dedupeKeyPrefix);

/** The payload of the school's job of this kind that finished last (e.g. the previous digest), if it still fits its kind. */
export async function latestDonePayload<K extends JobKind>(
  db: Db,
  schoolId: string,
  kind: K,
): Promise<JobPayload<K> | null> {
  const done = await findLatestDoneJob(db, schoolId, kind);
  const payload = done ? JOB_PAYLOADS[kind].safeParse(done.payload) : null;
  return payload?.success ? (payload.data as JobPayload<K>) : null;
}
