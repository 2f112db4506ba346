import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { eventContracts } from '../../../shared/api/event.contract.js';
import {
  EVENT_CANCEL_REASON_MAX,
  EVENT_PARTY_MAX,
  ZCancelEvent,
  ZEventAnswer,
  type TEvent,
} from '../../../shared/api/event.schema.js';
import { api, contractUrl } from '../../api/http.js';
import { paths } from '../../app/paths.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { TextAreaField, TextField } from '../../ui/field.js';
import { problemText, useSchemaForm } from '../../ui/form.js';
import { describeDate } from '../../ui/date-text.js';
import { Page, Section } from '../../ui/page.js';
import { Notice } from '../../ui/notice.js';
import { TableWrap } from '../../ui/table-wrap.js';
import { AnswerState, CancelledState, useWhen } from './event-parts.js';
import { EventForm } from './event-form.js';

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
            {event.cancelled ? null : event.mayAnswer && slot.mine ? (
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
 * Cancelling, asked again before it is done: an optional reason the homes are told, then "Ja,
 * aflys" or "Nej, behold det". The reason field has the focus when it opens; keeping the event
 * closes it and gives the focus back to the button that opened it.
 */
function CancelForm({
  event,
  schoolId,
  onClose,
  onCancelled,
}: {
  event: TEvent;
  schoolId: string;
  onClose: () => void;
  onCancelled: () => void;
}) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZCancelEvent, { reason: '' });
  const cancel = useAction((body: { reason: string }) =>
    api(eventContracts.cancel, { params: { schoolId, eventId: event.id }, body }),
  );
  const { setFocus } = form;
  useEffect(() => setFocus('reason'), [setFocus]);
  return (
    <form
      id="event-cancel"
      className="stack-sm form-part"
      aria-labelledby="event-cancel-question"
      noValidate
      onSubmit={(e) =>
        void form.handleSubmit(async (input) => {
          if (await cancel.run(input)) onCancelled();
        })(e)
      }
    >
      <p id="event-cancel-question">
        <strong>{t('events.cancel.question')}</strong>
      </p>
      <p>{t('events.cancel.explain')}</p>
      <TextAreaField
        label={t('events.cancel.reason')}
        hint={t('events.cancel.reasonHint')}
        rows={3}
        maxLength={EVENT_CANCEL_REASON_MAX}
        error={problemText(form.formState.errors.reason, t('events.cancel.reasonError'))}
        {...form.register('reason')}
      />
      <ActionError error={cancel.error} />
      <div className="actions">
        <button type="submit" className="button button--danger" disabled={cancel.busy}>
          {t('events.cancel.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('events.cancel.keep')}
        </button>
      </div>
    </form>
  );
}

/**
 * The organiser's "Ret arrangementet" and "Aflys arrangementet": each opens its part under the
 * buttons (a disclosure, so a keyboard or screen reader user hears it open); a saved change closes
 * the form, says so and gives the focus back to "Ret arrangementet".
 */
function OrganiserActions({
  event,
  schoolId,
  onCancelled,
}: {
  event: TEvent;
  schoolId: string;
  onCancelled: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'edit' | 'cancel' | null>(null);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const toggle = (part: 'edit' | 'cancel') => {
    setSaved(false);
    setOpen(open === part ? null : part);
  };
  return (
    <Section title={t('events.organise.title')} id="organise">
      <div className="stack-sm">
        <div className="actions">
          <button
            ref={editButton}
            type="button"
            className="button button--secondary"
            aria-expanded={open === 'edit'}
            aria-controls={open === 'edit' ? 'event-edit' : undefined}
            onClick={() => toggle('edit')}
          >
            {t('events.organise.edit')}
          </button>
          <button
            ref={cancelButton}
            type="button"
            className="button button--secondary"
            aria-expanded={open === 'cancel'}
            aria-controls={open === 'cancel' ? 'event-cancel' : undefined}
            onClick={() => toggle('cancel')}
          >
            {t('events.organise.cancel')}
          </button>
        </div>
        {saved ? (
          <Notice kind="success">
            <p>{t('events.organise.saved')}</p>
          </Notice>
        ) : null}
        {open === 'edit' ? (
          <div id="event-edit" className="form-part">
            <EventForm
              schoolId={schoolId}
              event={event}
              onChanged={() => {
                setOpen(null);
                setSaved(true);
                editButton.current?.focus();
              }}
            />
          </div>
        ) : null}
        {open === 'cancel' ? (
          <CancelForm
            event={event}
            schoolId={schoolId}
            onClose={() => {
              setOpen(null);
              cancelButton.current?.focus();
            }}
            onCancelled={onCancelled}
          />
        ) : null}
      </div>
    </Section>
  );
}

/**
 * A cancelled event's notice: the "Aflyst" badge and the reason, for everyone who sees the event.
 * Right after the organiser's cancel (`focus`), whose form has gone, it takes the focus.
 */
function CancelledNotice({ event, focus }: { event: TEvent; focus: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div ref={ref} tabIndex={-1} id="cancelled">
      <Notice kind="warning" live={false}>
        <CancelledState cancelled={event.cancelled} />
      </Notice>
    </div>
  );
}

/**
 * One event (issue 12): when, where, for whom; the home's sign-up and volunteer slots; the
 * organisers' head-count, and their change and cancel; a cancelled event marked so; the event for
 * the reader's calendar.
 */
export function EventPage() {
  const { t, i18n } = useTranslation();
  const { schoolId = '', eventId = '' } = useParams();
  const params = { schoolId, eventId };
  const result = useApiQuery(eventContracts.read, { params });
  const when = useWhen();
  const [justCancelled, setJustCancelled] = useState(false);
  return (
    <Loaded result={result} title={t('events.title')}>
      {(event) => (
        <Page title={event.title} lead={`${when(event)} · ${event.place}`}>
          <p>
            <Link to={paths.events(schoolId)}>{t('events.back')}</Link>
          </p>
          {event.cancelled ? <CancelledNotice event={event} focus={justCancelled} /> : null}
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
                {event.cancelled ? (
                  <p>{t('events.answer.cancelled')}</p>
                ) : !event.signUpOpen ? (
                  <p>{t('events.answer.closed')}</p>
                ) : null}
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
          {event.mayChange ? (
            <OrganiserActions event={event} schoolId={schoolId} onCancelled={() => setJustCancelled(true)} />
          ) : null}
        </Page>
      )}
    </Loaded>
  );
}
