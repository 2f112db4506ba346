import { sql, type Kysely } from 'kysely';

/**
 * Separated parents' joint meeting (issue 10, point 2). Each household of a child has its own
 * invitation and may ask for one joint meeting with the child's other home. When both ask, the
 * second home's booking joins the first's: its own row (its own calendar entry), pointing at the
 * meeting it joins. The database holds the rule: a class's time has one meeting (one booking
 * that joins nothing), a booking joins a meeting at the very same time of the same class and
 * round, and a meeting is joined by one other home at most.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('conference_invitations')
    .addColumn('wants_joint_meeting', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.alterTable('conference_bookings').addColumn('joins_booking_id', 'uuid').execute();
  await sql`alter table conference_bookings add constraint conference_bookings_meeting_key unique (school_id, id, round_id, class_id, date, starts_at)`.execute(
    db,
  );
  await sql`alter table conference_bookings add constraint conference_bookings_joins_fk foreign key (school_id, joins_booking_id, round_id, class_id, date, starts_at) references conference_bookings (school_id, id, round_id, class_id, date, starts_at) on delete cascade`.execute(
    db,
  );
  await sql`alter table conference_bookings add constraint conference_bookings_joins_other check (joins_booking_id is null or joins_booking_id <> id)`.execute(
    db,
  );
  await sql`drop index conference_bookings_one_per_time`.execute(db);
  await sql`create unique index conference_bookings_one_per_time on conference_bookings (school_id, round_id, class_id, date, starts_at) where cancelled_at is null and joins_booking_id is null`.execute(
    db,
  );
  await sql`create unique index conference_bookings_one_joining on conference_bookings (school_id, joins_booking_id) where cancelled_at is null and joins_booking_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists conference_bookings_one_joining`.execute(db);
  await sql`drop index if exists conference_bookings_one_per_time`.execute(db);
  await sql`delete from conference_bookings where joins_booking_id is not null`.execute(db);
  await sql`alter table conference_bookings drop constraint if exists conference_bookings_joins_other`.execute(db);
  await sql`alter table conference_bookings drop constraint if exists conference_bookings_joins_fk`.execute(db);
  await sql`alter table conference_bookings drop constraint if exists conference_bookings_meeting_key`.execute(db);
  await db.schema.alterTable('conference_bookings').dropColumn('joins_booking_id').execute();
  await db.schema.alterTable('conference_invitations').dropColumn('wants_joint_meeting').execute();
  await sql`create unique index conference_bookings_one_per_time on conference_bookings (school_id, round_id, class_id, date, starts_at) where cancelled_at is null`.execute(
    db,
  );
}
