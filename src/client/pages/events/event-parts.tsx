import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TEventSummary } from '../../../shared/api/event.schema.js';
import { paths } from '../../app/paths.js';
import { describeDate } from '../../ui/date-text.js';

/** "torsdag 10. december 2026, 16.00–18.00": an event's day and times in the reader's language. */
export function useWhen() {
  const { i18n } = useTranslation();
  return (e: { date: string; startsAt: string; endsAt: string }) => {
    const time = (hhmm: string) => (i18n.language === 'en' ? hhmm : hhmm.replace(':', '.'));
    return `${describeDate(e.date, i18n.language)}, ${time(e.startsAt)}–${time(e.endsAt)}`;
  };
}

/** What the home has answered, or that it has not, in a few words. */
export function AnswerState({ event }: { event: Pick<TEventSummary, 'myAnswer' | 'signUpOpen' | 'signUp'> }) {
  const { t } = useTranslation();
  if (!event.signUp) return null;
  if (event.myAnswer?.attending)
    return (
      <p>
        <span className="badge badge--answered">
          {t('events.answer.coming', { adults: event.myAnswer.adults, children: event.myAnswer.children })}
        </span>
      </p>
    );
  if (event.myAnswer)
    return (
      <p>
        <span className="badge badge--declined">{t('events.answer.notComing')}</span>
      </p>
    );
  return event.signUpOpen ? (
    <p>
      <span className="badge badge--warning">{t('events.answer.notAnswered')}</span>
    </p>
  ) : null;
}

/** One event in a list: what, when, where, for whom, and the state of the home's answer or the organiser's slots. */
export function EventCard({ schoolId, event }: { schoolId: string; event: TEventSummary }) {
  const { t } = useTranslation();
  const when = useWhen();
  return (
    <li className="card stack-sm">
      <h3>
        <Link to={paths.event(schoolId, event.id)}>{event.title}</Link>
      </h3>
      <p>
        {when(event)} · {event.place}
      </p>
      <p className="field__hint">
        {event.class ? t('events.forClass', { name: event.class.name }) : t('events.forSchool')}
        {event.wellBeing ? ` · ${t('events.wellBeing')}` : ''}
      </p>
      {event.mayAnswer ? <AnswerState event={event} /> : null}
      {event.mayOrganise ? (
        <p>
          {t('events.headCount.short', {
            households: event.headCount.households,
            adults: event.headCount.adults,
            children: event.headCount.children,
          })}
          {event.openSlotPlaces > 0 ? ` · ${t('events.slots.open', { count: event.openSlotPlaces })}` : ''}
        </p>
      ) : null}
    </li>
  );
}
