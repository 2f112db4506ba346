import type { Db } from '../db/database.js';
import { hashPassword } from '../auth/password.js';

/** A login identity for auth tests; the shared fixture's users have no password. */
export async function createTestUser(
  db: Db,
  user: { email: string; name?: string; password?: string; locale?: 'da' | 'en' },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name ?? 'Test Bruger',
      password_hash: user.password ? await hashPassword(user.password) : null,
      locale: user.locale ?? 'da',
      oidc_issuer: null,
      oidc_subject: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
