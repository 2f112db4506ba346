import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { staffAbsenceContracts } from '../../../shared/api/staff-absence.contract.js';
import type { TMe } from '../../../shared/api/directory.schema.js';
import {
  STAFF_ABSENCE_NOTE_MAX,
  ZCreateStaffAbsence,
  type TStaffAbsence,
  type TStaffAbsenceList,
} from '../../../shared/api/staff-absence.schema.js';
import type { ApiError } from '../../api/api-error.js';
import { staffAbsenceApi } from '../../api/staff-absence.api.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { FormDateField } from '../../ui/date-field.js';
import { ActionError, LoadedPart, useErrorText } from '../../ui/errors.js';
import { SelectField, TextField } from '../../ui/field.js';
import { useSchemaForm } from '../../ui/form.js';
import { formatDate } from '../../ui/format.js';
import { Notice } from '../../ui/notice.js';
import { Section } from '../../ui/page.js';

const STAFF_ROLES = new Set(['contact_teacher', 'teacher', 'pedagogue', 'leader', 'administrator']);
const FIELDS = ['personId', 'firstDay', 'lastDay', 'substituteId', 'note'] as const;
type Field = (typeof FIELDS)[number];
type Problems = Partial<Record<Field, string>>;

/** The schools at which the signed-in person is staff: there they register absences. */
const staffSchoolsOf = (me: TMe | null) =>
  (me?.schools ?? []).filter((s) => s.roles.some((role) => STAFF_ROLES.has(role)));

function AbsenceRow({
  absence,
  showPerson,
  onDelete,
  busy,
}: {
  absence: TStaffAbsence;
  showPerson: boolean;
  onDelete: (absence: TStaffAbsence) => void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const days = t('staffAbsence.days', {
    first: formatDate(absence.firstDay, i18n.language),
    last: formatDate(absence.lastDay, i18n.language),
  });
  return (
    <li className="card">
      <p className="card__title">
        {showPerson ? `${absence.person.name}: ${days}` : days}
        {absence.current ? <span className="badge">{t('staffAbsence.current')}</span> : null}
      </p>
      <dl className="facts">
        <dt>{t('staffAbsence.substitute')}</dt>
        <dd>{absence.substitute ? absence.substitute.name : t('staffAbsence.noSubstitute')}</dd>
        {absence.note ? (
          <>
            <dt>{t('staffAbsence.note')}</dt>
            <dd>{absence.note}</dd>
          </>
        ) : null}
      </dl>
      {absence.abilities.delete ? (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy}
          aria-label={
            showPerson
              ? t('staffAbsence.deleteOf', { name: absence.person.name, days })
              : t('staffAbsence.deleteDays', { days })
          }
          onClick={() => onDelete(absence)}
        >
          {t('staffAbsence.delete')}
        </button>
      ) : null}
    </li>
  );
}

/** Maps a refusal from the server to the field it names; anything else is shown above the button. */
function serverProblems(
  error: ApiError | null,
  text: (error: ApiError) => string,
): { problems: Problems; general: ApiError | null } {
  if (!error) return { problems: {}, general: null };
  const field = FIELDS.find((f) => f === error.field);
  return field ? { problems: { [field]: text(error) }, general: null } : { problems: {}, general: error };
}

/** The form's fields: the shared schema, with "no substitute" as the empty choice and the last day not before the first. */
const ZAbsenceForm = ZCreateStaffAbsence.extend({
  substituteId: z.union([z.literal(''), ZCreateStaffAbsence.shape.substituteId]).transform((id) => id || null),
}).refine((absence) => absence.lastDay >= absence.firstDay, { path: ['lastDay'], message: 'order' });

