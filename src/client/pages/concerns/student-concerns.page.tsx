import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { concernContracts } from '../../../shared/api/concern.contract.js';
import {
  CONCERN_AGREED_MAX,
  CONCERN_CLOSE_NOTE_MAX,
  CONCERN_TEXT_MAX,
  ZCloseConcern,
  ZRecordConcernContact,
  ZRegisterConcern,
  type TCloseConcern,
  type TConcern,
  type TRecordConcernContact,
  type TRegisterConcern,
  type TStudentConcerns,
} from '../../../shared/api/concern.schema.js';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../../shared/api/messaging.schema.js';
import { api } from '../../api/http.js';
import { newIdempotencyKey } from '../../api/messaging.api.js';
import { paths } from '../../app/paths.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { FormDateField } from '../../ui/date-field.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { SelectField, TextAreaField } from '../../ui/field.js';
import { problemText, useSchemaForm } from '../../ui/form.js';
import { formatDateTime } from '../../ui/format.js';
import { Page, Section } from '../../ui/page.js';
import { ConcernDue, useConcernWords } from './concern-parts.js';

/** The form that registers a concern: its kind (those the principle lists) and a short, factual text. */
function RegisterConcern({
  schoolId,
  studentId,
  rules,
}: {
  schoolId: string;
  studentId: string;
  rules: TStudentConcerns['rules'];
}) {
  const { t } = useTranslation();
  const words = useConcernWords();
  // One key per filled-in form: a double click or a retry registers the concern once.
  const key = useRef(newIdempotencyKey());
  const form = useSchemaForm(ZRegisterConcern, { kind: rules.kinds[0] ?? 'academic', text: '' });
  const register = useAction(async (values: TRegisterConcern) => {
    await api(concernContracts.register, {
      params: { schoolId, studentId },
      body: values,
      headers: { [IDEMPOTENCY_KEY_HEADER]: key.current },
    });
    key.current = newIdempotencyKey();
    form.reset({ kind: values.kind, text: '' });
  });
  const onSubmit = form.handleSubmit((values) => void register.run(values));
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
      <SelectField id="concern-kind" label={t('concerns.form.kind')} {...form.register('kind')}>
        {rules.kinds.map((kind) => (
          <option key={kind} value={kind}>
            {words.kind(kind)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="concern-text"
        label={t('concerns.form.text')}
        hint={t('concerns.form.textHint', { max: CONCERN_TEXT_MAX })}
        rows={4}
        maxLength={CONCERN_TEXT_MAX}
        {...form.register('text')}
        error={problemText(form.formState.errors.text, t('concerns.form.textMissing'))}
      />
      <ActionError error={register.error} />
      <div className="actions">
        <button type="submit" className="button" aria-disabled={register.busy || undefined}>
          {t('concerns.form.register')}
        </button>
      </div>
    </form>
  );
}

/** Records a call or a meeting with the home: the day, the channel and what was agreed. */
function RecordContact({
  schoolId,
  concern,
  channels,
  today,
}: {
  schoolId: string;
  concern: TConcern;
  channels: TStudentConcerns['rules']['channels'];
  today: string;
}) {
  const { t } = useTranslation();
  const words = useConcernWords();
  const form = useSchemaForm(ZRecordConcernContact, {
    contactedOn: today,
    channel: channels[0] ?? 'phone',
    agreed: '',
  });
  const record = useAction(async (values: TRecordConcernContact) => {
    await api(concernContracts.recordContact, { params: { schoolId, concernId: concern.id }, body: values });
    form.reset({ contactedOn: today, channel: values.channel, agreed: '' });
  });
  const onSubmit = form.handleSubmit((values) => void record.run(values));
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
      <h4>{t('concerns.contact.title')}</h4>
      <FormDateField
        control={form.control}
        name="contactedOn"
        id={`contacted-on-${concern.id}`}
        label={t('concerns.contact.when')}
        error={problemText(form.formState.errors.contactedOn, t('concerns.contact.whenMissing'))}
      />
      <fieldset className="choice-group">
        <legend>{t('concerns.contact.how')}</legend>
        <p className="field__hint">{t('concerns.contact.howHint')}</p>
        {channels.map((channel) => (
          <label key={channel} className="choice">
            <input type="radio" value={channel} {...form.register('channel')} />
            <span>{words.channel(channel)}</span>
          </label>
        ))}
      </fieldset>
      <TextAreaField
        id={`agreed-${concern.id}`}
        label={t('concerns.contact.agreed')}
        rows={3}
        maxLength={CONCERN_AGREED_MAX}
        {...form.register('agreed')}
        error={problemText(form.formState.errors.agreed, t('concerns.contact.agreedMissing'))}
      />
      <ActionError error={record.error} />
      <div className="actions">
        <button type="submit" className="button" aria-disabled={record.busy || undefined}>
          {t('concerns.contact.record')}
        </button>
      </div>
    </form>
  );
}

/** Closes a concern with a note, behind a disclosure: it ends the follow-up. */
function CloseConcern({ schoolId, concern }: { schoolId: string; concern: TConcern }) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZCloseConcern, { note: '' });
  const close = useAction(async (values: TCloseConcern) => {
    await api(concernContracts.close, { params: { schoolId, concernId: concern.id }, body: values });
  });
  const onSubmit = form.handleSubmit((values) => void close.run(values));
  return (
    <details className="details">
      <summary>{t('concerns.close.title')}</summary>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
        <TextAreaField
          id={`close-note-${concern.id}`}
          label={t('concerns.close.note')}
          rows={2}
          maxLength={CONCERN_CLOSE_NOTE_MAX}
          {...form.register('note')}
          error={problemText(form.formState.errors.note, t('concerns.close.noteMissing'))}
        />
        <ActionError error={close.error} />
        <div className="actions">
          <button type="submit" className="button button--secondary" aria-disabled={close.busy || undefined}>
            {t('concerns.close.action')}
          </button>
        </div>
      </form>
    </details>
  );
}

