import type { Db } from '../db/database.js';
import type { TQuietHours } from '../../shared/principle/principle.schema.js';
import type { TNotificationMode } from '../../shared/api/notification.schema.js';

/** The people a user is, with their school's name, one per school. */
export async function findPeopleOfUser(db: Db, userId: string) {
  return db
    .selectFrom('people as p')
    .innerJoin('schools as s', 's.id', 'p.school_id')
    .select(['p.school_id', 'p.id as person_id', 's.name as school_name'])
    .where('p.user_id', '=', userId)
    .orderBy('s.name')
    .execute();
}

/** Saved settings of some people at one school; people without a row keep the defaults. */
export async function selectNotificationSettings(db: Db, schoolId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('notification_settings')
    .select(['person_id', 'mode', 'quiet_hours'])
    .where('school_id', '=', schoolId)
    .where('person_id', 'in', personIds)
    .execute();
}

export async function upsertNotificationSettings(
  db: Db,
  input: { schoolId: string; personId: string; mode: TNotificationMode; quietHours: TQuietHours | null; at: Date },
): Promise<void> {
  const values = {
    mode: input.mode,
    quiet_hours: input.quietHours ? JSON.stringify(input.quietHours) : null,
    updated_at: input.at,
  };
  await db
    .insertInto('notification_settings')
    .values({ school_id: input.schoolId, person_id: input.personId, ...values })
    .onConflict((oc) => oc.columns(['school_id', 'person_id']).doUpdateSet(values))
    .execute();
}
