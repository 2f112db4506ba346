import { useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import {
  FormProvider,
  useFieldArray,
  useForm,
  useFormContext,
  useFormState,
  type FieldArrayPath,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TPrincipleDraft } from '../../../shared/api/principle.schema.js';
import { PRINCIPLE_LIMITS as L } from '../../../shared/principle/principle.limits.js';
import {
  PROSE_SECTION_IDS,
  STUDENT_INVOLVEMENT_LEVELS,
  ZCommitment,
  ZConcernKind,
  ZPersonalChannel,
  ZStudentPlanForm,
  ZStudentGuardianView,
  ZTestResultsRole,
  ZUpdateCadence,
  type TPrinciple,
  type TStatement,
} from '../../../shared/principle/principle.schema.js';
import { principleApi } from '../../api/principle.api.js';
import { useAction } from '../../app/query.js';
import { ActionError } from '../../ui/errors.js';
import { Notice } from '../../ui/notice.js';
import { draftIssueText } from './draft-issues.js';
import {
  CheckField,
  ChoiceField,
  DraftReadOnlyContext,
  LocalizedTextField,
  MultiChoiceField,
  NumberField,
  OptionalPart,
  TimeField,
} from './draft-fields.js';
import {
  draftResolver,
  editableDraft,
  fieldId,
  flatErrors,
  newStatementId,
  pathKey,
  type Path,
} from './draft-model.js';

/** A list of the principle as react-hook-form's field arrays name it. */
const listName = (path: Path) => pathKey(path) as FieldArrayPath<TPrinciple>;

/** The problem of a whole list (too few statements, overlapping bands), if the last check found one. */
function useListProblem(path: Path): string | undefined {
  const { errors } = useFormState<TPrinciple>({ name: listName(path) });
  return flatErrors(errors)[pathKey(path)];
}

function Part({ id, title, children, lead }: { id: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <fieldset className="form-part" id={`part-${id}`}>
      <legend>
        <h2 className="form-part__title">{title}</h2>
      </legend>
      {lead ? <p className="field__hint">{lead}</p> : null}
      <div className="stack">{children}</div>
    </fieldset>
  );
}

function useOptions() {
  const { t } = useTranslation();
  const of = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return {
    commitment: of(ZCommitment.options, 'draft.options.commitment'),
    cadence: of(ZUpdateCadence.options, 'draft.options.cadence'),
    level: of(STUDENT_INVOLVEMENT_LEVELS, 'draft.options.level'),
    concern: of(ZConcernKind.options, 'draft.options.concern'),
    channel: of(ZPersonalChannel.options, 'draft.options.channel'),
    testResults: of(ZTestResultsRole.options, 'draft.options.testResults'),
    planForm: of(ZStudentPlanForm.options, 'draft.options.planForm'),
    guardiansSee: of(ZStudentGuardianView.options, 'draft.options.guardiansSee'),
  };
}

/** Grade bands (class updates, student involvement): each a range of grades with one choice. */
function Bands({
  path,
  valueKey,
  options,
  legend,
  make,
}: {
  path: Path;
  valueKey: 'cadence' | 'level';
  options: ReadonlyArray<{ value: string; label: string }>;
  legend: string;
  make: () => object;
}) {
  const { t } = useTranslation();
  const readOnly = useContext(DraftReadOnlyContext);
  const { control } = useFormContext<TPrinciple>();
  const { fields: bands, append, remove } = useFieldArray({ control, name: listName(path) });
  const listError = useListProblem(path);
  return (
    <fieldset className="choice-group" id={fieldId(path)} tabIndex={-1}>
      <legend>{legend}</legend>
      {listError ? <p className="field__error">{listError}</p> : null}
      {bands.length === 0 ? <p className="field__hint">{t('draft.bands.none')}</p> : null}
      <ol className="bands">
        {bands.map((band, index) => (
          <li key={band.id} className="band">
            <p className="band__title">{t('draft.bands.band', { n: index + 1 })}</p>
            <div className="band__fields">
              <NumberField path={[...path, index, 'fromGrade']} label={t('draft.bands.fromGrade')} limits={L.grade} />
              <NumberField path={[...path, index, 'toGrade']} label={t('draft.bands.toGrade')} limits={L.grade} />
              <ChoiceField path={[...path, index, valueKey]} label={t(`draft.bands.${valueKey}`)} options={options} />
            </div>
            {readOnly ? null : (
              <button type="button" className="button button--secondary button--small" onClick={() => remove(index)}>
                {t('draft.bands.remove', { n: index + 1 })}
              </button>
            )}
          </li>
        ))}
      </ol>
      {readOnly || bands.length >= L.gradeBandsMax ? null : (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => append(make() as never)}
        >
          {t('draft.bands.add')}
        </button>
      )}
    </fieldset>
  );
}

