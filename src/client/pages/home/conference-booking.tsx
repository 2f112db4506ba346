import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import type { TMyInvitations, TOfferedTime, TRoundFormat, TRoundTime } from '../../../shared/api/conference.schema.js';
import { api, contractUrl } from '../../api/http.js';
import { paths } from '../../app/paths.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, LoadedPart } from '../../ui/errors.js';
import { Notice } from '../../ui/notice.js';
import { ConferenceAvailability } from './conference-availability.js';
import { BookedFormat, FormatChoice } from './conference-format.js';

type Invitation = TMyInvitations['invitations'][number];

/** "tirsdag 12. januar" / "Tuesday 12 January": the day as people say it when they book. */
function dayName(date: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** "tirsdag 15. december kl. 14.00–14.15" in the reader's language. */
function useTimeText() {
  const { t, i18n } = useTranslation();
  return (time: TRoundTime) =>
    t('conferenceBooking.time', {
      day: dayName(time.date, i18n.language),
      from: time.from.replace(':', i18n.language === 'da' ? '.' : ':'),
      to: time.to.replace(':', i18n.language === 'da' ? '.' : ':'),
    });
}

/** "14.20" / "14:20". */
const clock = (time: string, language: string) => time.replace(':', language === 'da' ? '.' : ':');

/**
 * The free times of one invitation, each a button that books it (or moves the booking there):
 * first the suggestions (the other home's time for a joint meeting, the times right before or
 * after a sibling's meeting), then the other times by day.
 */
function FreeTimes({
  schoolId,
  invitation,
  format,
  onBooked,
}: {
  schoolId: string;
  invitation: Invitation;
  /** How the home will hold the meeting, booked with the time. */
  format: TRoundFormat;
  onBooked(): void;
}) {
  const { t, i18n } = useTranslation();
  const timeText = useTimeText();
  const times = useApiQuery(conferenceContracts.freeTimes, {
    params: { schoolId, invitationId: invitation.id },
  });
  const book = useAction(
    (time: TRoundTime) =>
      api(conferenceContracts.book, {
        params: { schoolId: schoolId, invitationId: invitation.id },
        body: { date: time.date, from: time.from, format },
      }),
    { invalidates: [conferenceContracts.myInvitations, conferenceContracts.freeTimes] },
  );
  const choose = (time: TRoundTime) =>
    // A time taken meanwhile is refused with its reason; the list then shows the times still free.
    void book.run(time).then((done) => (done ? onBooked() : times.reload()));
  const suggestionText = (time: TOfferedTime) => {
    const text = timeText(time);
    if (time.joint) return t('conferenceBooking.joinOther', { time: text });
    const child = time.nextTo?.child ?? '';
    return time.nextTo?.side === 'before'
      ? t('conferenceBooking.nextToBefore', { time: text, child })
      : t('conferenceBooking.nextToAfter', { time: text, child });
  };
  return (
    <LoadedPart result={times}>
      {(data) => {
        if (data.times.length === 0) return <p>{t('conferenceBooking.noTimes')}</p>;
        const suggested = data.times.filter((time) => time.joint || time.nextTo !== null);
        const others = data.times.filter((time) => !time.joint && time.nextTo === null);
        const days = [...new Set(others.map((time) => time.date))];
        return (
          <div className="stack-sm">
            <ActionError error={book.error} />
            {suggested.length > 0 ? (
              <fieldset className="choice-group">
                <legend>{t('conferenceBooking.suggested')}</legend>
                <div className="stack-sm">
                  {suggested.map((time) => (
                    <button
                      key={`${time.date} ${time.from} ${String(time.joint)}`}
                      type="button"
                      className="button button--primary"
                      disabled={book.busy}
                      onClick={() => choose(time)}
                    >
                      {suggestionText(time)}
                    </button>
                  ))}
                </div>
              </fieldset>
            ) : null}
            {suggested.length > 0 && others.length > 0 ? <p>{t('conferenceBooking.otherTimes')}</p> : null}
            {days.map((day) => (
              <fieldset key={day} className="choice-group">
                <legend>{dayName(day, i18n.language)}</legend>
                <div className="time-buttons">
                  {others
                    .filter((time) => time.date === day)
                    .map((time) => (
                      <button
                        key={time.from}
                        type="button"
                        className="button button--secondary button--small"
                        disabled={book.busy}
                        onClick={() => choose(time)}
                      >
                        {clock(time.from, i18n.language)}
                      </button>
                    ))}
                </div>
              </fieldset>
            ))}
          </div>
        );
      }}
    </LoadedPart>
  );
}

/** For a child with two homes: this home's wish for one joint meeting, and whether the other home wishes it too. */
export function JointMeeting({ schoolId, invitation }: { schoolId: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const joint = invitation.jointMeeting;
  const save = useAction(
    (wanted: boolean) =>
      api(conferenceContracts.jointMeeting, {
        params: { schoolId, invitationId: invitation.id },
        body: { wanted },
      }),
    { invalidates: [conferenceContracts.myInvitations, conferenceContracts.freeTimes] },
  );
  if (!joint) return null;
  const id = `joint-${invitation.id}`;
  return (
    <div className="stack-sm">
      <div className="field field--check">
        <input
          id={id}
          type="checkbox"
          checked={joint.wanted}
          disabled={save.busy}
          onChange={(event) => void save.run(event.target.checked)}
        />
        <label htmlFor={id}>{t('conferenceBooking.jointWanted')}</label>
      </div>
      {joint.wanted ? (
        <p className="field__hint">
          {joint.otherHomeWants ? t('conferenceBooking.jointBoth') : t('conferenceBooking.jointWaiting')}
        </p>
      ) : null}
      <ActionError error={save.error} />
    </div>
  );
}

/** One invitation: the booked time with change and cancel, or the free times to choose from. */
function InvitationCard({ schoolId, invitation }: { schoolId: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const timeText = useTimeText();
  const [choosing, setChoosing] = useState(invitation.booking === null);
  const [format, setFormat] = useState<TRoundFormat>(invitation.format);
  const [said, setSaid] = useState<string | null>(null);
  const cancel = useAction(
    () => api(conferenceContracts.cancelBooking, { params: { schoolId: schoolId, invitationId: invitation.id } }),
    { invalidates: [conferenceContracts.myInvitations, conferenceContracts.freeTimes] },
  );
  return (
    <div className="panel panel--quiet stack-sm">
      <p className="card__title">{invitation.round.name}</p>
      {invitation.booking ? (
        <p>
          <strong>{t('conferenceBooking.yourTime')}</strong> {timeText(invitation.booking)}
          {invitation.room && invitation.format === 'in_person' ? `, ${invitation.room}` : ''}
          {invitation.bookedJointly ? ` ${t('conferenceBooking.jointBooked')}` : ''}
        </p>
      ) : (
        <p>{t('conferenceBooking.invited', { name: invitation.student.name.split(' ')[0] })}</p>
      )}
      <div aria-live="polite">
        {said ? (
          <Notice kind="success" live={false}>
            <p>{said}</p>
          </Notice>
        ) : null}
      </div>
      {invitation.booking ? <BookedFormat invitation={invitation} /> : null}
      {invitation.booking ? null : <JointMeeting schoolId={schoolId} invitation={invitation} />}
      {invitation.booking && !choosing ? (
        <div className="actions">
          <a
            className="button button--secondary"
            href={contractUrl(conferenceContracts.bookingCalendar, {
              params: { schoolId, invitationId: invitation.id },
            })}
            download
          >
            {t('conferenceBooking.addToCalendar')}
          </a>
          <button type="button" className="button button--secondary" onClick={() => setChoosing(true)}>
            {t('conferenceBooking.change')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={cancel.busy}
            onClick={() =>
              void cancel.run().then((done) => {
                if (!done) return;
                setSaid(t('conferenceBooking.cancelled'));
                setChoosing(true);
              })
            }
          >
            {t('conferenceBooking.cancel')}
          </button>
        </div>
      ) : null}
      <ActionError error={cancel.error} />
      <p>
        <Link to={paths.conference(schoolId, invitation.id)}>
          {t('conferenceBooking.prepare', { name: invitation.student.name.split(' ')[0] })}
        </Link>
      </p>
      {choosing ? <FormatChoice invitation={invitation} value={format} onChange={setFormat} /> : null}
      {choosing ? (
        <FreeTimes
          schoolId={schoolId}
          invitation={invitation}
          format={format}
          onBooked={() => {
            setSaid(t('conferenceBooking.booked'));
            setChoosing(false);
          }}
        />
      ) : null}
    </div>
  );
}

/**
 * A custody holder's invitations to school-home conferences about one child: book a time among
 * the free ones, or see, change and cancel the one booked. Only the household's own times are
 * shown, never another family's.
 */
export function ConferenceBooking({ schoolId, studentId }: { schoolId: string; studentId: string }) {
  const { t } = useTranslation();
  const invitations = useApiQuery(conferenceContracts.myInvitations, { params: { schoolId } });
  if (invitations.status !== 'ok') return null;
  const own = invitations.data.invitations.filter((invitation) => invitation.student.id === studentId);
  if (own.length === 0) return null;
  return (
    <section className="stack-sm" aria-labelledby={`conference-${studentId}`}>
      <h4 id={`conference-${studentId}`}>{t('conferenceBooking.title')}</h4>
      {own.map((invitation) =>
        invitation.filling === 'planned' ? (
          <ConferenceAvailability key={invitation.id} schoolId={schoolId} invitation={invitation} />
        ) : (
          <InvitationCard key={invitation.id} schoolId={schoolId} invitation={invitation} />
        ),
      )}
    </section>
  );
}
