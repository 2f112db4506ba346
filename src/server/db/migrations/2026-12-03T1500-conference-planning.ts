import { sql, type Kysely } from 'kysely';

/**
 * Automatic planning of a conference round (issue 10, point 3): a round is filled by self-booking
 * or planned by the scheduler. For a planned round each household marks the afternoons that suit
 * it; the plan (one per round) keeps the background job's progress, its placements, the meetings
 * it could not place with their reasons, and its figures, until the leader publishes it as
 * bookings. Interpreters are a school list by language, each with free times per round.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('conference_rounds')
    .addColumn('filling', 'text', (c) =>
      c
        .notNull()
        .defaultTo('self_booking')
        .check(sql`filling in ('self_booking', 'planned')`),
    )
    .execute();

  await db.schema
    .createTable('conference_availability')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('invitation_id', 'uuid', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'uuid', (c) => c.notNull())
    .addColumn('marked_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('conference_availability_pk', ['school_id', 'invitation_id', 'date'])
    .addForeignKeyConstraint(
      'conference_availability_invitation_fk',
      ['school_id', 'invitation_id'],
      'conference_invitations',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addCheckConstraint('conference_availability_order', sql`starts_at < ends_at`)
    .execute();

  await db.schema
    .createTable('conference_plans')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('round_id', 'uuid', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'running', 'done', 'failed')`))
    .addColumn('requested_by', 'uuid', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    /** When the running search will stop at the latest: the page shows progress against it. */
    .addColumn('ends_by', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    /** The scheduler's instance the plan was made for: a move is checked against it. */
    .addColumn('instance', 'jsonb')
    /** [{ invitationId, date, from, to, interpreterId }] */
    .addColumn('placements', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    /** [{ invitationId, reason: { da, en } }] */
    .addColumn('unplaced', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    /** { meetings, placed, householdWaiting, extraDays } */
    .addColumn('figures', 'jsonb')
    .addColumn('published_at', 'timestamptz')
    .addPrimaryKeyConstraint('conference_plans_pk', ['school_id', 'round_id'])
    .addForeignKeyConstraint(
      'conference_plans_round_fk',
      ['school_id', 'round_id'],
      'conference_rounds',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('conference_interpreters')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    /** ISO 639-1 codes, as people.language. */
    .addColumn('languages', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('conference_interpreters_pk', ['school_id', 'id'])
    .execute();

  await db.schema
    .createTable('conference_interpreter_times')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('round_id', 'uuid', (c) => c.notNull())
    .addColumn('interpreter_id', 'uuid', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conference_interpreter_times_pk', ['school_id', 'round_id', 'interpreter_id', 'date'])
    .addForeignKeyConstraint(
      'conference_interpreter_times_round_fk',
      ['school_id', 'round_id'],
      'conference_rounds',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'conference_interpreter_times_interpreter_fk',
      ['school_id', 'interpreter_id'],
      'conference_interpreters',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addCheckConstraint('conference_interpreter_times_order', sql`starts_at < ends_at`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'conference_interpreter_times',
    'conference_interpreters',
    'conference_plans',
    'conference_availability',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('conference_rounds').dropColumn('filling').execute();
}
