import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { auditContracts } from '../../../shared/api/audit.contract.js';
import { auditApi, type TAuditSearch } from '../../api/school.api.js';
import { useApiQuery } from '../../app/query.js';
import { DateField } from '../../ui/date-field.js';
import { isIsoDate } from '../../ui/date-text.js';
import { LoadedPart } from '../../ui/errors.js';
import { SelectField, TextField } from '../../ui/field.js';
import { Page, Section } from '../../ui/page.js';
import { AuditList } from './audit-list.js';

/** Action families the search offers; `student` matches `student.read` and the like. */
const ACTION_FAMILIES = ['student', 'class', 'thread', 'message', 'information-request', 'directory'] as const;
const SEARCH_KEYS = ['studentId', 'student', 'actor', 'action', 'from', 'to'] as const;

/** The leadership's search through the school's audit log; the search lives in the address so it can be shared and reloaded. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { schoolId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [actor, setActor] = useState(params.get('actor') ?? '');
  const [action, setAction] = useState(params.get('action') ?? '');
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');
  const [rangeError, setRangeError] = useState<string | undefined>();
  const [dateSlips, setDateSlips] = useState({ from: false, to: false });
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

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // A text that is no date says so at its field; the search waits for a date.
    const slips = { from: from !== '' && !isIsoDate(from), to: to !== '' && !isIsoDate(to) };
    setDateSlips(slips);
    if (slips.from || slips.to) return;
    if (from && to && from > to) {
      setRangeError(t('audit.search.rangeError'));
      return;
    }
    setRangeError(undefined);
    apply({ actor: actor.trim(), action, from, to });
  };

  const clear = () => {
    setActor('');
    setAction('');
    setFrom('');
    setTo('');
    setRangeError(undefined);
    setDateSlips({ from: false, to: false });
    setParams(new URLSearchParams());
  };

  return (
    <Page title={t('audit.search.title')} lead={t('audit.search.lead')} wide>
      <Section title={t('audit.search.formTitle')} id="search">
        <form onSubmit={onSubmit} noValidate className="form-grid">
          <TextField
            label={t('audit.search.actor')}
            hint={t('audit.search.actorHint')}
            value={actor}
            onChange={(event) => setActor(event.target.value)}
          />
          <SelectField
            label={t('audit.search.action')}
            value={action}
            onChange={(event) => setAction(event.target.value)}
          >
            <option value="">{t('audit.search.anyAction')}</option>
            {ACTION_FAMILIES.map((family) => (
              <option key={family} value={family}>
                {t(`audit.families.${family.replace(/-/g, '_')}`)}
              </option>
            ))}
          </SelectField>
          <DateField
            label={t('audit.search.from')}
            value={from}
            onChange={setFrom}
            error={dateSlips.from ? t('dateField.invalid') : undefined}
          />
          <DateField
            label={t('audit.search.to')}
            value={to}
            onChange={setTo}
            error={dateSlips.to ? t('dateField.invalid') : rangeError}
          />
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
