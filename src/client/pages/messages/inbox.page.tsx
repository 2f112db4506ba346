import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import { messagingContracts } from '../../../shared/api/messaging.contract.js';
import {
  ZInboxShow,
  type TInboxShow,
  type TInboxThread,
  type TThreadList,
} from '../../../shared/api/messaging.schema.js';
import { api } from '../../api/http.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { formatDateTime } from '../../ui/format.js';
import { Page } from '../../ui/page.js';
import { PromiseState, ThreadParties, UrgentBadge } from './message-parts.js';
import { staffSchoolsOf } from './staff-schools.js';
import { MessageSearchForm } from './message-search-form.js';

function ThreadRow({ thread }: { thread: TInboxThread }) {
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
      {thread.preview ? (
        <p className="thread-row__preview">
          <span className="thread-row__author">{thread.preview.author}:</span> {thread.preview.text}
        </p>
      ) : null}
      <dl className="facts">
        <ThreadParties thread={thread} others={others} />
        <dt>{t('messages.inbox.lastActivity')}</dt>
        <dd>{formatDateTime(thread.lastMessageAt, i18n.language)}</dd>
      </dl>
    </li>
  );
}

/** A filter as a link that keeps the others; the current one is marked for screen readers. */
function FilterLink({ to, current, children }: { to: URLSearchParams; current: boolean; children: string }) {
  return (
    <li>
      <Link
        to={{ search: to.toString() }}
        className={current ? 'filter-link filter-link--current' : 'filter-link'}
        aria-current={current ? 'true' : undefined}
        replace
      >
        {children}
      </Link>
    </li>
  );
}

/** The reader's classes as staff, at the schools where they work, to narrow the inbox to one. */
function useStaffClasses(schoolId: string | undefined) {
  const classes = useApiQuery(
    directoryContracts.classes,
    { params: { schoolId: schoolId ?? '' } },
    { enabled: schoolId !== undefined },
  );
  return classes.status === 'ok' ? classes.data.classes.filter((klass) => klass.staffRole !== null) : [];
}

/** The threads of one filter: the first page through the cache, older pages on request. */
function ThreadPages({ first, query }: { first: TThreadList; query: Record<string, string> }) {
  const { t } = useTranslation();
  const [older, setOlder] = useState<TInboxThread[]>([]);
  const [cursor, setCursor] = useState<string | null>(first.nextCursor);
  // Reading older threads changes nothing on the server: no cached answer is made stale.
  const more = useAction(
    async () => {
      if (!cursor) return;
      const page = await api(messagingContracts.threads, { query: { ...query, before: cursor } });
      setOlder((previous) => [...previous, ...page.threads]);
      setCursor(page.nextCursor);
    },
    { invalidates: [] },
  );
  const threads = [...first.threads, ...older];
  return (
    <>
      {threads.length === 0 ? (
        <p>
          {t(query.show || query.studentId || query.classId ? 'messages.inbox.emptyFiltered' : 'messages.inbox.empty')}
        </p>
      ) : (
        <ul className="card-list">
          {threads.map((thread) => (
            <ThreadRow key={thread.id} thread={thread} />
          ))}
        </ul>
      )}
      <ActionError error={more.error} />
      {cursor ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => void more.run()}>
            {t('messages.inbox.older')}
          </button>
        </p>
      ) : null}
    </>
  );
}

/**
 * Every thread the reader takes part in, newest activity first, a page at a time: all of them,
 * only the unread, or only those awaiting a reply; for a guardian of several children one child's,
 * for staff one class's. The filter lives in the address, so it survives a reload and can be shared.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params] = useSearchParams();
  const parsedShow = ZInboxShow.safeParse(params.get('show') ?? 'all');
  const show: TInboxShow = parsedShow.success ? parsedShow.data : 'all';
  const studentId = params.get('studentId') ?? undefined;
  const classId = params.get('classId') ?? undefined;
  const query: Record<string, string> = {
    ...(show !== 'all' ? { show } : {}),
    ...(studentId ? { studentId } : {}),
    ...(classId ? { classId } : {}),
  };
  const threads = useApiQuery(messagingContracts.threads, { query });
  const canWrite = (me?.children.length ?? 0) > 0;
  const workplaces = staffSchoolsOf(me);
  const classes = useStaffClasses(workplaces.length === 1 ? workplaces[0]?.id : undefined);
  const children = (me?.children ?? []).filter((child) => child.relation === 'custody');
  const withParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    return next;
  };
  return (
    <Loaded result={threads} title={t('messages.inbox.title')}>
      {(data) => (
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
          <nav aria-label={t('messages.inbox.filters')} className="filters">
            <ul className="filter-links">
              {ZInboxShow.options.map((option) => (
                <FilterLink
                  key={option}
                  to={withParam('show', option === 'all' ? undefined : option)}
                  current={show === option}
                >
                  {t(`messages.inbox.show.${option}`)}
                </FilterLink>
              ))}
            </ul>
            {children.length > 1 ? (
              <ul className="filter-links">
                <FilterLink to={withParam('studentId', undefined)} current={!studentId}>
                  {t('messages.inbox.allChildren')}
                </FilterLink>
                {children.map((child) => (
                  <FilterLink key={child.id} to={withParam('studentId', child.id)} current={studentId === child.id}>
                    {child.givenName}
                  </FilterLink>
                ))}
              </ul>
            ) : null}
            {classes.length > 1 ? (
              <ul className="filter-links">
                <FilterLink to={withParam('classId', undefined)} current={!classId}>
                  {t('messages.inbox.allClasses')}
                </FilterLink>
                {classes.map((klass) => (
                  <FilterLink key={klass.id} to={withParam('classId', klass.id)} current={classId === klass.id}>
                    {klass.name}
                  </FilterLink>
                ))}
              </ul>
            ) : null}
          </nav>
          <ThreadPages key={JSON.stringify(query)} first={data} query={query} />
        </Page>
      )}
    </Loaded>
  );
}
