import { sql, type Kysely } from 'kysely';

/**
 * Sign-in throttling keeps a row per address and per address and client (issue 9), so a guesser
 * from many clients leaves many rows. Failed sign-ins remove the rows whose window has long
 * passed; this index finds them without reading the whole table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index sign_in_throttle_window_idx on sign_in_throttle (window_started_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists sign_in_throttle_window_idx`.execute(db);
}
