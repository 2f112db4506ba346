import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { studentPlanContracts } from '../../../shared/api/student-plan.contract.js';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import type { TGoalDraft, TStudentPlan, TStudentPlanPage } from '../../../shared/api/student-plan.schema.js';
import { GOALS_PER_KIND, GOAL_KINDS, type GoalKind } from '../../../domain/student-plans/goals.js';
import { preparationBand } from '../../../domain/conferences/preparation.js';
import { api } from '../../api/http.js';
import { paths } from '../../app/paths.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { formatDate, formatDateTime } from '../../ui/format.js';
import { Notice } from '../../ui/notice.js';
import { Page, Section } from '../../ui/page.js';
import { GoalCard } from './goal-card.js';

type Params = { schoolId: string; studentId: string };

function usePlanAction<A extends unknown[]>(run: (...args: A) => Promise<TStudentPlanPage>) {
  return useAction(run, {
    invalidates: [studentPlanContracts.plan, studentPlanContracts.due, conferenceContracts.conference],
  });
}

const emptyGoal = (kind: GoalKind): TGoalDraft => ({
  kind,
  text: '',
  schoolSupport: '',
  homeSupport: '',
  studentSupport: '',
  carriedFrom: null,
});

/** The contact teacher's draft: status per subject, and 1–3 goals of each kind with their support. */
function DraftEditor({ params, page }: { params: Params; page: TStudentPlanPage }) {
  const { t } = useTranslation();
  const plan = page.plan;
  const startGoals: TGoalDraft[] =
    plan && plan.goals.length > 0
      ? plan.goals.map((g) => ({
          kind: g.kind,
          text: g.text,
          schoolSupport: g.schoolSupport,
          homeSupport: g.homeSupport,
          studentSupport: g.studentSupport,
          carriedFrom: null,
        }))
      : page.carriedOver;
  const [subjects, setSubjects] = useState(plan?.subjects.map((s) => ({ subject: s.subject, status: s.status })) ?? []);
  const [goals, setGoals] = useState<TGoalDraft[]>(startGoals);
  const save = usePlanAction(() => api(studentPlanContracts.save, { params, body: { subjects, goals } }));
  const publish = usePlanAction(() => api(studentPlanContracts.publish, { params }));
  const setGoal = (index: number, change: Partial<TGoalDraft>) =>
    setGoals(goals.map((g, i) => (i === index ? { ...g, ...change } : g)));
  return (
    <Section title={t('studentPlan.draft.title')} id="student-plan-draft">
      <p>{t('studentPlan.draft.lead')}</p>
      {page.carriedOver.length > 0 && (!plan || plan.goals.length === 0) ? (
        <Notice kind="info" live={false}>
          <p>{t('studentPlan.draft.carried', { count: page.carriedOver.length })}</p>
        </Notice>
      ) : null}
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <fieldset className="stack-sm">
          <legend>{t('studentPlan.subjects.title')}</legend>
          {subjects.map((s, index) => (
            <div key={index} className="card stack-sm">
              <TextField
                label={t('studentPlan.subjects.subject')}
                value={s.subject}
                onChange={(e) =>
                  setSubjects(subjects.map((x, i) => (i === index ? { ...x, subject: e.target.value } : x)))
                }
              />
              <TextAreaField
                label={t('studentPlan.subjects.status')}
                rows={2}
                value={s.status}
                onChange={(e) =>
                  setSubjects(subjects.map((x, i) => (i === index ? { ...x, status: e.target.value } : x)))
                }
              />
              <p>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setSubjects(subjects.filter((_, i) => i !== index))}
                >
                  {t('studentPlan.subjects.remove', { subject: s.subject || t('studentPlan.subjects.subject') })}
                </button>
              </p>
            </div>
          ))}
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setSubjects([...subjects, { subject: '', status: '' }])}
            >
              {t('studentPlan.subjects.add')}
            </button>
          </p>
        </fieldset>
        {GOAL_KINDS.map((kind) => {
          const ofKind = goals.map((g, index) => ({ g, index })).filter(({ g }) => g.kind === kind);
          return (
            <fieldset key={kind} className="stack-sm">
              <legend>{t(`studentPlan.goals.${kind}`)}</legend>
              <p className="field__hint">{t('studentPlan.goals.howMany')}</p>
              {ofKind.map(({ g, index }, n) => (
                <div key={index} className="card stack-sm">
                  <TextAreaField
                    label={t('studentPlan.goals.goalN', { n: n + 1 })}
                    rows={2}
                    value={g.text}
                    onChange={(e) => setGoal(index, { text: e.target.value })}
                  />
                  <TextAreaField
                    label={t('studentPlan.support.school')}
                    rows={2}
                    value={g.schoolSupport}
                    onChange={(e) => setGoal(index, { schoolSupport: e.target.value })}
                  />
                  <TextAreaField
                    label={t('studentPlan.support.home')}
                    rows={2}
                    value={g.homeSupport}
                    onChange={(e) => setGoal(index, { homeSupport: e.target.value })}
                  />
                  <TextAreaField
                    label={t('studentPlan.support.student')}
                    rows={2}
                    value={g.studentSupport}
                    onChange={(e) => setGoal(index, { studentSupport: e.target.value })}
                  />
                  <p>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => setGoals(goals.filter((_, i) => i !== index))}
                    >
                      {t('studentPlan.goals.remove', { n: n + 1 })}
                    </button>
                  </p>
                </div>
              ))}
              {ofKind.length < GOALS_PER_KIND.max ? (
                <p>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setGoals([...goals, emptyGoal(kind)])}
                  >
                    {t(`studentPlan.goals.add.${kind}`)}
                  </button>
                </p>
              ) : null}
            </fieldset>
          );
        })}
        <ActionError error={save.error} />
        <p>
          <button type="submit" className="button" disabled={save.busy}>
            {t('studentPlan.draft.save')}
          </button>
        </p>
      </form>
      {page.abilities.publish ? (
        <div className="stack-sm">
          <p>{t('studentPlan.draft.publishLead')}</p>
          <ActionError error={publish.error} />
          <p>
            <button type="button" className="button" disabled={publish.busy} onClick={() => void publish.run()}>
              {t('studentPlan.draft.publish')}
            </button>
          </p>
        </div>
      ) : null}
    </Section>
  );
}

