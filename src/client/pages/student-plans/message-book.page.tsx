import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.js';
import { studentPlanContracts } from '../../../shared/api/student-plan.contract.js';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import type { TMessageBook } from '../../../shared/api/student-plan.schema.js';
import { api } from '../../api/http.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { TextAreaField } from '../../ui/field.js';
import { formatDateTime } from '../../ui/format.js';
import { Notice } from '../../ui/notice.js';
import { Page, Section } from '../../ui/page.js';

type Params = { schoolId: string; studentId: string };

function useBookAction<A extends unknown[]>(run: (...args: A) => Promise<TMessageBook>) {
  return useAction(run, { invalidates: [studentPlanContracts.messageBook, conferenceContracts.conference] });
}

/** The class's staff write a dated entry: progress and well-being. One key per entry makes a double click store one. */
function EntryForm({ params }: { params: Params }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState('');
  const [wellBeing, setWellBeing] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const add = useBookAction(() =>
    api(studentPlanContracts.addEntry, { params, body: { progress, wellBeing }, headers: { 'idempotency-key': key } }),
  );
  return (
    <Section title={t('studentPlan.book.write')} id="message-book-write">
      <form
        className="stack-sm"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void add.run().then((done) => {
            if (!done) return;
            setProgress('');
            setWellBeing('');
            setKey(crypto.randomUUID());
          });
        }}
      >
        <TextAreaField
          label={t('studentPlan.book.progress')}
          rows={4}
          value={progress}
          onChange={(e) => setProgress(e.target.value)}
        />
        <TextAreaField
          label={t('studentPlan.book.wellBeing')}
          rows={4}
          value={wellBeing}
          onChange={(e) => setWellBeing(e.target.value)}
        />
        <ActionError error={add.error} />
        <p>
          <button type="submit" className="button" disabled={add.busy}>
            {t('studentPlan.book.send')}
          </button>
        </p>
      </form>
    </Section>
  );
}

/** A student's message book (meddelelsesbog): the school's dated written assessments, newest first. */
export function MessageBookPage() {
  const { t, i18n } = useTranslation();
  const { schoolId = '', studentId = '' } = useParams();
  const params = { schoolId, studentId };
  const result = useApiQuery(studentPlanContracts.messageBook, { params });
  const confirm = useBookAction(() => api(studentPlanContracts.confirmBookRead, { params }));
  return (
    <Loaded result={result} title={t('studentPlan.book.loadingTitle')}>
      {(book) => (
        <Page title={t('studentPlan.book.title', { name: book.student.name })} lead={book.student.className}>
          {book.form === 'student_plan' ? (
            <Notice kind="info" live={false}>
              <p>
                {t('studentPlan.book.nowPlan')}{' '}
                <Link to={paths.studentPlan(schoolId, studentId)}>{t('studentPlan.book.openPlan')}</Link>
              </p>
            </Notice>
          ) : null}
          {book.abilities.write ? <EntryForm params={params} /> : null}
          <Section title={t('studentPlan.book.entries')} id="message-book-entries">
            {book.entries.length === 0 ? (
              <p>{t('studentPlan.book.none')}</p>
            ) : (
              <ul className="card-list">
                {book.entries.map((entry) => (
                  <li key={entry.id} className="card">
                    <p className="card__meta">{`${formatDateTime(entry.createdAt, i18n.language)} · ${entry.by}`}</p>
                    <h3 className="card__title">{t('studentPlan.book.progress')}</h3>
                    <p className="pre-line">{entry.progress}</p>
                    <h3 className="card__title">{t('studentPlan.book.wellBeing')}</h3>
                    <p className="pre-line">{entry.wellBeing}</p>
                    {entry.readBy.length > 0 ? (
                      <p className="card__meta">
                        {t('studentPlan.book.readBy', { names: entry.readBy.map((r) => r.name).join(', ') })}
                      </p>
                    ) : null}
                    {entry.readByMe ? <p className="card__meta">{t('studentPlan.book.readByMe')}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          {book.abilities.confirmRead ? (
            <Section title={t('studentPlan.confirmTitle')} id="message-book-confirm">
              <ActionError error={confirm.error} />
              <p>
                <button type="button" className="button" disabled={confirm.busy} onClick={() => void confirm.run()}>
                  {t('studentPlan.book.confirm')}
                </button>
              </p>
            </Section>
          ) : book.entries.some((e) => e.readByMe) ? (
            <Notice kind="success" live={false}>
              <p>{t('studentPlan.book.allRead')}</p>
            </Notice>
          ) : null}
        </Page>
      )}
    </Loaded>
  );
}
