import type { Db } from '../db/database.js';

/**
 * How many links the user has had made since `since`, with the user's row locked for the rest of
 * the transaction `trx`, so simultaneous requests cannot all slip under a limit.
 */
export async function countLinksOfLockedUser(trx: Db, userId: string, since: Date): Promise<number> {
  await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
  const { count } = await trx
    .selectFrom('magic_links')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function insertMagicLink(
  db: Db,
  link: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('magic_links')
    .values({
      token_hash: link.tokenHash,
      user_id: link.userId,
      created_at: link.createdAt,
      expires_at: link.expiresAt,
      used_at: null,
    })
    .execute();
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
