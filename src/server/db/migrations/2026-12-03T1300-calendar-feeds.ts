import type { Kysely } from 'kysely';

/**
 * Each user's private calendar feed (issue 10, point 6): a secret token in a URL that calendar
 * apps fetch without a cookie. The token is kept as it is (the feed's URL is shown again on the
 * profile), it reads only the user's own meetings, and renewing it or revoking it ends the old URL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').ifExists().execute();
}
