import type { Kysely } from 'kysely';

/**
 * A notification keeps what it is about (its kind's parameters: the subject, the sender, the due
 * time) besides the text written when it was made, so the list shows it in the reader's language
 * of the moment: a guardian who switches to English reads "New message", not "Ny besked". Rows
 * made before keep their text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('params', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('params').execute();
}
