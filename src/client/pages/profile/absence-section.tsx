import { useState, type FormEvent } from 'react';
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
import { ActionError, LoadedPart, useErrorText } from '../../ui/errors.js';
import { SelectField, TextField } from '../../ui/field.js';
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

function AbsenceForm({ schoolId, data, onSaved }: { schoolId: string; data: TStaffAbsenceList; onSaved: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [personId, setPersonId] = useState(data.registerFor[0]?.id ?? '');
  const [firstDay, setFirstDay] = useState('');
  const [lastDay, setLastDay] = useState('');
  const [substituteId, setSubstituteId] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    await staffAbsenceApi.create(schoolId, { personId, firstDay, lastDay, substituteId: substituteId || null, note });
    setFirstDay('');
    setLastDay('');
    setSubstituteId('');
    setNote('');
    setSaved(true);
    onSaved();
  });
  const fromServer = serverProblems(save.error, errorText);
  const shown: Problems = { ...fromServer.problems, ...problems };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const found: Problems = {};
    if (!firstDay) found.firstDay = t('staffAbsence.errors.firstDay');
    if (!lastDay) found.lastDay = t('staffAbsence.errors.lastDay');
    else if (firstDay && lastDay < firstDay) found.lastDay = t('staffAbsence.errors.order');
    const parsed = ZCreateStaffAbsence.safeParse({
      personId,
      firstDay,
      lastDay,
      substituteId: substituteId || null,
      note,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = FIELDS.find((f) => f === issue.path[0]);
        if (field && !found[field]) found[field] = t(`staffAbsence.errors.${field}`);
      }
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    void save.run();
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby={`absence-form-${schoolId}`}>
      <h3 id={`absence-form-${schoolId}`}>{t('staffAbsence.add')}</h3>
      {data.registerFor.length > 1 ? (
        <SelectField
          id={`absence-person-${schoolId}`}
          label={t('staffAbsence.person')}
          value={personId}
          error={shown.personId}
          onChange={(event) => setPersonId(event.target.value)}
        >
          {data.registerFor.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        id={`absence-first-${schoolId}`}
        type="date"
        label={t('staffAbsence.firstDay')}
        value={firstDay}
        required
        error={shown.firstDay}
        onChange={(event) => setFirstDay(event.target.value)}
      />
      <TextField
        id={`absence-last-${schoolId}`}
        type="date"
        label={t('staffAbsence.lastDay')}
        hint={t('staffAbsence.lastDayHint')}
        value={lastDay}
        min={firstDay || undefined}
        required
        error={shown.lastDay}
        onChange={(event) => setLastDay(event.target.value)}
      />
      <SelectField
        id={`absence-substitute-${schoolId}`}
        label={t('staffAbsence.substitute')}
        hint={t('staffAbsence.substituteHint')}
        value={substituteId}
        error={shown.substituteId}
        onChange={(event) => setSubstituteId(event.target.value)}
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
        value={note}
        maxLength={STAFF_ABSENCE_NOTE_MAX}
        error={shown.note}
        onChange={(event) => setNote(event.target.value)}
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

function AbsencesAtSchool({ schoolId, schoolName }: { schoolId: string; schoolName: string | null }) {
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
              <AbsenceForm schoolId={schoolId} data={data} onSaved={list.reload} />
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
      {schools.map((school) => (
        <AbsencesAtSchool key={school.id} schoolId={school.id} schoolName={schools.length > 1 ? school.name : null} />
      ))}
    </Section>
  );
}
