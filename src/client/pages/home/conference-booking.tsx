import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import type { TMyInvitations, TRoundTime } from '../../../shared/api/conference.schema.js';
import { api } from '../../api/http.js';
import { paths } from '../../app/paths.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, LoadedPart } from '../../ui/errors.js';
import { Notice } from '../../ui/notice.js';

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

/** The free times of one invitation, by day, each a button that books it (or moves the booking there). */
function FreeTimes({ schoolId, invitation, onBooked }: { schoolId: string; invitation: Invitation; onBooked(): void }) {
  const { t, i18n } = useTranslation();
  const times = useApiQuery(conferenceContracts.freeTimes, {
    params: { schoolId, invitationId: invitation.id },
  });
  const book = useAction(
    (time: TRoundTime) =>
      api(conferenceContracts.book, {
        params: { schoolId: schoolId, invitationId: invitation.id },
        body: { date: time.date, from: time.from },
      }),
    { invalidates: [conferenceContracts.myInvitations, conferenceContracts.freeTimes] },
  );
  return (
    <LoadedPart result={times}>
      {(data) => {
        if (data.times.length === 0) return <p>{t('conferenceBooking.noTimes')}</p>;
        const days = [...new Set(data.times.map((time) => time.date))];
        return (
          <div className="stack-sm">
            <ActionError error={book.error} />
            {days.map((day) => (
              <fieldset key={day} className="choice-group">
                <legend>{dayName(day, i18n.language)}</legend>
                <div className="time-buttons">
                  {data.times
                    .filter((time) => time.date === day)
                    .map((time) => (
                      <button
                        key={time.from}
                        type="button"
                        className="button button--secondary button--small"
                        disabled={book.busy}
                        onClick={() =>
                          // A time taken meanwhile is refused with its reason; the list then shows the times still free.
                          void book.run(time).then((done) => (done ? onBooked() : times.reload()))
                        }
                      >
                        {time.from.replace(':', i18n.language === 'da' ? '.' : ':')}
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

/** One invitation: the booked time with change and cancel, or the free times to choose from. */
function InvitationCard({ schoolId, invitation }: { schoolId: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const timeText = useTimeText();
  const [choosing, setChoosing] = useState(invitation.booking === null);
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
          {invitation.room ? `, ${invitation.room}` : ''}
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
      {invitation.booking && !choosing ? (
        <div className="actions">
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
      {choosing ? (
        <FreeTimes
          schoolId={schoolId}
          invitation={invitation}
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
      {own.map((invitation) => (
        <InvitationCard key={invitation.id} schoolId={schoolId} invitation={invitation} />
      ))}
    </section>
  );
}
