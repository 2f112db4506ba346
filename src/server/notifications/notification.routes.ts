import { defineRoute } from '../http/route.js';
import { notificationContracts } from '../../shared/api/notification.contract.js';
import { atSchoolInBody, ownData, requireAccess } from '../policies/policy.js';
import { ZNotificationParams, ZPutNotificationSettings } from '../../shared/api/notification.schema.js';
import { mayKeepNotificationSettings } from '../policies/rules.js';
import { listNotifications, readAllNotifications, readNotification } from './notification.service.js';
import { getNotificationSettings, putNotificationSettings } from './notification-settings.service.js';

// A notification is its person's alone: the lists and settings are the caller's own, and one
// notification is reached only by its person (policies/access.ts, `notification.read`).
export const notificationRoutes = [
  defineRoute({
    ...notificationContracts.list,
    summary: "The caller's notifications at all their schools, newest first, with the number unread.",
    tags: ['notifications'],
    policy: ownData("the caller's own notifications"),
    handler: (ctx) => listNotifications(ctx),
  }),
  defineRoute({
    ...notificationContracts.read,
    summary: "Marks one of the caller's notifications read and answers with the updated list; another person's is 404.",
    tags: ['notifications'],
    policy: requireAccess('notification.read', { params: ZNotificationParams }, ({ params }) => params.notificationId),
    handler: (ctx, { params }) => readNotification(ctx, params.notificationId),
  }),
  defineRoute({
    ...notificationContracts.readAll,
    summary: "Marks all the caller's notifications read and answers with the updated list.",
    tags: ['notifications'],
    policy: ownData("the caller's own notifications"),
    handler: (ctx) => readAllNotifications(ctx),
  }),
  defineRoute({
    ...notificationContracts.settings,
    summary:
      "How the caller is notified at each school where they get messages: guardians' immediate or daily digest, staff's quiet hours.",
    tags: ['notifications', 'me'],
    policy: ownData("the caller's own settings"),
    handler: (ctx) => getNotificationSettings(ctx),
  }),
  defineRoute({
    ...notificationContracts.saveSettings,
    summary: "Saves the caller's notification settings at one school and answers with all of them.",
    tags: ['notifications', 'me'],
    policy: atSchoolInBody(
      ZPutNotificationSettings,
      'staff, or a guardian who is not suspended, at the school in the body',
      (m) => mayKeepNotificationSettings(m),
    ),
    handler: (ctx, { body }) => putNotificationSettings(ctx, body),
  }),
];
