import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messagingContracts } from '../../../shared/api/messaging.contract.js';
import type { TThreadSummary } from '../../../shared/api/messaging.schema.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useApiQuery } from '../../app/query.js';
import { Loaded } from '../../ui/errors.js';
import { formatDateTime } from '../../ui/format.js';
import { Page } from '../../ui/page.js';
import { PromiseState, ThreadParties, UrgentBadge } from './message-parts.js';
import { staffSchoolsOf } from './staff-schools.js';
import { MessageSearchForm } from './message-search-form.js';

function ThreadRow({ thread }: { thread: TThreadSummary }) {
  const { t, i18n } = useTranslation();
  const unread = thread.unreadCount > 0;
  const others = thread.counterparts.map((person) => person.name).join(', ');
  return (
    <li className={unread ? 'card thread-row thread-row--unread' : 'card thread-row'}>
      <h2 className="card__title thread-row__subject">
        <Link to={paths.thread(thread.id)}>
          {thread.subject}
          {unread ? (
            <span className="visually-hidden">{` (${t('messages.inbox.unread', { count: thread.unreadCount })})`}</span>
          ) : null}
        </Link>
      </h2>
      <p className="card__meta">
        {unread ? (
          <span className="badge badge--new" aria-hidden="true">
            {t('messages.inbox.unread', { count: thread.unreadCount })}
          </span>
        ) : null}
        {thread.urgent ? <UrgentBadge /> : null}
        <PromiseState thread={thread} />
      </p>
      <dl className="facts">
        <ThreadParties thread={thread} others={others} />
        <dt>{t('messages.inbox.lastActivity')}</dt>
        <dd>{formatDateTime(thread.lastMessageAt, i18n.language)}</dd>
      </dl>
    </li>
  );
}

/** Every thread the reader takes part in, newest activity first. */
export function InboxPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const threads = useApiQuery(messagingContracts.threads, {});
  const canWrite = (me?.children.length ?? 0) > 0;
  const workplaces = staffSchoolsOf(me);
  return (
    <Loaded result={threads} title={t('messages.inbox.title')}>
      {(data) => {
        const sorted = [...data.threads].sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt));
        return (
          <Page title={t('messages.inbox.title')}>
            <MessageSearchForm />
            {canWrite ? (
              <p>
                <Link className="button" to={paths.newMessage()}>
                  {t('messages.inbox.write')}
                </Link>
              </p>
            ) : null}
            {workplaces.map((school) => (
              <p key={school.id}>
                <Link className="button button--secondary" to={paths.colleagueMessage(school.id)}>
                  {workplaces.length > 1
                    ? t('staffMessages.toColleagues.actionAt', { school: school.name })
                    : t('staffMessages.toColleagues.action')}
                </Link>
              </p>
            ))}
            {sorted.length === 0 ? (
              <p>{t('messages.inbox.empty')}</p>
            ) : (
              <ul className="card-list">
                {sorted.map((thread) => (
                  <ThreadRow key={thread.id} thread={thread} />
                ))}
              </ul>
            )}
          </Page>
        );
      }}
    </Loaded>
  );
}
