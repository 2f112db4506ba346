import { useState } from 'react';
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
  const [showAll, setShowAll] = useState(false);
  if (result.status !== 'ok') return null;
  const agreements = result.data.agreements.filter((a) => !studentId || a.student.id === studentId);
  if (agreements.length === 0) return null;
  // Staff follow the agreements of whole classes: the home shows the first few (they come open
  // and soonest due first) and the rest on request, so the list never buries the day's work.
  const shown = showChild && !showAll ? agreements.slice(0, STAFF_AGREEMENTS_SHOWN) : agreements;
  const listId = `${agreementsSectionId(schoolId, studentId)}-list`;
  const Heading = headingLevel;
  const id = agreementsSectionId(schoolId, studentId);
  const conferences = [...new Set(agreements.map((a) => a.invitationId))];
  return (
    <section className="stack-sm" aria-labelledby={id}>
      <Heading id={id}>{t('conference.yourAgreements')}</Heading>
      <div id={listId}>
        <AgreementList schoolId={schoolId} agreements={shown} today={today} showChild={showChild} />
      </div>
      {shown.length < agreements.length ? (
        <button
          type="button"
          className="button button--secondary"
          aria-controls={listId}
          onClick={() => setShowAll(true)}
        >
          {t('conference.showAllAgreements', { count: agreements.length })}
        </button>
      ) : null}
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

/** How many of their classes' agreements a member of staff sees on their home before asking for all. */
const STAFF_AGREEMENTS_SHOWN = 5;

const agreementsSectionId = (schoolId: string, studentId?: string) => `agreements-${schoolId}-${studentId ?? 'all'}`;

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
