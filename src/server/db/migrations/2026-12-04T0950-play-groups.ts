import { sql, type Kysely } from 'kysely';

/**
 * Play groups (legegrupper, issue 12 point 5): a class's rotating groups, one row per class for
 * the settings of its latest generation, the rounds with their dates, each round's groups and
 * the children in them (one of them the host, whose home the group meets in). Pairs the staff
 * keep apart carry a reason for the staff only; a home that declines hosting is never chosen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('play_group_plans')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('class_id', 'uuid', (c) => c.notNull())
    .addColumn('group_size', 'integer', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('generated_by', 'uuid', (c) => c.notNull())
    .addColumn('generated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addPrimaryKeyConstraint('play_group_plans_pk', ['school_id', 'class_id'])
    .addForeignKeyConstraint(
      'play_group_plans_class_fk',
      ['school_id', 'class_id'],
      'classes',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('play_group_plans_generated_by_fk', ['school_id', 'generated_by'], 'people', [
      'school_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('play_group_rounds')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('class_id', 'uuid', (c) => c.notNull())
    .addColumn('meets_on', 'date', (c) => c.notNull())
    .addPrimaryKeyConstraint('play_group_rounds_pk', ['school_id', 'id'])
    .addUniqueConstraint('play_group_rounds_day', ['school_id', 'class_id', 'meets_on'])
    .addForeignKeyConstraint(
      'play_group_rounds_plan_fk',
      ['school_id', 'class_id'],
      'play_group_plans',
      ['school_id', 'class_id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('play_group_groups')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'uuid', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('play_group_groups_pk', ['school_id', 'id'])
    .addUniqueConstraint('play_group_groups_number', ['school_id', 'round_id', 'number'])
    .addForeignKeyConstraint(
      'play_group_groups_round_fk',
      ['school_id', 'round_id'],
      'play_group_rounds',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('play_group_members')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('round_id', 'uuid', (c) => c.notNull())
    .addColumn('group_id', 'uuid', (c) => c.notNull())
    .addColumn('student_id', 'uuid', (c) => c.notNull())
    /** The group meets in this child's home. */
    .addColumn('hosts', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('play_group_members_pk', ['school_id', 'group_id', 'student_id'])
    // A round is a partition of the class: a child is in one of its groups.
    .addUniqueConstraint('play_group_members_once_a_round', ['school_id', 'round_id', 'student_id'])
    .addForeignKeyConstraint(
      'play_group_members_group_fk',
      ['school_id', 'group_id'],
      'play_group_groups',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'play_group_members_round_fk',
      ['school_id', 'round_id'],
      'play_group_rounds',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'play_group_members_student_fk',
      ['school_id', 'student_id'],
      'students',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  // One host per group.
  await sql`create unique index play_group_members_one_host on play_group_members (school_id, group_id) where hosts`.execute(
    db,
  );
  await db.schema
    .createIndex('play_group_members_student_idx')
    .on('play_group_members')
    .columns(['school_id', 'student_id'])
    .execute();

  await db.schema
    .createTable('play_group_apart_pairs')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('class_id', 'uuid', (c) => c.notNull())
    .addColumn('student_a', 'uuid', (c) => c.notNull())
    .addColumn('student_b', 'uuid', (c) => c.notNull())
    /** Why, for the staff only: never shown to parents or representatives. */
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('play_group_apart_pairs_pk', ['school_id', 'id'])
    // One row per pair, whichever order it was entered in.
    .addCheckConstraint('play_group_apart_pairs_order', sql`student_a < student_b`)
    .addUniqueConstraint('play_group_apart_pairs_pair', ['school_id', 'student_a', 'student_b'])
    .addForeignKeyConstraint(
      'play_group_apart_pairs_class_fk',
      ['school_id', 'class_id'],
      'classes',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'play_group_apart_pairs_a_fk',
      ['school_id', 'student_a'],
      'students',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'play_group_apart_pairs_b_fk',
      ['school_id', 'student_b'],
      'students',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('play_group_apart_pairs_created_by_fk', ['school_id', 'created_by'], 'people', [
      'school_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('play_group_host_declines')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('student_id', 'uuid', (c) => c.notNull())
    .addColumn('declined_by', 'uuid', (c) => c.notNull())
    .addColumn('declined_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('play_group_host_declines_pk', ['school_id', 'student_id'])
    .addForeignKeyConstraint(
      'play_group_host_declines_student_fk',
      ['school_id', 'student_id'],
      'students',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'play_group_host_declines_person_fk',
      ['school_id', 'declined_by'],
      'people',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'play_group_host_declines',
    'play_group_apart_pairs',
    'play_group_members',
    'play_group_groups',
    'play_group_rounds',
    'play_group_plans',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
