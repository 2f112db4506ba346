import { sql, type Kysely } from 'kysely';

/**
 * Group messages (issue 4): a staff member writes to the guardians of a class in one thread, and
 * each guardian's answer goes to the staff alone, in a private thread of its own that points back
 * at the group message. Other guardians never see it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('message_threads')
    .addColumn('class_id', 'uuid')
    .addColumn('parent_thread_id', 'uuid')
    .execute();
  await sql`alter table message_threads add constraint message_threads_class_fk foreign key (school_id, class_id) references classes (school_id, id) on delete cascade`.execute(
    db,
  );
  await sql`alter table message_threads add constraint message_threads_parent_fk foreign key (school_id, parent_thread_id) references message_threads (school_id, id) on delete cascade`.execute(
    db,
  );
  // One private reply thread per guardian and group message, also when two first replies race.
  await sql`create unique index message_threads_private_reply_idx on message_threads (school_id, parent_thread_id, created_by) where parent_thread_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('message_threads').dropColumn('parent_thread_id').dropColumn('class_id').execute();
}
