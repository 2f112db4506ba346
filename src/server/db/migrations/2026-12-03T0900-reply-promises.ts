import { sql, type Kysely } from 'kysely';

/**
 * Every reply promise a thread has made, kept or broken, so the principle's figures ("replies
 * within the promise", "time to answer") can count them for any period. The thread keeps only its
 * current promise (`reply_due_at`, `promise_fulfilled_at`); this table keeps each one: the moment the
 * guardian's message opened it, when it fell due and when staff first answered. At most one is open
 * per thread.
 *
 * Threads that carry a promise today get their current one; its opening moment is the latest
 * guardian message before it was kept (or the thread's start), which is what the thread still knows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reply_promises')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('thread_id', 'uuid', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('kept_at', 'timestamptz')
    .addColumn('kept_by', 'uuid')
    .addPrimaryKeyConstraint('reply_promises_pkey', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'reply_promises_thread_fkey',
      ['school_id', 'thread_id'],
      'message_threads',
      ['school_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('reply_promises_kept_after_opened', sql`kept_at is null or kept_at >= opened_at`)
    .execute();
  await sql`create unique index reply_promises_one_open_idx on reply_promises (school_id, thread_id) where kept_at is null`.execute(
    db,
  );
  await sql`create index reply_promises_due_idx on reply_promises (school_id, due_at)`.execute(db);
  await sql`create index reply_promises_kept_idx on reply_promises (school_id, kept_at) where kept_at is not null`.execute(
    db,
  );

  await sql`
    insert into reply_promises (school_id, thread_id, opened_at, due_at, kept_at, kept_by)
    select t.school_id, t.id,
      coalesce(
        (select max(m.created_at)
           from messages m
           join thread_participants p
             on p.school_id = m.school_id and p.thread_id = m.thread_id and p.person_id = m.author_id
          where m.school_id = t.school_id and m.thread_id = t.id and p.role = 'guardian'
            and m.created_at <= coalesce(t.promise_fulfilled_at, t.last_message_at)),
        t.created_at),
      t.reply_due_at, t.promise_fulfilled_at, t.promise_fulfilled_by
    from message_threads t
    where t.reply_due_at is not null
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reply_promises').execute();
}
