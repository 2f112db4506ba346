import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { ApiError, describeApiError } from '../api/api-error.js';
import type { ApiResult } from '../app/query.js';
import { isLocale } from '../i18n/i18n.js';
import { Notice } from './notice.js';
import { Page } from './page.js';

/** The translated text of an error, re-rendered when the language changes. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (error: ApiError) =>
    describeApiError(error, isLocale(i18n.language) ? i18n.language : 'da', t('errors.network'));
}

/** Inline error for a failed action, announced to screen readers. */
export function ActionError({ error }: { error: ApiError | null }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <Notice kind="error">
      <p>{text(error)}</p>
    </Notice>
  );
}

/** The calm page shown when something failed on the server: what happened, what to do, and the number to quote. */
export function ServerErrorPage({ requestId }: { requestId: string | null }) {
  const { t } = useTranslation();
  return (
    <Page title={t('serverError.title')} lead={t('serverError.lead')}>
      <div className="panel">
        <p>{t('serverError.whatToDo')}</p>
        {requestId ? (
          <p>
            {t('serverError.requestId')} <code className="request-id">{requestId}</code>
          </p>
        ) : null}
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('serverError.retry')}
          </button>{' '}
          <Link to="/">{t('serverError.home')}</Link>
        </p>
      </div>
    </Page>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} lead={t('notFound.lead')}>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}

/**
 * A 403: the reader may know the thing exists (the server answers 404 where they may not) but may
 * not open it, and is told so with the reason in their language ("Din adgang er midlertidigt
 * stoppet", "Spørg skolen om oplysninger", …), not that it is not there.
 */
export function ForbiddenPage({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('forbidden.title')} lead={reason}>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}

/** What a page shows when loading its data failed: sign-in, not found, a server fault, or the error text. */
export function LoadError({ error, title }: { error: ApiError; title: string }) {
  const location = useLocation();
  const text = useErrorText();
  if (error.status === 401) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (error.isServerFault) return <ServerErrorPage requestId={error.requestId} />;
  if (error.status === 404) return <NotFoundPage />;
  if (error.status === 403) return <ForbiddenPage reason={text(error)} />;
  return (
    <Page title={title}>
      <Notice kind="error">
        <p>{text(error)}</p>
      </Notice>
    </Page>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** Renders a page's data once loaded, or its loading and error states. */
export function Loaded<T>({
  result,
  title,
  children,
}: {
  result: ApiResult<T>;
  title: string;
  children: (data: T) => ReactNode;
}) {
  if (result.status === 'loading') {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  if (result.status === 'error') return <LoadError error={result.error} title={title} />;
  return <>{children(result.data)}</>;
}

/** A part of a page that loads on its own: its failure stays inside it. */
export function LoadedPart<T>({ result, children }: { result: ApiResult<T>; children: (data: T) => ReactNode }) {
  const text = useErrorText();
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') {
    return (
      <Notice kind={result.error.isServerFault ? 'warning' : 'error'} live={false}>
        <p>{text(result.error)}</p>
      </Notice>
    );
  }
  return <>{children(result.data)}</>;
}
