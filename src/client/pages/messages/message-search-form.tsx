import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { THREAD_SEARCH_MAX, ZThreadSearchQuery } from '../../../shared/api/messaging.schema.js';
import { paths } from '../../app/paths.js';
import { TextField } from '../../ui/field.js';

/**
 * The search landmark of the messaging pages. Searching navigates to the search page with the
 * words in the address, so a search can be bookmarked and the back button returns to the last one.
 */
export function MessageSearchForm({ query = '', withHint = false }: { query?: string; withHint?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState(query);
  const [problem, setProblem] = useState<string | undefined>();
  // Back and forward change the address under the page; the field follows it.
  useEffect(() => {
    setText(query);
    setProblem(undefined);
  }, [query]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZThreadSearchQuery.safeParse({ q: text });
    if (!parsed.success) {
      setProblem(t('messageSearch.queryMissing'));
      return;
    }
    setProblem(undefined);
    void navigate(paths.messageSearch(parsed.data.q), { replace: parsed.data.q === query });
  };

  return (
    <form role="search" aria-label={t('messageSearch.landmark')} className="search-form" onSubmit={onSubmit} noValidate>
      <TextField
        id="message-search-q"
        type="search"
        name="q"
        label={t('messageSearch.label')}
        hint={withHint ? t('messageSearch.hint') : undefined}
        error={problem}
        value={text}
        maxLength={THREAD_SEARCH_MAX}
        enterKeyHint="search"
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button button--secondary">
        {t('messageSearch.submit')}
      </button>
    </form>
  );
}
