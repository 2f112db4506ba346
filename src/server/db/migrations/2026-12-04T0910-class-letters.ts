import { sql, type Kysely } from 'kysely';

/**
 * Class letters (issue 12, point 1; seed 001: the school writes home about the work in the
 * class): a letter or post per class in sanitised rich text, a draft, scheduled for a moment or
 * published; who of the class's homes has read it; and the images and files it carries, which
 * are attachments claimed by the letter as a message claims its own.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('class_letters')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('class_id', 'uuid', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'scheduled', 'published', 'cancelled')`),
    )
    .addColumn('publish_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('written_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addPrimaryKeyConstraint('class_letters_pk', ['school_id', 'id'])
    .addForeignKeyConstraint('class_letters_class_fk', ['school_id', 'class_id'], 'classes', ['school_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('class_letters_writer_fk', ['school_id', 'written_by'], 'people', ['school_id', 'id'])
    .addCheckConstraint('class_letters_scheduled_has_time', sql`status <> 'scheduled' or publish_at is not null`)
    .addCheckConstraint('class_letters_published_has_time', sql`status <> 'published' or published_at is not null`)
    .execute();
  await db.schema
    .createIndex('class_letters_class_idx')
    .on('class_letters')
    .columns(['school_id', 'class_id', 'published_at'])
    .execute();
  // A double click on "Publish" makes one letter: the same writer's same key is one letter.
  await sql`create unique index class_letters_idempotency_idx on class_letters (school_id, written_by, idempotency_key) where idempotency_key is not null`.execute(
    db,
  );
  await db.schema
    .createTable('class_letter_reads')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('letter_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('class_letter_reads_pk', ['school_id', 'letter_id', 'person_id'])
    .addForeignKeyConstraint(
      'class_letter_reads_letter_fk',
      ['school_id', 'letter_id'],
      'class_letters',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'class_letter_reads_person_fk',
      ['school_id', 'person_id'],
      'people',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema.alterTable('attachments').addColumn('class_letter_id', 'uuid').execute();
  await db.schema
    .alterTable('attachments')
    .addForeignKeyConstraint('attachments_class_letter_fk', ['school_id', 'class_letter_id'], 'class_letters', [
      'school_id',
      'id',
    ])
    .onDelete('cascade')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attachments').dropConstraint('attachments_class_letter_fk').execute();
  await db.schema.alterTable('attachments').dropColumn('class_letter_id').execute();
  await db.schema.dropTable('class_letter_reads').ifExists().execute();
  await db.schema.dropTable('class_letters').ifExists().execute();
}
