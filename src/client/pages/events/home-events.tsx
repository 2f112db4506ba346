import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { eventContracts } from '../../../shared/api/event.contract.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { Section } from '../../ui/page.js';
import { EventCard } from './event-parts.js';

/** How many events the home page shows before "all events". */
const SHOWN = 3;

/**
 * The home page's events: a home sees the coming events it can sign up for; an organiser the
 * events whose volunteer slots still need people. Nothing to show: a link to all events only.
 */
export function HomeEvents({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const list = useApiQuery(eventContracts.list, { params: { schoolId } });
  return (
    <LoadedPart result={list}>
      {(data) => {
        const toAnswer = data.events.filter((e) => e.mayAnswer && (e.signUpOpen || e.myAnswer?.attending));
        const needsAction = data.events.filter((e) => e.mayOrganise && e.openSlotPlaces > 0);
        const mayCreate = data.mayCreateSchoolEvent || data.classesToOrganise.length > 0;
        if (toAnswer.length === 0 && needsAction.length === 0 && !mayCreate && data.events.length === 0) return null;
        return (
          <>
            {toAnswer.length > 0 ? (
              <Section title={t('events.home.toAnswer')} id={`events-${schoolId}`}>
                <ul className="card-list">
                  {toAnswer.slice(0, SHOWN).map((event) => (
                    <EventCard key={event.id} schoolId={schoolId} event={event} />
                  ))}
                </ul>
              </Section>
            ) : null}
            {needsAction.length > 0 ? (
              <Section title={t('events.home.needsAction')} id={`events-action-${schoolId}`}>
                <ul className="card-list">
                  {needsAction.slice(0, SHOWN).map((event) => (
                    <EventCard key={event.id} schoolId={schoolId} event={event} />
                  ))}
                </ul>
              </Section>
            ) : null}
            <p>
              <Link to={paths.events(schoolId)}>{mayCreate ? t('events.home.allAndNew') : t('events.home.all')}</Link>
            </p>
          </>
        );
      }}
    </LoadedPart>
  );
}
