import type {
  TNotificationList,
  TNotificationSettingsList,
  TPutNotificationSettings,
} from '../../shared/api/notification.schema.js';
import { http } from './http.js';

export const notificationsApi = {
  list: () => http.get<TNotificationList>('/api/notifications'),
  read: (notificationId: string) => http.post<TNotificationList>(`/api/notifications/${notificationId}/read`),
  readAll: () => http.post<TNotificationList>('/api/notifications/read-all'),
  settings: () => http.get<TNotificationSettingsList>('/api/me/notification-settings'),
  saveSettings: (settings: TPutNotificationSettings) =>
    http.put<TNotificationSettingsList>('/api/me/notification-settings', settings),
};
