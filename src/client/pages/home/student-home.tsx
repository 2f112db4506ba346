import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import { messagingContracts } from '../../../shared/api/messaging.contract.js';
import type { TMe, TStudentProfile } from '../../../shared/api/directory.schema.js';
import { paths } from '../../app/paths.js';
import { StudentPlanLinks } from '../student-plans/plan-links.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { Section } from '../../ui/page.js';
import { PromiseState } from '../messages/message-parts.js';
import { ConferenceAgreements, StudentConferences } from './conference-agreements.js';
import { studentReadsOwnTestResults } from '../../../domain/test-results/student-reads.js';

/** How many of their own conversations a student's home lists; the inbox has the rest. */
const OWN_THREADS_SHOWN = 5;

/** Who the student goes to: their class and their contact teacher, in plain words. */
function ContactTeacherCard({ profile }: { profile: TStudentProfile }) {
  const { t } = useTranslation();
  const teacher = profile.contactTeacher;
  return (
    <div className="card">
      <p className="card__meta">{t('student.inClass', { className: profile.class.name })}</p>
      {teacher ? (
        <>
          <p className="card__title">{t('student.contactTeacher', { name: teacher.name })}</p>
          {teacher.contactHours ? <p>{t('student.contactHours', { hours: teacher.contactHours })}</p> : null}
        </>
      ) : (
        <p>{t('student.noContactTeacher')}</p>
      )}
    </div>
  );
}

/**
 * The student's own messages: the newest conversations with their unread and promise state, and
 * writing to the contact teacher where the principle lets their grade (else from which grade).
 */
function OwnMessages({ profile }: { profile: TStudentProfile }) {
  const { t } = useTranslation();
  const inbox = useApiQuery(messagingContracts.threads, { query: { limit: OWN_THREADS_SHOWN } });
  const own = profile.ownMessages;
  return (
    <div className="stack">
      {own?.mayWrite ? (
        <>
          <p>
            <Link className="button" to={{ pathname: paths.newMessage(), search: 'as=student' }}>
              {t('student.write')}
            </Link>
          </p>
          <p className="field__hint">
            {t(own.guardiansSee === 'content' ? 'student.parentsReadContent' : 'student.parentsSeeActivity')}
          </p>
        </>
      ) : (
        <p>{own ? t('student.writeFromGrade', { grade: own.fromGrade }) : t('student.writeNotHere')}</p>
      )}
      <LoadedPart result={inbox}>
        {(data) => {
          const threads = data.threads.filter((thread) => thread.schoolId === profile.schoolId);
          if (threads.length === 0) return <p>{t('student.noMessages')}</p>;
          return (
            <>
              <ul className="card-list">
                {threads.map((thread) => (
                  <li key={thread.id} className="card">
                    <h3 className="card__title">
                      <Link to={paths.thread(thread.id)}>{thread.subject}</Link>
                    </h3>
                    <p className="card__meta">
                      {thread.unreadCount > 0 ? (
                        <span className="badge badge--unread">
                          {t('student.unread', { count: thread.unreadCount })}
                        </span>
                      ) : null}
                      <PromiseState thread={thread} />
                    </p>
                  </li>
                ))}
              </ul>
              <p>
                <Link to={paths.inbox()}>{t('student.allMessages')}</Link>
              </p>
            </>
          );
        }}
      </LoadedPart>
    </div>
  );
}

/**
 * A student's own page, for their age: who their contact teacher is, their own messages and, from
 * the grade the school's principle says, writing to the contact teacher; the school's principle is
 * a link away. It links only to what the student may open.
 */
export function StudentHome({ school }: { school: TMe['schools'][number] }) {
  return school.studentId ? <OwnHome schoolId={school.id} studentId={school.studentId} /> : null;
}

function OwnHome({ schoolId, studentId }: { schoolId: string; studentId: string }) {
  const { t } = useTranslation();
  const profile = useApiQuery(directoryContracts.student, { params: { schoolId, studentId } });
  return (
    <>
      <LoadedPart result={profile}>
        {(data) => (
          <>
            <Section title={t('student.yourTeacher')} id={`student-teacher-${schoolId}`}>
              <ContactTeacherCard profile={data} />
            </Section>
            <Section title={t('student.yourMessages')} id={`student-messages-${schoolId}`}>
              <OwnMessages profile={data} />
            </Section>
            <Section title={t('conference.studentTitle')} id={`student-conferences-${schoolId}`}>
              <StudentConferences schoolId={schoolId} />
              <ConferenceAgreements schoolId={schoolId} headingLevel="h3" />
              <StudentPlanLinks schoolId={schoolId} studentId={studentId} />
            </Section>
            {studentReadsOwnTestResults(data.class.grade) ? (
              <p>
                <Link to={paths.testResults(schoolId, studentId)}>{t('testResults.studentLink')}</Link>
              </p>
            ) : null}
          </>
        )}
      </LoadedPart>
      <p>
        <Link to={paths.principle(schoolId)}>{t('student.principleLink')}</Link>
      </p>
    </>
  );
}
