import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { auditContracts } from '../../../shared/api/audit.contract.js';
import { ZAuditQuery } from '../../../shared/api/audit.schema.js';
import { auditApi, type TAuditSearch } from '../../api/school.api.js';
import { useApiQuery } from '../../app/query.js';
import { FormDateField } from '../../ui/date-field.js';
import { LoadedPart } from '../../ui/errors.js';
import { SelectField, TextField } from '../../ui/field.js';
import { useSchemaForm } from '../../ui/form.js';
import { Page, Section } from '../../ui/page.js';
import { AuditList } from './audit-list.js';

/** Action families the search offers; `student` matches `student.read` and the like. */
const ACTION_FAMILIES = ['student', 'class', 'thread', 'message', 'information-request', 'directory'] as const;
const SEARCH_KEYS = ['studentId', 'student', 'actor', 'action', 'from', 'to'] as const;

/** An empty field, or a day as the shared query takes it. */
const ZOptionalDay = z.union([z.literal(''), z.iso.date()]);

/**
 * The search form: the shared query's name and action, and its days (as ISO days, or empty); a
 * range must not run backwards.
 */
const ZSearchForm = z
  .object({
    actor: z.union([z.literal(''), ZAuditQuery.shape.actor.unwrap()]),
    action: z.string(),
    from: ZOptionalDay,
    to: ZOptionalDay,
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.from > value.to)
      ctx.addIssue({ code: 'custom', path: ['to'], params: { range: true }, message: 'range' });
  });

/** The leadership's search through the school's audit log; the search lives in the address so it can be shared and reloaded. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { schoolId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const form = useSchemaForm(ZSearchForm, {
    actor: params.get('actor') ?? '',
    action: params.get('action') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  });
  const { errors } = form.formState;
  const studentId = params.get('studentId') ?? undefined;
  const studentName = params.get('student') ?? '';

  const search: TAuditSearch = {
    studentId,
    actor: params.get('actor') || undefined,
    action: params.get('action') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
  };
  const searchKey = SEARCH_KEYS.map((key) => params.get(key) ?? '').join('|');
  const first = useApiQuery(auditContracts.search, { params: { schoolId }, query: search });

  const apply = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams();
    for (const key of SEARCH_KEYS) {
      const value = key in next ? next[key] : (params.get(key) ?? undefined);
      if (value) merged.set(key, value);
    }
    setParams(merged);
  };

  const onSubmit = form.handleSubmit((values) =>
    apply({ actor: values.actor, action: values.action, from: values.from, to: values.to }),
  );

  const clear = () => {
    form.reset({ actor: '', action: '', from: '', to: '' });
    setParams(new URLSearchParams());
  };

  // A text that is no date says so at its field; a range that runs backwards says so at its end.
  const dateProblem = (field: 'from' | 'to') => {
    const error = errors[field];
    if (!error) return undefined;
    return error.message === 'range' ? t('audit.search.rangeError') : t('dateField.invalid');
  };

  return (
    <Page title={t('audit.search.title')} lead={t('audit.search.lead')} wide>
      <Section title={t('audit.search.formTitle')} id="search">
        <form onSubmit={(event) => void onSubmit(event)} noValidate className="form-grid">
          <TextField label={t('audit.search.actor')} hint={t('audit.search.actorHint')} {...form.register('actor')} />
          <SelectField label={t('audit.search.action')} {...form.register('action')}>
            <option value="">{t('audit.search.anyAction')}</option>
            {ACTION_FAMILIES.map((family) => (
              <option key={family} value={family}>
                {t(`audit.families.${family.replace(/-/g, '_')}`)}
              </option>
            ))}
          </SelectField>
          {(['from', 'to'] as const).map((name) => (
            <FormDateField
              key={name}
              control={form.control}
              name={name}
              label={t(`audit.search.${name}`)}
              error={dateProblem(name)}
            />
          ))}
          <div className="actions form-grid__full">
            <button type="submit" className="button">
              {t('audit.search.submit')}
            </button>
            <button type="button" className="button button--secondary" onClick={clear}>
              {t('audit.search.clear')}
            </button>
          </div>
        </form>
        {studentId ? (
          <p className="filter-chip">
            {t('audit.search.onlyStudent', { name: studentName || t('audit.student.theChild') })}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => apply({ studentId: undefined, student: undefined })}
            >
              {t('audit.search.removeStudent')}
            </button>
          </p>
        ) : null}
      </Section>
      <Section title={t('audit.search.results')} id="results">
        <LoadedPart result={first}>
          {(data) => (
            <AuditList
              key={searchKey}
              first={data}
              loadOlder={(before) => auditApi.search(schoolId, { ...search, before })}
              caption={t('audit.search.results')}
              empty={t('audit.search.empty')}
              showStudent
              onStudent={(student) => apply({ studentId: student.id, student: student.name })}
            />
          )}
        </LoadedPart>
      </Section>
    </Page>
  );
}
