import { sql, type Kysely } from 'kysely';

/**
 * Background work (issue 4): a job table that server processes claim with FOR UPDATE SKIP LOCKED,
 * and the in-app notifications that jobs such as the promise reminder leave for staff.
 * Our own small table rather than graphile-worker or pg-boss: those need a real PostgreSQL
 * connection with LISTEN/NOTIFY and do not run on PGlite, which Samspil must run on too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('school_id', 'uuid', (c) => c.references('schools.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('run_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('done_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    // The same piece of work (one reminder for one promise) is queued once however often it is asked for.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .execute();
  await sql`create index jobs_due_idx on jobs (run_at) where done_at is null`.execute(db);

  await db.schema
    .createTable('notifications')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'uuid')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addPrimaryKeyConstraint('notifications_pk', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'notifications_person_fk',
      ['school_id', 'person_id'],
      'people',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'notifications_thread_fk',
      ['school_id', 'thread_id'],
      'message_threads',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('notifications_person_idx')
    .on('notifications')
    .columns(['school_id', 'person_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').ifExists().execute();
  await db.schema.dropTable('jobs').ifExists().execute();
}
