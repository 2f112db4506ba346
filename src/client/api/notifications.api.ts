import { notificationContracts } from '../../shared/api/notification.contract.js';
import type { TPutNotificationSettings } from '../../shared/api/notification.schema.js';
import { api } from './http.js';

export const notificationsApi = {
  read: (notificationId: string) => api(notificationContracts.read, { params: { notificationId } }),
  readAll: () => api(notificationContracts.readAll),
  saveSettings: (settings: TPutNotificationSettings) => api(notificationContracts.saveSettings, { body: settings }),
};
