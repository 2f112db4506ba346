import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TParentMeetingSummary } from '../../../shared/api/parent-meeting.schema.js';
import { describeDate } from '../../ui/date-text.js';
import { paths } from '../../app/paths.js';

/** "torsdag 10. december, 19.00–21.00" in the reader's language. */
export function MeetingWhen({ meeting }: { meeting: Pick<TParentMeetingSummary, 'date' | 'from' | 'to'> }) {
  const { i18n } = useTranslation();
  return (
    <>
      {describeDate(meeting.date, i18n.language)}, {meeting.from}–{meeting.to}
    </>
  );
}

/**
 * One meeting in a list: when, where, its stage and the home's own answer; for those who plan it
 * (`planner`), the homes' answers counted instead of a "not answered yet" that is not theirs.
 */
export function MeetingCard({
  schoolId,
  meeting,
  planner = false,
}: {
  schoolId: string;
  meeting: TParentMeetingSummary;
  planner?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <li className="card stack-sm">
      <h3>
        <Link to={paths.parentMeeting(schoolId, meeting.id)}>
          {t('parentMeetings.meetingOf', { className: meeting.class.name })}
        </Link>
      </h3>
      <p>
        <MeetingWhen meeting={meeting} /> · {meeting.place}
      </p>
      <p>
        <span className="badge">{t(`parentMeetings.stage.${meeting.stage}`)}</span>{' '}
        {meeting.ownAnswer
          ? meeting.ownAnswer.coming
            ? t('parentMeetings.answer.comingWith', { count: meeting.ownAnswer.people })
            : t('parentMeetings.answer.notComing')
          : meeting.stage === 'invited' && !planner
            ? t('parentMeetings.answer.notYet')
            : null}
      </p>
      {planner && meeting.stage === 'invited' ? (
        <p>
          {t('parentMeetings.answers.summary', {
            invited: meeting.counts.invited,
            coming: meeting.counts.coming,
            people: meeting.counts.people,
            notComing: meeting.counts.notComing,
          })}
        </p>
      ) : null}
    </li>
  );
}
