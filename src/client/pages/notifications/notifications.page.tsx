import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationContracts } from '../../../shared/api/notification.contract.js';
import type { TNotification } from '../../../shared/api/notification.schema.js';
import { notificationsApi } from '../../api/notifications.api.js';
import { paths } from '../../app/paths.js';
import { useAction } from '../../app/query.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { formatDateTime } from '../../ui/format.js';
import { Page } from '../../ui/page.js';
import { useNotifications, useShowNotifications } from './unread-count.js';

function NotificationRow({
  notification,
  onOpen,
  onRead,
}: {
  notification: TNotification;
  onOpen: (n: TNotification) => void;
  onRead: (n: TNotification) => void;
}) {
  const { t, i18n } = useTranslation();
  const unread = notification.readAt === null;
  const title = (
    <>
      {notification.title}
      {unread ? <span className="visually-hidden">{` (${t('notifications.unread')})`}</span> : null}
    </>
  );
  return (
    <li className={unread ? 'card thread-row thread-row--unread' : 'card thread-row'}>
      <h2 className="card__title thread-row__subject">
        {notification.threadId ? (
          <Link to={paths.thread(notification.threadId)} onClick={() => onOpen(notification)}>
            {title}
          </Link>
        ) : (
          title
        )}
      </h2>
      <p className="card__meta">
        {unread ? (
          <span className="badge badge--new" aria-hidden="true">
            {t('notifications.unread')}
          </span>
        ) : null}
        <span>{formatDateTime(notification.createdAt, i18n.language)}</span>
      </p>
      <p>{notification.body}</p>
      {unread && !notification.threadId ? (
        <button type="button" className="button button--secondary button--small" onClick={() => onRead(notification)}>
          {t('notifications.markRead')}
        </button>
      ) : null}
    </li>
  );
}

/** The reader's notifications, newest first; opening one leads to its thread and marks it read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const list = useNotifications();
  const show = useShowNotifications();
  // Opening follows the link at once; the mark is sent alongside and the header catches up.
  const open = (n: TNotification) => {
    if (n.readAt === null)
      notificationsApi.read(n.id).then(
        (answer) => show(answer),
        () => undefined,
      );
  };
  // Marking read answers with the updated list, which is all that changed.
  const readOne = useAction(async (n: TNotification) => show(await notificationsApi.read(n.id)), {
    invalidates: [notificationContracts.list],
  });
  const readAll = useAction(async () => show(await notificationsApi.readAll()), {
    invalidates: [notificationContracts.list],
  });
  return (
    <Loaded result={list} title={t('notifications.title')}>
      {(data) => (
        <Page
          title={t('notifications.title')}
          lead={data.unread > 0 ? t('notifications.lead', { count: data.unread }) : t('notifications.allRead')}
        >
          <p>
            <Link to={paths.notificationSettings()}>{t('notifications.settingsLink')}</Link>
          </p>
          {data.unread > 0 ? (
            <p>
              <button
                type="button"
                className="button button--secondary"
                disabled={readAll.busy}
                onClick={() => void readAll.run()}
              >
                {t('notifications.markAllRead')}
              </button>
            </p>
          ) : null}
          <ActionError error={readAll.error ?? readOne.error} />
          {data.notifications.length === 0 ? (
            <p>{t('notifications.empty')}</p>
          ) : (
            <ul className="card-list">
              {data.notifications.map((n) => (
                <NotificationRow key={n.id} notification={n} onOpen={open} onRead={(one) => void readOne.run(one)} />
              ))}
            </ul>
          )}
        </Page>
      )}
    </Loaded>
  );
}