/** A colleague of the class adds their subject's status or a comment while the plan is a draft. */
function ColleagueInput({ params }: { params: Params }) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const add = usePlanAction(() =>
    api(studentPlanContracts.addInput, { params, body: { subject: subject.trim() === '' ? null : subject, text } }),
  );
  return (
    <Section title={t('studentPlan.input.title')} id="student-plan-input">
      <p>{t('studentPlan.input.lead')}</p>
      <form
        className="stack-sm"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void add.run().then((done) => {
            if (done) {
              setSubject('');
              setText('');
            }
          });
        }}
      >
        <TextField
          label={t('studentPlan.input.subject')}
          hint={t('studentPlan.input.subjectHint')}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
        />
        <TextAreaField
          label={t('studentPlan.input.text')}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <ActionError error={add.error} />
        <p>
          <button type="submit" className="button button--secondary" disabled={add.busy}>
            {t('studentPlan.input.send')}
          </button>
        </p>
      </form>
    </Section>
  );
}

/** The student's comment on one of their goals, worded for their grade. */
function CommentForm({ params, goalId, grade }: { params: Params; goalId: string; grade: number }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const add = usePlanAction(() => api(studentPlanContracts.comment, { params, body: { goalId, text } }));
  return (
    <form
      className="stack-sm"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void add.run().then((done) => done && setText(''));
      }}
    >
      <TextAreaField
        label={t(`studentPlan.comment.label.${preparationBand(grade)}`)}
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <ActionError error={add.error} />
      <p>
        <button type="submit" className="button button--secondary" disabled={add.busy}>
          {t('studentPlan.comment.send')}
        </button>
      </p>
    </form>
  );
}

/** Staff review a goal at the conference: reached, partly, continue. */
function ReviewForm({ params, goal }: { params: Params; goal: TStudentPlan['goals'][number] }) {
  const { t } = useTranslation();
  const review = usePlanAction((value: 'reached' | 'partly' | 'continue') =>
    api(studentPlanContracts.review, { params, body: { goalId: goal.id, review: value } }),
  );
  return (
    <div className="stack-sm">
      <SelectField
        label={t('studentPlan.review.label')}
        value={goal.review ?? ''}
        disabled={review.busy}
        onChange={(e) => {
          const value = e.target.value;
          if (value === 'reached' || value === 'partly' || value === 'continue') void review.run(value);
        }}
      >
        <option value="">{t('studentPlan.review.none')}</option>
        {(['reached', 'partly', 'continue'] as const).map((value) => (
          <option key={value} value={value}>
            {t(`studentPlan.review.${value}`)}
          </option>
        ))}
      </SelectField>
      <ActionError error={review.error} />
    </div>
  );
}

