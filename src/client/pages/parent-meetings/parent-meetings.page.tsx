import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { parentMeetingContracts } from '../../../shared/api/parent-meeting.contract.js';
import {
  MAX_PEOPLE_COMING,
  ZEditAgendaItem,
  ZParentMeetingMinutes,
  ZParentMeetingTime,
  type TParentMeeting,
} from '../../../shared/api/parent-meeting.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../../shared/api/messaging.schema.js';
import { api, contractUrl } from '../../api/http.js';
import { newIdempotencyKey } from '../../api/messaging.api.js';
import { paths } from '../../app/paths.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { TextAreaField, TextField } from '../../ui/field.js';
import { problemText, useSchemaForm } from '../../ui/form.js';
import { FormDateField, FormTimeField } from '../../ui/date-field.js';
import { Page, Section } from '../../ui/page.js';
import { MeetingCard, MeetingWhen } from './parent-meeting-parts.js';

type TimeInput = z.output<typeof ZParentMeetingTime>;
const EMPTY_TIME: z.input<typeof ZParentMeetingTime> = { date: '', from: '19:00', to: '21:00', place: '' };

/** When and where: planning a new meeting of the class. */
function PlanForm({ schoolId, classId }: { schoolId: string; classId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useSchemaForm(ZParentMeetingTime, EMPTY_TIME);
  const [key] = useState(newIdempotencyKey);
  const plan = useAction((body: TimeInput) =>
    api(parentMeetingContracts.plan, {
      params: { schoolId, classId },
      body,
      headers: { [IDEMPOTENCY_KEY_HEADER]: key },
    }),
  );
  const errors = form.formState.errors;
  return (
    <form
      className="stack-sm"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit(async (body) => {
          const created = await plan.run(body);
          if (created) void navigate(paths.parentMeeting(schoolId, created.id));
        })(event)
      }
    >
      <FormDateField
        control={form.control}
        name="date"
        label={t('parentMeetings.form.date')}
        error={problemText(errors.date, t('parentMeetings.errors.date'))}
      />
      <FormTimeField
        control={form.control}
        name="from"
        label={t('parentMeetings.form.from')}
        error={problemText(errors.from, t('parentMeetings.errors.time'))}
      />
      <FormTimeField
        control={form.control}
        name="to"
        label={t('parentMeetings.form.to')}
        error={problemText(errors.to, t('parentMeetings.errors.time'))}
      />
      <TextField
        label={t('parentMeetings.form.place')}
        hint={t('parentMeetings.form.placeHint')}
        error={problemText(errors.place, t('parentMeetings.errors.place'))}
        {...form.register('place')}
      />
      <ActionError error={plan.error} />
      <p>
        <button type="submit" className="button" disabled={plan.busy}>
          {t('parentMeetings.form.plan')}
        </button>
      </p>
    </form>
  );
}

/**
 * A class's parent meetings this school year, against the principle's number; its planners plan
 * the next one here.
 */
export function ClassParentMeetingsPage() {
  const { t } = useTranslation();
  const { schoolId = '', classId = '' } = useParams();
  const list = useApiQuery(parentMeetingContracts.ofClass, { params: { schoolId, classId } });
  return (
    <Loaded result={list} title={t('parentMeetings.title')}>
      {(data) => (
        <Page
          title={t('parentMeetings.titleOf', { className: data.class.name })}
          lead={
            data.perYear === null
              ? t('parentMeetings.heldNoTarget', { count: data.heldThisYear })
              : t('parentMeetings.heldOf', { held: data.heldThisYear, target: data.perYear })
          }
        >
          <Section title={t('parentMeetings.listTitle')} id="meetings">
            {data.meetings.length === 0 ? (
              <p>{t('parentMeetings.none')}</p>
            ) : (
              <ul className="card-list">
                {data.meetings.map((m) => (
                  <MeetingCard key={m.id} schoolId={schoolId} meeting={m} planner={data.mayPlan} />
                ))}
              </ul>
            )}
          </Section>
          {data.mayPlan ? (
            <Section title={t('parentMeetings.form.title')} id="plan">
              <PlanForm schoolId={schoolId} classId={classId} />
            </Section>
          ) : null}
        </Page>
      )}
    </Loaded>
  );
}

