import { sql, type Kysely } from 'kysely';

/**
 * Events that change (issue 12 point 3, what an organiser expects): an event may last several
 * days (a lejrskole, Monday to Wednesday: `end_date`, the last day, after `date`; null for one
 * day), its calendar entry counts its changes (`sequence`, the iCalendar SEQUENCE, so a calendar
 * app updates the entry it holds), and it may be cancelled with a reason, which keeps the row,
 * its answers and its slots (`cancelled_at`, `cancelled_by`, `cancel_reason`). The times check
 * holds for one day only: a camp starting at 10:00 may end at 09:00 on its last day.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('end_date', 'date')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancelled_by', 'uuid')
    .addColumn('cancel_reason', 'text')
    .execute();
  await sql`alter table events add constraint events_canceller_fk foreign key (school_id, cancelled_by) references people (school_id, id)`.execute(
    db,
  );
  await db.schema.alterTable('events').dropConstraint('events_times_check').execute();
  await db.schema
    .alterTable('events')
    .addCheckConstraint('events_times_check', sql`end_date is not null or starts_at < ends_at`)
    .execute();
  await db.schema
    .alterTable('events')
    .addCheckConstraint('events_end_date_check', sql`end_date is null or end_date > date`)
    .execute();
  await db.schema
    .alterTable('events')
    .addCheckConstraint(
      'events_cancel_check',
      sql`(cancelled_at is null) = (cancelled_by is null) and (cancel_reason is null or cancelled_at is not null)`,
    )
    .execute();
  await db.schema
    .alterTable('events')
    .addCheckConstraint('events_sequence_check', sql`sequence >= 0`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').dropConstraint('events_sequence_check').execute();
  await db.schema.alterTable('events').dropConstraint('events_cancel_check').execute();
  await db.schema.alterTable('events').dropConstraint('events_end_date_check').execute();
  await db.schema.alterTable('events').dropConstraint('events_times_check').execute();
  await db.schema.alterTable('events').dropConstraint('events_canceller_fk').execute();
  await db.schema
    .alterTable('events')
    .dropColumn('cancel_reason')
    .dropColumn('cancelled_by')
    .dropColumn('cancelled_at')
    .dropColumn('sequence')
    .dropColumn('end_date')
    .execute();
  await db.schema
    .alterTable('events')
    .addCheckConstraint('events_times_check', sql`starts_at < ends_at`)
    .execute();
}
