import type { AppDeps } from '../deps.js';
import type { SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { noticeText } from './notice-text.js';
import type { TNotificationList } from '../../shared/api/notification.schema.js';
import {
  countUnreadOfUser,
  markAllNotificationsRead,
  markNotificationRead,
  markThreadNotificationsRead as markThreadNotificationRowsRead,
  selectNotificationsOfUser,
} from './notification.repository.js';

/** The list shows this many, newest first; the unread count covers them all. */
export const NOTIFICATION_LIST_LIMIT = 100;

/** The caller's own notifications at all their schools; no one reads another person's. */
export async function listNotifications(ctx: SignedInContext): Promise<TNotificationList> {
  const { userId } = ctx.actor;
  const [rows, unread] = await Promise.all([
    selectNotificationsOfUser(ctx.db, userId, NOTIFICATION_LIST_LIMIT),
    countUnreadOfUser(ctx.db, userId),
  ]);
  return {
    notifications: rows.map((r) => ({
      id: r.id,
      schoolId: r.school_id,
      kind: r.kind,
      threadId: r.thread_id,
      ...noticeText(r, ctx.locale),
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString() ?? null,
    })),
    unread,
  };
}

/** Marks one of the caller's notifications read (the route's policy, `notification.read`: their own). */
export async function readNotification(ctx: SignedInContext, notificationId: string): Promise<TNotificationList> {
  if (!(await markNotificationRead(ctx.db, ctx.actor.userId, notificationId, ctx.clock.now()))) {
    throw new AppError('not_found');
  }
  return listNotifications(ctx);
}

/** Marks all the caller's notifications read ("Markér alle som læst"). */
export async function readAllNotifications(ctx: SignedInContext): Promise<TNotificationList> {
  await markAllNotificationsRead(ctx.db, ctx.actor.userId, ctx.clock.now());
  return listNotifications(ctx);
}

/** A person who opened a thread has seen what its notifications told them. */
export async function markThreadNotificationsRead(
  deps: Pick<AppDeps, 'db'>,
  schoolId: string,
  threadId: string,
  personId: string,
  at: Date,
): Promise<void> {
  await markThreadNotificationRowsRead(deps.db, schoolId, threadId, personId, at);
}
