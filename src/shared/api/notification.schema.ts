import { z } from 'zod';
import { ZUuid } from './common.schema.js';
import { ZQuietHours } from '../principle/principle.schema.js';

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

/** Guardians: every message by e-mail at once, or one daily digest at 17:00 (the default). Urgent messages always come at once. */
export const ZNotificationMode = z.enum(['immediate', 'digest']);
export type TNotificationMode = z.infer<typeof ZNotificationMode>;

/** How the caller is notified at one school. */
export const ZNotificationSettings = z.object({
  schoolId: ZUuid,
  schoolName: z.string(),
  /** The caller receives messages as a guardian here, so `mode` applies. */
  asGuardian: z.boolean(),
  /** The caller is staff here, so `quietHours` apply. */
  asStaff: z.boolean(),
  mode: ZNotificationMode,
  /** The quiet hours in force: the caller's own, or the principle's while they have set none. */
  quietHours: ZQuietHours.nullable(),
  /** The adopted principle's quiet hours, shown as the school's default. */
  principleQuietHours: ZQuietHours.nullable(),
});
export type TNotificationSettings = z.infer<typeof ZNotificationSettings>;

export const ZNotificationSettingsList = z.object({ schools: z.array(ZNotificationSettings) });
export type TNotificationSettingsList = z.infer<typeof ZNotificationSettingsList>;

/** Saves the caller's settings at one school; `quietHours` null means none. */
export const ZPutNotificationSettings = z.object({
  schoolId: ZUuid,
  mode: ZNotificationMode,
  quietHours: ZQuietHours.nullable(),
});
export type TPutNotificationSettings = z.infer<typeof ZPutNotificationSettings>;
