import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** A job row to store; its payload has been checked against its kind (job-queue.ts). */
export interface JobRow {
  schoolId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  runAt: Date;
  dedupeKey: string | null;
  createdAt: Date;
}

/** A job as a runner claimed it, its payload not yet checked. */
export interface ClaimedJobRow {
  id: string;
  schoolId: string | null;
  kind: string;
  payload: unknown;
  /** Counting this run. */
  attempts: number;
}

/**
 * Queues jobs in one statement; one whose dedupe key was used before (done or not) is not queued
 * again.
 */
export async function insertJobs(db: Db, jobs: readonly JobRow[]): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .insertInto('jobs')
    .values(
      jobs.map((job) => ({
        school_id: job.schoolId,
        kind: job.kind,
        payload: JSON.stringify(job.payload),
        run_at: job.runAt,
        created_at: job.createdAt,
        dedupe_key: job.dedupeKey,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/**
 * Claims up to `limit` due jobs for one runner; `trx` must be a transaction. The rows are locked
 * with FOR UPDATE SKIP LOCKED, so a runner in another process never takes the same job, and the
 * claim is a lease: run_at moves to `leaseUntil`, so a runner that dies mid-job leaves the job to
 * be picked up again once the lease runs out rather than lost.
 */
export async function claimDueJobs(trx: Db, now: Date, limit: number, leaseUntil: Date): Promise<ClaimedJobRow[]> {
  const due = await trx
    .selectFrom('jobs')
    .select('id')
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('run_at', '<=', now)
    .orderBy('run_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (due.length === 0) return [];
  const rows = await trx
    .updateTable('jobs')
    .set({ run_at: leaseUntil, attempts: sql<number>`attempts + 1` })
    .where(
      'id',
      'in',
      due.map((d) => d.id),
    )
    .returning(['id', 'school_id', 'kind', 'payload', 'attempts'])
    .execute();
  return rows.map((r) => ({ id: r.id, schoolId: r.school_id, kind: r.kind, payload: r.payload, attempts: r.attempts }));
}

export async function markJobDone(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('jobs').set({ done_at: at, last_error: null }).where('id', '=', id).execute();
}

export async function rescheduleJob(db: Db, id: string, runAt: Date, error: string): Promise<void> {
  await db.updateTable('jobs').set({ run_at: runAt, last_error: error }).where('id', '=', id).execute();
}

/** Gives a job up for good: it keeps its last error and is never claimed again. */
export async function markJobFailed(db: Db, id: string, at: Date, error: string): Promise<void> {
  await db.updateTable('jobs').set({ failed_at: at, last_error: error }).where('id', '=', id).execute();
}

/** The school's job of a kind that finished last, e.g. the previous digest. */
export async function findLatestDoneJob(db: Db, schoolId: string, kind: string) {
  return db
    .selectFrom('jobs')
    .select(['id', 'payload', 'done_at'])
    .where('school_id', '=', schoolId)
    .where('kind', '=', kind)
    .where('done_at', 'is not', null)
    .orderBy('done_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Removes the school's jobs of a kind not yet done or given up whose dedupe key starts with
 * `dedupeKeyPrefix` (e.g. an event's reminder once the event moved or was cancelled). A job a
 * runner holds at that moment finds its row gone when it marks it done, which changes nothing.
 */
export async function deletePendingJobs(db: Db, schoolId: string, kind: string, dedupeKeyPrefix: string) {
  const removed = await db
    .deleteFrom('jobs')
    .where('school_id', '=', schoolId)
    .where('kind', '=', kind)
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('dedupe_key', 'like', `${dedupeKeyPrefix.replace(/[\\%_]/g, '\\$&')}%`)
    .returning('id')
    .execute();
  return removed.length;
}
