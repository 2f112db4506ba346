import { useState } from 'react';
import { informationRequestContracts } from '../../../shared/api/information-request.contract.js';
import { RequestAnswer } from './request-answer.js';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  INFORMATION_REQUEST_RESPONSE_MAX,
  ZAnswerInformationRequest,
  type TAnswerInformationRequest,
  type TInformationRequest,
  type TInformationRequestStatus,
} from '../../../shared/api/information-request.schema.js';
import { informationRequestApi } from '../../api/school.api.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, LoadedPart } from '../../ui/errors.js';
import { SelectField, TextAreaField } from '../../ui/field.js';
import { useSchemaForm } from '../../ui/form.js';
import { formatDateTime } from '../../ui/format.js';
import { Page } from '../../ui/page.js';

function AnswerForm({
  schoolId,
  request,
  onAnswered,
}: {
  schoolId: string;
  request: TInformationRequest;
  onAnswered(): void;
}) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZAnswerInformationRequest, { response: '', status: 'answered' });
  const status = form.watch('status');
  const answer = useAction(async (values: TAnswerInformationRequest) => {
    await informationRequestApi.answer(schoolId, request.id, values);
    onAnswered();
  });
  const onSubmit = form.handleSubmit((values) => void answer.run(values));
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
      <fieldset className="choice-group">
        <legend>{t('informationRequests.decision')}</legend>
        {(['answered', 'declined'] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" value={value} {...form.register('status')} />
            <span>{t(`informationRequests.decisions.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      <TextAreaField
        id={`response-${request.id}`}
        label={status === 'answered' ? t('informationRequests.responseLabel') : t('informationRequests.declineLabel')}
        hint={t('informationRequests.responseHint')}
        rows={5}
        maxLength={INFORMATION_REQUEST_RESPONSE_MAX}
        {...form.register('response')}
        error={form.formState.errors.response ? t('informationRequests.responseMissing') : undefined}
      />
      <ActionError error={answer.error} />
      <div className="actions">
        <button type="submit" className="button" aria-disabled={answer.busy || undefined}>
          {t('informationRequests.send')}
        </button>
      </div>
    </form>
  );
}

/** The leadership's queue of requests from parents with the right to information (§ 23). */
export function InformationRequestsPage() {
  const { t, i18n } = useTranslation();
  const { schoolId = '' } = useParams();
  const [status, setStatus] = useState<TInformationRequestStatus>('open');
  const requests = useApiQuery(informationRequestContracts.list, { params: { schoolId }, query: { status } });
  return (
    <Page title={t('informationRequests.title')} lead={t('informationRequests.lead')}>
      <SelectField
        label={t('informationRequests.show')}
        value={status}
        onChange={(event) => setStatus(event.target.value as TInformationRequestStatus)}
      >
        {(['open', 'answered', 'declined'] as const).map((value) => (
          <option key={value} value={value}>
            {t(`informationRequests.status.${value}`)}
          </option>
        ))}
      </SelectField>
      <LoadedPart result={requests}>
        {(data) =>
          data.requests.length === 0 ? (
            <p>{status === 'open' ? t('informationRequests.noneOpen') : t('informationRequests.none')}</p>
          ) : (
            <ul className="card-list">
              {data.requests.map((request) => (
                <li key={request.id} className="card">
                  <article aria-labelledby={`request-${request.id}`}>
                    <h2 id={`request-${request.id}`} className="card__title">
                      {t('informationRequests.heading', {
                        requester: request.requester.name,
                        student: request.student.name,
                        className: request.student.class.name,
                      })}
                    </h2>
                    <p className="card__meta">{formatDateTime(request.createdAt, i18n.language)}</p>
                    <blockquote className="quote">{request.message}</blockquote>
                    {request.status === 'open' ? (
                      <AnswerForm schoolId={schoolId} request={request} onAnswered={requests.reload} />
                    ) : (
                      <RequestAnswer request={request} />
                    )}
                  </article>
                </li>
              ))}
            </ul>
          )
        }
      </LoadedPart>
    </Page>
  );
}
