import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** What sign-in needs to know about a login identity. */
const AUTH_USER_COLUMNS = ['id', 'name', 'email', 'locale', 'password_hash', 'oidc_issuer', 'oidc_subject'] as const;

/** E-mail addresses are unique regardless of case (index `users_email_key` on lower(email)). */
export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(AUTH_USER_COLUMNS)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Db, userId: string) {
  return db.selectFrom('users').select(AUTH_USER_COLUMNS).where('id', '=', userId).executeTakeFirst();
}

export async function findUserByOidcIdentity(db: Db, issuer: string, subject: string) {
  return db
    .selectFrom('users')
    .select(AUTH_USER_COLUMNS)
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
}

/** Links an identity at the login service to a user that has none yet; false when the user already has one. */
export async function linkOidcIdentity(db: Db, userId: string, issuer: string, subject: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ oidc_issuer: issuer, oidc_subject: subject })
    .where('id', '=', userId)
    .where('oidc_subject', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
