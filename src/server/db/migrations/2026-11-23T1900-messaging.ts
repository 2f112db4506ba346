import { sql, type Kysely } from 'kysely';

/**
 * Messages with a promise (issue 4): threads between homes and staff, their messages and
 * participants, and the school's own closed days that the reply promise skips. Keys start with
 * `school_id` like the core tables, so every row stays with its school.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One conversation. A thread about a child is linked to that child; the reply promise is the
  // moment by which staff have promised to answer the newest unanswered guardian message.
  await db.schema
    .createTable('message_threads')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('direct')
        .check(sql`kind in ('direct', 'group')`),
    )
    .addColumn('student_id', 'uuid')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_message_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reply_due_at', 'timestamptz')
    .addColumn('promise_fulfilled_at', 'timestamptz')
    .addColumn('promise_fulfilled_by', 'uuid')
    .addPrimaryKeyConstraint('message_threads_pk', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'message_threads_student_fk',
      ['school_id', 'student_id'],
      'students',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('message_threads_created_by_fk', ['school_id', 'created_by'], 'people', [
      'school_id',
      'id',
    ])
    .addForeignKeyConstraint('message_threads_fulfilled_by_fk', ['school_id', 'promise_fulfilled_by'], 'people', [
      'school_id',
      'id',
    ])
    .execute();
  // The leadership's list of broken promises reads only open promises.
  await sql`create index message_threads_open_promise_idx on message_threads (school_id, reply_due_at) where promise_fulfilled_at is null and reply_due_at is not null`.execute(
    db,
  );

  await db.schema
    .createTable('thread_participants')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('thread_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('guardian', 'staff')`))
    .addColumn('last_read_at', 'timestamptz')
    .addPrimaryKeyConstraint('thread_participants_pk', ['school_id', 'thread_id', 'person_id'])
    .addForeignKeyConstraint(
      'thread_participants_thread_fk',
      ['school_id', 'thread_id'],
      'message_threads',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'thread_participants_person_fk',
      ['school_id', 'person_id'],
      'people',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('thread_participants_person_idx')
    .on('thread_participants')
    .columns(['school_id', 'person_id'])
    .execute();

  // The body is plain text, never HTML: clients escape it when they show it. The idempotency key
  // is unique per author, so a retried send stores one message however often it arrives.
  await db.schema
    .createTable('messages')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('thread_id', 'uuid', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('message')
        .check(sql`kind in ('message', 'acknowledgement')`),
    )
    .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(body) <= 20000`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    // Messages written in the same millisecond still keep the order they were written in.
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addPrimaryKeyConstraint('messages_pk', ['school_id', 'id'])
    .addUniqueConstraint('messages_idempotency_key', ['school_id', 'author_id', 'idempotency_key'])
    .addForeignKeyConstraint(
      'messages_thread_fk',
      ['school_id', 'thread_id'],
      'message_threads',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('messages_author_fk', ['school_id', 'author_id'], 'people', ['school_id', 'id'])
    .execute();
  await db.schema
    .createIndex('messages_thread_idx')
    .on('messages')
    .columns(['school_id', 'thread_id', 'created_at'])
    .execute();

  // Days the school is closed beyond the public holidays (autumn and winter holidays, the
  // school's own days off): no promise falls due on them.
  await db.schema
    .createTable('school_closed_days')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('school_closed_days_pk', ['school_id', 'date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['school_closed_days', 'messages', 'thread_participants', 'message_threads']) {
    await db.schema.dropTable(table).ifExists().cascade().execute();
  }
}
