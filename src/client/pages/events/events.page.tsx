import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { eventContracts } from '../../../shared/api/event.contract.js';
import { useApiQuery } from '../../app/query.js';
import { Loaded } from '../../ui/errors.js';
import { Page, Section } from '../../ui/page.js';
import { EventCard } from './event-parts.js';
import { EventForm } from './event-form.js';

/**
 * The events of the school and of the reader's classes from today on (issue 12): homes see their
 * own answers, organisers the head-count and open volunteer places; those who may, create one.
 */
export function EventsPage() {
  const { t } = useTranslation();
  const { schoolId = '' } = useParams();
  const list = useApiQuery(eventContracts.list, { params: { schoolId } });
  return (
    <Loaded result={list} title={t('events.title')}>
      {(data) => (
        <Page title={t('events.title')} lead={t('events.lead')}>
          <Section title={t('events.upcoming')} id="events">
            {data.events.length === 0 ? (
              <p>{t('events.none')}</p>
            ) : (
              <ul className="card-list">
                {data.events.map((event) => (
                  <EventCard key={event.id} schoolId={schoolId} event={event} />
                ))}
              </ul>
            )}
          </Section>
          {data.mayCreateSchoolEvent || data.classesToOrganise.length > 0 ? (
            <Section title={t('events.form.heading')} id="new-event">
              <EventForm schoolId={schoolId} list={data} />
            </Section>
          ) : null}
        </Page>
      )}
    </Loaded>
  );
}
