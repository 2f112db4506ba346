import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { z } from 'zod';
import { schoolCalendarContracts } from '../../../shared/api/school-calendar.contract.js';
import {
  CLOSED_DAY_LABEL_MAX,
  CLOSED_DAYS_PER_YEAR_MAX,
  ZClosedDay,
  ZSchoolYear,
  type TClosedDay,
  type TClosedDays,
} from '../../../shared/api/school-calendar.schema.js';
import { api } from '../../api/http.js';
import { paths } from '../../app/paths.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { useSession } from '../../app/session.js';
import { FormDateField } from '../../ui/date-field.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { TextField } from '../../ui/field.js';
import { problemText, useSchemaForm } from '../../ui/form.js';
import { Notice } from '../../ui/notice.js';
import { Page, Section } from '../../ui/page.js';
import { addClosedDays, groupClosedDays, weekdaysBetween, type ClosedDayRange } from './closed-day-ranges.js';
import { useRangeText } from './range-text.js';

/** The form: the shared closed day's date and label, a last day that may be left out, and a label that is needed. */
const ZClosedDaysForm = z
  .object({
    from: ZClosedDay.shape.date,
    to: z.union([z.literal(''), ZClosedDay.shape.date]),
    label: ZClosedDay.shape.label.refine((label) => label.length > 0, { message: 'missing' }),
  })
  .refine((run) => run.to === '' || run.to >= run.from, { path: ['to'], message: 'order' });
type TClosedDaysForm = z.output<typeof ZClosedDaysForm>;

function AddClosedDays({
  schoolId,
  year,
  onSave,
  busy,
}: {
  schoolId: string;
  year: TClosedDays;
  onSave: (days: TClosedDay[], added: number) => Promise<boolean>;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZClosedDaysForm, { from: '', to: '', label: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (run: TClosedDaysForm) => {
    const last = run.to || run.from;
    if (run.from < year.from || last > year.to) {
      setProblem(t('closedDays.errors.outside', { label: year.label }));
      return;
    }
    const dates = weekdaysBetween(run.from, last);
    if (dates.length === 0) {
      setProblem(t('closedDays.errors.weekend'));
      return;
    }
    const days = addClosedDays(year.days, dates, run.label);
    if (days.length > CLOSED_DAYS_PER_YEAR_MAX) {
      setProblem(t('closedDays.errors.tooMany', { max: CLOSED_DAYS_PER_YEAR_MAX }));
      return;
    }
    setProblem(null);
    if (await onSave(days, dates.length)) form.reset({ from: '', to: '', label: '' });
  });
  const dateError = (field: 'from' | 'to') => {
    const error = errors[field];
    if (!error) return undefined;
    return problemText(
      error,
      error.message === 'order' ? t('closedDays.errors.order') : t(`closedDays.errors.${field}`),
    );
  };
  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      className="stack"
      aria-labelledby={`closed-days-add-${schoolId}`}
    >
      <h2 id={`closed-days-add-${schoolId}`}>{t('closedDays.add.title')}</h2>
      <FormDateField
        control={form.control}
        name="from"
        label={t('closedDays.add.from')}
        required
        error={dateError('from')}
      />
      <FormDateField
        control={form.control}
        name="to"
        label={t('closedDays.add.to')}
        hint={t('closedDays.add.toHint')}
        error={dateError('to')}
      />
      <TextField
        label={t('closedDays.add.label')}
        hint={t('closedDays.add.labelHint')}
        maxLength={CLOSED_DAY_LABEL_MAX}
        required
        {...form.register('label')}
        error={problemText(errors.label, t('closedDays.errors.label'))}
      />
      {problem ? (
        <Notice kind="error">
          <p>{problem}</p>
        </Notice>
      ) : null}
      <p>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('closedDays.saving') : t('closedDays.add.submit')}
        </button>
      </p>
    </form>
  );
}

