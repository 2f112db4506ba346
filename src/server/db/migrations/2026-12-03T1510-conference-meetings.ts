import { sql, type Kysely } from 'kysely';

/**
 * Preparing, holding and following up a conference (issue 10, points 4 and 5). A conference is one
 * invitation: the parties add topics before it, the student prepares in a form that fits the age,
 * staff write notes (staff-only or shared with the home) and mark it held. Agreements belong to
 * the student, with the conference they were made at, so open ones come up again at the student's
 * next conference whatever household or round.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('conference_invitations')
    .addColumn('held_at', 'timestamptz')
    .addColumn('held_by', 'uuid')
    .execute();

  await db.schema
    .createTable('conference_topics')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('invitation_id', 'uuid', (c) => c.notNull())
    /** Who raised it, by role: the home sees the role, never another family's name. */
    .addColumn('raised_by', 'text', (c) => c.notNull().check(sql`raised_by in ('guardian', 'student', 'staff')`))
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('conference_topics_pk', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'conference_topics_invitation_fk',
      ['school_id', 'invitation_id'],
      'conference_invitations',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('conference_topics_invitation_idx')
    .on('conference_topics')
    .columns(['school_id', 'invitation_id'])
    .execute();

  await db.schema
    .createTable('conference_preparations')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('invitation_id', 'uuid', (c) => c.notNull())
    /** The form the answers were given in: smileys (grades 0–2), prompts (3–6) or goals (7–9). */
    .addColumn('band', 'text', (c) => c.notNull().check(sql`band in ('smileys', 'prompts', 'goals')`))
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('conference_preparations_pk', ['school_id', 'invitation_id'])
    .addForeignKeyConstraint(
      'conference_preparations_invitation_fk',
      ['school_id', 'invitation_id'],
      'conference_invitations',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('conference_notes')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('invitation_id', 'uuid', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** Shared notes reach the home in the summary; the others are the school's own. */
    .addColumn('shared', 'boolean', (c) => c.notNull())
    .addColumn('written_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('conference_notes_pk', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'conference_notes_invitation_fk',
      ['school_id', 'invitation_id'],
      'conference_invitations',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('conference_notes_invitation_idx')
    .on('conference_notes')
    .columns(['school_id', 'invitation_id'])
    .execute();

  await db.schema
    .createTable('conference_agreements')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('student_id', 'uuid', (c) => c.notNull())
    .addColumn('invitation_id', 'uuid', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull().check(sql`owner in ('school', 'home', 'student')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .addColumn('done_by', 'uuid')
    .addPrimaryKeyConstraint('conference_agreements_pk', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'conference_agreements_invitation_fk',
      ['school_id', 'invitation_id'],
      'conference_invitations',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'conference_agreements_student_fk',
      ['school_id', 'student_id'],
      'students',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('conference_agreements_student_idx')
    .on('conference_agreements')
    .columns(['school_id', 'student_id', 'due_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['conference_agreements', 'conference_notes', 'conference_preparations', 'conference_topics'])
    await db.schema.dropTable(table).ifExists().execute();
  await db.schema.alterTable('conference_invitations').dropColumn('held_at').dropColumn('held_by').execute();
}