function Statements({ path, legend, prefix }: { path: Path; legend: string; prefix: string }) {
  const { t } = useTranslation();
  const readOnly = useContext(DraftReadOnlyContext);
  const { control, getValues } = useFormContext<TPrinciple>();
  // `fields` carry react-hook-form's own keys; the statements' ids stay in the values.
  const { fields: list, append, remove } = useFieldArray({ control, name: listName(path) });
  const listError = useListProblem(path);
  return (
    <fieldset className="choice-group" id={fieldId(path)} tabIndex={-1}>
      <legend>{legend}</legend>
      {listError ? <p className="field__error">{listError}</p> : null}
      <ol className="statements">
        {list.map((statement, index) => (
          <li key={statement.id} className="statement">
            <LocalizedTextField
              path={[...path, index, 'text']}
              label={t('draft.aspects.statement', { n: index + 1 })}
              max={L.statementMaxChars}
              rows={2}
            />
            {readOnly || list.length <= 1 ? null : (
              <button type="button" className="button button--secondary button--small" onClick={() => remove(index)}>
                {t('draft.aspects.removeStatement', { n: index + 1 })}
              </button>
            )}
          </li>
        ))}
      </ol>
      {readOnly || list.length >= L.statementsPerAspectMax ? null : (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            const statements = getValues(listName(path)) as TStatement[];
            append({ id: newStatementId(statements, prefix), text: { da: '', en: '' } } as never);
          }}
        >
          {t('draft.aspects.addStatement')}
        </button>
      )}
    </fieldset>
  );
}

