import { defineContract } from './contract.js';
import {
  ZNotificationList,
  ZNotificationParams,
  ZNotificationSettingsList,
  ZPutNotificationSettings,
} from './notification.schema.js';

/** The notification routes (notification.routes.ts): method, path and schemas, shared by the server and the client. */
export const notificationContracts = {
  list: defineContract({
    method: 'GET',
    url: '/api/notifications',
    response: ZNotificationList,
  }),
  read: defineContract({
    method: 'POST',
    url: '/api/notifications/:notificationId/read',
    params: ZNotificationParams,
    response: ZNotificationList,
  }),
  readAll: defineContract({
    method: 'POST',
    url: '/api/notifications/read-all',
    response: ZNotificationList,
  }),
  settings: defineContract({
    method: 'GET',
    url: '/api/me/notification-settings',
    response: ZNotificationSettingsList,
  }),
  saveSettings: defineContract({
    method: 'PUT',
    url: '/api/me/notification-settings',
    body: ZPutNotificationSettings,
    response: ZNotificationSettingsList,
  }),
};
