import { sql, type Kysely } from 'kysely';

/**
 * The inbox (issue 4) finds a user's threads at all their schools through their person records
 * (`people.user_id = …` with no school), as do the other lookups "among the user's own schools".
 * The only index on `user_id` starts with `school_id`, so PostgreSQL scanned every person of every
 * school on each inbox request (bench/README.md, "Messages"); this one serves the lookup directly.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index people_user_idx on people (user_id) where user_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists people_user_idx`.execute(db);
}