/** One concern: what was seen, by whom, the deadline, the contacts with the home, and what to do next. */
function ConcernCard({ schoolId, concern, data }: { schoolId: string; concern: TConcern; data: TStudentConcerns }) {
  const { t, i18n } = useTranslation();
  const words = useConcernWords();
  const headingId = `concern-${concern.id}`;
  const open = concern.closedAt === null;
  return (
    <li className="card">
      <article aria-labelledby={headingId} className="stack">
        <h3 id={headingId} className="card__title">
          {t('concerns.card.title', { kind: words.kind(concern.kind) })}
        </h3>
        <p className="card__meta">
          {t('concerns.card.registered', {
            name: concern.registeredBy.name,
            at: formatDateTime(concern.registeredAt, i18n.language),
          })}
        </p>
        <p>
          <ConcernDue concern={concern} />
        </p>
        <blockquote className="quote pre-line">{concern.text}</blockquote>
        {concern.contacts.length > 0 ? (
          <>
            <h4>{t('concerns.contact.listTitle')}</h4>
            <ul className="plain-list">
              {concern.contacts.map((contact) => (
                <li key={contact.id}>
                  <p className="card__meta">
                    {t('concerns.contact.summary', {
                      channel: words.channel(contact.channel),
                      day: words.day(contact.contactedOn),
                      name: contact.recordedBy.name,
                    })}
                  </p>
                  <p className="pre-line">{contact.agreed}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {concern.roundId ? (
          <p>
            <Link to={paths.conferenceRound(schoolId, concern.roundId)}>{t('concerns.card.round')}</Link>
          </p>
        ) : null}
        {open ? (
          <>
            <RecordContact schoolId={schoolId} concern={concern} channels={data.rules.channels} today={data.today} />
            {concern.roundId ? null : (
              <p>
                <Link
                  to={{
                    pathname: paths.newConferenceRound(schoolId),
                    search: `kind=needs_based&classId=${encodeURIComponent(concern.student.class.id)}&studentId=${encodeURIComponent(concern.student.id)}&concernId=${encodeURIComponent(concern.id)}`,
                  }}
                >
                  {t('concerns.card.needsBased', { name: concern.student.name })}
                </Link>
              </p>
            )}
            <CloseConcern schoolId={schoolId} concern={concern} />
          </>
        ) : (
          <p className="card__meta">
            {t('concerns.card.closed', { at: formatDateTime(concern.closedAt!, i18n.language) })} {concern.closeNote}
          </p>
        )}
      </article>
    </li>
  );
}

/**
 * A student's concerns (early dialogue, seeds 002 and 004) for the student's staff team and the
 * leadership: register one, record the call or meeting with the home within the principle's
 * working days, close it. Every view is written to the audit log.
 */
export function StudentConcernsPage() {
  const { t } = useTranslation();
  const { schoolId = '', studentId = '' } = useParams();
  const student = useApiQuery(directoryContracts.student, { params: { schoolId, studentId } });
  const concerns = useApiQuery(concernContracts.ofStudent, { params: { schoolId, studentId } });
  const words = useConcernWords();
  return (
    <Loaded result={concerns} title={t('concerns.title')}>
      {(data) => {
        const name = student.status === 'ok' ? student.data.name : null;
        const rules = data.rules;
        return (
          <Page title={name ? t('concerns.titleOf', { name }) : t('concerns.title')} lead={t('concerns.lead')}>
            <p className="field__hint">{t('concerns.auditNotice')}</p>
            <p>
              <Link to={paths.student(schoolId, studentId)}>{t('concerns.backToStudent', { name: name ?? '' })}</Link>
            </p>
            <Section title={t('concerns.form.title')} id="register">
              <p>
                {rules.contactWithinWorkingDays === null
                  ? t('concerns.rule.none')
                  : t('concerns.rule.promise', {
                      count: rules.contactWithinWorkingDays,
                      channels: words.channels(rules.channels),
                    })}
              </p>
              <RegisterConcern schoolId={schoolId} studentId={studentId} rules={rules} />
            </Section>
            <Section title={t('concerns.listTitle')} id="concerns">
              {data.concerns.length === 0 ? (
                <p>{t('concerns.none')}</p>
              ) : (
                <ul className="card-list">
                  {data.concerns.map((concern) => (
                    <ConcernCard key={concern.id} schoolId={schoolId} concern={concern} data={data} />
                  ))}
                </ul>
              )}
            </Section>
          </Page>
        );
      }}
    </Loaded>
  );
}
