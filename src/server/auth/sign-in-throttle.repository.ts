import type { Db } from '../db/database.js';
import type { ThrottleState } from './sign-in-throttle.js';

/**
 * The throttle row of one key, locked for the rest of the transaction `trx`, so concurrent
 * sign-ins for the same address are counted one after another. A missing row is first created
 * as an empty window, so there is always a row to lock.
 */
export async function lockThrottle(trx: Db, key: string, now: Date): Promise<ThrottleState> {
  await trx
    .insertInto('sign_in_throttle')
    .values({ key, failures: 0, window_started_at: now, locked_until: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await trx
    .selectFrom('sign_in_throttle')
    .select(['failures', 'window_started_at', 'locked_until'])
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until };
}

export async function saveThrottle(db: Db, key: string, state: ThrottleState): Promise<void> {
  await db
    .updateTable('sign_in_throttle')
    .set({ failures: state.failures, window_started_at: state.windowStartedAt, locked_until: state.lockedUntil })
    .where('key', '=', key)
    .execute();
}

export async function deleteThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
