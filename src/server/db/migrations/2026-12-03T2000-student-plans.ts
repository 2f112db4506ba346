import { sql, type Kysely } from 'kysely';

/**
 * The student plan (elevplan) and the message book (meddelelsesbog), issue 11 points 1, 2 and 6.
 * A plan is one per student and school year: drafted by the contact teacher with the class's
 * other staff's input, published to the home (custody holders), read-confirmed per guardian.
 * Goals (1–3 academic, 1–3 social) say how school, home and student support them, carry over to
 * the next plan while not reached, and are reviewed at the next conference; a conference's
 * agreement may attach to a goal. The message book is the running, dated alternative the
 * principle may choose instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Goals are never removed once published (a draft's are replaced), so what points at one holds it.
  const fk = (table: string, name: string, columns: string[], target: string, targetColumns: string[]) =>
    db.schema.alterTable(table).addForeignKeyConstraint(name, columns, target, targetColumns);

  await db.schema
    .createTable('student_plans')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('student_id', 'uuid', (c) => c.notNull())
    /** The school year it is for, by the year it starts in (2026 is 2026/27). */
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'published')`),
    )
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .addColumn('published_by', 'uuid')
    .addPrimaryKeyConstraint('student_plans_pk', ['school_id', 'id'])
    .addUniqueConstraint('student_plans_student_year_key', ['school_id', 'student_id', 'school_year'])
    .addForeignKeyConstraint(
      'student_plans_student_fk',
      ['school_id', 'student_id'],
      'students',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('student_plan_subjects')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    /** The status in words, as the parent reads it. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('written_by', 'uuid', (c) => c.notNull())
    .addColumn('written_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('student_plan_subjects_pk', ['school_id', 'id'])
    .addUniqueConstraint('student_plan_subjects_subject_key', ['school_id', 'plan_id', 'subject'])
    .addForeignKeyConstraint(
      'student_plan_subjects_plan_fk',
      ['school_id', 'plan_id'],
      'student_plans',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('student_plan_goals')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('academic', 'social')`))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position between 1 and 3`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('school_support', 'text', (c) => c.notNull())
    .addColumn('home_support', 'text', (c) => c.notNull())
    .addColumn('student_support', 'text', (c) => c.notNull())
    /** The goal of an earlier plan it carries on. */
    .addColumn('carried_from', 'uuid')
    /** Reviewed at the next conference: reached, partly reached, or continued. */
    .addColumn('review', 'text', (c) => c.check(sql`review in ('reached', 'partly', 'continue')`))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('reviewed_by', 'uuid')
    .addPrimaryKeyConstraint('student_plan_goals_pk', ['school_id', 'id'])
    .addUniqueConstraint('student_plan_goals_position_key', ['school_id', 'plan_id', 'kind', 'position'])
    .addForeignKeyConstraint(
      'student_plan_goals_plan_fk',
      ['school_id', 'plan_id'],
      'student_plans',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await fk('student_plan_goals', 'student_plan_goals_carried_fk', ['school_id', 'carried_from'], 'student_plan_goals', [
    'school_id',
    'id',
  ]).execute();

  await db.schema
    .createTable('student_plan_comments')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull())
    /** A comment on one goal; null: on the plan as a whole (a colleague's input). */
    .addColumn('goal_id', 'uuid')
    .addColumn('written_by_role', 'text', (c) => c.notNull().check(sql`written_by_role in ('staff', 'student')`))
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('student_plan_comments_pk', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'student_plan_comments_plan_fk',
      ['school_id', 'plan_id'],
      'student_plans',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'student_plan_comments_goal_fk',
      ['school_id', 'goal_id'],
      'student_plan_goals',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('student_plan_reads')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('plan_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('student_plan_reads_pk', ['school_id', 'plan_id', 'person_id'])
    .addForeignKeyConstraint(
      'student_plan_reads_plan_fk',
      ['school_id', 'plan_id'],
      'student_plans',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'student_plan_reads_person_fk',
      ['school_id', 'person_id'],
      'people',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('message_book_entries')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('student_id', 'uuid', (c) => c.notNull())
    /** The school's written assessment of progress and of well-being. */
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('well_being', 'text', (c) => c.notNull())
    .addColumn('written_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addPrimaryKeyConstraint('message_book_entries_pk', ['school_id', 'id'])
    .addUniqueConstraint('message_book_entries_idempotency_key', ['school_id', 'written_by', 'idempotency_key'])
    .addForeignKeyConstraint(
      'message_book_entries_student_fk',
      ['school_id', 'student_id'],
      'students',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('message_book_entries_student_idx')
    .on('message_book_entries')
    .columns(['school_id', 'student_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('message_book_reads')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('entry_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_book_reads_pk', ['school_id', 'entry_id', 'person_id'])
    .addForeignKeyConstraint(
      'message_book_reads_entry_fk',
      ['school_id', 'entry_id'],
      'message_book_entries',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'message_book_reads_person_fk',
      ['school_id', 'person_id'],
      'people',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  /** An agreement made at a conference may attach to one of the student's goals. */
  await db.schema.alterTable('conference_agreements').addColumn('goal_id', 'uuid').execute();
  await fk('conference_agreements', 'conference_agreements_goal_fk', ['school_id', 'goal_id'], 'student_plan_goals', [
    'school_id',
    'id',
  ]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('conference_agreements').dropColumn('goal_id').execute();
  for (const table of [
    'message_book_reads',
    'message_book_entries',
    'student_plan_reads',
    'student_plan_comments',
    'student_plan_goals',
    'student_plan_subjects',
    'student_plans',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
