import type { Db } from '../db/database.js';

export interface NewNotification {
  schoolId: string;
  personId: string;
  kind: string;
  threadId: string | null;
  title: string;
  body: string;
  createdAt: Date;
}

export async function insertNotifications(db: Db, notifications: NewNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  await db
    .insertInto('notifications')
    .values(notifications.map((n) => ({ school_id: n.schoolId, person_id: n.personId, kind: n.kind, thread_id: n.threadId, title: n.title, body: n.body, created_at: n.createdAt })))
    .execute();
}

/** The ids of the people a user is, one per school they belong to. */
const personIdsOf = (db: Db, userId: string) => db.selectFrom('people').select('id').where('user_id', '=', userId);

export async function selectNotificationsOfUser(db: Db, userId: string, limit: number) {
  return db
    .selectFrom('notifications')
    .select(['id', 'school_id', 'kind', 'thread_id', 'title', 'body', 'created_at', 'read_at'])
    .where('person_id', 'in', personIdsOf(db, userId))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function countUnreadOfUser(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('person_id', 'in', personIdsOf(db, userId))
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's notifications read (the first time only); false when it is not theirs. */
export async function markNotificationRead(db: Db, userId: string, notificationId: string, at: Date): Promise<boolean> {
  const rows = await db
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(at)) }))
    .where('id', '=', notificationId)
    .where('person_id', 'in', personIdsOf(db, userId))
    .returning('id')
    .execute();
  return rows.length > 0;
}
