import { z } from 'zod';
import { ZUuid } from './common.schema.js';

/** Something the app tells one person, e.g. that a reply promise falls due tomorrow. */
export const ZNotification = z.object({
  id: ZUuid,
  schoolId: ZUuid,
  kind: z.string(),
  threadId: ZUuid.nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({
  notifications: z.array(ZNotification),
  /** Unread notifications in all, also those older than the list shows. */
  unread: z.number().int(),
});
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZNotificationParams = z.object({ notificationId: ZUuid });
