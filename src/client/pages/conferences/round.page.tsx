import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import type { TRound } from '../../../shared/api/conference.schema.js';
import { paths } from '../../app/paths.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { api } from '../../api/http.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { useToday } from './agreement-list.js';
import { formatDateTime } from '../../ui/format.js';
import { Notice } from '../../ui/notice.js';
import { Page, Section } from '../../ui/page.js';
import { useRoundText } from './round-text.js';
import { RoundInvitationsSection } from './round-invitations-section.js';
import { RoundPlanSection } from './round-plan-section.js';
import { RoundInterpretersSection } from './round-interpreters-section.js';
import './conferences.css';

/** The principle's lead times the round breaks, as the server words them in the reader's language. */
export function RoundWarnings({ round }: { round: TRound }) {
  const { t } = useTranslation();
  if (round.warnings.length === 0)
    return (
      <Notice kind="success" live={false}>
        <p>{t('conferences.round.keepsLeadTimes')}</p>
      </Notice>
    );
  return (
    <Notice kind="warning" title={t('conferences.round.warningsTitle')}>
      {round.warnings.map((warning) => (
        <p key={warning.code}>{warning.text}</p>
      ))}
      <p>{t('conferences.round.warningsHint')}</p>
    </Notice>
  );
}

function RoundFacts({ round }: { round: TRound }) {
  const { t, i18n } = useTranslation();
  const text = useRoundText();
  const grades = Object.entries(round.minutesByGrade).sort(([a], [b]) => Number(a) - Number(b));
  const rooms = round.classes.filter((klass) => klass.room);
  return (
    <dl className="facts round-facts">
      <dt>{t('conferences.facts.kind')}</dt>
      <dd>{t(`conferences.kind.${round.kind}`)}</dd>
      <dt>{t('conferences.facts.filling')}</dt>
      <dd>{t(`conferences.filling.${round.filling}`)}</dd>
      <dt>{t('conferences.facts.status')}</dt>
      <dd>{t(`conferences.status.${round.status}`)}</dd>
      <dt>{t('conferences.facts.classes')}</dt>
      <dd>{text.classes(round)}</dd>
      <dt>{t('conferences.facts.minutes')}</dt>
      <dd>
        <ul className="plain-list">
          {grades.map(([grade, minutes]) => (
            <li key={grade}>{t('conferences.minutesOfGrade', { grade: text.grade(Number(grade)), minutes })}</li>
          ))}
        </ul>
      </dd>
      <dt>{t('conferences.facts.takingPart')}</dt>
      <dd>
        <ul className="plain-list">
          {[
            t('conferences.contactTeacher'),
            ...round.alsoTakingPart.map((role) =>
              role === 'counsellor' && round.counsellor
                ? t('conferences.counsellorNamed', { name: round.counsellor.name })
                : t(`conferences.staffRole.${role}`),
            ),
          ].map((who) => (
            <li key={who}>{who}</li>
          ))}
        </ul>
      </dd>
      <dt>{t('conferences.facts.formats')}</dt>
      <dd>
        <ul className="plain-list">
          {round.formats.map((format) => (
            <li key={format}>{t(`conferences.format.${format}`)}</li>
          ))}
        </ul>
      </dd>
      {round.videoLink ? (
        <>
          <dt>{t('conferences.facts.videoLink')}</dt>
          <dd>
            <a href={round.videoLink} rel="noopener noreferrer">
              {round.videoLink}
            </a>
          </dd>
        </>
      ) : null}
      <dt>{t('conferences.facts.rooms')}</dt>
      <dd>
        {rooms.length === 0 ? (
          t('conferences.noRooms')
        ) : (
          <ul className="plain-list">
            {rooms.map((klass) => (
              <li key={klass.id}>{t('conferences.roomOfClass', { className: klass.name, room: klass.room })}</li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('conferences.facts.inviteOn')}</dt>
      <dd>{text.date(round.inviteOn)}</dd>
      <dt>{t('conferences.facts.plansBy')}</dt>
      <dd>{round.plansBy ? text.date(round.plansBy) : t('conferences.noPlansBy')}</dd>
      <dt>{t('conferences.facts.createdBy')}</dt>
      <dd>
        {t('conferences.createdBy', { name: round.createdBy.name, at: formatDateTime(round.createdAt, i18n.language) })}
      </dd>
    </dl>
  );
}

/** After the round's last day: finish it, so it counts as done in the school's figures. */
function FinishRound({ round }: { round: TRound }) {
  const { t } = useTranslation();
  const finish = useAction(() =>
    api(conferenceContracts.finishRound, { params: { schoolId: round.schoolId, roundId: round.id } }),
  );
  const today = useToday();
  const last =
    round.days
      .map((day) => day.date)
      .sort()
      .at(-1) ?? '';
  if (round.status === 'finished')
    return (
      <Notice kind="success" live={false}>
        <p>{t('conferences.round.finished')}</p>
      </Notice>
    );
  if (round.status === 'draft' || last >= today) return null;
  return (
    <Notice kind="info" live={false}>
      <p>{t('conferences.round.finishLead')}</p>
      <ActionError error={finish.error} />
      <p>
        <button type="button" className="button" disabled={finish.busy} onClick={() => void finish.run()}>
          {t('conferences.round.finish')}
        </button>
      </p>
    </Notice>
  );
}

/**
 * One conference round: its warnings first (the principle's lead times it breaks, in the reader's
 * language), then its afternoons, the students a needs-based round is for, its invitations (sent from here while a draft, then each home
 * and its time) and everything else it holds.
 */
export function RoundPage() {
  const { t } = useTranslation();
  const { schoolId = '', roundId = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const result = useApiQuery(conferenceContracts.round, { params: { schoolId, roundId } });
  const text = useRoundText();
  return (
    <Loaded result={result} title={t('conferences.round.loadingTitle')}>
      {(round) => (
        <Page title={round.name} lead={t(`conferences.kind.${round.kind}`)} wide>
          <p>
            <Link to={paths.conferenceRounds(schoolId)}>{t('conferences.backToList')}</Link>
          </p>
          {created ? (
            <Notice kind="success">
              <p>{t('conferences.round.created')}</p>
            </Notice>
          ) : null}
          <FinishRound round={round} />
          <RoundWarnings round={round} />
          <Section title={t('conferences.round.daysTitle')} id="round-days">
            <ul className="link-list">
              {round.days.map((day) => (
                <li key={day.date}>{text.day(day)}</li>
              ))}
            </ul>
          </Section>
          {round.kind === 'needs_based' ? (
            <Section title={t('conferences.round.studentsTitle')} id="round-students">
              <p>{t('conferences.round.studentsLead')}</p>
              <ul className="link-list">
                {round.students.map((student) => (
                  <li key={student.id}>
                    {t('conferences.round.studentOfClass', { name: student.name, className: student.className })}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          <RoundInvitationsSection round={round} />
          {round.filling === 'planned' ? <RoundPlanSection round={round} /> : null}
          {round.filling === 'planned' && round.status !== 'published' ? (
            <RoundInterpretersSection round={round} />
          ) : null}
          <Section title={t('conferences.round.factsTitle')} id="round-facts">
            <RoundFacts round={round} />
          </Section>
        </Page>
      )}
    </Loaded>
  );
}
