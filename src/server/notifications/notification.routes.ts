import { defineRoute, signedIn, type Policy } from '../http/route.js';
import {
  ZNotificationList,
  ZNotificationParams,
  ZNotificationSettingsList,
  ZPutNotificationSettings,
} from '../../shared/api/notification.schema.js';
import { mayKeepNotificationSettings } from '../policies/rules.js';
import { listNotifications, readAllNotifications, readNotification } from './notification.service.js';
import { getNotificationSettings, putNotificationSettings } from './notification-settings.service.js';

/** Needs a signed-in user; the use case keeps each to their own notifications. */
const signedInThen = (name: string): Policy<any, any, any> => signedIn(name);

// A notification is its person's alone: the use case reads and marks only the caller's own.
export const notificationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/notifications',
    summary: "The caller's notifications at all their schools, newest first, with the number unread.",
    tags: ['notifications'],
    response: ZNotificationList,
    policy: signedInThen('signed in; own notifications only'),
    handler: (ctx) => listNotifications(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/notifications/:notificationId/read',
    summary: "Marks one of the caller's notifications read and answers with the updated list; another person's is 404.",
    tags: ['notifications'],
    params: ZNotificationParams,
    response: ZNotificationList,
    policy: signedInThen("the notification is the caller's (checked in the use case)"),
    handler: (ctx, { params }) => readNotification(ctx, params.notificationId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/notifications/read-all',
    summary: "Marks all the caller's notifications read and answers with the updated list.",
    tags: ['notifications'],
    response: ZNotificationList,
    policy: signedInThen('signed in; own notifications only'),
    handler: (ctx) => readAllNotifications(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/me/notification-settings',
    summary:
      "How the caller is notified at each school where they get messages: guardians' immediate or daily digest, staff's quiet hours.",
    tags: ['notifications', 'me'],
    response: ZNotificationSettingsList,
    policy: signedInThen('signed in; own settings only'),
    handler: (ctx) => getNotificationSettings(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/me/notification-settings',
    summary: "Saves the caller's notification settings at one school and answers with all of them.",
    tags: ['notifications', 'me'],
    body: ZPutNotificationSettings,
    response: ZNotificationSettingsList,
    policy: signedIn<any, any, typeof ZPutNotificationSettings>(
      'staff, or a guardian who is not suspended, at the school in the body',
      async (ctx, { body }) => mayKeepNotificationSettings(await ctx.membership(body.schoolId)),
    ),
    handler: (ctx, { body }) => putNotificationSettings(ctx, body),
  }),
];
