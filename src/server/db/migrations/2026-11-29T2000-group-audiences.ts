import { sql, type Kysely } from 'kysely';

/**
 * Group messages to a whole grade ("Forældre i 3. årgang") and to the whole school ("Forældre på
 * Demo Skole"), issue 4. A group thread names its audience by at most one of `class_id` and
 * `grade`; with neither it went to the whole school. A grade is a number, not a row: the grade's
 * classes are looked up when the message is sent, so a class added later is not in an old message.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('message_threads')
    .addColumn('grade', 'integer', (c) => c.check(sql`grade between 0 and 10`))
    .execute();
  await sql`alter table message_threads add constraint message_threads_group_audience_check check (class_id is null or grade is null)`.execute(
    db,
  );
  await sql`alter table message_threads add constraint message_threads_grade_group_check check (grade is null or kind = 'group')`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table message_threads drop constraint if exists message_threads_grade_group_check`.execute(db);
  await sql`alter table message_threads drop constraint if exists message_threads_group_audience_check`.execute(db);
  await db.schema.alterTable('message_threads').dropColumn('grade').execute();
}
