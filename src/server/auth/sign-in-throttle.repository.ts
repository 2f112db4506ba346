import type { Db } from '../db/database.js';
import type { ThrottleState } from './sign-in-throttle.js';

/**
 * The throttle row of one key, locked for the rest of the transaction `trx`, so concurrent
 * sign-ins for the same address are counted one after another. A missing row is created as an
 * empty window; one statement inserts or locks, so a row removed meanwhile is simply made again.
 */
export async function lockThrottle(trx: Db, key: string, now: Date): Promise<ThrottleState> {
  const row = await trx
    .insertInto('sign_in_throttle')
    .values({ key, failures: 0, window_started_at: now, locked_until: null })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ key: eb.ref('excluded.key') })))
    .returning(['failures', 'window_started_at', 'locked_until'])
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

/**
 * Removes the rows whose window started before `before` and that hold no lock at `now`: both
 * rules treat such a row as no row at all, so removing it changes no decision.
 */
export async function deleteStaleThrottles(db: Db, before: Date, now: Date): Promise<void> {
  await db
    .deleteFrom('sign_in_throttle')
    .where('window_started_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}
