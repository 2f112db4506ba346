import { sql, type Kysely } from 'kysely';

/**
 * Inviting the homes to a conference round and booking its times (issue 10, points 2 and 3).
 * Each household of a child gets its own invitation (separated parents one each), sent to the
 * custody holders who live there. A booking is one meeting for one invitation; the database holds
 * that an invitation has at most one booking, and a class's time at most one, so two guardians
 * taking the last time at once cannot both win.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('conference_invitations')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'uuid', (c) => c.notNull())
    .addColumn('student_id', 'uuid', (c) => c.notNull())
    .addColumn('class_id', 'uuid', (c) => c.notNull())
    /** The household's id, or `person:<id>` for a guardian without one. */
    .addColumn('household_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('conference_invitations_pk', ['school_id', 'id'])
    .addUniqueConstraint('conference_invitations_household_key', [
      'school_id',
      'round_id',
      'student_id',
      'household_key',
    ])
    .addForeignKeyConstraint(
      'conference_invitations_round_fk',
      ['school_id', 'round_id'],
      'conference_rounds',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'conference_invitations_student_fk',
      ['school_id', 'student_id'],
      'students',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('conference_invitation_guardians')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('invitation_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('conference_invitation_guardians_pk', ['school_id', 'invitation_id', 'person_id'])
    .addForeignKeyConstraint(
      'conference_invitation_guardians_invitation_fk',
      ['school_id', 'invitation_id'],
      'conference_invitations',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'conference_invitation_guardians_person_fk',
      ['school_id', 'person_id'],
      'people',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('conference_invitation_guardians_person_idx')
    .on('conference_invitation_guardians')
    .columns(['school_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('conference_bookings')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'uuid', (c) => c.notNull())
    .addColumn('invitation_id', 'uuid', (c) => c.notNull())
    .addColumn('class_id', 'uuid', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('booked_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('cancelled_at', 'timestamptz')
    .addPrimaryKeyConstraint('conference_bookings_pk', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'conference_bookings_invitation_fk',
      ['school_id', 'invitation_id'],
      'conference_invitations',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await sql`create unique index conference_bookings_one_per_invitation on conference_bookings (school_id, invitation_id) where cancelled_at is null`.execute(
    db,
  );
  await sql`create unique index conference_bookings_one_per_time on conference_bookings (school_id, round_id, class_id, date, starts_at) where cancelled_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['conference_bookings', 'conference_invitation_guardians', 'conference_invitations']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
