import { sql, type Kysely } from 'kysely';

/**
 * Staff absences (issue 4): a staff member away from `first_day` to `last_day` (both included,
 * Copenhagen dates), optionally with a colleague who takes their guardian messages meanwhile.
 * One person's absences never overlap; the repository refuses that under a lock on the person's
 * row. An exclusion constraint (`exclude using gist (school_id with =, person_id with =,
 * daterange(first_day, last_day, '[]') with &&)`) would need btree_gist, which PGlite has only
 * when db/database.ts passes it in `PGlite.create({ extensions })`. The check constraints keep
 * the dates and the substitute sane whatever writes the row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table staff_absences (
      school_id uuid not null references schools (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      person_id uuid not null,
      first_day date not null,
      last_day date not null,
      substitute_id uuid,
      note text not null default '',
      created_by uuid,
      created_at timestamptz not null,
      constraint staff_absences_pk primary key (school_id, id),
      constraint staff_absences_person_fk foreign key (school_id, person_id) references people (school_id, id) on delete cascade,
      -- The substitute leaving the school leaves the absence without one, not gone.
      constraint staff_absences_substitute_fk foreign key (school_id, substitute_id) references people (school_id, id) on delete set null (substitute_id),
      constraint staff_absences_created_by_fk foreign key (school_id, created_by) references people (school_id, id) on delete set null (created_by),
      constraint staff_absences_days check (first_day <= last_day),
      constraint staff_absences_substitute_not_self check (substitute_id is null or substitute_id <> person_id)
    )
  `.execute(db);
  await db.schema
    .createIndex('staff_absences_person_idx')
    .on('staff_absences')
    .columns(['school_id', 'person_id', 'last_day'])
    .execute();
  await db.schema
    .createIndex('staff_absences_substitute_idx')
    .on('staff_absences')
    .columns(['school_id', 'substitute_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_absences').ifExists().execute();
}
