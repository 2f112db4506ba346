import { sql, type Kysely } from 'kysely';

/**
 * Urgent messages (issue 4): only staff may mark a message to a home as urgent (illness, safety).
 * An urgent message is announced at once, past the guardian's digest and quiet hours, and every
 * use is logged; the partial index lets the leadership list those uses quickly.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('messages')
    .addColumn('urgent', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`create index messages_urgent_idx on messages (school_id, created_at) where urgent`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('urgent').execute();
}
