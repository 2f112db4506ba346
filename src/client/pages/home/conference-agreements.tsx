import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { AgreementList, useToday } from '../conferences/agreement-list.js';

/**
 * The agreements from school-home conferences the reader follows, open ones first, with their
 * due dates: for a guardian one child's (`studentId`), for a student their own, for staff the open
 * ones of their classes' children. Nothing when there are none.
 */
export function ConferenceAgreements({
  schoolId,
  studentId,
  headingLevel = 'h4',
  showChild = false,
}: {
  schoolId: string;
  studentId?: string;
  headingLevel?: 'h2' | 'h3' | 'h4';
  showChild?: boolean;
}) {
  const { t } = useTranslation();
  const result = useApiQuery(conferenceContracts.myAgreements, { params: { schoolId } });
  const today = useToday();
  if (result.status !== 'ok') return null;
  const agreements = result.data.agreements.filter((a) => !studentId || a.student.id === studentId);
  if (agreements.length === 0) return null;
  const Heading = headingLevel;
  const id = `agreements-${schoolId}-${studentId ?? 'all'}`;
  const conferences = [...new Set(agreements.map((a) => a.invitationId))];
  return (
    <section className="stack-sm" aria-labelledby={id}>
      <Heading id={id}>{t('conference.yourAgreements')}</Heading>
      <AgreementList schoolId={schoolId} agreements={agreements} today={today} showChild={showChild} />
      {showChild ? null : (
        <ul className="link-list">
          {conferences.map((invitationId, i) => (
            <li key={invitationId}>
              <Link to={paths.conference(schoolId, invitationId)}>
                {conferences.length === 1 ? t('conference.openSummary') : t('conference.openSummaryN', { n: i + 1 })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A student's own conferences: where to prepare, and what was agreed. */
export function StudentConferences({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const result = useApiQuery(conferenceContracts.myConferences, { params: { schoolId } });
  if (result.status !== 'ok' || result.data.conferences.length === 0) return null;
  return (
    <ul className="card-list">
      {result.data.conferences.map((conference) => (
        <li key={conference.id} className="card">
          <p className="card__title">
            <Link to={paths.conference(schoolId, conference.id)}>
              {conference.heldAt ? t('conference.seeYours') : t('conference.prepareYours')}
            </Link>
          </p>
          <p className="card__meta">{conference.round.name}</p>
        </li>
      ))}
    </ul>
  );
}