/** The plan as sent home (or the draft, for staff): subjects, goals with support, comments. */
function PlanView({ params, page, plan }: { params: Params; page: TStudentPlanPage; plan: TStudentPlan }) {
  const { t, i18n } = useTranslation();
  const confirm = usePlanAction(() => api(studentPlanContracts.confirmRead, { params }));
  return (
    <>
      {plan.status === 'published' && plan.publishedAt ? (
        <p>{t('studentPlan.sentOn', { day: formatDateTime(plan.publishedAt, i18n.language) })}</p>
      ) : null}
      {plan.subjects.length > 0 ? (
        <Section title={t('studentPlan.subjects.title')} id="student-plan-subjects">
          <dl className="facts facts--stacked">
            {plan.subjects.map((s) => (
              <div key={s.subject}>
                <dt>{s.subject}</dt>
                <dd className="pre-line">{s.status}</dd>
              </div>
            ))}
          </dl>
        </Section>
      ) : null}
      {GOAL_KINDS.map((kind) => {
        const goals = plan.goals.filter((g) => g.kind === kind);
        return (
          <Section key={kind} title={t(`studentPlan.goals.${kind}`)} id={`student-plan-${kind}`}>
            {goals.length === 0 ? (
              <p>{t('studentPlan.goals.none')}</p>
            ) : (
              <ul className="card-list">
                {goals.map((goal) => (
                  <GoalCard key={goal.id} goal={goal}>
                    {goal.comments.length > 0 ? (
                      <ul className="stack-sm">
                        {goal.comments.map((c) => (
                          <li key={c.id}>
                            <span className="badge">
                              {t(c.own ? 'studentPlan.comment.you' : `studentPlan.comment.by.${c.by}`)}
                            </span>{' '}
                            {c.text}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {page.abilities.comment ? (
                      <CommentForm params={params} goalId={goal.id} grade={page.student.grade} />
                    ) : null}
                    {page.abilities.review ? <ReviewForm params={params} goal={goal} /> : null}
                  </GoalCard>
                ))}
              </ul>
            )}
          </Section>
        );
      })}
      {plan.input.length > 0 ? (
        <Section title={t('studentPlan.input.received')} id="student-plan-received">
          <ul className="card-list">
            {plan.input.map((c, i) => (
              <li key={i} className="card">
                <p className="card__meta">{c.by}</p>
                <p className="pre-line">{c.text}</p>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {plan.status === 'published' && plan.readBy.length > 0 ? (
        <Section title={t('studentPlan.readBy')} id="student-plan-read-by">
          <ul>
            {plan.readBy.map((r) => (
              <li key={r.name}>{`${r.name}, ${formatDateTime(r.at, i18n.language)}`}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {plan.readByMe ? (
        <Notice kind="success" live={false}>
          <p>{t('studentPlan.confirmed')}</p>
        </Notice>
      ) : null}
      {page.abilities.confirmRead ? (
        <Section title={t('studentPlan.confirmTitle')} id="student-plan-confirm">
          <p>{t('studentPlan.confirmLead')}</p>
          <ActionError error={confirm.error} />
          <p>
            <button type="button" className="button" disabled={confirm.busy} onClick={() => void confirm.run()}>
              {t('studentPlan.confirm')}
            </button>
          </p>
        </Section>
      ) : null}
    </>
  );
}

/**
 * A student's plan for the school year (elevplan, issue 11): the contact teacher drafts and sends
 * it, colleagues add input, the home reads and confirms it, the student comments on their goals.
 */
export function StudentPlanPage() {
  const { t, i18n } = useTranslation();
  const { schoolId = '', studentId = '' } = useParams();
  const params = { schoolId, studentId };
  const result = useApiQuery(studentPlanContracts.plan, { params });
  return (
    <Loaded result={result} title={t('studentPlan.loadingTitle')}>
      {(page) => (
        <Page title={t('studentPlan.title', { name: page.student.name })} lead={page.student.className}>
          {page.form === 'message_book' ? (
            <Notice kind="info" live={false}>
              <p>
                {t('studentPlan.otherForm')}{' '}
                <Link to={paths.messageBook(schoolId, studentId)}>{t('studentPlan.book.open')}</Link>
              </p>
            </Notice>
          ) : page.messageBook ? (
            <p>
              {t('studentPlan.earlierBook', {
                count: page.messageBook.entries,
                day: formatDate(page.messageBook.lastWrittenAt, i18n.language),
              })}{' '}
              <Link to={paths.messageBook(schoolId, studentId)}>{t('studentPlan.book.open')}</Link>
            </p>
          ) : null}
          {page.plansBy && page.plan?.status !== 'published' && (page.abilities.edit || page.abilities.contribute) ? (
            <p className="lead">{t('studentPlan.sendBy', { day: formatDate(page.plansBy, i18n.language) })}</p>
          ) : null}
          {!page.plan && !page.abilities.edit ? <p>{t('studentPlan.notYet')}</p> : null}
          {page.abilities.edit ? (
            <DraftEditor key={page.plan?.id ?? 'new'} params={params} page={page} />
          ) : page.abilities.contribute ? (
            <ColleagueInput params={params} />
          ) : null}
          {page.plan && !page.abilities.edit ? <PlanView params={params} page={page} plan={page.plan} /> : null}
          {page.plan && page.abilities.edit && page.plan.input.length > 0 ? (
            <PlanView params={params} page={page} plan={{ ...page.plan, subjects: [], goals: [] }} />
          ) : null}
        </Page>
      )}
    </Loaded>
  );
}
