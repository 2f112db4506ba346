import { sql, type Kysely } from 'kysely';

/**
 * A class's letters are listed with their images and files (`attachments.class_letter_id`), and a
 * letter's removal cascades to them: without an index each of these read every attachment row of
 * the school, messages' files included. Partial, since most attachments belong to messages.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index attachments_class_letter_idx on attachments (school_id, class_letter_id) where class_letter_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists attachments_class_letter_idx`.execute(db);
}