function AbsenceForm({
  schoolId,
  data,
  onSaved,
  first,
}: {
  schoolId: string;
  data: TStaffAbsenceList;
  onSaved: () => void;
  /** The first school's form, which a link to the section lands on. */
  first: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const form = useSchemaForm(ZAbsenceForm, {
    personId: data.registerFor[0]?.id ?? '',
    firstDay: '',
    lastDay: '',
    substituteId: '',
    note: '',
  });
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { hash } = useLocation();
  // A link to `/profile#absence` (the office's home: "register an absence for a colleague") lands on
  // the form once it has loaded, since the router does not scroll to an anchor.
  useEffect(() => {
    if (hash !== '#absence' || !first) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [hash, first]);
  const save = useAction(async (absence: z.output<typeof ZAbsenceForm>) => {
    await staffAbsenceApi.create(schoolId, absence);
    form.reset({ ...form.getValues(), firstDay: '', lastDay: '', substituteId: '', note: '' });
    setSaved(true);
    onSaved();
  });
  const { errors } = form.formState;
  const problems: Problems = {};
  for (const field of FIELDS) {
    const error = errors[field];
    if (error) problems[field] = t(`staffAbsence.errors.${error.message === 'order' ? 'order' : field}`);
  }
  const fromServer = serverProblems(save.error, errorText);
  const shown: Problems = { ...fromServer.problems, ...problems };
  const personId = form.watch('personId');

  const onSubmit = form.handleSubmit(
    (absence) => {
      setSaved(false);
      void save.run(absence);
    },
    () => setSaved(false),
  );

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      className="stack"
      aria-labelledby={`absence-form-${schoolId}`}
    >
      <h3 id={`absence-form-${schoolId}`} ref={heading} tabIndex={-1}>
        {t('staffAbsence.add')}
      </h3>
      {data.registerFor.length > 1 ? (
        <SelectField
          id={`absence-person-${schoolId}`}
          label={t('staffAbsence.person')}
          {...form.register('personId')}
          error={shown.personId}
        >
          {data.registerFor.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <FormDateField
        control={form.control}
        name="firstDay"
        id={`absence-first-${schoolId}`}
        label={t('staffAbsence.firstDay')}
        required
        error={shown.firstDay}
      />
      <FormDateField
        control={form.control}
        name="lastDay"
        id={`absence-last-${schoolId}`}
        label={t('staffAbsence.lastDay')}
        hint={t('staffAbsence.lastDayHint')}
        required
        error={shown.lastDay}
      />
      <SelectField
        id={`absence-substitute-${schoolId}`}
        label={t('staffAbsence.substitute')}
        hint={t('staffAbsence.substituteHint')}
        {...form.register('substituteId')}
        error={shown.substituteId}
      >
        <option value="">{t('staffAbsence.noSubstitute')}</option>
        {data.colleagues
          .filter((c) => c.id !== personId)
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
      </SelectField>
      <TextField
        id={`absence-note-${schoolId}`}
        label={t('staffAbsence.noteOptional')}
        hint={t('staffAbsence.noteHint')}
        maxLength={STAFF_ABSENCE_NOTE_MAX}
        {...form.register('note')}
        error={shown.note}
      />
      <ActionError error={fromServer.general} />
      {data.registerFor.length <= 1 && shown.personId ? (
        // Without the person field there is nowhere else to show it.
        <Notice kind="error">
          <p>{shown.personId}</p>
        </Notice>
      ) : null}
      {saved ? (
        <Notice kind="success">
          <p>{t('staffAbsence.saved')}</p>
        </Notice>
      ) : null}
      <p>
        <button type="submit" className="button" disabled={save.busy}>
          {save.busy ? t('staffAbsence.saving') : t('staffAbsence.save')}
        </button>
      </p>
    </form>
  );
}

function AbsencesAtSchool({
  schoolId,
  schoolName,
  first,
}: {
  schoolId: string;
  schoolName: string | null;
  first: boolean;
}) {
  const { t } = useTranslation();
  const list = useApiQuery(staffAbsenceContracts.list, { params: { schoolId } });
  const remove = useAction(async (absence: TStaffAbsence) => {
    await staffAbsenceApi.remove(schoolId, absence.id);
    list.reload();
  });
  return (
    <div className="stack">
      {schoolName ? <h3>{schoolName}</h3> : null}
      <LoadedPart result={list}>
        {(data) => {
          const showPerson = data.registerFor.length > 1;
          return (
            <>
              {data.absences.length === 0 ? (
                <p>{t('staffAbsence.none')}</p>
              ) : (
                <ul className="card-list" aria-label={t('staffAbsence.listLabel')}>
                  {data.absences.map((absence) => (
                    <AbsenceRow
                      key={absence.id}
                      absence={absence}
                      showPerson={showPerson}
                      busy={remove.busy}
                      onDelete={(a) => void remove.run(a)}
                    />
                  ))}
                </ul>
              )}
              <ActionError error={remove.error} />
              <AbsenceForm schoolId={schoolId} data={data} onSaved={list.reload} first={first} />
            </>
          );
        }}
      </LoadedPart>
    </div>
  );
}

/**
 * "Fravær" on a staff member's profile: their absences that have not ended, and a form to add
 * one with a colleague who takes guardian messages meanwhile. The leadership sees and registers
 * everyone's.
 */
export function AbsenceSection({ me }: { me: TMe | null }) {
  const { t } = useTranslation();
  const schools = staffSchoolsOf(me);
  if (schools.length === 0) return null;
  return (
    <Section title={t('staffAbsence.title')} id="absence">
      <p>{t('staffAbsence.lead')}</p>
      {schools.map((school, index) => (
        <AbsencesAtSchool
          key={school.id}
          schoolId={school.id}
          schoolName={schools.length > 1 ? school.name : null}
          first={index === 0}
        />
      ))}
    </Section>
  );
}