type Params = { schoolId: string; meetingId: string };

/** One agenda item; its planners change or remove it while the meeting is planned. */
function AgendaItem({ params, item }: { params: Params; item: TParentMeeting['agenda'][number] }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const form = useSchemaForm(ZEditAgendaItem, { title: item.title });
  const save = useAction((title: string) =>
    api(parentMeetingContracts.editAgendaItem, { params: { ...params, itemId: item.id }, body: { title } }),
  );
  const remove = useAction(() =>
    api(parentMeetingContracts.removeAgendaItem, { params: { ...params, itemId: item.id } }),
  );
  const title = item.topic ? t(`parentMeetings.topics.${item.topic}`) : item.title;
  if (editing)
    return (
      <li>
        <form
          className="stack-sm"
          noValidate
          onSubmit={(event) =>
            void form.handleSubmit(async (body) => {
              if (await save.run(body.title)) setEditing(false);
            })(event)
          }
        >
          <TextField
            label={t('parentMeetings.agenda.itemLabel')}
            error={problemText(form.formState.errors.title, t('parentMeetings.errors.agendaItem'))}
            {...form.register('title')}
          />
          <ActionError error={save.error} />
          <p className="actions">
            <button type="submit" className="button button--small" disabled={save.busy}>
              {t('parentMeetings.agenda.save')}
            </button>{' '}
            <button type="button" className="button button--secondary button--small" onClick={() => setEditing(false)}>
              {t('parentMeetings.agenda.cancel')}
            </button>
          </p>
        </form>
      </li>
    );
  return (
    <li>
      {title} <span className="field__hint">({t('parentMeetings.agenda.addedBy', { name: item.addedBy.name })})</span>
      {item.mayEdit ? (
        <>
          {' '}
          {item.topic === null ? (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('parentMeetings.agenda.editItem', { title })}
              onClick={() => setEditing(true)}
            >
              {t('parentMeetings.agenda.edit')}
            </button>
          ) : null}{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('parentMeetings.agenda.removeItem', { title })}
            disabled={remove.busy}
            onClick={() => void remove.run()}
          >
            {t('parentMeetings.agenda.remove')}
          </button>
          <ActionError error={remove.error} />
        </>
      ) : null}
    </li>
  );
}

