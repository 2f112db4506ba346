import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TThreadSearchHit } from '../../../shared/api/messaging.schema.js';
import { messagingContracts } from '../../../shared/api/messaging.contract.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { useErrorText } from '../../ui/errors.js';
import { formatDateTime } from '../../ui/format.js';
import { Page } from '../../ui/page.js';
import { ThreadParties } from './message-parts.js';
import { MessageSearchForm } from './message-search-form.js';
import { SearchSnippet } from './search-snippet.js';

function SearchHit({ hit }: { hit: TThreadSearchHit }) {
  const { t, i18n } = useTranslation();
  const others = hit.counterparts.map((person) => person.name).join(', ');
  return (
    <li className="card search-hit">
      <h2 className="card__title">
        <Link to={hit.matchedMessageId ? paths.threadMessage(hit.id, hit.matchedMessageId) : paths.thread(hit.id)}>
          {hit.subject}
        </Link>
      </h2>
      <SearchSnippet parts={hit.snippet} />
      <dl className="facts">
        <ThreadParties thread={hit} others={others} />
        <dt>{t('messages.inbox.lastActivity')}</dt>
        <dd>{formatDateTime(hit.lastMessageAt, i18n.language)}</dd>
      </dl>
    </li>
  );
}

/** Search in one's own messages; the words live in the address (`?q=`), so back and forward work. */
export function MessageSearchPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const result = useApiQuery(messagingContracts.search, { query: { q: query } }, { enabled: query !== '' });
  const hits = query && result.status === 'ok' ? result.data.threads : null;

  let status = '';
  if (query && result.status === 'loading') status = t('messageSearch.searching');
  else if (query && result.status === 'error') status = errorText(result.error);
  else if (hits)
    status =
      hits.length === 0 ? t('messageSearch.none', { query }) : t('messageSearch.count', { count: hits.length, query });

  return (
    <Page title={t('messageSearch.title')}>
      <p>
        <Link to={paths.inbox()}>{t('messages.thread.back')}</Link>
      </p>
      <MessageSearchForm query={query} withHint />
      {/* One polite region that stays in the page, so every new count (or failure) is read out once. */}
      <div aria-live="polite" aria-atomic="true" className="search-status">
        {status ? <p className={result.status === 'error' ? 'notice notice--error' : undefined}>{status}</p> : null}
      </div>
      {hits && hits.length > 0 ? (
        <ul className="card-list" aria-label={t('messageSearch.results')}>
          {hits.map((hit) => (
            <SearchHit key={hit.id} hit={hit} />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
