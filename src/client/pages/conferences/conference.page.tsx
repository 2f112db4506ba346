import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import {
  GOALS_MAX,
  PREPARATION_ANSWER_MAX,
  ZAddAgreement,
  ZAddNote,
  ZAddTopic,
  ZPreparation,
  type TConference,
  type TPreparation,
} from '../../../shared/api/conference.schema.js';
import { text } from '../../../shared/api/common.schema.js';
import { PREPARATION_PROMPTS, SMILEY_TOPICS } from '../../../domain/conferences/preparation.js';
import { api } from '../../api/http.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { problemText, useSchemaForm } from '../../ui/form.js';
import { Notice } from '../../ui/notice.js';
import { Page, Section } from '../../ui/page.js';
import { AgreementList, dueDayText, useToday } from './agreement-list.js';
import { ConferencePlan } from '../student-plans/conference-plan.js';
import { ConferenceTestResults } from '../test-results/conference-test-results.js';
import './conferences.css';

type Params = { schoolId: string; invitationId: string };
const SMILEYS = [
  { value: 1, face: '🙁' },
  { value: 2, face: '😐' },
  { value: 3, face: '🙂' },
] as const;

function useConferenceAction<A extends unknown[]>(run: (...args: A) => Promise<TConference>) {
  return useAction(run, { invalidates: [conferenceContracts.conference, conferenceContracts.myAgreements] });
}

/** The topics each party wants to talk about, shown with the role that raised them, and a field to add one. */
function Topics({ params, conference }: { params: Params; conference: TConference }) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZAddTopic, { text: '' });
  const add = useConferenceAction((body: { text: string }) => api(conferenceContracts.addTopic, { params, body }));
  return (
    <Section title={t('conference.topicsTitle')} id="conference-topics">
      <p>{t('conference.topicsLead')}</p>
      {conference.topics.length === 0 ? (
        <p>{t('conference.noTopics')}</p>
      ) : (
        <ul className="card-list">
          {conference.topics.map((topic) => (
            <li key={topic.id} className="card">
              <p className="card__meta">
                <span className="badge">
                  {t(topic.own ? 'conference.raisedByYou' : `conference.raisedBy.${topic.raisedBy}`)}
                </span>
              </p>
              <p>{topic.text}</p>
            </li>
          ))}
        </ul>
      )}
      {conference.abilities.addTopic ? (
        <form
          className="stack-sm"
          noValidate
          onSubmit={(event) =>
            void form.handleSubmit(async (body) => {
              if (await add.run(body)) form.reset({ text: '' });
            })(event)
          }
        >
          <TextAreaField
            label={t('conference.topicLabel')}
            rows={2}
            error={problemText(form.formState.errors.text, t('conference.errors.topic'))}
            {...form.register('text')}
          />
          <ActionError error={add.error} />
          <p>
            <button type="submit" className="button button--secondary" disabled={add.busy}>
              {t('conference.addTopic')}
            </button>
          </p>
        </form>
      ) : null}
    </Section>
  );
}

