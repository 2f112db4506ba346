import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { parentMeetingContracts } from '../../../shared/api/parent-meeting.contract.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { Section } from '../../ui/page.js';
import { MeetingCard, MeetingWhen } from './parent-meeting-parts.js';

/**
 * Parent meetings on the home page: for the contact teacher (and representatives who plan), this
 * year's count against the principle and what to do now; for a home, the coming meeting to answer
 * and recent minutes to read. Nothing when there is nothing.
 */
export function ParentMeetingsHome({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const mine = useApiQuery(parentMeetingContracts.mine, { params: { schoolId } });
  return (
    <LoadedPart result={mine}>
      {(data) =>
        data.classes.length + data.upcoming.length + data.minutes.length === 0 ? null : (
          <Section title={t('parentMeetings.home.title')} id={`parent-meetings-${schoolId}`}>
            <div className="stack-sm">
              {data.classes.length > 0 ? (
                <ul className="card-list">
                  {data.classes.map((c) => (
                    <li key={c.class.id} className="card stack-sm">
                      <h3>{c.class.name}</h3>
                      <p>
                        {c.perYear === null
                          ? t('parentMeetings.heldNoTarget', { count: c.heldThisYear })
                          : t('parentMeetings.heldOf', { held: c.heldThisYear, target: c.perYear })}
                      </p>
                      <p>
                        {c.next ? (
                          <>
                            {t('parentMeetings.home.next')}{' '}
                            <Link to={paths.parentMeeting(schoolId, c.next.id)}>
                              <MeetingWhen meeting={c.next} />
                            </Link>{' '}
                            ({t(`parentMeetings.stage.${c.next.stage}`)})
                          </>
                        ) : (
                          <Link to={paths.classParentMeetings(schoolId, c.class.id)}>
                            {c.step === 'plan-one'
                              ? t('parentMeetings.home.planOne', { className: c.class.name })
                              : t('parentMeetings.home.seeAll', { className: c.class.name })}
                          </Link>
                        )}
                      </p>
                    </li>
                  ))}
                </ul>
              ) : null}
              {data.upcoming.length > 0 || data.minutes.length > 0 ? (
                <ul className="card-list">
                  {[...data.upcoming, ...data.minutes].map((m) => (
                    <MeetingCard key={m.id} schoolId={schoolId} meeting={m} />
                  ))}
                </ul>
              ) : null}
            </div>
          </Section>
        )
      }
    </LoadedPart>
  );
}
