import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { eventContracts } from '../../../shared/api/event.contract.js';
import { EVENT_PARTY_MAX, ZEventAnswer, type TEvent } from '../../../shared/api/event.schema.js';
import { api, contractUrl } from '../../api/http.js';
import { paths } from '../../app/paths.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { TextField } from '../../ui/field.js';
import { problemText, useSchemaForm } from '../../ui/form.js';
import { describeDate } from '../../ui/date-text.js';
import { Page, Section } from '../../ui/page.js';
import { TableWrap } from '../../ui/table-wrap.js';
import { AnswerState, useWhen } from './event-parts.js';

const ZPeople = z
  .string()
  .trim()
  .regex(/^\d{1,2}$/)
  .transform(Number)
  .pipe(z.number().int().min(0).max(EVENT_PARTY_MAX));
/** The answer form: the shared answer with its numbers typed as text. */
const ZAnswerForm = ZEventAnswer.pick({}).extend({ adults: ZPeople, children: ZPeople });

/** The home says how many adults and children come, or that it does not come. */
function AnswerForm({ event, schoolId }: { event: TEvent; schoolId: string }) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZAnswerForm, {
    adults: String(event.myAnswer?.attending ? event.myAnswer.adults : 1),
    children: String(event.myAnswer?.attending ? event.myAnswer.children : 1),
  });
  const answer = useAction((body: { attending: boolean; adults: number; children: number }) =>
    api(eventContracts.answer, { params: { schoolId, eventId: event.id }, body }),
  );
  const errors = form.formState.errors;
  return (
    <form
      className="stack-sm"
      noValidate
      onSubmit={(e) => void form.handleSubmit((input) => answer.run({ attending: true, ...input }))(e)}
    >
      <div className="inline-fields">
        <TextField
          label={t('events.answer.adults')}
          inputMode="numeric"
          error={problemText(errors.adults, t('events.errors.people'))}
          {...form.register('adults')}
        />
        <TextField
          label={t('events.answer.children')}
          inputMode="numeric"
          error={problemText(errors.children, t('events.errors.people'))}
          {...form.register('children')}
        />
      </div>
      <ActionError error={answer.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={answer.busy}>
          {event.myAnswer?.attending ? t('events.answer.change') : t('events.answer.signUp')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={answer.busy}
          onClick={() => void answer.run({ attending: false, adults: 0, children: 0 })}
        >
          {t('events.answer.decline')}
        </button>
      </div>
    </form>
  );
}

/** The volunteer slots: a home takes or gives back a place; organisers see who took each. */
function Slots({ event, schoolId }: { event: TEvent; schoolId: string }) {
  const { t } = useTranslation();
  const take = useAction((slotId: string) => api(eventContracts.takeSlot, { params: { schoolId, slotId } }));
  const release = useAction((slotId: string) => api(eventContracts.releaseSlot, { params: { schoolId, slotId } }));
  return (
    <div className="stack-sm">
      <ul className="card-list">
        {event.slots.map((slot) => (
          <li key={slot.id} className="card stack-sm">
            <h3>{slot.title}</h3>
            <p>{t('events.slots.taken', { taken: slot.taken, needed: slot.needed })}</p>
            {slot.takers && slot.takers.length > 0 ? (
              <p>{t('events.slots.takers', { names: slot.takers.map((p) => p.name).join(', ') })}</p>
            ) : null}
            {event.mayAnswer && slot.mine ? (
              <p>
                <span className="badge badge--answered">{t('events.slots.mine')}</span>{' '}
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={release.busy}
                  onClick={() => void release.run(slot.id)}
                >
                  {t('events.slots.release', { slot: slot.title })}
                </button>
              </p>
            ) : event.mayAnswer && slot.taken < slot.needed ? (
              <p>
                <button type="button" className="button" disabled={take.busy} onClick={() => void take.run(slot.id)}>
                  {t('events.slots.take', { slot: slot.title })}
                </button>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <ActionError error={take.error ?? release.error} />
    </div>
  );
}

/** The organisers' head-count and every home's answer. */
function HeadCount({ event }: { event: TEvent }) {
  const { t } = useTranslation();
  const c = event.headCount;
  return (
    <div className="stack-sm">
      <p className="lead">
        {t('events.headCount.long', { households: c.households, adults: c.adults, children: c.children })}
      </p>
      <p>{t('events.headCount.declined', { count: c.declined })}</p>
      {event.signUps && event.signUps.length > 0 ? (
        <TableWrap label={t('events.headCount.tableLabel')}>
          <table>
            <caption className="visually-hidden">{t('events.headCount.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('events.headCount.who')}</th>
                <th scope="col">{t('events.headCount.answer')}</th>
                <th scope="col">{t('events.answer.adults')}</th>
                <th scope="col">{t('events.answer.children')}</th>
              </tr>
            </thead>
            <tbody>
              {event.signUps.map((s) => (
                <tr key={s.name}>
                  <th scope="row">{s.name}</th>
                  <td>{s.attending ? t('events.headCount.yes') : t('events.headCount.no')}</td>
                  <td>{s.adults}</td>
                  <td>{s.children}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </div>
  );
}

/**
 * One event (issue 12): when, where, for whom; the home's sign-up and volunteer slots; the
 * organisers' head-count; the event for the reader's calendar.
 */
export function EventPage() {
  const { t, i18n } = useTranslation();
  const { schoolId = '', eventId = '' } = useParams();
  const params = { schoolId, eventId };
  const result = useApiQuery(eventContracts.read, { params });
  const when = useWhen();
  return (
    <Loaded result={result} title={t('events.title')}>
      {(event) => (
        <Page title={event.title} lead={`${when(event)} · ${event.place}`}>
          <p>
            <Link to={paths.events(schoolId)}>{t('events.back')}</Link>
          </p>
          <div className="stack-sm">
            <p>
              {event.class ? t('events.forClass', { name: event.class.name }) : t('events.forSchool')}
              {event.wellBeing ? ` · ${t('events.wellBeing')}` : ''} ·{' '}
              {t('events.organiser', { name: event.organiser.name })}
            </p>
            {event.description ? <p className="quote">{event.description}</p> : null}
            <p>
              <a href={contractUrl(eventContracts.calendar, { params })} download>
                {t('events.calendar')}
              </a>
            </p>
          </div>
          {event.signUp ? (
            <Section title={t('events.answer.title')} id="sign-up">
              <div className="stack-sm">
                {event.signUpDeadline ? (
                  <p>{t('events.answer.deadline', { date: describeDate(event.signUpDeadline, i18n.language) })}</p>
                ) : null}
                {event.placesLeft !== null ? <p>{t('events.answer.placesLeft', { count: event.placesLeft })}</p> : null}
                {event.mayAnswer ? <AnswerState event={event} /> : null}
                {event.mayAnswer && event.signUpOpen ? <AnswerForm event={event} schoolId={schoolId} /> : null}
                {!event.signUpOpen ? <p>{t('events.answer.closed')}</p> : null}
              </div>
            </Section>
          ) : null}
          {event.slots.length > 0 ? (
            <Section title={t('events.slots.title')} id="slots">
              <Slots event={event} schoolId={schoolId} />
            </Section>
          ) : null}
          {event.mayOrganise && event.signUp ? (
            <Section title={t('events.headCount.title')} id="head-count">
              <HeadCount event={event} />
            </Section>
          ) : null}
        </Page>
      )}
    </Loaded>
  );
}
