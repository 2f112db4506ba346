import { sql, type Kysely } from 'kysely';

/**
 * Students write to their contact teacher (issue 9, point 12). A student who writes takes part in
 * threads as a person of the school like everyone else, so a thread, its messages, read state and
 * notifications need no second kind of author: `people.student_id` marks the person who is that
 * student. Every student with a login gets one (here for those there are, afterwards by the
 * directory import); it is deleted with the student.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('student_id', 'uuid').execute();
  await sql`alter table people add constraint people_student_fk foreign key (school_id, student_id) references students (school_id, id) on delete cascade`.execute(
    db,
  );
  await sql`create unique index people_student_key on people (school_id, student_id) where student_id is not null`.execute(
    db,
  );
  await sql`
    insert into people (school_id, external_id, user_id, given_name, family_name, student_id)
    select s.school_id, 'student:' || s.id, s.user_id, s.given_name, s.family_name, s.id
    from students s
    where s.user_id is not null
      and not exists (select 1 from people adult where adult.school_id = s.school_id and adult.user_id = s.user_id)
    on conflict do nothing`.execute(db);
  await sql`alter table thread_participants drop constraint if exists thread_participants_role_check`.execute(db);
  await sql`alter table thread_participants add constraint thread_participants_role_check check (role in ('guardian', 'staff', 'student'))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from thread_participants where role = 'student'`.execute(db);
  await sql`alter table thread_participants drop constraint if exists thread_participants_role_check`.execute(db);
  await sql`alter table thread_participants add constraint thread_participants_role_check check (role in ('guardian', 'staff'))`.execute(
    db,
  );
  await sql`delete from people where student_id is not null`.execute(db);
  await sql`drop index if exists people_student_key`.execute(db);
  await db.schema.alterTable('people').dropColumn('student_id').execute();
}