function Fields() {
  const { t } = useTranslation();
  const o = useOptions();
  // The five aspects are always there, in the same order: only their contents change.
  const aspects = useFormContext<TPrinciple>().getValues('aspects');
  return (
    <>
      <Part id="texts" title={t('draft.sections.texts')} lead={t('draft.texts.lead')}>
        {PROSE_SECTION_IDS.map((id) => (
          <LocalizedTextField
            key={id}
            path={['texts', id]}
            label={t(`draft.texts.${id}`)}
            hint={id === 'purpose' ? t('draft.texts.purposeHint') : t('draft.texts.optionalHint')}
            max={L.proseMaxChars}
            rows={5}
          />
        ))}
      </Part>

      <Part id="conferences" title={t('draft.sections.conferences')}>
        <NumberField
          path={['conferences', 'perYear']}
          label={t('draft.conferences.perYear')}
          limits={L.conferencesPerYear}
        />
        <ChoiceField path={['conferences', 'commitment']} label={t('draft.commitmentLabel')} options={o.commitment} />
        <NumberField
          path={['conferences', 'needsBasedRounds']}
          label={t('draft.conferences.needsBasedRounds')}
          hint={t('draft.conferences.needsBasedHint')}
          limits={{ min: 0, max: L.conferencesPerYear.max - 1 }}
        />
        <NumberField
          path={['conferences', 'invitationLeadDays']}
          label={t('draft.conferences.invitationLeadDays')}
          limits={L.invitationLeadDays}
        />
        <OptionalPart
          path={['conferences', 'studentPlan']}
          label={t('draft.conferences.studentPlan')}
          make={() => ({ form: 'student_plan', leadDays: 7 })}
        >
          <ChoiceField
            path={['conferences', 'studentPlan', 'form']}
            label={t('draft.conferences.planForm')}
            options={o.planForm}
          />
          <NumberField
            path={['conferences', 'studentPlan', 'leadDays']}
            label={t('draft.conferences.planLeadDays')}
            limits={L.studentPlanLeadDays}
          />
        </OptionalPart>
        <CheckField path={['conferences', 'extraWhenNeeded']} label={t('draft.conferences.extraWhenNeeded')} />
        <CheckField path={['conferences', 'studentsTakePart']} label={t('draft.conferences.studentsTakePart')} />
        <CheckField path={['conferences', 'allPartiesAddTopics']} label={t('draft.conferences.allPartiesAddTopics')} />
        <CheckField path={['conferences', 'concreteAgreements']} label={t('draft.conferences.concreteAgreements')} />
        <ChoiceField
          path={['conferences', 'testResults']}
          label={t('draft.conferences.testResults')}
          options={o.testResults}
        />
        <NumberField
          path={['conferences', 'testResultsInWritingWorkingDays']}
          label={t('draft.conferences.testResultsInWritingWorkingDays')}
          limits={L.testResultWorkingDays}
        />
      </Part>

      <Part id="parentMeetings" title={t('draft.sections.parentMeetings')}>
        <OptionalPart
          path={['parentMeetings']}
          label={t('draft.parentMeetings.included')}
          make={() => ({ perYear: 2, commitment: 'firm', wellBeingPlanTopics: false, representativesHelpPlan: false })}
        >
          <NumberField
            path={['parentMeetings', 'perYear']}
            label={t('draft.parentMeetings.perYear')}
            limits={L.parentMeetingsPerYear}
          />
          <ChoiceField
            path={['parentMeetings', 'commitment']}
            label={t('draft.commitmentLabel')}
            options={o.commitment}
          />
          <CheckField
            path={['parentMeetings', 'wellBeingPlanTopics']}
            label={t('draft.parentMeetings.wellBeingPlanTopics')}
          />
          <CheckField
            path={['parentMeetings', 'representativesHelpPlan']}
            label={t('draft.parentMeetings.representativesHelpPlan')}
          />
        </OptionalPart>
      </Part>

      <Part id="communication" title={t('draft.sections.communication')}>
        <CheckField
          path={['communication', 'contactTeacherIsHub']}
          label={t('draft.communication.contactTeacherIsHub')}
        />
        <OptionalPart
          path={['communication', 'responseTime']}
          label={t('draft.communication.responseTime')}
          make={() => ({ workingDays: 3, isTarget: false })}
        >
          <NumberField
            path={['communication', 'responseTime', 'workingDays']}
            label={t('draft.communication.workingDays')}
            hint={t('draft.communication.workingDaysHint')}
            limits={L.responseWorkingDays}
          />
          <CheckField path={['communication', 'responseTime', 'isTarget']} label={t('draft.communication.isTarget')} />
        </OptionalPart>
        <CheckField
          path={['communication', 'sensitiveMattersInPerson']}
          label={t('draft.communication.sensitiveMattersInPerson')}
        />
        <OptionalPart
          path={['communication', 'quietHours']}
          label={t('draft.communication.quietHours')}
          make={() => ({ from: '17:00', to: '07:00', weekends: true })}
        >
          <div className="inline-fields">
            <TimeField path={['communication', 'quietHours', 'from']} label={t('draft.communication.quietFrom')} />
            <TimeField path={['communication', 'quietHours', 'to']} label={t('draft.communication.quietTo')} />
          </div>
          <CheckField
            path={['communication', 'quietHours', 'weekends']}
            label={t('draft.communication.quietWeekends')}
          />
        </OptionalPart>
        <OptionalPart
          path={['communication', 'studentMessages']}
          label={t('draft.communication.studentMessages')}
          make={() => ({ fromGrade: 4, guardiansSee: 'activity' })}
        >
          <NumberField
            path={['communication', 'studentMessages', 'fromGrade']}
            label={t('draft.communication.studentsFromGrade')}
            limits={L.grade}
          />
          <ChoiceField
            path={['communication', 'studentMessages', 'guardiansSee']}
            label={t('draft.communication.guardiansSee')}
            options={o.guardiansSee}
          />
        </OptionalPart>
      </Part>

      <Part id="classUpdates" title={t('draft.sections.classUpdates')} lead={t('draft.classUpdates.lead')}>
        <Bands
          path={['classUpdates', 'bands']}
          valueKey="cadence"
          options={o.cadence}
          legend={t('draft.classUpdates.bands')}
          make={() => ({ fromGrade: 0, toGrade: 0, cadence: 'weekly' })}
        />
      </Part>

      <Part id="earlyDialogue" title={t('draft.sections.earlyDialogue')}>
        <OptionalPart
          path={['earlyDialogue']}
          label={t('draft.earlyDialogue.included')}
          make={() => ({
            contactWithinWorkingDays: 5,
            channels: ['phone', 'meeting'],
            concernKinds: ['academic', 'well_being', 'behaviour'],
          })}
        >
          <NumberField
            path={['earlyDialogue', 'contactWithinWorkingDays']}
            label={t('draft.earlyDialogue.contactWithin')}
            limits={L.earlyContactWorkingDays}
          />
          <MultiChoiceField
            path={['earlyDialogue', 'channels']}
            legend={t('draft.earlyDialogue.channels')}
            options={o.channel}
          />
          <MultiChoiceField
            path={['earlyDialogue', 'concernKinds']}
            legend={t('draft.earlyDialogue.concernKinds')}
            options={o.concern}
          />
        </OptionalPart>
      </Part>

      <Part
        id="studentInvolvement"
        title={t('draft.sections.studentInvolvement')}
        lead={t('draft.studentInvolvement.lead')}
      >
        <Bands
          path={['studentInvolvement', 'bands']}
          valueKey="level"
          options={o.level}
          legend={t('draft.studentInvolvement.bands')}
          make={() => ({ fromGrade: 0, toGrade: 0, level: 'present' })}
        />
      </Part>

      <Part id="oversight" title={t('draft.sections.oversight')}>
        <CheckField path={['oversight', 'boardSupervises']} label={t('draft.oversight.boardSupervises')} />
        <NumberField
          path={['oversight', 'reportsPerYear']}
          label={t('draft.oversight.reportsPerYear')}
          limits={L.boardReportsPerYear}
        />
      </Part>

      <Part id="aspects" title={t('draft.sections.aspects')} lead={t('draft.aspects.lead')}>
        {aspects.map((aspect, index) => (
          <section key={aspect.id} className="aspect-editor" aria-labelledby={`aspect-${aspect.id}`}>
            <h3 id={`aspect-${aspect.id}`}>{t(`draft.aspectNames.${aspect.id}`)}</h3>
            <CheckField path={['aspects', index, 'adopted']} label={t('draft.aspects.adopted')} />
            <LocalizedTextField
              path={['aspects', index, 'title']}
              label={t('draft.aspects.title')}
              max={L.titleMaxChars}
              multiline={false}
            />
            <LocalizedTextField
              path={['aspects', index, 'intro']}
              label={t('draft.aspects.intro')}
              max={L.aspectIntroMaxChars}
            />
            <Statements path={['aspects', index, 'meansThat']} legend={t('draft.aspects.meansThat')} prefix="betyder" />
            <Statements path={['aspects', index, 'seenWhen']} legend={t('draft.aspects.seenWhen')} prefix="ses" />
          </section>
        ))}
      </Part>
    </>
  );
}

