import { sql, type Kysely } from 'kysely';

/**
 * How a home holds its conference (issue 10, point 1: "the formats offered (in person, phone,
 * video with the school's own link)"): the home chooses among the round's formats when it books
 * or marks its afternoons; null until it chooses (the round's first format).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('conference_invitations')
    .addColumn('format', 'text', (c) => c.check(sql`format in ('in_person', 'phone', 'video')`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('conference_invitations').dropColumn('format').execute();
}
