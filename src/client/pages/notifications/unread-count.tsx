import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Bell } from 'lucide-react';
import { notificationContracts } from '../../../shared/api/notification.contract.js';
import type { TNotificationList } from '../../../shared/api/notification.schema.js';
import { paths } from '../../app/paths.js';
import { queryKeyOf, useApiQuery } from '../../app/query.js';

/** New notifications arrive from background jobs, so the list is asked for again this often. */
const REFRESH_MS = 60_000;

/**
 * The reader's notifications, shared by the header's count and the notifications page: asked for
 * again every minute and when the window regains focus, and after reading a thread.
 */
export function useNotifications({ enabled = true }: { enabled?: boolean } = {}) {
  return useApiQuery(
    notificationContracts.list,
    {},
    { enabled, refetchInterval: REFRESH_MS, refetchOnWindowFocus: true },
  );
}

/** Puts an answer that carries the updated list (marking read returns it) into the cache at once. */
export function useShowNotifications() {
  const queryClient = useQueryClient();
  return useCallback(
    (list: TNotificationList) => queryClient.setQueryData(queryKeyOf(notificationContracts.list), list),
    [queryClient],
  );
}

/** The header's link to the notifications, named with the unread count ("Notifikationer, 3 ulæste"). */
export function NotificationsLink() {
  const { t } = useTranslation();
  const list = useNotifications();
  const count = list.status === 'ok' ? list.data.unread : 0;
  return (
    <NavLink
      to={paths.notifications()}
      aria-label={count > 0 ? t('notifications.linkUnread', { count }) : t('notifications.title')}
      className="notifications-link"
    >
      <Bell aria-hidden="true" focusable="false" size={20} />
      <span>{t('notifications.title')}</span>
      {/* The space keeps the visible text ("Notifikationer 3") inside the link's name (WCAG 2.5.3). */}
      {count > 0 ? ' ' : null}
      {count > 0 ? (
        <span className="notifications-link__count" aria-hidden="true">
          {count}
        </span>
      ) : null}
    </NavLink>
  );
}
