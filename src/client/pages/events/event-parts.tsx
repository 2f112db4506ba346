import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TEventSummary } from '../../../shared/api/event.schema.js';
import { paths } from '../../app/paths.js';
import { describeDate } from '../../ui/date-text.js';

/**
 * "torsdag 10. december 2026, 16.00–18.00": an event's day and times in the reader's language; an
 * event of several days from its first day's start to its last day's end ("mandag 4. januar 2027,
 * 7.30 – onsdag 6. januar 2027, 16.00").
 */
export function useWhen() {
  const { i18n } = useTranslation();
  return (e: { date: string; endDate: string | null; startsAt: string; endsAt: string }) => {
    const time = (hhmm: string) => (i18n.language === 'en' ? hhmm : hhmm.replace(':', '.'));
    const day = (iso: string) => describeDate(iso, i18n.language);
    return e.endDate
      ? `${day(e.date)}, ${time(e.startsAt)} – ${day(e.endDate)}, ${time(e.endsAt)}`
      : `${day(e.date)}, ${time(e.startsAt)}–${time(e.endsAt)}`;
  };
}

/** The "Aflyst" badge of a cancelled event, with the organiser's reason when there is one. */
export function CancelledState({ cancelled }: { cancelled: TEventSummary['cancelled'] }) {
  const { t } = useTranslation();
  if (!cancelled) return null;
  return (
    <p className="event-cancelled">
      <span className="badge badge--cancelled">{t('events.cancelled.badge')}</span>{' '}
      {cancelled.reason ? t('events.cancelled.reason', { reason: cancelled.reason }) : t('events.cancelled.noReason')}
    </p>
  );
}

/** What the home has answered, or that it has not, in a few words. */
export function AnswerState({
  event,
}: {
  event: Pick<TEventSummary, 'myAnswer' | 'signUpOpen' | 'signUp' | 'cancelled'>;
}) {
  const { t } = useTranslation();
  // A cancelled event's badge says all: nobody is coming to it.
  if (!event.signUp || event.cancelled) return null;
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
      <CancelledState cancelled={event.cancelled} />
      {event.mayAnswer ? <AnswerState event={event} /> : null}
      {event.mayOrganise && !event.cancelled ? (
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