/** Grades 0–2: three smileys, filled in with a grown-up. */
function SmileyForm({
  answers,
  onSave,
  busy,
}: {
  answers: Record<string, unknown> | null;
  onSave(p: TPreparation): void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(SMILEY_TOPICS.map((topic) => [topic, (answers?.[topic] as number | null | undefined) ?? null])),
  );
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSave({
          band: 'smileys',
          answers: { school: values.school ?? null, friends: values.friends ?? null, reading: values.reading ?? null },
        });
      }}
    >
      <p>{t('conference.smileysLead')}</p>
      {SMILEY_TOPICS.map((topic) => (
        <fieldset key={topic} className="choice-group smileys">
          <legend>{t(`conference.smiley.${topic}`)}</legend>
          <div className="smiley-choices">
            {SMILEYS.map((smiley) => (
              <label key={smiley.value} className="choice smiley">
                <input
                  type="radio"
                  name={topic}
                  checked={values[topic] === smiley.value}
                  onChange={() => setValues((v) => ({ ...v, [topic]: smiley.value }))}
                />
                <span aria-hidden="true" className="smiley__face">
                  {smiley.face}
                </span>
                <span>{t(`conference.smileyLabel.${smiley.value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <p>
        <button type="submit" className="button" disabled={busy}>
          {t('conference.savePreparation')}
        </button>
      </p>
    </form>
  );
}

const ZPromptForm = z.object({
  proud: text({ max: PREPARATION_ANSWER_MAX, lines: true }),
  hard: text({ max: PREPARATION_ANSWER_MAX, lines: true }),
  better: text({ max: PREPARATION_ANSWER_MAX, lines: true }),
});

/** Grades 3–6: three short prompts. */
function PromptForm({
  answers,
  onSave,
  busy,
}: {
  answers: Record<string, unknown> | null;
  onSave(p: TPreparation): void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZPromptForm, {
    proud: (answers?.proud as string | undefined) ?? '',
    hard: (answers?.hard as string | undefined) ?? '',
    better: (answers?.better as string | undefined) ?? '',
  });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => void form.handleSubmit((values) => onSave({ band: 'prompts', answers: values }))(event)}
    >
      {PREPARATION_PROMPTS.map((prompt) => (
        <TextAreaField
          key={prompt}
          label={t(`conference.prompt.${prompt}`)}
          rows={2}
          error={problemText(
            form.formState.errors[prompt],
            t('conference.errors.answer', { max: PREPARATION_ANSWER_MAX }),
          )}
          {...form.register(prompt)}
        />
      ))}
      <p>
        <button type="submit" className="button" disabled={busy}>
          {t('conference.savePreparation')}
        </button>
      </p>
    </form>
  );
}

const ZGoalForm = z.object({ goals: z.array(text({ max: PREPARATION_ANSWER_MAX })).length(GOALS_MAX) });

/** Grades 7–9: the student's own goals, which they present at the meeting. */
function GoalForm({
  answers,
  onSave,
  busy,
}: {
  answers: Record<string, unknown> | null;
  onSave(p: TPreparation): void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const given = Array.isArray(answers?.goals) ? (answers.goals as string[]) : [];
  const form = useSchemaForm(ZGoalForm, {
    goals: Array.from({ length: GOALS_MAX }, (_, i) => given[i] ?? ''),
  });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit((values) =>
          onSave({ band: 'goals', answers: { goals: values.goals.filter((goal) => goal !== '') } }),
        )(event)
      }
    >
      <p>{t('conference.goalsLead')}</p>
      {Array.from({ length: GOALS_MAX }, (_, i) => (
        <TextField
          key={i}
          label={t('conference.goalN', { n: i + 1 })}
          error={problemText(
            form.formState.errors.goals?.[i],
            t('conference.errors.answer', { max: PREPARATION_ANSWER_MAX }),
          )}
          {...form.register(`goals.${i}`)}
        />
      ))}
      <p>
        <button type="submit" className="button" disabled={busy}>
          {t('conference.savePreparation')}
        </button>
      </p>
    </form>
  );
}

/** What the student prepared, as the others read it. */
function PreparationAnswers({ conference }: { conference: TConference }) {
  const { t } = useTranslation();
  const { band, answers } = conference.preparation;
  if (!answers) return <p>{t('conference.notPrepared')}</p>;
  if (band === 'goals')
    return (
      <ol>
        {(answers.goals as string[]).map((goal) => (
          <li key={goal}>{goal}</li>
        ))}
      </ol>
    );
  const keys = band === 'smileys' ? SMILEY_TOPICS : PREPARATION_PROMPTS;
  return (
    <dl className="facts">
      {keys.map((key) => (
        <div key={key}>
          <dt>{t(band === 'smileys' ? `conference.smiley.${key}` : `conference.prompt.${key}`)}</dt>
          <dd>
            {band === 'smileys'
              ? answers[key]
                ? t(`conference.smileyLabel.${String(answers[key] as number)}`)
                : '–'
              : (answers[key] as string) || '–'}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The student's preparation in the form of the grade: a form for the student (and the home), the answers for staff. */
function Preparation({ params, conference }: { params: Params; conference: TConference }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const save = useConferenceAction((body: TPreparation) =>
    api(conferenceContracts.prepare, { params, body: ZPreparation.parse(body) }),
  );
  const onSave = (body: TPreparation) => void save.run(body).then((done) => setSaved(done !== undefined));
  const { band, answers } = conference.preparation;
  const Form = band === 'smileys' ? SmileyForm : band === 'prompts' ? PromptForm : GoalForm;
  return (
    <Section title={t(`conference.preparationTitle.${band}`)} id="conference-preparation">
      {conference.abilities.prepare ? (
        <>
          <p>{t(`conference.preparationLead.${band}`)}</p>
          <Form answers={answers} onSave={onSave} busy={save.busy} />
          <ActionError error={save.error} />
          <div aria-live="polite">
            {saved ? (
              <Notice kind="success" live={false}>
                <p>{t('conference.preparationSaved')}</p>
              </Notice>
            ) : null}
          </div>
        </>
      ) : (
        <PreparationAnswers conference={conference} />
      )}
    </Section>
  );
}

/** Staff write notes: the school's own, or shared with the home in the summary. */
function NoteForm({ params }: { params: Params }) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZAddNote, { text: '', shared: true });
  const add = useConferenceAction((body: { text: string; shared: boolean }) =>
    api(conferenceContracts.addNote, { params, body }),
  );
  return (
    <form
      className="stack-sm"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit(async (body) => {
          if (await add.run(body)) form.reset({ text: '', shared: body.shared });
        })(event)
      }
    >
      <TextAreaField
        label={t('conference.noteLabel')}
        rows={3}
        error={problemText(form.formState.errors.text, t('conference.errors.note'))}
        {...form.register('text')}
      />
      <Controller
        control={form.control}
        name="shared"
        render={({ field }) => (
          <fieldset className="choice-group">
            <legend>{t('conference.noteWho')}</legend>
            <label className="choice">
              <input type="radio" name="shared" checked={field.value} onChange={() => field.onChange(true)} />
              <span>{t('conference.noteShared')}</span>
            </label>
            <label className="choice">
              <input type="radio" name="shared" checked={!field.value} onChange={() => field.onChange(false)} />
              <span>{t('conference.noteStaffOnly')}</span>
            </label>
          </fieldset>
        )}
      />
      <ActionError error={add.error} />
      <p>
        <button type="submit" className="button button--secondary" disabled={add.busy}>
          {t('conference.addNote')}
        </button>
      </p>
    </form>
  );
}

/** Staff write an agreement: who, what, by when. */
function AgreementForm({ params, conference }: { params: Params; conference: TConference }) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZAddAgreement, { owner: 'home', text: '', dueOn: '', goalId: null });
  const goals = conference.studentPlan?.goals ?? [];
  const add = useConferenceAction((body: z.output<typeof ZAddAgreement>) =>
    api(conferenceContracts.addAgreement, { params, body }),
  );
  return (
    <form
      className="stack-sm agreement-form"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit(async (body) => {
          if (await add.run({ ...body, goalId: body.goalId || null }))
            form.reset({ owner: body.owner, text: '', dueOn: '', goalId: null });
        })(event)
      }
    >
      <SelectField
        label={t('conference.agreementOwner')}
        error={problemText(form.formState.errors.owner, t('conference.errors.owner'))}
        {...form.register('owner')}
      >
        {(['school', 'home', 'student'] as const).map((owner) => (
          <option key={owner} value={owner}>
            {t(`conference.owner.${owner}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('conference.agreementText')}
        rows={2}
        error={problemText(form.formState.errors.text, t('conference.errors.agreement'))}
        {...form.register('text')}
      />
      <TextField
        type="date"
        label={t('conference.agreementDue')}
        error={problemText(form.formState.errors.dueOn, t('conference.errors.dueOn'))}
        {...form.register('dueOn')}
      />
      {goals.length > 0 ? (
        <SelectField
          label={t('studentPlan.conference.agreementGoal')}
          {...form.register('goalId', { setValueAs: (v: string | null) => (v ? v : null) })}
        >
          <option value="">{t('studentPlan.conference.noGoal')}</option>
          {goals.map((goal) => (
            <option key={goal.id} value={goal.id}>
              {goal.text}
            </option>
          ))}
        </SelectField>
      ) : null}
      <ActionError error={add.error} />
      <p>
        <button type="submit" className="button button--secondary" disabled={add.busy}>
          {t('conference.addAgreement')}
        </button>
      </p>
    </form>
  );
}

/** Notes and agreements; for staff the forms and "mark held", which sends the summary home. */
function Outcome({ params, conference }: { params: Params; conference: TConference }) {
  const { t } = useTranslation();
  const held = useConferenceAction(() => api(conferenceContracts.markHeld, { params }));
  const today = useToday();
  const record = conference.abilities.record;
  const isHeld = conference.heldAt !== null;
  if (!record && !isHeld && conference.notes.length === 0 && conference.agreements.length === 0) return null;
  return (
    <>
      <Section title={t(record ? 'conference.notesTitle' : 'conference.summaryTitle')} id="conference-notes">
        {isHeld ? (
          <Notice kind="success" live={false}>
            <p>{t(record ? 'conference.heldStaff' : 'conference.heldHome')}</p>
          </Notice>
        ) : null}
        {conference.notes.length === 0 ? (
          <p>{t('conference.noNotes')}</p>
        ) : (
          <ul className="card-list">
            {conference.notes.map((note) => (
              <li key={note.id} className="card">
                {record ? (
                  <p className="card__meta">
                    <span className={note.shared ? 'badge badge--answered' : 'badge'}>
                      {t(note.shared ? 'conference.sharedBadge' : 'conference.staffOnlyBadge')}
                    </span>
                  </p>
                ) : null}
                <p className="pre-line">{note.text}</p>
              </li>
            ))}
          </ul>
        )}
        {record ? <NoteForm params={params} /> : null}
      </Section>
      <Section title={t('conference.agreementsTitle')} id="conference-agreements">
        {conference.agreements.length === 0 ? (
          <p>{t('conference.noAgreements')}</p>
        ) : (
          <AgreementList
            schoolId={params.schoolId}
            agreements={conference.agreements}
            today={today}
            goals={conference.studentPlan?.goals ?? []}
          />
        )}
        {record ? <AgreementForm params={params} conference={conference} /> : null}
      </Section>
      {record && !isHeld ? (
        <Section title={t('conference.heldTitle')} id="conference-held">
          <p>{t('conference.heldLead')}</p>
          <ActionError error={held.error} />
          <p>
            <button type="button" className="button" disabled={held.busy} onClick={() => void held.run()}>
              {t('conference.markHeld')}
            </button>
          </p>
        </Section>
      ) : null}
    </>
  );
}

/**
 * One school-home conference: before the meeting the topics and the student's preparation, then
 * the notes and agreements, and the student's open agreements from earlier conferences. The
 * student, the invited guardians and the class's staff open it; each sees what is theirs to see.
 */
export function ConferencePage() {
  const { t, i18n } = useTranslation();
  const { schoolId = '', invitationId = '' } = useParams();
  const params = { schoolId, invitationId };
  const result = useApiQuery(conferenceContracts.conference, { params });
  const today = useToday();
  return (
    <Loaded result={result} title={t('conference.loadingTitle')}>
      {(conference) => (
        <Page
          title={t('conference.title', { name: conference.student.name })}
          lead={`${conference.student.className} · ${conference.round.name}`}
        >
          <p>
            {conference.booking
              ? t('conference.when', {
                  day: dueDayText(conference.booking.date, i18n.language),
                  from: conference.booking.from,
                  to: conference.booking.to,
                })
              : t('conference.noTime')}
          </p>
          {conference.earlierAgreements.length > 0 ? (
            <Section title={t('conference.earlierTitle')} id="conference-earlier">
              <p>{t('conference.earlierLead')}</p>
              <AgreementList
                schoolId={schoolId}
                agreements={conference.earlierAgreements}
                today={today}
                goals={conference.studentPlan?.goals ?? []}
              />
            </Section>
          ) : null}
          <ConferencePlan schoolId={schoolId} conference={conference} />
          <ConferenceTestResults schoolId={params.schoolId} invitationId={params.invitationId} />
          <Topics params={params} conference={conference} />
          <Preparation params={params} conference={conference} />
          <Outcome params={params} conference={conference} />
        </Page>
      )}
    </Loaded>
  );
}
