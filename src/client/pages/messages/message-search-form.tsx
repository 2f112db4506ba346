import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { THREAD_SEARCH_MAX, ZThreadSearchQuery } from '../../../shared/api/messaging.schema.js';
import { paths } from '../../app/paths.js';
import { TextField } from '../../ui/field.js';
import { useSchemaForm } from '../../ui/form.js';

/**
 * The search landmark of the messaging pages. Searching navigates to the search page with the
 * words in the address, so a search can be bookmarked and the back button returns to the last one.
 */
export function MessageSearchForm({ query = '', withHint = false }: { query?: string; withHint?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useSchemaForm(ZThreadSearchQuery, { q: query });
  const { reset } = form;
  // Back and forward change the address under the page; the field follows it.
  useEffect(() => reset({ q: query }), [query, reset]);

  const onSubmit = form.handleSubmit(({ q }) => {
    void navigate(paths.messageSearch(q), { replace: q === query });
  });

  return (
    <form
      role="search"
      aria-label={t('messageSearch.landmark')}
      className="search-form"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      <TextField
        id="message-search-q"
        type="search"
        label={t('messageSearch.label')}
        hint={withHint ? t('messageSearch.hint') : undefined}
        error={form.formState.errors.q ? t('messageSearch.queryMissing') : undefined}
        maxLength={THREAD_SEARCH_MAX}
        enterKeyHint="search"
        autoComplete="off"
        {...form.register('q')}
      />
      <button type="submit" className="button button--secondary">
        {t('messageSearch.submit')}
      </button>
    </form>
  );
}