/** The agenda, and for its planners a new item in their own words or a topic of the well-being action plan. */
function Agenda({ params, meeting }: { params: Params; meeting: TParentMeeting }) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZEditAgendaItem, { title: '' });
  const add = useAction((body: { title: string } | { topic: TParentMeeting['topicsOffered'][number] }) =>
    api(parentMeetingContracts.addAgendaItem, { params, body }),
  );
  return (
    <div className="stack-sm">
      {meeting.agenda.length === 0 ? (
        <p>{t('parentMeetings.agenda.empty')}</p>
      ) : (
        <ol className="stack-sm">
          {meeting.agenda.map((item) => (
            <AgendaItem key={item.id} params={params} item={item} />
          ))}
        </ol>
      )}
      {meeting.abilities.plan ? (
        <>
          <form
            className="stack-sm"
            noValidate
            onSubmit={(event) =>
              void form.handleSubmit(async (body) => {
                if (await add.run(body)) form.reset({ title: '' });
              })(event)
            }
          >
            <TextField
              label={t('parentMeetings.agenda.newItem')}
              hint={t('parentMeetings.agenda.newItemHint')}
              error={problemText(form.formState.errors.title, t('parentMeetings.errors.agendaItem'))}
              {...form.register('title')}
            />
            <p>
              <button type="submit" className="button" disabled={add.busy}>
                {t('parentMeetings.agenda.add')}
              </button>
            </p>
          </form>
          {meeting.topicsOffered.length > 0 ? (
            <div className="stack-sm">
              <h3>{t('parentMeetings.agenda.topicsTitle')}</h3>
              <p className="field__hint">{t('parentMeetings.agenda.topicsHint')}</p>
              <ul className="link-list">
                {meeting.topicsOffered.map((topic) => (
                  <li key={topic}>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={add.busy}
                      onClick={() => void add.run({ topic })}
                    >
                      {t('parentMeetings.agenda.pick', { topic: t(`parentMeetings.topics.${topic}`) })}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <ActionError error={add.error} />
        </>
      ) : null}
    </div>
  );
}

/** A home's answer: coming with how many, or not; changeable until the meeting begins. */
function AnswerForm({ params, meeting }: { params: Params; meeting: TParentMeeting }) {
  const { t } = useTranslation();
  const [people, setPeople] = useState(String(meeting.ownAnswer?.people || 1));
  const answer = useAction((coming: boolean) =>
    api(parentMeetingContracts.answer, {
      params,
      body: coming ? { coming: true, people: Number(people) } : { coming: false },
    }),
  );
  return (
    <div className="stack-sm">
      <p aria-live="polite">
        {meeting.ownAnswer
          ? meeting.ownAnswer.coming
            ? t('parentMeetings.answer.comingWith', { count: meeting.ownAnswer.people })
            : t('parentMeetings.answer.notComing')
          : t('parentMeetings.answer.notYet')}
      </p>
      <TextField
        label={t('parentMeetings.answer.people')}
        type="number"
        min={1}
        max={MAX_PEOPLE_COMING}
        inputMode="numeric"
        value={people}
        onChange={(e) => setPeople(e.target.value)}
      />
      <p className="actions">
        <button type="button" className="button" disabled={answer.busy} onClick={() => void answer.run(true)}>
          {t('parentMeetings.answer.coming')}
        </button>{' '}
        <button
          type="button"
          className="button button--secondary"
          disabled={answer.busy}
          onClick={() => void answer.run(false)}
        >
          {t('parentMeetings.answer.notComingButton')}
        </button>
      </p>
      <ActionError error={answer.error} />
    </div>
  );
}

/** Staff: each home's answer, and attendance at the meeting. */
function Homes({ params, meeting }: { params: Params; meeting: TParentMeeting }) {
  const { t } = useTranslation();
  const households = meeting.households ?? [];
  const [present, setPresent] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(households.map((h) => [h.household, h.represented ?? h.coming === true])),
  );
  const take = useAction(() =>
    api(parentMeetingContracts.attendance, {
      params,
      body: {
        households: households.map((h) => ({ household: h.household, represented: present[h.household] ?? false })),
      },
    }),
  );
  const answerText = (h: (typeof households)[number]) =>
    h.coming === null
      ? t('parentMeetings.answer.notYet')
      : h.coming
        ? t('parentMeetings.answer.comingWith', { count: h.people })
        : t('parentMeetings.answer.notComing');
  return (
    <form
      className="stack-sm"
      onSubmit={(event) => {
        event.preventDefault();
        void take.run();
      }}
    >
      <fieldset className="stack-sm">
        <legend>{t('parentMeetings.attendance.legend')}</legend>
        {households.map((h) => {
          const id = `home-${h.household}`;
          return (
            <div key={h.household}>
              <input
                id={id}
                type="checkbox"
                checked={present[h.household] ?? false}
                onChange={(e) => setPresent({ ...present, [h.household]: e.target.checked })}
              />{' '}
              <label htmlFor={id}>
                {t('parentMeetings.attendance.homeOf', { children: h.children.join(', ') })} – {answerText(h)}
              </label>
            </div>
          );
        })}
      </fieldset>
      <ActionError error={take.error} />
      <p>
        <button type="submit" className="button" disabled={take.busy}>
          {t('parentMeetings.attendance.save')}
        </button>
      </p>
    </form>
  );
}

function MinutesForm({ params }: { params: Params }) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZParentMeetingMinutes, { minutes: '' });
  const publish = useAction((minutes: string) => api(parentMeetingContracts.minutes, { params, body: { minutes } }));
  return (
    <form
      className="stack-sm"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit(async (body) => {
          await publish.run(body.minutes);
        })(event)
      }
    >
      <TextAreaField
        label={t('parentMeetings.minutes.label')}
        hint={t('parentMeetings.minutes.hint')}
        rows={8}
        error={problemText(form.formState.errors.minutes, t('parentMeetings.errors.minutes'))}
        {...form.register('minutes')}
      />
      <ActionError error={publish.error} />
      <p>
        <button type="submit" className="button" disabled={publish.busy}>
          {t('parentMeetings.minutes.publish')}
        </button>
      </p>
    </form>
  );
}

