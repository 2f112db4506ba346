import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { notificationsApi } from '../../api/notifications.api.js';
import { paths } from '../../app/paths.js';

/** New notifications arrive from background jobs, so the count is asked for again this often. */
const POLL_MS = 60_000;

interface UnreadCount {
  /** Null until the first answer, and while signed out. */
  unread: number | null;
  /** Sets the count from an answer that carries it (marking read returns the updated list). */
  set(unread: number): void;
}

const UnreadContext = createContext<UnreadCount>({ unread: null, set: () => undefined });

/**
 * Keeps the signed-in user's unread count for the header: loaded on every navigation and every
 * minute, and updated at once when the notifications page marks some read.
 */
export function UnreadCountProvider({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const [unread, setUnread] = useState<number | null>(null);
  const location = useLocation();
  const load = useCallback(() => {
    notificationsApi.list().then(
      (list) => setUnread(list.unread),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    if (!signedIn) {
      setUnread(null);
      return;
    }
    load();
    const timer = window.setInterval(load, POLL_MS);
    return () => window.clearInterval(timer);
  }, [signedIn, location.pathname, load]);
  const value = useMemo(() => ({ unread, set: setUnread }), [unread]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export const useUnreadCount = () => useContext(UnreadContext);

/** The header's link to the notifications, named with the unread count ("Notifikationer, 3 ulæste"). */
export function NotificationsLink() {
  const { t } = useTranslation();
  const { unread } = useUnreadCount();
  const count = unread ?? 0;
  return (
    <NavLink
      to={paths.notifications()}
      aria-label={count > 0 ? t('notifications.linkUnread', { count }) : t('notifications.title')}
      className="notifications-link"
    >
      <svg
        aria-hidden="true"
        focusable="false"
        width="20"
        height="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
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
