import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The frame of every page: one `h1` that names it (and the document title), optional lead text
 * and the content. The layout moves focus to the `h1` after navigation, so screen readers announce
 * the new page.
 */
export function Page({
  title,
  lead,
  children,
  wide = false,
}: {
  title: string;
  lead?: ReactNode;
  children?: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className={wide ? 'page page--wide' : 'page'}>
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </div>
  );
}

export function Section({
  title,
  children,
  id,
  level = 2,
  actions,
}: {
  title: string;
  children: ReactNode;
  id?: string;
  level?: 2 | 3;
  actions?: ReactNode;
}) {
  const headingId = id ? `${id}-title` : undefined;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="section" aria-labelledby={headingId} id={id}>
      <div className="section__head">
        <Heading id={headingId}>{title}</Heading>
        {actions}
      </div>
      {children}
    </section>
  );
}