/**
 * One parent meeting: its planners build the agenda (with the well-being action plan's topics)
 * and staff send the invitation; homes answer; staff take attendance and publish the minutes,
 * which the homes read here.
 */
export function ParentMeetingPage() {
  const { t } = useTranslation();
  const { schoolId = '', meetingId = '' } = useParams();
  const params = { schoolId, meetingId };
  const meeting = useApiQuery(parentMeetingContracts.read, { params });
  const invite = useAction(() => api(parentMeetingContracts.invite, { params }));
  return (
    <Loaded result={meeting} title={t('parentMeetings.title')}>
      {(m) => (
        <Page
          title={t('parentMeetings.meetingOf', { className: m.class.name })}
          lead={t(`parentMeetings.stageLead.${m.stage}`)}
        >
          <p>
            <strong>
              <MeetingWhen meeting={m} />
            </strong>{' '}
            · {m.place}
          </p>
          <p>
            <Link to={paths.classParentMeetings(schoolId, m.class.id)}>
              {t('parentMeetings.allOfClass', { className: m.class.name })}
            </Link>
            {m.stage !== 'planning' ? (
              <>
                {' · '}
                <a href={contractUrl(parentMeetingContracts.calendar, { params })} download="foraeldremoede.ics">
                  {t('parentMeetings.calendarFile')}
                </a>
              </>
            ) : null}
          </p>
          {m.stage === 'minutes' && m.minutes ? (
            <Section title={t('parentMeetings.minutes.title')} id="minutes">
              <p className="pre-line">{m.minutes}</p>
            </Section>
          ) : null}
          {m.abilities.answer ? (
            <Section title={t('parentMeetings.answer.title')} id="answer">
              <AnswerForm params={params} meeting={m} />
            </Section>
          ) : null}
          <Section title={t('parentMeetings.agenda.title')} id="agenda">
            <Agenda params={params} meeting={m} />
          </Section>
          {m.abilities.run && m.stage === 'planning' ? (
            <Section title={t('parentMeetings.invite.title')} id="invite">
              <p>{t('parentMeetings.invite.body')}</p>
              <ActionError error={invite.error} />
              <p>
                <button type="button" className="button" disabled={invite.busy} onClick={() => void invite.run()}>
                  {t('parentMeetings.invite.send')}
                </button>
              </p>
            </Section>
          ) : null}
          {m.stage !== 'planning' ? (
            <Section title={t('parentMeetings.answers.title')} id="answers">
              <p>
                {t('parentMeetings.answers.summary', {
                  invited: m.counts.invited,
                  coming: m.counts.coming,
                  people: m.counts.people,
                  notComing: m.counts.notComing,
                })}
              </p>
              {m.stage !== 'invited' ? (
                <p>
                  {t('parentMeetings.attendance.summary', {
                    represented: m.counts.represented,
                    invited: m.counts.invited,
                  })}
                </p>
              ) : null}
              {m.abilities.takeAttendance ? (
                <Homes key={m.stage} params={params} meeting={m} />
              ) : m.households ? (
                <ul className="stack-sm">
                  {m.households.map((h) => (
                    <li key={h.household}>
                      {t('parentMeetings.attendance.homeOf', { children: h.children.join(', ') })} –{' '}
                      {h.coming === null
                        ? t('parentMeetings.answer.notYet')
                        : h.coming
                          ? t('parentMeetings.answer.comingWith', { count: h.people })
                          : t('parentMeetings.answer.notComing')}
                    </li>
                  ))}
                </ul>
              ) : null}
            </Section>
          ) : null}
          {m.abilities.run && m.stage === 'held' ? (
            <Section title={t('parentMeetings.minutes.title')} id="write-minutes">
              <MinutesForm params={params} />
            </Section>
          ) : null}
        </Page>
      )}
    </Loaded>
  );
}
