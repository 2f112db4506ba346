import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import type { TRound } from '../../../shared/api/conference.schema.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { useSession } from '../../app/session.js';
import { Loaded } from '../../ui/errors.js';
import { Page } from '../../ui/page.js';
import { useRoundText } from './round-text.js';

function RoundCard({ schoolId, round }: { schoolId: string; round: TRound }) {
  const { t } = useTranslation();
  const text = useRoundText();
  const first = round.days[0];
  const last = round.days[round.days.length - 1];
  return (
    <li className="card">
      <h2 className="card__title">
        <Link to={paths.conferenceRound(schoolId, round.id)}>{round.name}</Link>
      </h2>
      <p className="card__meta">
        <span className={`badge badge--${round.status === 'draft' ? 'draft' : 'open'}`}>
          {t(`conferences.status.${round.status}`)}
        </span>
        {round.kind === 'needs_based' ? ` · ${t('conferences.kind.needs_based')}` : null}
      </p>
      <dl className="facts">
        <dt>{t('conferences.facts.classes')}</dt>
        <dd>{text.classes(round)}</dd>
        <dt>{t('conferences.facts.days')}</dt>
        <dd>
          {first && last && first !== last
            ? t('conferences.dayRange', {
                count: round.days.length,
                first: text.date(first.date),
                last: text.date(last.date),
              })
            : first
              ? text.day(first)
              : null}
        </dd>
        <dt>{t('conferences.facts.warnings')}</dt>
        <dd>
          {round.warnings.length > 0 ? (
            <span className="badge badge--warning">
              {t('conferences.warningCount', { count: round.warnings.length })}
            </span>
          ) : (
            t('conferences.noWarnings')
          )}
        </dd>
      </dl>
    </li>
  );
}

/**
 * The school's conference rounds ("Skole-hjem-samtaler"): all of them for the leadership, their
 * classes' for staff, newest first, each with its classes, days, status and how many of the
 * principle's lead times it breaks. Those who may plan a round find the way to a new one here.
 */
export function RoundsPage() {
  const { t } = useTranslation();
  const { schoolId = '' } = useParams();
  const { me } = useSession();
  const result = useApiQuery(conferenceContracts.rounds, { params: { schoolId } });
  const mayPlan = me?.schools.find((school) => school.id === schoolId)?.abilities.planConferences ?? false;
  const title = t('conferences.title');
  return (
    <Loaded result={result} title={title}>
      {({ rounds }) => (
        <Page title={title} lead={t('conferences.lead')} wide>
          {mayPlan ? (
            <p>
              <Link className="button" to={paths.newConferenceRound(schoolId)}>
                {t('conferences.newRound')}
              </Link>
            </p>
          ) : null}
          {rounds.length === 0 ? (
            <p>{t('conferences.none')}</p>
          ) : (
            <ul className="card-list card-list--grid" aria-label={t('conferences.listLabel')}>
              {rounds.map((round) => (
                <RoundCard key={round.id} schoolId={schoolId} round={round} />
              ))}
            </ul>
          )}
        </Page>
      )}
    </Loaded>
  );
}
