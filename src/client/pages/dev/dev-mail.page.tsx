import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { devMailContracts } from '../../../shared/api/auth.contract.js';
import { useApiQuery } from '../../app/query.js';
import { Loaded } from '../../ui/errors.js';
import { Page } from '../../ui/page.js';
import { formatDateTime } from '../../ui/format.js';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain mail text with its web addresses turned into links (the text is never parsed as HTML). */
function MailText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre className="mail-text">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

/** Development only: the e-mails the server kept instead of sending them (the API answers 404 in production). */
export function DevMailPage() {
  const { t, i18n } = useTranslation();
  const mails = useApiQuery(devMailContracts.list, {});
  const title = t('devMail.title');
  return (
    <Loaded result={mails} title={title}>
      {(data) => (
        <Page title={title} lead={t('devMail.lead')}>
          <p>
            <button type="button" className="button button--secondary" onClick={mails.reload}>
              {t('devMail.refresh')}
            </button>
          </p>
          {data.mails.length === 0 ? <p>{t('devMail.empty')}</p> : null}
          <ol className="card-list" reversed>
            {data.mails.map((mail) => (
              <li key={mail.id} className="card">
                <article aria-labelledby={`mail-${mail.id}`}>
                  <h2 id={`mail-${mail.id}`} className="card__title">
                    {mail.subject}
                  </h2>
                  <dl className="facts">
                    <dt>{t('devMail.to')}</dt>
                    <dd>{mail.to}</dd>
                    <dt>{t('devMail.sent')}</dt>
                    <dd>{formatDateTime(mail.createdAt, i18n.language)}</dd>
                  </dl>
                  <MailText text={mail.text} />
                </article>
              </li>
            ))}
          </ol>
        </Page>
      )}
    </Loaded>
  );
}
