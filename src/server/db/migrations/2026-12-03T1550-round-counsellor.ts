import { sql, type Kysely } from 'kysely';

/**
 * The counsellor of a round (issue 10, point 1: "who takes part from the school … a counsellor"):
 * a staff member of the school who takes part in every meeting of the round, e.g. the guidance
 * counsellor at grade 8's conferences. Null when the round has none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('conference_rounds').addColumn('counsellor_id', 'uuid').execute();
  await sql`alter table conference_rounds add constraint conference_rounds_counsellor_fk foreign key (school_id, counsellor_id) references people (school_id, id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('conference_rounds').dropColumn('counsellor_id').execute();
}
