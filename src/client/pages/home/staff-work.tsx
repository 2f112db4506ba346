import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messagingContracts } from '../../../shared/api/messaging.contract.js';
import type { TInboxThread } from '../../../shared/api/messaging.schema.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { PromiseState } from '../messages/message-parts.js';
import { ConferenceAgreements } from './conference-agreements.js';
import { DueStudentPlans } from '../student-plans/plan-links.js';
import { UnsentTestResults } from '../test-results/unsent-test-results.js';
import { AwaitingConcerns } from '../concerns/concern-parts.js';

/** The most a home page lists of what is owed; the inbox's filter shows the rest. */
const OWED_LIMIT = 100;

/**
 * What a member of staff must answer, and by when: the parents' messages whose reply promise is
 * still open, the most urgent (overdue, then the nearest due) first, and how many threads hold
 * messages they have not read. The answer to "what do I need to do now?" on the staff home.
 */
export function StaffWork({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const owed = useApiQuery(messagingContracts.threads, { query: { show: 'awaiting-reply', limit: OWED_LIMIT } });
  const unread = useApiQuery(messagingContracts.threads, { query: { show: 'unread', limit: OWED_LIMIT } });
  return (
    <LoadedPart result={owed}>
      {(data) => {
        // A reply is owed to the home (guardians, a student): threads where the reader is staff across from them.
        const toAnswer = data.threads
          .filter((thread) => thread.schoolId === schoolId)
          .filter((thread): thread is TInboxThread & { replyDueAt: string } => thread.replyDueAt !== null)
          .filter((thread) => thread.counterparts.some((person) => person.role !== 'staff'))
          .sort((a, b) => a.replyDueAt.localeCompare(b.replyDueAt));
        const unreadCount =
          unread.status === 'ok' ? unread.data.threads.filter((thread) => thread.schoolId === schoolId).length : null;
        return (
          <div className="stack">
            {toAnswer.length === 0 ? (
              <p>{t('home.work.nothingOwed')}</p>
            ) : (
              <ul className="card-list">
                {toAnswer.map((thread) => (
                  <li key={thread.id} className="card">
                    <h3 className="card__title">
                      <Link to={paths.thread(thread.id)}>{thread.subject}</Link>
                    </h3>
                    <p className="card__meta">
                      <PromiseState thread={thread} />
                      {thread.student ? <span>{` · ${thread.student.name}`}</span> : null}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {unreadCount !== null && unreadCount > 0 ? (
              <p>
                <Link to={{ pathname: paths.inbox(), search: 'show=unread' }}>
                  {t('home.work.unread', { count: unreadCount })}
                </Link>
              </p>
            ) : null}
            <ConferenceAgreements schoolId={schoolId} headingLevel="h3" showChild />
            <DueStudentPlans schoolId={schoolId} />
            <UnsentTestResults schoolId={schoolId} />
            <AwaitingConcerns schoolId={schoolId} headingLevel="h3" />
          </div>
        );
      }}
    </LoadedPart>
  );
}
