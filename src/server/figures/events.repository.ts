import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** The school's events with a day in [from, to), cancelled ones marked, each with the households that said they were coming. */
export async function findEventFacts(db: Db, schoolId: string, from: string, to: string) {
  return db
    .selectFrom('events as e')
    .select([
      'e.class_id',
      'e.date',
      'e.well_being',
      sql<boolean>`e.cancelled_at is not null`.as('cancelled'),
      sql<
        string[]
      >`coalesce((select json_agg(a.household_key) from event_sign_ups a where a.school_id = e.school_id and a.event_id = e.id and a.attending), '[]'::json)`.as(
        'households',
      ),
    ])
    .where('e.school_id', '=', schoolId)
    .where('e.date', '>=', from)
    .where('e.date', '<', to)
    .execute();
}
