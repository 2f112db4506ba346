import { sql, type Kysely } from 'kysely';

/**
 * Notifications that reach people without drowning them (issue 4): each person's setting per
 * school (guardians: e-mail at once or a daily digest; staff: their own quiet hours), notices that
 * remember the message they announce (so a digest leaves out what was read in the app), and jobs
 * that give up after a number of attempts instead of retrying forever.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_settings')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('mode', 'text', (c) =>
      c
        .notNull()
        .defaultTo('digest')
        .check(sql`mode in ('immediate', 'digest')`),
    )
    // The staff member's own quiet hours ({from, to, weekends}); null: none. No row: the principle's.
    .addColumn('quiet_hours', 'jsonb')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_settings_pk', ['school_id', 'person_id'])
    .addForeignKeyConstraint(
      'notification_settings_person_fk',
      ['school_id', 'person_id'],
      'people',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema.alterTable('notifications').addColumn('message_id', 'uuid').addColumn('dedupe_key', 'text').execute();
  // A retried fan-out leaves one notice per person and occasion however often it runs.
  await sql`create unique index notifications_dedupe_idx on notifications (school_id, person_id, dedupe_key) where dedupe_key is not null`.execute(
    db,
  );

  await db.schema.alterTable('jobs').addColumn('failed_at', 'timestamptz').execute();
  await sql`drop index jobs_due_idx`.execute(db);
  await sql`create index jobs_due_idx on jobs (run_at) where done_at is null and failed_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index jobs_due_idx`.execute(db);
  await db.schema.alterTable('jobs').dropColumn('failed_at').execute();
  await sql`create index jobs_due_idx on jobs (run_at) where done_at is null`.execute(db);
  await sql`drop index notifications_dedupe_idx`.execute(db);
  await db.schema.alterTable('notifications').dropColumn('message_id').dropColumn('dedupe_key').execute();
  await db.schema.dropTable('notification_settings').execute();
}
