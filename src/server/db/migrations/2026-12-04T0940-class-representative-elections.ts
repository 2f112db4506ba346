import { sql, type Kysely } from 'kysely';

/**
 * Class parent representatives (kontaktforældre) are elected per class per school year (issue 12):
 * a seat belongs to a school year ("2026/27"), records the day of the election and who recorded
 * it, and can be ended. Rows the directory import wrote before get the school year in which this
 * migration runs (the column's default, which the application never relies on: it always names
 * the year from its injected clock). A thread written by a representative to the class's
 * guardians names them, so the answers go to them and no reply promise of the school is started.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const startYear = sql`(extract(year from now())::int - case when extract(month from now()) < 8 then 1 else 0 end)`;
  await db.schema
    .alterTable('class_representatives')
    .addColumn('school_year', 'text', (c) =>
      c
        .notNull()
        .defaultTo(sql`(${startYear})::text || '/' || lpad((((${startYear}) + 1) % 100)::text, 2, '0')`)
        .check(sql`school_year ~ '^[0-9]{4}/[0-9]{2}$'`),
    )
    .addColumn('elected_on', 'date')
    .addColumn('elected_by', 'uuid')
    .addColumn('ended_on', 'date')
    .execute();
  await db.schema.alterTable('class_representatives').dropConstraint('class_representatives_pk').execute();
  await db.schema
    .alterTable('class_representatives')
    .addPrimaryKeyConstraint('class_representatives_pk', ['school_id', 'class_id', 'school_year', 'person_id'])
    .execute();
  await db.schema
    .createIndex('class_representatives_person_idx')
    .on('class_representatives')
    .columns(['school_id', 'person_id', 'school_year'])
    .execute();
  await db.schema.alterTable('message_threads').addColumn('representative_id', 'uuid').execute();
  await sql`alter table message_threads add constraint message_threads_representative_fk foreign key (school_id, representative_id) references people (school_id, id) on delete cascade`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('message_threads').dropConstraint('message_threads_representative_fk').execute();
  await db.schema.alterTable('message_threads').dropColumn('representative_id').execute();
  await db.schema.dropIndex('class_representatives_person_idx').execute();
  await db.schema.alterTable('class_representatives').dropConstraint('class_representatives_pk').execute();
  await sql`delete from class_representatives a using class_representatives b
    where a.school_id = b.school_id and a.class_id = b.class_id and a.person_id = b.person_id
      and a.school_year < b.school_year`.execute(db);
  await db.schema
    .alterTable('class_representatives')
    .addPrimaryKeyConstraint('class_representatives_pk', ['school_id', 'class_id', 'person_id'])
    .execute();
  for (const column of ['school_year', 'elected_on', 'elected_by', 'ended_on'])
    await db.schema.alterTable('class_representatives').dropColumn(column).execute();
}
