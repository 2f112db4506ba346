import { useTranslation } from 'react-i18next';
import { playGroupContracts } from '../../../shared/api/play-group.contract.js';
import type { TStudentPlayGroups } from '../../../shared/api/play-group.schema.js';
import { api } from '../../api/http.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, Loading } from '../../ui/errors.js';
import { formatDate } from '../../ui/format.js';

function HostText({ host }: { host: TStudentPlayGroups['rounds'][number]['host'] }) {
  const { t } = useTranslation();
  if (!host) return <>{t('playGroups.noHost')}</>;
  return (
    <>
      {host.ownHome ? t('playGroups.child.atYours') : t('playGroups.host', { child: host.child, family: host.family })}
    </>
  );
}

/**
 * "Legegruppe" on a custody holder's child card: the next round's day, the other children and
 * whose home hosts, the later rounds folded away, and the home's own choice to host or not.
 */
export function ChildPlayGroup({
  schoolId,
  studentId,
  givenName,
}: {
  schoolId: string;
  studentId: string;
  givenName: string;
}) {
  const { t, i18n } = useTranslation();
  const params = { schoolId, studentId };
  const groups = useApiQuery(playGroupContracts.ofStudent, { params });
  const hosting = useAction((declined: boolean) => api(playGroupContracts.hosting, { params, body: { declined } }), {
    invalidates: [playGroupContracts.ofStudent],
  });
  // A placeholder while loading, so the card's links below do not move once the group arrives.
  if (groups.status === 'loading') return <Loading />;
  if (groups.status !== 'ok') return null;
  const data = groups.data;
  const coming = data.rounds.filter((r) => !r.past);
  if (data.rounds.length === 0) return null;
  const [next, ...later] = coming;
  const headingId = `play-group-${studentId}`;
  return (
    <section className="stack-sm" aria-labelledby={headingId} data-testid="child-play-group">
      <h4 id={headingId}>{t('playGroups.child.title')}</h4>
      {next ? (
        <div>
          <p>
            <strong>{formatDate(next.meetsOn, i18n.language)}</strong>
          </p>
          <p>{t('playGroups.child.with', { name: givenName, others: next.with.join(', ') })}</p>
          <p>
            <HostText host={next.host} />
          </p>
        </div>
      ) : (
        <p>{t('playGroups.child.noneComing')}</p>
      )}
      {later.length > 0 ? (
        <details>
          <summary>{t('playGroups.child.later', { count: later.length })}</summary>
          <ul className="plain-list">
            {later.map((round) => (
              <li key={round.meetsOn}>
                <strong>{formatDate(round.meetsOn, i18n.language)}</strong>: {round.with.join(', ')} ·{' '}
                <HostText host={round.host} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {data.mayChangeHosting ? (
        <div className="stack-sm">
          <p className="field__hint">
            {data.hostingDeclined ? t('playGroups.child.declined') : t('playGroups.child.hostingHint')}
          </p>
          <p>
            <button
              type="button"
              className="button button--secondary"
              disabled={hosting.busy}
              onClick={() => void hosting.run(!data.hostingDeclined)}
            >
              {data.hostingDeclined ? t('playGroups.child.offer') : t('playGroups.child.decline')}
            </button>
          </p>
          <ActionError error={hosting.error} />
        </div>
      ) : null}
    </section>
  );
}