/** The leader's editor for the draft principle: every number and text, checked against the shared model before saving. */
export function DraftEditor({
  schoolId,
  draft,
  readOnly,
  onSaved,
  onDirtyChange,
}: {
  schoolId: string;
  draft: TPrincipleDraft;
  readOnly: boolean;
  onSaved(draft: TPrincipleDraft): void;
  onDirtyChange(dirty: boolean): void;
}) {
  const { t } = useTranslation();
  const form = useForm<TPrinciple, unknown, TPrinciple>({
    defaultValues: editableDraft(draft.principle),
    resolver: draftResolver((issue) => draftIssueText(t, issue)),
    // Checked when saving, not while typing: the summary of problems stays as it was found.
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    // Focus goes to the summary, which links to each field.
    shouldFocusError: false,
  });
  const { isDirty, errors: fieldErrors } = form.formState;
  const errors = flatErrors(fieldErrors);
  const [saved, setSaved] = useState(false);
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  const summaryRef = useRef<HTMLDivElement>(null);

  const save = useAction(async (valid: TPrinciple, sent: TPrinciple) => {
    const result = await principleApi.saveDraft(schoolId, valid);
    // What was sent is now the saved state; anything typed meanwhile stays, unsaved.
    form.reset(sent, { keepValues: true });
    setSaved(true);
    onSaved(result);
  });

  const onSubmit = form.handleSubmit(
    (valid) => save.run(valid, form.getValues()),
    () => {
      window.setTimeout(() => summaryRef.current?.focus(), 0);
    },
  );

  const errorList = Object.entries(errors);
  return (
    <FormProvider {...form}>
      <DraftReadOnlyContext.Provider value={readOnly}>
        <form
          onSubmit={(event) => {
            setSaved(false);
            void onSubmit(event);
          }}
          noValidate
          className="stack-lg draft-form"
        >
          {errorList.length > 0 ? (
            <div className="notice notice--error" role="alert" tabIndex={-1} ref={summaryRef}>
              <p className="notice__title">{t('draft.errorSummary', { count: errorList.length })}</p>
              <ul>
                {errorList.map(([key, message]) => (
                  <li key={key}>
                    <a
                      href={`#${fieldId(key.split('.'))}`}
                      onClick={(event) => {
                        const target = document.getElementById(fieldId(key.split('.')));
                        if (!target) return;
                        event.preventDefault();
                        target.focus();
                        target.scrollIntoView({ block: 'center' });
                      }}
                    >
                      {t(`draft.sections.${key.split('.')[0] ?? 'texts'}`)}: {message}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <Fields />
          {readOnly ? null : (
            <div className="sticky-actions">
              <ActionError error={save.error} />
              <div aria-live="polite">
                {saved && !isDirty ? (
                  <Notice kind="success" live={false}>
                    <p>{t('draft.saved')}</p>
                  </Notice>
                ) : null}
              </div>
              <div className="actions">
                <button type="submit" className="button" aria-disabled={save.busy || undefined}>
                  {t('draft.save')}
                </button>
                {isDirty ? <span className="field__hint">{t('draft.unsaved')}</span> : null}
              </div>
            </div>
          )}
        </form>
      </DraftReadOnlyContext.Provider>
    </FormProvider>
  );
}
