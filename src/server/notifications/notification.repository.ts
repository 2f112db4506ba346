import type { Db } from '../db/database.js';

export interface NewNotification {
  schoolId: string;
  personId: string;
  kind: string;
  threadId: string | null;
  title: string;
  body: string;
  /** The kind's parameters (notice-text.ts), to write it in the reader's language when listed. */
  params?: unknown;
  createdAt: Date;
  /** The message announced, if any. */
  messageId?: string | null;
  /** One notice per person and occasion: a second with the same key is not stored. */
  dedupeKey?: string | null;
}

export async function insertNotifications(db: Db, notifications: NewNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      notifications.map((n) => ({
        school_id: n.schoolId,
        person_id: n.personId,
        kind: n.kind,
        thread_id: n.threadId,
        title: n.title,
        body: n.body,
        params: n.params === undefined ? null : JSON.stringify(n.params),
        created_at: n.createdAt,
        message_id: n.messageId ?? null,
        dedupe_key: n.dedupeKey ?? null,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['school_id', 'person_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing(),
    )
    .execute();
}

/** The ids of the people a user is, one per school they belong to. */
const personIdsOf = (db: Db, userId: string) => db.selectFrom('people').select('id').where('user_id', '=', userId);

export async function selectNotificationsOfUser(db: Db, userId: string, limit: number) {
  return db
    .selectFrom('notifications')
    .select(['id', 'school_id', 'kind', 'thread_id', 'title', 'body', 'params', 'created_at', 'read_at'])
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

/** Marks a person's unread notifications about one thread read: opening the thread has shown them what they told. */
export async function markThreadNotificationsRead(
  db: Db,
  schoolId: string,
  threadId: string,
  personId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('school_id', '=', schoolId)
    .where('person_id', '=', personId)
    .where('thread_id', '=', threadId)
    .where('read_at', 'is', null)
    .execute();
}

/** Marks all the user's unread notifications read, at every school. */
export async function markAllNotificationsRead(db: Db, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('person_id', 'in', personIdsOf(db, userId))
    .where('read_at', 'is', null)
    .execute();
}
