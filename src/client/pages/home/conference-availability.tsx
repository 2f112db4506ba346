import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import {
  ZAvailability,
  type TMyInvitations,
  type TRoundFormat,
  type TRoundTime,
} from '../../../shared/api/conference.schema.js';
import { api } from '../../api/http.js';
import { useAction } from '../../app/query.js';
import { TimeField } from '../../ui/date-field.js';
import { ActionError } from '../../ui/errors.js';
import { Notice } from '../../ui/notice.js';
import { BookedFormat, FormatChoice } from './conference-format.js';

type Invitation = TMyInvitations['invitations'][number];

/** "tirsdag 12. januar" / "Tuesday 12 January". */
function dayName(date: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

const clock = (time: string, language: string) => time.replace(':', language === 'da' ? '.' : ':');

/**
 * A planned round's invitation on the child's card: the home ticks the afternoons that suit it
 * (the whole afternoon, or from–to within it) and saves; the school plans the times and tells the
 * home its time, shown here once published.
 */
export function ConferenceAvailability({ schoolId, invitation }: { schoolId: string; invitation: Invitation }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [chosen, setChosen] = useState<Record<string, TRoundTime | undefined>>(() =>
    Object.fromEntries(invitation.available.map((time) => [time.date, time])),
  );
  const [format, setFormat] = useState<TRoundFormat>(invitation.format);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useAction(
    (times: TRoundTime[]) =>
      api(conferenceContracts.setAvailability, {
        params: { schoolId, invitationId: invitation.id },
        body: { times, format },
      }),
    { invalidates: [conferenceContracts.myInvitations] },
  );
  const child = invitation.student.name.split(' ')[0] ?? invitation.student.name;

  if (invitation.booking)
    return (
      <div className="panel panel--quiet stack-sm">
        <p className="card__title">{invitation.round.name}</p>
        <p>
          <strong>{t('conferenceBooking.yourTime')}</strong>{' '}
          {t('conferenceBooking.time', {
            day: dayName(invitation.booking.date, lang),
            from: clock(invitation.booking.from, lang),
            to: clock(invitation.booking.to, lang),
          })}
          {invitation.room && invitation.format === 'in_person' ? `, ${invitation.room}` : ''}
        </p>
        <BookedFormat invitation={invitation} />
        <p className="field__hint">{t('conferenceAvailability.plannedBySchool')}</p>
      </div>
    );

  const submit = () => {
    setSaved(false);
    const times = invitation.days.flatMap((day) => (chosen[day.date] ? [chosen[day.date]!] : []));
    const checked = ZAvailability.safeParse({ times });
    if (!checked.success) {
      setProblem(t('conferenceAvailability.badTime'));
      return;
    }
    setProblem(null);
    void save.run(checked.data.times).then((done) => done && setSaved(true));
  };

  return (
    <div className="panel panel--quiet stack-sm">
      <p className="card__title">{invitation.round.name}</p>
      <p>{t('conferenceAvailability.lead', { name: child })}</p>
      <fieldset className="choice-group">
        <legend>{t('conferenceAvailability.legend')}</legend>
        {invitation.days.map((day) => {
          const mark = chosen[day.date];
          const id = `avail-${invitation.id}-${day.date}`;
          return (
            <div key={day.date} className="stack-sm">
              <label className="choice" htmlFor={id}>
                <input
                  id={id}
                  type="checkbox"
                  checked={mark !== undefined}
                  onChange={(event) =>
                    setChosen((current) => ({ ...current, [day.date]: event.target.checked ? { ...day } : undefined }))
                  }
                />
                <span>
                  {dayName(day.date, lang)}
                  <span className="choice__note">
                    {t('conferenceAvailability.dayHours', { from: clock(day.from, lang), to: clock(day.to, lang) })}
                  </span>
                </span>
              </label>
              {mark ? (
                <div className="inline-fields availability-hours">
                  <TimeField
                    label={t('conferenceAvailability.from')}
                    value={mark.from}
                    onChange={(from) => setChosen((current) => ({ ...current, [day.date]: { ...mark, from } }))}
                  />
                  <TimeField
                    label={t('conferenceAvailability.to')}
                    value={mark.to}
                    onChange={(to) => setChosen((current) => ({ ...current, [day.date]: { ...mark, to } }))}
                  />
                </div>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <FormatChoice invitation={invitation} value={format} onChange={setFormat} />
      {problem ? (
        <Notice kind="error">
          <p>{problem}</p>
        </Notice>
      ) : null}
      <ActionError error={save.error} />
      <p>
        <button type="button" className="button" disabled={save.busy} onClick={submit}>
          {t('conferenceAvailability.save')}
        </button>
      </p>
      <div aria-live="polite">
        {saved ? (
          <Notice kind="success" live={false}>
            <p>
              {Object.values(chosen).some(Boolean)
                ? t('conferenceAvailability.saved')
                : t('conferenceAvailability.savedNone')}
            </p>
          </Notice>
        ) : null}
      </div>
    </div>
  );
}
