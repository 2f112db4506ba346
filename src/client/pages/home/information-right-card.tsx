import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMeChild } from '../../../shared/api/directory.schema.js';
import {
  INFORMATION_REQUEST_MESSAGE_MAX,
  ZCreateInformationRequest,
  type TCreateInformationRequest,
  type TOwnInformationRequest,
} from '../../../shared/api/information-request.schema.js';
import { informationRequestApi } from '../../api/school.api.js';
import { useAction } from '../../app/query.js';
import { ApiError } from '../../api/api-error.js';
import { ActionError } from '../../ui/errors.js';
import { TextAreaField } from '../../ui/field.js';
import { showServerProblems, useSchemaForm } from '../../ui/form.js';
import { formatDateTime } from '../../ui/format.js';
import { Notice } from '../../ui/notice.js';
import { RequestAnswer } from '../information-requests/request-answer.js';

function RequestItem({ request }: { request: TOwnInformationRequest }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card card--quiet">
      <p className="card__meta">
        {t('informationRight.askedOn', { date: formatDateTime(request.createdAt, i18n.language) })}{' '}
        <span className={`badge badge--${request.status}`}>{t(`informationRequests.status.${request.status}`)}</span>
      </p>
      <blockquote className="quote">{request.message}</blockquote>
      {request.response ? (
        <RequestAnswer request={request} />
      ) : (
        <p className="field__hint">{t('informationRight.awaiting')}</p>
      )}
    </li>
  );
}

/**
 * A parent with the right to information only (forældreansvarsloven § 23): nothing is shown
 * unasked, but they may ask the school, and see the answers here.
 */
export function InformationRightCard({
  child,
  requests,
  onCreated,
}: {
  child: TMeChild;
  requests: TOwnInformationRequest[];
  onCreated(): void;
}) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZCreateInformationRequest, { message: '' });
  const [sent, setSent] = useState(false);
  const messageMissing = t('informationRight.messageMissing');
  const send = useAction(async ({ message }: TCreateInformationRequest) => {
    try {
      await informationRequestApi.create(child.schoolId, child.id, message);
    } catch (error) {
      if (error instanceof ApiError) showServerProblems(form.setError, error, messageMissing);
      throw error;
    }
    form.reset();
    setSent(true);
    onCreated();
  });

  const onSubmit = form.handleSubmit(
    (values) => {
      setSent(false);
      void send.run(values);
    },
    () => setSent(false),
  );

  const fieldId = `request-${child.id}`;
  return (
    <li className="card">
      <article aria-labelledby={`child-${child.id}`}>
        <h3 id={`child-${child.id}`} className="card__title">
          {child.name}
        </h3>
        <p>{t('informationRight.explanation', { name: child.givenName })}</p>
        <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
          <TextAreaField
            id={fieldId}
            label={t('informationRight.messageLabel', { name: child.givenName })}
            hint={t('informationRight.messageHint')}
            maxLength={INFORMATION_REQUEST_MESSAGE_MAX}
            rows={4}
            {...form.register('message')}
            error={form.formState.errors.message ? messageMissing : undefined}
          />
          <ActionError error={send.error} />
          <div aria-live="polite">
            {sent ? (
              <Notice kind="success" live={false}>
                <p>{t('informationRight.sent')}</p>
              </Notice>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="button" aria-disabled={send.busy || undefined}>
              {t('informationRight.submit')}
            </button>
          </div>
        </form>
        <h4>{t('informationRight.yourRequests')}</h4>
        {requests.length === 0 ? (
          <p>{t('informationRight.none')}</p>
        ) : (
          <ul className="card-list">
            {requests.map((request) => (
              <RequestItem key={request.id} request={request} />
            ))}
          </ul>
        )}
      </article>
    </li>
  );
}
