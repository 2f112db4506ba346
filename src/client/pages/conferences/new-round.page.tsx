import { useEffect, useId, useRef, type Ref } from 'react';
import { Controller, useFieldArray, type FieldError, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import {
  MEETING_MINUTES,
  ROUND_NAME_MAX,
  ROUND_ROOM_MAX,
  ZRoundFormat,
  ZRoundStaffRole,
  type TCreateRound,
} from '../../../shared/api/conference.schema.js';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import type { TClassSummary } from '../../../shared/api/directory.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../../shared/api/messaging.schema.js';
import { messagingContracts } from '../../../shared/api/messaging.contract.js';
import type { ApiError } from '../../api/api-error.js';
import { api } from '../../api/http.js';
import { newIdempotencyKey } from '../../api/messaging.api.js';
import { paths } from '../../app/paths.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { useSession } from '../../app/session.js';
import { DateField, TimeField } from '../../ui/date-field.js';
import { ActionError, Loaded, useErrorText } from '../../ui/errors.js';
import { SelectField, TextField } from '../../ui/field.js';
import { problemText, useSchemaForm } from '../../ui/form.js';
import { isHhMm, isIsoDate } from '../../ui/date-text.js';
import { Notice } from '../../ui/notice.js';
import { Page } from '../../ui/page.js';
import { ChoiceGroup } from './choice-group.js';
import {
  chooseClassStudents,
  emptyRoundForm,
  followClasses,
  newDay,
  serverProblems,
  ZRoundForm,
  type TRoundFormValues,
} from './round-form.js';
import { useRoundText } from './round-text.js';
import './conferences.css';

/** The message of an array's own problem (no classes, no afternoons, a day twice), wherever the form put it. */
const listProblem = (error: { message?: string; root?: FieldError } | undefined) =>
  error ? (error.root ?? (error.message === undefined ? undefined : (error as FieldError))) : undefined;

/**
 * A create that is safe to retry and to double-click: one idempotency key per filled-in form,
 * kept until the round is made; a second click while sending does nothing.
 */
function useCreateRound(schoolId: string) {
  const key = useRef(newIdempotencyKey());
  const sending = useRef(false);
  const action = useAction(
    async (input: TCreateRound) => {
      const round = await api(conferenceContracts.createRound, {
        params: { schoolId },
        body: input,
        headers: { [IDEMPOTENCY_KEY_HEADER]: key.current },
      });
      key.current = newIdempotencyKey();
      return round;
    },
    { invalidates: [conferenceContracts.rounds] },
  );
  const run = async (input: TCreateRound) => {
    if (sending.current) return undefined;
    sending.current = true;
    try {
      return await action.run(input);
    } finally {
      sending.current = false;
    }
  };
  return { ...action, run };
}

/**
 * The form's first values: empty, or a needs-based round for one class, for the child, when the
 * page is opened from a concern about one of its children (`?kind=needs_based&classId=…&studentId=…`).
 */
function usePrefill(offered: readonly TClassSummary[]): TRoundFormValues {
  const [search] = useSearchParams();
  const empty = emptyRoundForm();
  const classId = search.get('classId');
  const studentId = search.get('studentId');
  if (search.get('kind') !== 'needs_based') return empty;
  const classIds = classId && offered.some((klass) => klass.id === classId) ? [classId] : [];
  const students = classId && classIds.length > 0 && studentId ? [{ id: studentId, classId }] : [];
  return { ...empty, kind: 'needs_based', classIds, students, ...followClasses(classIds, offered, empty) };
}

/** One chosen class's students to tick in a needs-based round's list, under the class's name. */
function ClassStudents({
  schoolId,
  classId,
  className,
  value,
  onChange,
  onBlur,
  inputRef,
}: {
  schoolId: string;
  classId: string;
  className: string;
  value: TRoundFormValues['students'];
  onChange: (students: TRoundFormValues['students']) => void;
  onBlur: () => void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const detail = useApiQuery(directoryContracts.class, { params: { schoolId, classId } });
  if (detail.status !== 'ok')
    return (
      <p className="field__hint">
        {detail.status === 'error'
          ? t('conferences.form.studentsNotLoaded', { className })
          : t('conferences.form.loadingStudents', { className })}
      </p>
    );
  const ids = detail.data.students.map((student) => student.id);
  return (
    <ChoiceGroup
      legend={className}
      hint={ids.length === 0 ? t('conferences.form.noStudents') : undefined}
      options={detail.data.students.map((student) => ({ value: student.id, label: student.name }))}
      columns
      value={value.filter((student) => student.classId === classId).map((student) => student.id)}
      onChange={(ticked) => onChange(chooseClassStudents(value, classId, ids, ticked))}
      onBlur={onBlur}
      inputRef={inputRef}
    />
  );
}

function RoundForm({ schoolId, offered }: { schoolId: string; offered: TClassSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const text = useRoundText();
  const errorText = useErrorText();
  const form = useSchemaForm(ZRoundForm, usePrefill(offered));
  const { control, register, setError, getValues } = form;
  const days = useFieldArray({ control, name: 'days' });
  const minutes = useFieldArray({ control, name: 'minutes' });
  const rooms = useFieldArray({ control, name: 'rooms' });
  const formats = form.watch('formats');
  const kind = form.watch('kind');
  const chosenClassIds = form.watch('classIds');
  const studentsId = useId();
  const takingPart = form.watch('alsoTakingPart');
  // Who may take part as counsellor: the school's teachers, pedagogues and leaders.
  const colleagues = useApiQuery(messagingContracts.colleagues, { params: { schoolId } });
  const counsellors =
    colleagues.status === 'ok'
      ? colleagues.data.staff.filter((person) =>
          person.roles.some((role) => role === 'teacher' || role === 'pedagogue' || role === 'leader'),
        )
      : [];
  const dayValues = form.watch('days');
  const create = useCreateRound(schoolId);

  // The server's verdict on a field shows at the field, translated, as the schema's would.
  const { error } = create;
  // Marked once per answer: marking a field draws the form again, with a fresh `errorText`.
  const marked = useRef<ApiError | null>(null);
  useEffect(() => {
    if (!error || marked.current === error) return;
    marked.current = error;
    const texts = { checkField: t('errors.checkField'), refusal: errorText(error) };
    for (const { field, message } of serverProblems(getValues(), error, texts))
      setError(field as Path<TRoundFormValues>, { type: 'server', message });
  }, [error, setError, getValues, t, errorText]);

  // Opened from a concern: the round is linked to it when made.
  const [search] = useSearchParams();
  const concernId = search.get('concernId');
  const onSubmit = form.handleSubmit(async (input) => {
    const round = await create.run(concernId ? { ...input, concernId } : input);
    if (round) void navigate(paths.conferenceRound(schoolId, round.id), { state: { created: true } });
  });

  const { errors } = form.formState;
  const dateProblem = (fieldError: FieldError | undefined, value: string, orderText: string) =>
    problemText(fieldError, isIsoDate(value) ? orderText : t('conferences.form.errors.date'));
  const timeProblem = (fieldError: FieldError | undefined, value: string) =>
    problemText(fieldError, isHhMm(value) ? t('conferences.form.errors.order') : t('conferences.form.errors.time'));
  const classNames = new Map(offered.map((klass) => [klass.id, klass.name]));
  const daysProblem = listProblem(errors.days);

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="round-form stack-lg">
      <fieldset className="form-part stack">
        <legend>{t('conferences.form.aboutTitle')}</legend>
        <TextField
          label={t('conferences.form.name')}
          hint={t('conferences.form.nameHint')}
          maxLength={ROUND_NAME_MAX}
          required
          {...register('name')}
          error={problemText(errors.name, t('conferences.form.errors.name'))}
        />
        <fieldset className="choice-group">
          <legend>{t('conferences.form.kind')}</legend>
          {problemText(errors.kind, t('errors.checkField')) ? (
            <p className="field__error" id="round-kind-error">
              {problemText(errors.kind, t('errors.checkField'))}
            </p>
          ) : null}
          {(['regular', 'needs_based'] as const).map((kind) => (
            <label key={kind} className="choice">
              <input
                type="radio"
                value={kind}
                aria-describedby={errors.kind ? 'round-kind-error' : undefined}
                {...register('kind')}
              />
              <span>
                {t(`conferences.kind.${kind}`)}
                <span className="choice__note">{t(`conferences.form.kindNote.${kind}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-group">
          <legend>{t('conferences.form.filling')}</legend>
          {(['self_booking', 'planned'] as const).map((filling) => (
            <label key={filling} className="choice">
              <input type="radio" value={filling} {...register('filling')} />
              <span>
                {t(`conferences.filling.${filling}`)}
                <span className="choice__note">{t(`conferences.form.fillingNote.${filling}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <Controller
          control={control}
          name="classIds"
          render={({ field }) => (
            <ChoiceGroup
              legend={t('conferences.form.classes')}
              hint={offered.length === 0 ? t('conferences.form.noClasses') : t('conferences.form.classesHint')}
              error={problemText(listProblem(errors.classIds), t('conferences.form.errors.classes'))}
              options={offered.map((klass) => ({ value: klass.id, label: klass.name }))}
              columns
              value={field.value}
              onChange={(classIds) => {
                field.onChange(classIds);
                const next = followClasses(classIds, offered, getValues());
                minutes.replace(next.minutes);
                rooms.replace(next.rooms);
              }}
              onBlur={field.onBlur}
              inputRef={field.ref}
            />
          )}
        />
        {kind === 'needs_based' ? (
          <Controller
            control={control}
            name="students"
            render={({ field }) => {
              const problem = problemText(listProblem(errors.students), t('conferences.form.errors.students'));
              const chosen = offered.filter((klass) => chosenClassIds.includes(klass.id));
              return (
                <fieldset
                  className={['choice-group', 'stack', problem ? 'field--invalid' : null].filter(Boolean).join(' ')}
                  aria-describedby={[`${studentsId}-hint`, problem ? `${studentsId}-error` : null]
                    .filter(Boolean)
                    .join(' ')}
                >
                  <legend>{t('conferences.form.students')}</legend>
                  <p className="field__hint" id={`${studentsId}-hint`}>
                    {chosen.length === 0
                      ? t('conferences.form.studentsAfterClasses')
                      : t('conferences.form.studentsHint')}
                  </p>
                  {problem ? (
                    <p className="field__error" id={`${studentsId}-error`}>
                      {problem}
                    </p>
                  ) : null}
                  {chosen.map((klass, index) => (
                    <ClassStudents
                      key={klass.id}
                      schoolId={schoolId}
                      classId={klass.id}
                      className={klass.name}
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      inputRef={index === 0 ? field.ref : undefined}
                    />
                  ))}
                </fieldset>
              );
            }}
          />
        ) : null}
      </fieldset>

      <fieldset className="form-part stack">
        <legend>{t('conferences.form.daysTitle')}</legend>
        <p className="field__hint">{t('conferences.form.daysHint')}</p>
        {daysProblem ? (
          <p className="field__error">{problemText(daysProblem, t('conferences.form.errors.days'))}</p>
        ) : null}
        {days.fields.map((day, index) => {
          const values = dayValues[index];
          const dayErrors = errors.days?.[index];
          return (
            <fieldset key={day.id} className="round-day stack">
              <legend>{t('conferences.form.dayN', { n: index + 1 })}</legend>
              <div className="inline-fields">
                <Controller
                  control={control}
                  name={`days.${index}.date`}
                  render={({ field }) => (
                    <DateField
                      label={t('conferences.form.date')}
                      name={field.name}
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      inputRef={field.ref}
                      required
                      error={dateProblem(dayErrors?.date, values?.date ?? '', t('conferences.form.errors.sameDay'))}
                    />
                  )}
                />
                {(['from', 'to'] as const).map((end) => (
                  <Controller
                    key={end}
                    control={control}
                    name={`days.${index}.${end}`}
                    render={({ field }) => (
                      <TimeField
                        label={t(`conferences.form.${end}`)}
                        name={field.name}
                        value={field.value}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        inputRef={field.ref}
                        required
                        error={timeProblem(dayErrors?.[end], field.value)}
                      />
                    )}
                  />
                ))}
              </div>
              {days.fields.length > 1 ? (
                <p>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => days.remove(index)}
                  >
                    {t('conferences.form.removeDay', { n: index + 1 })}
                  </button>
                </p>
              ) : null}
            </fieldset>
          );
        })}
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => days.append(newDay(), { shouldFocus: true, focusName: `days.${days.fields.length}.date` })}
          >
            {t('conferences.form.addDay')}
          </button>
        </p>
      </fieldset>

      <fieldset className="form-part stack">
        <legend>{t('conferences.form.meetingsTitle')}</legend>
        {minutes.fields.length === 0 ? (
          <p className="field__hint">{t('conferences.form.minutesAfterClasses')}</p>
        ) : (
          <div className="inline-fields round-minutes">
            {minutes.fields.map((entry, index) => (
              <TextField
                key={entry.id}
                type="number"
                inputMode="numeric"
                min={MEETING_MINUTES.min}
                max={MEETING_MINUTES.max}
                label={t('conferences.form.minutesFor', { grade: text.grade(entry.grade) })}
                {...register(`minutes.${index}.minutes`, { valueAsNumber: true })}
                error={problemText(
                  errors.minutes?.[index]?.minutes,
                  t('conferences.form.errors.minutes', MEETING_MINUTES),
                )}
              />
            ))}
          </div>
        )}
        {listProblem(errors.minutes) ? (
          <p className="field__error">{problemText(listProblem(errors.minutes), t('errors.checkField'))}</p>
        ) : null}
        <Controller
          control={control}
          name="alsoTakingPart"
          render={({ field }) => (
            <ChoiceGroup
              legend={t('conferences.form.takingPart')}
              hint={t('conferences.form.takingPartHint')}
              error={problemText(listProblem(errors.alsoTakingPart), t('errors.checkField'))}
              options={ZRoundStaffRole.options.map((role) => ({
                value: role,
                label: t(`conferences.staffRole.${role}`),
              }))}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
            />
          )}
        />
        {takingPart.includes('counsellor') ? (
          <SelectField
            label={t('conferences.form.counsellor')}
            hint={t('conferences.form.counsellorHint')}
            required
            {...register('counsellorId')}
            error={problemText(errors.counsellorId, t('conferences.form.errors.counsellor'))}
          >
            <option value="">{t('conferences.form.chooseCounsellor')}</option>
            {counsellors.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <Controller
          control={control}
          name="formats"
          render={({ field }) => (
            <ChoiceGroup
              legend={t('conferences.form.formats')}
              error={problemText(listProblem(errors.formats), t('conferences.form.errors.formats'))}
              options={ZRoundFormat.options.map((format) => ({
                value: format,
                label: t(`conferences.format.${format}`),
              }))}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
            />
          )}
        />
        {formats.includes('video') ? (
          <TextField
            type="url"
            label={t('conferences.form.videoLink')}
            hint={t('conferences.form.videoLinkHint')}
            required
            {...register('videoLink')}
            error={problemText(errors.videoLink, t('conferences.form.errors.videoLink'))}
          />
        ) : null}
        {rooms.fields.length > 0 ? (
          <fieldset className="stack">
            <legend>{t('conferences.form.rooms')}</legend>
            <p className="field__hint">{t('conferences.form.roomsHint')}</p>
            {listProblem(errors.rooms) ? (
              <p className="field__error">{problemText(listProblem(errors.rooms), t('errors.checkField'))}</p>
            ) : null}
            <div className="inline-fields">
              {rooms.fields.map((entry, index) => (
                <TextField
                  key={entry.id}
                  label={t('conferences.form.roomFor', { className: classNames.get(entry.classId) ?? '' })}
                  maxLength={ROUND_ROOM_MAX}
                  {...register(`rooms.${index}.room`)}
                  error={problemText(errors.rooms?.[index]?.room, t('errors.checkField'))}
                />
              ))}
            </div>
          </fieldset>
        ) : null}
      </fieldset>

      <fieldset className="form-part stack">
        <legend>{t('conferences.form.homesTitle')}</legend>
        <Controller
          control={control}
          name="inviteOn"
          render={({ field }) => (
            <DateField
              label={t('conferences.form.inviteOn')}
              hint={t('conferences.form.inviteOnHint')}
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              required
              error={dateProblem(errors.inviteOn, field.value, t('conferences.form.errors.inviteAfterFirst'))}
            />
          )}
        />
        <Controller
          control={control}
          name="plansBy"
          render={({ field }) => (
            <DateField
              label={t('conferences.form.plansBy')}
              hint={t('conferences.form.plansByHint')}
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              error={dateProblem(errors.plansBy, field.value, t('conferences.form.errors.date'))}
            />
          )}
        />
      </fieldset>

      {error && !error.field && error.code !== 'validation_failed' ? <ActionError error={error} /> : null}
      {error && (error.field || error.code === 'validation_failed') ? (
        <Notice kind="error">
          <p>{t('conferences.form.errors.seeFields')}</p>
        </Notice>
      ) : null}
      <p className="actions">
        <button type="submit" className="button" disabled={create.busy}>
          {create.busy ? t('conferences.form.creating') : t('conferences.form.submit')}
        </button>
        <Link to={paths.conferenceRounds(schoolId)}>{t('conferences.form.cancel')}</Link>
      </p>
    </form>
  );
}

/**
 * A new conference round: name and kind, the classes (all for the leadership, a contact teacher's
 * own), the afternoons, how long a meeting is in each grade, who takes part, the formats and rooms,
 * and when the homes are invited and get the student plans. Checked by the shared schema before
 * it is sent, and by the server's rules after; the principle's lead times show on the round.
 */
export function NewRoundPage() {
  const { t } = useTranslation();
  const { schoolId = '' } = useParams();
  const { me } = useSession();
  const school = me?.schools.find((s) => s.id === schoolId);
  const runsSchool = school?.roles.some((role) => role === 'leader' || role === 'administrator') ?? false;
  const classes = useApiQuery(directoryContracts.classes, { params: { schoolId } });
  const title = t('conferences.form.title');
  if (!school?.abilities.planConferences) {
    return (
      <Page title={title}>
        <Notice kind="info">
          <p>{t('conferences.form.notAllowed')}</p>
        </Notice>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Loaded result={classes} title={title}>
      {(data) => (
        <Page title={title} lead={t('conferences.form.lead')} wide>
          <RoundForm
            schoolId={schoolId}
            offered={data.classes.filter((klass) => runsSchool || klass.staffRole === 'contact_teacher')}
          />
        </Page>
      )}
    </Loaded>
  );
}
