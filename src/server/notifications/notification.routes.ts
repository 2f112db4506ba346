import { defineRoute } from '../http/route.js';
import { atSchoolInBody, ownData, requireAccess } from '../policies/policy.js';
import {
  ZNotificationList,
  ZNotificationParams,
  ZNotificationSettingsList,
  ZPutNotificationSettings,
} from '../../shared/api/notification.schema.js';
import { mayKeepNotificationSettings } from '../policies/rules.js';
import { listNotifications, readAllNotifications, readNotification } from './notification.service.js';
import { getNotificationSettings, putNotificationSettings } from './notification-settings.service.js';

// A notification is its person's alone: the lists and settings are the caller's own, and one
// notification is reached only by its person (policies/access.ts, `notification.read`).
export const notificationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/notifications',
    summary: "The caller's notifications at all their schools, newest first, with the number unread.",
    tags: ['notifications'],
    response: ZNotificationList,
    policy: ownData("the caller's own notifications"),
    handler: (ctx) => listNotifications(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/notifications/:notificationId/read',
    summary: "Marks one of the caller's notifications read and answers with the updated list; another person's is 404.",
    tags: ['notifications'],
    params: ZNotificationParams,
    response: ZNotificationList,
    policy: requireAccess('notification.read', { params: ZNotificationParams }, ({ params }) => params.notificationId),
    handler: (ctx, { params }) => readNotification(ctx, params.notificationId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/notifications/read-all',
    summary: "Marks all the caller's notifications read and answers with the updated list.",
    tags: ['notifications'],
    response: ZNotificationList,
    policy: ownData("the caller's own notifications"),
    handler: (ctx) => readAllNotifications(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/me/notification-settings',
    summary:
      "How the caller is notified at each school where they get messages: guardians' immediate or daily digest, staff's quiet hours.",
    tags: ['notifications', 'me'],
    response: ZNotificationSettingsList,
    policy: ownData("the caller's own settings"),
    handler: (ctx) => getNotificationSettings(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/me/notification-settings',
    summary: "Saves the caller's notification settings at one school and answers with all of them.",
    tags: ['notifications', 'me'],
    body: ZPutNotificationSettings,
    response: ZNotificationSettingsList,
    policy: atSchoolInBody(
      ZPutNotificationSettings,
      'staff, or a guardian who is not suspended, at the school in the body',
      (m) => mayKeepNotificationSettings(m),
    ),
    handler: (ctx, { body }) => putNotificationSettings(ctx, body),
  }),
];
