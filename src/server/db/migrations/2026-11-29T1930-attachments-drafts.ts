import { sql, type Kysely } from 'kysely';

/**
 * Attachments and drafts (issue 4). An attachment is uploaded before its message is sent and
 * waits, owned by its uploader alone, with message_id null; sending claims it for the message in
 * the transaction that stores the message. The bytes live in the database like the messages
 * they belong to, so a backup of one is a backup of both. A draft is one per writer and composer
 * target (a new thread about a child, a reply in a thread, a message to a class, to colleagues or
 * from the leadership to parents).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull())
    .addColumn('message_id', 'uuid')
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    // A message lists its files in the order they were uploaded, even within one millisecond.
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addPrimaryKeyConstraint('attachments_pk', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'attachments_uploader_fk',
      ['school_id', 'uploaded_by'],
      'people',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'attachments_message_fk',
      ['school_id', 'message_id'],
      'messages',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('attachments_message_idx')
    .on('attachments')
    .columns(['school_id', 'message_id'])
    .execute();
  // The clean-up of uploads never sent reads only the pending ones.
  await sql`create index attachments_pending_idx on attachments (school_id, created_at) where message_id is null`.execute(
    db,
  );

  await db.schema
    .createTable('drafts')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`target_kind in ('new-thread', 'reply', 'class-message', 'staff-thread', 'parents-message')`),
    )
    .addColumn('target_id', 'uuid', (c) => c.notNull())
    .addColumn('subject', 'text', (c) =>
      c
        .notNull()
        .defaultTo('')
        .check(sql`char_length(subject) <= 200`),
    )
    .addColumn('body', 'text', (c) =>
      c
        .notNull()
        .defaultTo('')
        .check(sql`char_length(body) <= 20000`),
    )
    .addColumn('attachment_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('drafts_pk', ['school_id', 'person_id', 'target_kind', 'target_id'])
    .addForeignKeyConstraint('drafts_person_fk', ['school_id', 'person_id'], 'people', ['school_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('drafts').ifExists().execute();
  await db.schema.dropTable('attachments').ifExists().execute();
}
