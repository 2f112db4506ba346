import { sql, type Kysely } from 'kysely';

/**
 * Events of the school or of one class (issue 12 point 3): a well-being event is marked as such;
 * households sign up with how many adults and children come, or decline; volunteer slots
 * ("bring a cake") need a number of households each. A slot's `taken` count is kept beside its
 * takers and checked by the database, so two households taking its last place at once cannot
 * both have it: the conditional update that raises it lets one through and the check refuses
 * anything past `needed`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    // Null: an event of the whole school, organised by the leadership.
    .addColumn('class_id', 'uuid')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('well_being', 'boolean', (c) => c.notNull())
    .addColumn('sign_up', 'boolean', (c) => c.notNull())
    .addColumn('sign_up_deadline', 'date')
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity is null or capacity > 0`))
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addPrimaryKeyConstraint('events_pk', ['school_id', 'id'])
    .addForeignKeyConstraint('events_class_fk', ['school_id', 'class_id'], 'classes', ['school_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('events_creator_fk', ['school_id', 'created_by'], 'people', ['school_id', 'id'])
    .addCheckConstraint('events_times_check', sql`starts_at < ends_at`)
    .addCheckConstraint('events_deadline_check', sql`sign_up or (sign_up_deadline is null and capacity is null)`)
    .execute();
  await db.schema.createIndex('events_date_idx').on('events').columns(['school_id', 'date']).execute();
  // A double click creates one event: the same organiser's same key is one event.
  await sql`create unique index events_idempotency_idx on events (school_id, created_by, idempotency_key) where idempotency_key is not null`.execute(
    db,
  );
  await db.schema
    .createTable('event_sign_ups')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    // The home: its household, or the guardian alone where the directory has none (as for conferences).
    .addColumn('household_key', 'text', (c) => c.notNull())
    .addColumn('attending', 'boolean', (c) => c.notNull())
    .addColumn('adults', 'integer', (c) => c.notNull().check(sql`adults >= 0`))
    .addColumn('children', 'integer', (c) => c.notNull().check(sql`children >= 0`))
    .addColumn('answered_by', 'uuid', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_sign_ups_pk', ['school_id', 'event_id', 'household_key'])
    .addForeignKeyConstraint('event_sign_ups_event_fk', ['school_id', 'event_id'], 'events', ['school_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('event_sign_ups_person_fk', ['school_id', 'answered_by'], 'people', ['school_id', 'id'])
    .addCheckConstraint(
      'event_sign_ups_counts_check',
      sql`(attending and adults + children > 0) or (not attending and adults = 0 and children = 0)`,
    )
    .execute();
  await db.schema
    .createTable('event_slots')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('needed', 'integer', (c) => c.notNull().check(sql`needed > 0`))
    .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('event_slots_pk', ['school_id', 'id'])
    .addForeignKeyConstraint('event_slots_event_fk', ['school_id', 'event_id'], 'events', ['school_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addCheckConstraint('event_slots_taken_check', sql`taken >= 0 and taken <= needed`)
    .execute();
  await db.schema.createIndex('event_slots_event_idx').on('event_slots').columns(['school_id', 'event_id']).execute();
  await db.schema
    .createTable('event_slot_takers')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('slot_id', 'uuid', (c) => c.notNull())
    .addColumn('household_key', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'uuid', (c) => c.notNull())
    .addColumn('taken_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_slot_takers_pk', ['school_id', 'slot_id', 'household_key'])
    .addForeignKeyConstraint(
      'event_slot_takers_slot_fk',
      ['school_id', 'slot_id'],
      'event_slots',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('event_slot_takers_person_fk', ['school_id', 'taken_by'], 'people', ['school_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_slot_takers').ifExists().execute();
  await db.schema.dropTable('event_slots').ifExists().execute();
  await db.schema.dropTable('event_sign_ups').ifExists().execute();
  await db.schema.dropTable('events').ifExists().execute();
}
