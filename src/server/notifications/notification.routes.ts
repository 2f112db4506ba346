import { defineRoute, signedIn, type Policy } from '../http/route.js';
import { ZNotificationList, ZNotificationParams } from '../../shared/api/notification.schema.js';
import { listNotifications, readNotification } from './notification.service.js';

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
    policy: signedInThen('the notification is the caller\'s (checked in the use case)'),
    handler: (ctx, { params }) => readNotification(ctx, params.notificationId),
  }),
];
