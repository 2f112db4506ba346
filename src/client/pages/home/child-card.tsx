import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import type { TMeChild, TStudentProfile } from '../../../shared/api/directory.schema.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { paths } from '../../app/paths.js';
import { StudentPlanLinks } from '../student-plans/plan-links.js';
import { formatDateTime } from '../../ui/format.js';
import { ConferenceBooking } from './conference-booking.js';
import { ConferenceAgreements } from './conference-agreements.js';
import { ChildPlayGroup } from '../play-groups/child-play-group.js';

function ContactTeacher({ profile }: { profile: TStudentProfile }) {
  const { t } = useTranslation();
  const teacher = profile.contactTeacher;
  if (!teacher) return <p>{t('child.noContactTeacher')}</p>;
  return (
    <div className="contact">
      <h4>{t('child.contactTeacher')}</h4>
      <p className="contact__name">{teacher.name}</p>
      <dl className="facts">
        {teacher.contactHours ? (
          <>
            <dt>{t('child.contactHours')}</dt>
            <dd>{teacher.contactHours}</dd>
          </>
        ) : null}
        {teacher.email ? (
          <>
            <dt>{t('child.email')}</dt>
            <dd>
              <a href={`mailto:${teacher.email}`}>{teacher.email}</a>
            </dd>
          </>
        ) : null}
        {teacher.phone ? (
          <>
            <dt>{t('child.phone')}</dt>
            <dd>
              <a href={`tel:${teacher.phone.replace(/\s+/g, '')}`}>{teacher.phone}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {profile.responsePromise ? (
        <p className="promise">{t('child.replyPromise', { count: profile.responsePromise.replyWithinWorkingDays })}</p>
      ) : null}
      <p className="field__hint">{t('child.sensitiveAdvice')}</p>
    </div>
  );
}

/**
 * What the custody holders see of their child's own conversations with the school: that and when
 * the child writes; the conversations themselves only where the school's principle lets them.
 */
function ChildOwnMessages({ child, profile }: { child: TMeChild; profile: TStudentProfile }) {
  const { t, i18n } = useTranslation();
  const own = profile.ownMessages;
  if (!own || own.conversations === 0) return null;
  return (
    <div className="stack-sm" data-testid="child-own-messages">
      <h4>{t('child.ownMessages.title', { name: child.givenName })}</h4>
      <p>
        {t('child.ownMessages.summary', {
          name: child.givenName,
          count: own.conversations,
        })}
        {own.lastWrittenAt
          ? ` ${t('child.ownMessages.last', { date: formatDateTime(own.lastWrittenAt, i18n.language) })}`
          : null}
      </p>
      {own.threads ? (
        <ul className="link-list">
          {own.threads.map((thread) => (
            <li key={thread.id}>
              <Link to={paths.thread(thread.id)}>{thread.subject}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field__hint">{t('child.ownMessages.private', { name: child.givenName })}</p>
      )}
    </div>
  );
}

/** A custody holder's view of one child: class, the contact teacher and how and when to reach them. */
export function ChildCard({ child }: { child: TMeChild }) {
  const { t } = useTranslation();
  const profile = useApiQuery(directoryContracts.student, {
    params: { schoolId: child.schoolId, studentId: child.id },
  });
  return (
    <li className="card">
      <article aria-labelledby={`child-${child.id}`}>
        <h3 id={`child-${child.id}`} className="card__title">
          {child.name}
        </h3>
        {child.class ? <p className="card__meta">{t('child.inClass', { className: child.class.name })}</p> : null}
        <LoadedPart result={profile}>
          {(data) => (
            <>
              <ContactTeacher profile={data} />
              <ChildOwnMessages child={child} profile={data} />
              <ConferenceBooking schoolId={child.schoolId} studentId={child.id} />
              <ConferenceAgreements schoolId={child.schoolId} studentId={child.id} />
              <ChildPlayGroup schoolId={child.schoolId} studentId={child.id} givenName={child.givenName} />
            </>
          )}
        </LoadedPart>
        <p className="card__links">
          <Link className="button button--secondary" to={paths.newMessage(child.id)}>
            {t('child.writeToContactTeacher')}
          </Link>
        </p>
        <StudentPlanLinks schoolId={child.schoolId} studentId={child.id} />
        <p className="card__links">
          <Link to={paths.testResults(child.schoolId, child.id)}>
            {t('testResults.childLink', { name: child.givenName })}
          </Link>
        </p>
        <p className="card__links">
          <Link to={paths.studentAuditLog(child.schoolId, child.id)}>
            {t('child.whoHasRead', { name: child.givenName })}
          </Link>
        </p>
      </article>
    </li>
  );
}