function ClosedDayList({
  year,
  editable,
  busy,
  onRemove,
}: {
  year: TClosedDays;
  editable: boolean;
  busy: boolean;
  onRemove: (range: ClosedDayRange) => void;
}) {
  const { t } = useTranslation();
  const rangeText = useRangeText();
  const ranges = groupClosedDays(year.days);
  if (ranges.length === 0) return <p>{t('closedDays.none', { label: year.label })}</p>;
  return (
    <ul className="card-list" aria-label={t('closedDays.listLabel', { label: year.label })}>
      {ranges.map((range) => (
        <li key={range.first} className="card">
          <p className="card__title">{range.label}</p>
          <p>
            {rangeText(range)} · {t('closedDays.dayCount', { count: range.dates.length })}
          </p>
          {editable ? (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              aria-label={t('closedDays.removeNamed', { label: range.label, days: rangeText(range) })}
              onClick={() => onRemove(range)}
            >
              {t('closedDays.remove')}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function ClosedDaysOfYear({ schoolId, year, editable }: { schoolId: string; year: TClosedDays; editable: boolean }) {
  const { t } = useTranslation();
  const rangeText = useRangeText();
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction(
    async (days: TClosedDay[]) =>
      api(schoolCalendarContracts.saveClosedDays, {
        params: { schoolId },
        body: { schoolYear: year.schoolYear, days },
      }),
    { invalidates: [schoolCalendarContracts.closedDays] },
  );
  const onSave = async (days: TClosedDay[], added: number) => {
    setSaved(null);
    const answer = await save.run(days);
    if (answer) setSaved(t('closedDays.added', { count: added }));
    return answer !== undefined;
  };
  const onRemove = async (range: ClosedDayRange) => {
    setSaved(null);
    const gone = new Set(range.dates);
    const answer = await save.run(year.days.filter((day) => !gone.has(day.date)));
    if (answer) setSaved(t('closedDays.removed', { label: range.label, days: rangeText(range) }));
  };
  return (
    <>
      <Section title={t('closedDays.yearTitle', { label: year.label })} id="closed-days">
        <ClosedDayList year={year} editable={editable} busy={save.busy} onRemove={(range) => void onRemove(range)} />
        <ActionError error={save.error} />
        {saved ? (
          <Notice kind="success">
            <p>{saved}</p>
          </Notice>
        ) : null}
      </Section>
      {editable ? (
        <section className="section">
          <AddClosedDays schoolId={schoolId} year={year} onSave={onSave} busy={save.busy} />
        </section>
      ) : null}
    </>
  );
}

/**
 * The school's own closed days, a school year at a time: holidays and planning days that the
 * reply promise does not count as working days. The leadership adds and removes them; every
 * member of the school may read them.
 */
export function ClosedDaysPage() {
  const { t } = useTranslation();
  const { schoolId = '' } = useParams();
  const [params] = useSearchParams();
  const { me } = useSession();
  const asked = ZSchoolYear.safeParse(params.get('year') ?? undefined);
  const schoolYear = asked.success ? asked.data : undefined;
  const result = useApiQuery(schoolCalendarContracts.closedDays, { params: { schoolId }, query: { schoolYear } });
  const editable = me?.schools.find((school) => school.id === schoolId)?.abilities.editClosedDays ?? false;
  const title = t('closedDays.title');
  return (
    <Loaded result={result} title={title}>
      {(year) => (
        <Page title={title} lead={t('closedDays.lead')}>
          <nav className="actions" aria-label={t('closedDays.yearNav')}>
            <Link to={paths.closedDays(schoolId, year.schoolYear - 1)}>{t('closedDays.previousYear')}</Link>
            <Link to={paths.closedDays(schoolId, year.schoolYear + 1)}>{t('closedDays.nextYear')}</Link>
          </nav>
          <Notice kind="info" live={false}>
            <p>{t('closedDays.publicHolidays')}</p>
          </Notice>
          <ClosedDaysOfYear key={year.schoolYear} schoolId={schoolId} year={year} editable={editable} />
        </Page>
      )}
    </Loaded>
  );
}
