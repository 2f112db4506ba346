import { sql, type Kysely } from 'kysely';

/**
 * Files sent with an e-mail (issue 10, point 6: a booked conference's time comes with its
 * calendar file). Kept in the outbox with the mail, so a mail that failed is sent again whole.
 * Each is `{ filename, contentType, content }` with text content (an .ics is a few hundred bytes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('mail_outbox')
    .addColumn('attachments', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').dropColumn('attachments').execute();
}
