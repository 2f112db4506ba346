import { useTranslation } from 'react-i18next';
import type { TMyInvitations, TRoundFormat } from '../../../shared/api/conference.schema.js';

type Invitation = TMyInvitations['invitations'][number];

/**
 * How the home will hold the meeting, among the round's formats (in person, phone, video): radio
 * buttons when the round offers more than one, nothing otherwise.
 */
export function FormatChoice({
  invitation,
  value,
  onChange,
}: {
  invitation: Invitation;
  value: TRoundFormat;
  onChange: (format: TRoundFormat) => void;
}) {
  const { t } = useTranslation();
  if (invitation.round.formats.length < 2) return null;
  return (
    <fieldset className="choice-group">
      <legend>{t('conferenceBooking.formatLegend')}</legend>
      {invitation.round.formats.map((format) => (
        <label key={format} className="choice">
          <input
            type="radio"
            name={`format-${invitation.id}`}
            value={format}
            checked={value === format}
            onChange={() => onChange(format)}
          />
          <span>{t(`conferenceBooking.formatOption.${format}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The booked meeting's format as the home reads it: where, or that the school calls, or the video link. */
export function BookedFormat({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  if (invitation.format === 'video' && invitation.round.videoLink) {
    return (
      <p>
        {t('conferenceBooking.formatBooked.video')}{' '}
        <a href={invitation.round.videoLink} rel="noopener noreferrer" target="_blank">
          {invitation.round.videoLink}
        </a>
      </p>
    );
  }
  if (invitation.format === 'phone') return <p>{t('conferenceBooking.formatBooked.phone')}</p>;
  return invitation.round.formats.length > 1 ? <p>{t('conferenceBooking.formatBooked.in_person')}</p> : null;
}
