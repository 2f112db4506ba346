import type { Db } from '../db/database.js';
import type { ThrottleState } from './sign-in-throttle.js';

/**
 * Reads the throttle row of one key under a row lock, lets `decide` compute the next state and
 * writes it back, so concurrent sign-ins for the same address are counted one after another.
 * A missing row is first created as an empty window, so there is always a row to lock.
 */
export async function updateThrottle<T extends { state: ThrottleState }>(
  db: Db,
  key: string,
  now: Date,
  decide: (current: ThrottleState) => T,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
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
    const result = decide({
      failures: row.failures,
      windowStartedAt: row.window_started_at,
      lockedUntil: row.locked_until,
    });
    await trx
      .updateTable('sign_in_throttle')
      .set({
        failures: result.state.failures,
        window_started_at: result.state.windowStartedAt,
        locked_until: result.state.lockedUntil,
      })
      .where('key', '=', key)
      .execute();
    return result;
  });
}

export async function deleteThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
