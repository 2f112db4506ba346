import { sql, type Kysely } from 'kysely';

/**
 * Written test results (folkeskoleloven § 13: "Forældrene skal underrettes skriftligt om
 * resultaterne af test"). A result is recorded by the student's class staff or the leadership;
 * sending it to the home writes one delivery row per custody holder, read when they open it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('test_results')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('student_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('national', 'local')`))
    .addColumn('test_name', 'text', (c) => c.notNull())
    .addColumn('taken_on', 'date', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('meaning', 'text', (c) => c.notNull())
    .addColumn('next_steps', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .addColumn('sent_by', 'uuid')
    .addColumn('idempotency_key', 'text')
    .addPrimaryKeyConstraint('test_results_pk', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'test_results_student_fk',
      ['school_id', 'student_id'],
      'students',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('test_results_recorder_fk', ['school_id', 'recorded_by'], 'people', ['school_id', 'id'])
    .addForeignKeyConstraint('test_results_sender_fk', ['school_id', 'sent_by'], 'people', ['school_id', 'id'])
    .execute();
  await db.schema
    .createIndex('test_results_student_idx')
    .on('test_results')
    .columns(['school_id', 'student_id', 'taken_on'])
    .execute();
  // A double click records one result: the same recorder's same key is one result.
  await sql`create unique index test_results_idempotency_idx on test_results (school_id, recorded_by, idempotency_key) where idempotency_key is not null`.execute(
    db,
  );
  await db.schema
    .createTable('test_result_deliveries')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('test_result_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('emailed', 'boolean', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addPrimaryKeyConstraint('test_result_deliveries_pk', ['school_id', 'test_result_id', 'person_id'])
    .addForeignKeyConstraint(
      'test_result_deliveries_result_fk',
      ['school_id', 'test_result_id'],
      'test_results',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'test_result_deliveries_person_fk',
      ['school_id', 'person_id'],
      'people',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('test_result_deliveries').ifExists().execute();
  await db.schema.dropTable('test_results').ifExists().execute();
}
