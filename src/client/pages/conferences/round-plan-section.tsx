import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import type { TPlan, TPlannedMeeting, TRound, TRoundTime } from '../../../shared/api/conference.schema.js';
import { api } from '../../api/http.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, LoadedPart } from '../../ui/errors.js';
import { Notice } from '../../ui/notice.js';
import { Section } from '../../ui/page.js';
import { TableWrap } from '../../ui/table-wrap.js';

/** "12.01 14.00–14.15" (Danish) or "12/01 14:00–14:15". */
function useTimeText() {
  const { i18n } = useTranslation();
  const da = i18n.language === 'da';
  return (time: TRoundTime) => {
    const clock = (text: string) => (da ? text.replace(':', '.') : text);
    const day = `${time.date.slice(8, 10)}${da ? '.' : '/'}${time.date.slice(5, 7)}`;
    return `${day} ${clock(time.from)}–${clock(time.to)}`;
  };
}

const timeKey = (time: { date: string; from: string }) => `${time.date} ${time.from}`;

/**
 * The times a meeting can move to, asked for when the leader opens its move (each is checked
 * against the whole timetable on the server), a list to pick one from, and the move itself.
 */
function MoveMeeting({ round, meeting }: { round: TRound; meeting: TPlannedMeeting }) {
  const { t } = useTranslation();
  const timeText = useTimeText();
  const [target, setTarget] = useState('');
  const params = { schoolId: round.schoolId, roundId: round.id, invitationId: meeting.invitationId };
  const moves = useApiQuery(conferenceContracts.planMoves, { params });
  const move = useAction(
    (time: TRoundTime) => api(conferenceContracts.moveMeeting, { params, body: { date: time.date, from: time.from } }),
    { invalidates: [conferenceContracts.plan, conferenceContracts.planMoves] },
  );
  const selectId = `move-${meeting.invitationId}`;
  return (
    <LoadedPart result={moves}>
      {({ moves: times }) => {
        if (times.length === 0) return <p className="card__meta">{t('roundPlan.noMoves')}</p>;
        const chosen = times.find((time) => timeKey(time) === target);
        return (
          <div className="stack-sm">
            <label htmlFor={selectId} className="visually-hidden">
              {t('roundPlan.moveLabel', { name: meeting.student.name })}
            </label>
            <select id={selectId} value={target} onChange={(event) => setTarget(event.target.value)}>
              <option value="">{t('roundPlan.chooseTime')}</option>
              {times.map((time) => (
                <option key={timeKey(time)} value={timeKey(time)}>
                  {timeText(time)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={!chosen || move.busy}
              onClick={() => chosen && void move.run(chosen).then((done) => done && setTarget(''))}
            >
              {t('roundPlan.move', { name: meeting.student.name })}
            </button>
            <ActionError error={move.error} />
          </div>
        );
      }}
    </LoadedPart>
  );
}

/** One meeting's row: who, when (or why not), the interpreter, and its move, opened on request. */
function MeetingRow({ round, meeting, published }: { round: TRound; meeting: TPlannedMeeting; published: boolean }) {
  const { t } = useTranslation();
  const timeText = useTimeText();
  const [moving, setMoving] = useState(false);
  return (
    <tr>
      <th scope="row">
        {meeting.student.name} ({meeting.student.className})
        <span className="card__meta"> {meeting.guardians.map((g) => g.name).join(', ')}</span>
      </th>
      <td>
        {meeting.time ? timeText(meeting.time) : <span className="badge badge--late">{t('roundPlan.notPlaced')}</span>}
      </td>
      <td>{meeting.interpreter ? meeting.interpreter.name : '–'}</td>
      <td>
        {published ? (
          '–'
        ) : moving ? (
          <MoveMeeting round={round} meeting={meeting} />
        ) : (
          <button type="button" className="button button--secondary button--small" onClick={() => setMoving(true)}>
            {meeting.time ? t('roundPlan.findTime') : t('roundPlan.findFirstTime')}
            <span className="visually-hidden"> {t('roundPlan.forName', { name: meeting.student.name })}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

function Figures({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  if (!plan.figures) return null;
  return (
    <dl className="facts plan-figures">
      <dt>{t('roundPlan.figures.placed')}</dt>
      <dd>{t('roundPlan.figures.placedValue', { placed: plan.figures.placed, count: plan.figures.meetings })}</dd>
      <dt>{t('roundPlan.figures.notPlaced')}</dt>
      <dd>{plan.figures.meetings - plan.figures.placed}</dd>
      <dt>{t('roundPlan.figures.waiting')}</dt>
      <dd>{t('roundPlan.figures.minutes', { count: plan.figures.householdWaiting })}</dd>
      <dt>{t('roundPlan.figures.extraDays')}</dt>
      <dd>{plan.figures.extraDays}</dd>
    </dl>
  );
}

function PlanView({ round, plan }: { round: TRound; plan: TPlan }) {
  const { t } = useTranslation();
  const [published, setPublished] = useState<number | null>(null);
  const start = useAction(
    () => api(conferenceContracts.startPlan, { params: { schoolId: round.schoolId, roundId: round.id } }),
    { invalidates: [conferenceContracts.plan, conferenceContracts.round] },
  );
  const publish = useAction(
    () => api(conferenceContracts.publishPlan, { params: { schoolId: round.schoolId, roundId: round.id } }),
    { invalidates: [conferenceContracts.plan, conferenceContracts.round, conferenceContracts.roundInvitations] },
  );
  const running = plan.state === 'queued' || plan.state === 'running';
  const isPublished = plan.publishedAt !== null;
  const unplaced = plan.meetings.filter((m) => m.time === null);
  return (
    <div className="stack">
      <p>{t('roundPlan.marked', { marked: plan.marked, count: plan.invitations })}</p>
      {running ? (
        <div className="stack-sm" aria-live="polite">
          <label htmlFor="plan-progress">{t('roundPlan.running', { progress: plan.progress })}</label>
          <progress id="plan-progress" max={100} value={plan.progress} />
        </div>
      ) : null}
      {plan.state === 'failed' ? (
        <Notice kind="error">
          <p>{t('roundPlan.failed')}</p>
        </Notice>
      ) : null}
      {!isPublished && !running && round.status !== 'draft' ? (
        <div className="stack-sm">
          <p className="field__hint">{plan.state === 'done' ? t('roundPlan.againHint') : t('roundPlan.startHint')}</p>
          <p>
            <button
              type="button"
              className={plan.state === 'done' ? 'button button--secondary' : 'button'}
              disabled={start.busy}
              onClick={() => void start.run()}
            >
              {plan.state === 'done' ? t('roundPlan.again') : t('roundPlan.start')}
            </button>
          </p>
          <ActionError error={start.error} />
        </div>
      ) : null}
      {plan.state === 'done' ? (
        <>
          <h3>{t('roundPlan.resultTitle')}</h3>
          <Figures plan={plan} />
          {unplaced.length > 0 ? (
            <Notice kind="warning" title={t('roundPlan.unplacedTitle', { count: unplaced.length })} live={false}>
              <ul>
                {unplaced.map((m) => (
                  <li key={m.invitationId}>
                    <strong>
                      {m.student.name} ({m.student.className}):
                    </strong>{' '}
                    {m.reason}
                  </li>
                ))}
              </ul>
            </Notice>
          ) : null}
          <TableWrap label={t('roundPlan.caption')}>
            <table>
              <caption>{t('roundPlan.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roundPlan.child')}</th>
                  <th scope="col">{t('roundPlan.time')}</th>
                  <th scope="col">{t('roundPlan.interpreter')}</th>
                  <th scope="col">{t('roundPlan.moveColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.meetings.map((meeting) => (
                  <MeetingRow key={meeting.invitationId} round={round} meeting={meeting} published={isPublished} />
                ))}
              </tbody>
            </table>
          </TableWrap>
          {isPublished ? (
            <Notice kind="success" live={false}>
              <p>{t('roundPlan.isPublished')}</p>
            </Notice>
          ) : (
            <div className="stack-sm">
              <p>{t('roundPlan.publishHint')}</p>
              <p>
                <button
                  type="button"
                  className="button"
                  disabled={publish.busy}
                  onClick={() => void publish.run().then((done) => done && setPublished(done.published))}
                >
                  {t('roundPlan.publish')}
                </button>
              </p>
              <ActionError error={publish.error} />
            </div>
          )}
          <div aria-live="polite">
            {published !== null ? (
              <Notice kind="success" live={false}>
                <p>{t('roundPlan.published', { count: published })}</p>
              </Notice>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

/**
 * A planned round's timetable: how many homes have marked their afternoons, the "Planlæg" button
 * that starts the scheduler in the background (its progress polled while it runs), the result's
 * figures and the meetings it could not place with the reason, moving a meeting to another free
 * time, and publishing the times to the homes.
 */
export function RoundPlanSection({ round }: { round: TRound }) {
  const { t } = useTranslation();
  const [polling, setPolling] = useState(false);
  const plan = useApiQuery(
    conferenceContracts.plan,
    { params: { schoolId: round.schoolId, roundId: round.id } },
    { refetchInterval: polling ? 1000 : undefined },
  );
  const running = plan.status === 'ok' && (plan.data.state === 'queued' || plan.data.state === 'running');
  if (running !== polling) setPolling(running);
  return (
    <Section title={t('roundPlan.title')} id="planning">
      {round.status === 'draft' ? (
        <p>{t('roundPlan.draftLead')}</p>
      ) : (
        <LoadedPart result={plan}>{(data) => <PlanView round={round} plan={data} />}</LoadedPart>
      )}
    </Section>
  );
}
