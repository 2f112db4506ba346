import type { RequestContext } from '../http/route.js';
import { AppError } from '../errors.js';
import type { TNotificationList } from '../../shared/api/notification.schema.js';
import {
  countUnreadOfUser,
  markAllNotificationsRead,
  markNotificationRead,
  selectNotificationsOfUser,
} from './notification.repository.js';

/** The list shows this many, newest first; the unread count covers them all. */
export const NOTIFICATION_LIST_LIMIT = 100;

function userIdOf(ctx: RequestContext): string {
  if (!ctx.actor) throw new AppError('not_signed_in');
  return ctx.actor.userId;
}

/** The caller's own notifications at all their schools; no one reads another person's. */
export async function listNotifications(ctx: RequestContext): Promise<TNotificationList> {
  const userId = userIdOf(ctx);
  const [rows, unread] = await Promise.all([
    selectNotificationsOfUser(ctx.deps.db, userId, NOTIFICATION_LIST_LIMIT),
    countUnreadOfUser(ctx.deps.db, userId),
  ]);
  return {
    notifications: rows.map((r) => ({
      id: r.id,
      schoolId: r.school_id,
      kind: r.kind,
      threadId: r.thread_id,
      title: r.title,
      body: r.body,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString() ?? null,
    })),
    unread,
  };
}

/** Marks one of the caller's notifications read; someone else's is answered as missing. */
export async function readNotification(ctx: RequestContext, notificationId: string): Promise<TNotificationList> {
  if (!(await markNotificationRead(ctx.deps.db, userIdOf(ctx), notificationId, ctx.deps.clock.now())))
    throw new AppError('not_found');
  return listNotifications(ctx);
}

/** Marks all the caller's notifications read ("Markér alle som læst"). */
export async function readAllNotifications(ctx: RequestContext): Promise<TNotificationList> {
  await markAllNotificationsRead(ctx.deps.db, userIdOf(ctx), ctx.deps.clock.now());
  return listNotifications(ctx);
}
