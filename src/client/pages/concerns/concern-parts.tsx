import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { concernContracts } from '../../../shared/api/concern.contract.js';
import type { TConcern } from '../../../shared/api/concern.schema.js';
import type { TConcernKind, TPersonalChannel } from '../../../shared/principle/principle.schema.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';

/** The words for a concern's kind, a contact's channel, a list of channels and a day, in the reader's language. */
export function useConcernWords() {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', { type: 'disjunction' });
  return {
    kind: (kind: TConcernKind) => t(`concerns.kinds.${kind}`),
    channel: (channel: TPersonalChannel) => t(`concerns.channels.${channel}`),
    channels: (channels: readonly TPersonalChannel[]) => list.format(channels.map((c) => t(`concerns.channels.${c}`))),
    /** "mandag 7. december" / "Monday 7 December". */
    day: (date: string) =>
      new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      }).format(new Date(`${date}T12:00:00Z`)),
  };
}

/** Where a concern stands, in words: contact the home by a day, overdue since, contacted, or closed. */
export function ConcernDue({ concern }: { concern: TConcern }) {
  const { t } = useTranslation();
  const words = useConcernWords();
  const day = concern.contactDueOn ? words.day(concern.contactDueOn) : null;
  if (concern.state === 'contacted') return <span className="badge">{t('concerns.state.contacted')}</span>;
  if (concern.state === 'closed') return <span className="badge">{t('concerns.state.closed')}</span>;
  if (concern.state === 'overdue')
    return <span className="badge badge--warning">{t('concerns.state.overdue', { day: day ?? '' })}</span>;
  return <span>{day ? t('concerns.state.dueBy', { day }) : t('concerns.state.noDeadline')}</span>;
}

/**
 * Concerns whose home has not been contacted yet, as links to the student's concerns. `overdueOnly`
 * for the leader's home ("Bekymringer uden kontakt til hjemmet"); otherwise a member of staff's work
 * list, overdue first and then by deadline, so they call before the deadline passes.
 */
export function AwaitingConcerns({
  schoolId,
  overdueOnly = false,
  headingLevel,
}: {
  schoolId: string;
  overdueOnly?: boolean;
  headingLevel?: 'h3';
}) {
  const { t } = useTranslation();
  const words = useConcernWords();
  const concerns = useApiQuery(concernContracts.list, { params: { schoolId }, query: { show: 'awaiting-contact' } });
  return (
    <LoadedPart result={concerns}>
      {(data) => {
        const shown = data.concerns.filter((c) => !overdueOnly || c.state === 'overdue');
        if (shown.length === 0 && headingLevel) return null;
        return (
          <div className="stack">
            {headingLevel ? <h3>{t('concerns.work.title')}</h3> : null}
            {shown.length === 0 ? (
              <p>{overdueOnly ? t('concerns.overdue.none') : t('concerns.work.none')}</p>
            ) : (
              <ul className="card-list">
                {shown.map((concern) => (
                  <li key={concern.id} className="card">
                    <p className="card__title">
                      <Link to={paths.studentConcerns(schoolId, concern.student.id)}>
                        {t('concerns.work.item', {
                          name: concern.student.name,
                          className: concern.student.class.name,
                          kind: words.kind(concern.kind),
                        })}
                      </Link>
                    </p>
                    <p className="card__meta">
                      <ConcernDue concern={concern} />
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      }}
    </LoadedPart>
  );
}
