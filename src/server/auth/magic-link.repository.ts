import type { Db } from '../db/database.js';

/**
 * Stores a new link unless the user already has `max` links created since `since`. The user's
 * row is locked while counting, so simultaneous requests cannot all slip under the limit.
 */
export async function insertMagicLinkWithinLimit(
  db: Db,
  link: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date },
  limit: { since: Date; max: number },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('users').select('id').where('id', '=', link.userId).forUpdate().executeTakeFirst();
    const { count } = await trx
      .selectFrom('magic_links')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('user_id', '=', link.userId)
      .where('created_at', '>', limit.since)
      .executeTakeFirstOrThrow();
    if (Number(count) >= limit.max) return false;
    await trx
      .insertInto('magic_links')
      .values({
        token_hash: link.tokenHash,
        user_id: link.userId,
        created_at: link.createdAt,
        expires_at: link.expiresAt,
        used_at: null,
      })
      .execute();
    return true;
  });
}

/**
 * Uses a link in one statement, so two requests with the same token cannot both succeed.
 * Returns the link's user, or undefined when the token is unknown, used or expired.
 */
export async function consumeMagicLink(db: Db, tokenHash: string, now: Date): Promise<string | undefined> {
  const row = await db
    .updateTable('magic_links')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

/** Retires a user's other open links once one has been used. */
export async function retireOpenMagicLinks(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('magic_links')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}
