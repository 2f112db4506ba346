import { sql, type Kysely } from 'kysely';

/**
 * Concerns and early dialogue (issue 11, point 4; seeds 002 and 004): a member of the student's
 * staff team or the leadership registers a concern, and the team records each contact with the
 * home (by phone or at a meeting) and closes it with a note. The contact deadline is not stored:
 * it follows from the registration day, the principle in force that day and the school's
 * calendar, so a closed day added later moves it as it moves every other promise.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('concerns')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('student_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('academic', 'well_being', 'behaviour')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('registered_by', 'uuid', (c) => c.notNull())
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid')
    .addColumn('close_note', 'text')
    /** The needs-based conference round started from the concern. */
    .addColumn('round_id', 'uuid')
    .addColumn('idempotency_key', 'text')
    .addPrimaryKeyConstraint('concerns_pk', ['school_id', 'id'])
    .addForeignKeyConstraint('concerns_student_fk', ['school_id', 'student_id'], 'students', ['school_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('concerns_registered_by_fk', ['school_id', 'registered_by'], 'people', ['school_id', 'id'])
    .addForeignKeyConstraint('concerns_closed_by_fk', ['school_id', 'closed_by'], 'people', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'concerns_round_fk',
      ['school_id', 'round_id'],
      'conference_rounds',
      ['school_id', 'id'],
      (c) => c.onDelete('set null'),
    )
    .addUniqueConstraint('concerns_idempotency_key', ['school_id', 'registered_by', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('concerns_student_idx').on('concerns').columns(['school_id', 'student_id']).execute();
  await db.schema
    .createIndex('concerns_open_idx')
    .on('concerns')
    .columns(['school_id', 'registered_at'])
    .where(sql.ref('closed_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('concern_contacts')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('concern_id', 'uuid', (c) => c.notNull())
    .addColumn('contacted_on', 'date', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('phone', 'meeting')`))
    .addColumn('agreed', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('concern_contacts_pk', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'concern_contacts_concern_fk',
      ['school_id', 'concern_id'],
      'concerns',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('concern_contacts_recorded_by_fk', ['school_id', 'recorded_by'], 'people', [
      'school_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('concern_contacts_concern_idx')
    .on('concern_contacts')
    .columns(['school_id', 'concern_id', 'contacted_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('concern_contacts').ifExists().execute();
  await db.schema.dropTable('concerns').ifExists().execute();
}
