import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { classRepresentativeContracts } from '../../../shared/api/class-representative.contract.js';
import {
  ZRecordElection,
  ZRepresentativeMessage,
  type TClassRepresentatives,
} from '../../../shared/api/class-representative.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../../shared/api/messaging.schema.js';
import { api } from '../../api/http.js';
import { newIdempotencyKey } from '../../api/messaging.api.js';
import { paths } from '../../app/paths.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { FormDateField } from '../../ui/date-field.js';
import { formatDateText } from '../../ui/date-text.js';
import { problemText, useSchemaForm } from '../../ui/form.js';
import { Notice } from '../../ui/notice.js';
import { Page, Section } from '../../ui/page.js';
import { classLifeLinks } from './class-life-links.js';

type Params = { schoolId: string; classId: string };

/** The class's representatives by name; those who record may end a seat. */
function RepresentativeList({ params, data }: { params: Params; data: TClassRepresentatives }) {
  const { t, i18n } = useTranslation();
  const end = useAction((personId: string) =>
    api(classRepresentativeContracts.end, { params: { ...params, personId } }),
  );
  if (data.representatives.length === 0) return <p>{t('representatives.none', { schoolYear: data.schoolYear })}</p>;
  return (
    <div className="stack-sm">
      <ul className="plain-list">
        {data.representatives.map((r) => (
          <li key={r.personId}>
            <strong>{r.name}</strong>
            {r.electedOn ? (
              <> · {t('representatives.electedOn', { date: formatDateText(r.electedOn, i18n.language) })}</>
            ) : null}
            {data.mayRecord ? (
              <>
                {' '}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={end.busy}
                  onClick={() => void end.run(r.personId)}
                >
                  {t('representatives.end', { name: r.name })}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <ActionError error={end.error} />
    </div>
  );
}

type Election = z.output<typeof ZRecordElection>;

/** The contact teacher or the leadership records who the parents elected, e.g. at the first parent meeting. */
function ElectionForm({ params, data }: { params: Params; data: TClassRepresentatives }) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZRecordElection, { personId: '', electedOn: '' });
  const [recorded, setRecorded] = useState<string | null>(null);
  const elect = useAction((body: Election) => api(classRepresentativeContracts.elect, { params, body }));
  const errors = form.formState.errors;
  const candidates = data.candidates ?? [];
  if (data.representatives.length >= data.maxSeats)
    return <p>{t('representatives.form.full', { max: data.maxSeats })}</p>;
  if (candidates.length === 0) return <p>{t('representatives.form.noCandidates')}</p>;
  return (
    <form
      className="stack-sm"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit(async (body) => {
          const done = await elect.run(body);
          if (done) {
            setRecorded(candidates.find((c) => c.personId === body.personId)?.name ?? '');
            form.reset({ personId: '', electedOn: body.electedOn });
          }
        })(event)
      }
    >
      <div aria-live="polite">
        {recorded !== null ? (
          <Notice kind="success" live={false}>
            <p>{t('representatives.form.recorded', { name: recorded })}</p>
          </Notice>
        ) : null}
      </div>
      <SelectField
        label={t('representatives.form.person')}
        hint={t('representatives.form.personHint')}
        error={problemText(errors.personId, t('representatives.form.personMissing'))}
        {...form.register('personId')}
      >
        <option value="">{t('representatives.form.choose')}</option>
        {candidates.map((c) => (
          <option key={c.personId} value={c.personId}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <FormDateField
        control={form.control}
        name="electedOn"
        label={t('representatives.form.electedOn')}
        hint={t('representatives.form.electedOnHint')}
        error={problemText(errors.electedOn, t('representatives.form.electedOnMissing'))}
      />
      <ActionError error={elect.error} />
      <p>
        <button type="submit" className="button" disabled={elect.busy}>
          {t('representatives.form.record')}
        </button>
      </p>
    </form>
  );
}

type Message = z.output<typeof ZRepresentativeMessage>;

/** A representative writes to all the class's parents; each answers privately, and no one's address is shown. */
function WriteForm({ params, className }: { params: Params; className: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useSchemaForm(ZRepresentativeMessage, { subject: '', body: '' });
  const [key] = useState(newIdempotencyKey);
  const send = useAction((body: Message) =>
    api(classRepresentativeContracts.write, { params, body, headers: { [IDEMPOTENCY_KEY_HEADER]: key } }),
  );
  const errors = form.formState.errors;
  return (
    <form
      className="stack-sm"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit(async (body) => {
          const thread = await send.run(body);
          if (thread) void navigate(paths.thread(thread.id));
        })(event)
      }
    >
      <div className="panel panel--quiet">
        <p>{t('representatives.write.to', { className })}</p>
        <p className="field__hint">{t('representatives.write.privacy')}</p>
      </div>
      <TextField
        label={t('representatives.write.subject')}
        error={problemText(errors.subject, t('representatives.write.subjectMissing'))}
        {...form.register('subject')}
      />
      <TextAreaField
        label={t('representatives.write.body')}
        rows={6}
        error={problemText(errors.body, t('representatives.write.bodyMissing'))}
        {...form.register('body')}
      />
      <ActionError error={send.error} />
      <p>
        <button type="submit" className="button" disabled={send.busy}>
          {t('representatives.write.send')}
        </button>
      </p>
    </form>
  );
}

/**
 * "Klasseforældreråd": the class's parent representatives of this school year, for its parents
 * and staff. The contact teacher and the leadership record the election here; a representative
 * writes to the class's parents here and finds the class's parent meetings and play groups.
 */
export function ClassRepresentativesPage() {
  const { t } = useTranslation();
  const { schoolId = '', classId = '' } = useParams();
  const params = { schoolId, classId };
  const result = useApiQuery(classRepresentativeContracts.ofClass, { params });
  return (
    <Loaded result={result} title={t('representatives.title')}>
      {(data) => (
        <Page
          title={t('representatives.titleOf', { className: data.class.name })}
          lead={t('representatives.lead', { schoolYear: data.schoolYear })}
        >
          <Section title={t('representatives.listTitle', { schoolYear: data.schoolYear })} id="representatives">
            <RepresentativeList params={params} data={data} />
          </Section>
          {data.mayWrite ? (
            <>
              <Section title={t('representatives.write.title', { className: data.class.name })} id="write">
                <WriteForm params={params} className={data.class.name} />
              </Section>
              <Section title={t('representatives.tasks.title')} id="tasks">
                <ul className="plain-list">
                  {classLifeLinks(schoolId, classId).map((link) => (
                    <li key={link.key}>
                      <Link to={link.to}>{t(`representatives.tasks.${link.key}`, { className: data.class.name })}</Link>
                    </li>
                  ))}
                </ul>
              </Section>
            </>
          ) : null}
          {data.mayRecord ? (
            <Section title={t('representatives.form.title')} id="record-election">
              <ElectionForm params={params} data={data} />
            </Section>
          ) : null}
        </Page>
      )}
    </Loaded>
  );
}
