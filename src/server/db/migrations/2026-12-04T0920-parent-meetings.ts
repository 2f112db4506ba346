import { sql, type Kysely } from 'kysely';

/**
 * Parent meetings (forældremøder, seed 001: two a year per class, topics from the well-being
 * action plan, planned with the class parent representatives). A meeting is planned, then the
 * homes are invited: one row per custody household of the class, which answers (coming with how
 * many, or not) and is marked represented or not at the meeting. Minutes go to the class's
 * guardians afterwards.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('parent_meetings')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('class_id', 'uuid', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invited_at', 'timestamptz')
    .addColumn('invited_by', 'uuid')
    .addColumn('held_at', 'timestamptz')
    .addColumn('minutes', 'text')
    .addColumn('minutes_published_at', 'timestamptz')
    .addColumn('minutes_published_by', 'uuid')
    .addPrimaryKeyConstraint('parent_meetings_pk', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'parent_meetings_class_fk',
      ['school_id', 'class_id'],
      'classes',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('parent_meetings_creator_fk', ['school_id', 'created_by'], 'people', ['school_id', 'id'])
    .addCheckConstraint('parent_meetings_times', sql`starts_at < ends_at`)
    .execute();
  await db.schema
    .createIndex('parent_meetings_class_idx')
    .on('parent_meetings')
    .columns(['school_id', 'class_id', 'date'])
    .execute();
  // A double click plans one meeting: the same planner's same key is one meeting.
  await sql`create unique index parent_meetings_idempotency_idx on parent_meetings (school_id, created_by, idempotency_key) where idempotency_key is not null`.execute(
    db,
  );
  await db.schema
    .createTable('parent_meeting_agenda_items')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // A topic of the well-being action plan, or null for an item of the planners' own.
    .addColumn('topic', 'text')
    .addColumn('added_by', 'uuid', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    // The agenda's order: items added in one moment keep the order they were added in.
    .addColumn('position', 'serial')
    .addPrimaryKeyConstraint('parent_meeting_agenda_items_pk', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'parent_meeting_agenda_items_meeting_fk',
      ['school_id', 'meeting_id'],
      'parent_meetings',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  // A topic goes on an agenda once, whoever picks it first.
  await sql`create unique index parent_meeting_agenda_topic_idx on parent_meeting_agenda_items (school_id, meeting_id, topic) where topic is not null`.execute(
    db,
  );
  await db.schema
    .createTable('parent_meeting_households')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('meeting_id', 'uuid', (c) => c.notNull())
    .addColumn('household_key', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'timestamptz', (c) => c.notNull())
    .addColumn('coming', 'boolean')
    .addColumn('people_coming', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered_by', 'uuid')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('represented', 'boolean')
    .addPrimaryKeyConstraint('parent_meeting_households_pk', ['school_id', 'meeting_id', 'household_key'])
    .addForeignKeyConstraint(
      'parent_meeting_households_meeting_fk',
      ['school_id', 'meeting_id'],
      'parent_meetings',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addCheckConstraint('parent_meeting_households_people', sql`people_coming between 0 and 10`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('parent_meeting_households').ifExists().execute();
  await db.schema.dropTable('parent_meeting_agenda_items').ifExists().execute();
  await db.schema.dropTable('parent_meetings').ifExists().execute();
}
