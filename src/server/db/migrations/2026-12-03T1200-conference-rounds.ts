import { sql, type Kysely } from 'kysely';

/**
 * Conference rounds (issue 10): a round of school-home conferences for some classes, its
 * afternoons, and what it offers. Keys start with `school_id` like every school-owned table. The
 * idempotency key makes a retried "create" store one round.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('conference_rounds')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('regular', 'needs_based')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'open', 'planning', 'published', 'finished')`),
    )
    .addColumn('minutes_by_grade', 'jsonb', (c) => c.notNull())
    .addColumn('also_taking_part', 'jsonb', (c) => c.notNull())
    .addColumn('formats', 'jsonb', (c) => c.notNull())
    .addColumn('video_link', 'text')
    .addColumn('invite_on', 'date', (c) => c.notNull())
    .addColumn('plans_by', 'date')
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addPrimaryKeyConstraint('conference_rounds_pk', ['school_id', 'id'])
    .addUniqueConstraint('conference_rounds_idempotency_key', ['school_id', 'created_by', 'idempotency_key'])
    .addForeignKeyConstraint('conference_rounds_created_by_fk', ['school_id', 'created_by'], 'people', [
      'school_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('conference_round_classes')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('round_id', 'uuid', (c) => c.notNull())
    .addColumn('class_id', 'uuid', (c) => c.notNull())
    .addColumn('room', 'text')
    .addPrimaryKeyConstraint('conference_round_classes_pk', ['school_id', 'round_id', 'class_id'])
    .addForeignKeyConstraint(
      'conference_round_classes_round_fk',
      ['school_id', 'round_id'],
      'conference_rounds',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'conference_round_classes_class_fk',
      ['school_id', 'class_id'],
      'classes',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('conference_round_classes_class_idx')
    .on('conference_round_classes')
    .columns(['school_id', 'class_id'])
    .execute();

  await db.schema
    .createTable('conference_round_days')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('round_id', 'uuid', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conference_round_days_pk', ['school_id', 'round_id', 'date'])
    .addForeignKeyConstraint(
      'conference_round_days_round_fk',
      ['school_id', 'round_id'],
      'conference_rounds',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addCheckConstraint('conference_round_days_order', sql`starts_at < ends_at`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['conference_round_days', 'conference_round_classes', 'conference_rounds']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
