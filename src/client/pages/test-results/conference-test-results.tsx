import { useTranslation } from 'react-i18next';
import { testResultContracts } from '../../../shared/api/test-result.contract.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { Section } from '../../ui/page.js';
import { TestResultCard } from './test-result-card.js';

/**
 * The conference page's recent written test results of the student (issue 11, point 6): what
 * each reader may see of them. Nothing when there are none.
 */
export function ConferenceTestResults({ schoolId, invitationId }: { schoolId: string; invitationId: string }) {
  const { t } = useTranslation();
  const result = useApiQuery(testResultContracts.ofConference, { params: { schoolId, invitationId } });
  if (result.status === 'ok' && result.data.results.length === 0) return null;
  return (
    <Section title={t('testResults.conferenceTitle')} id="conference-test-results">
      <LoadedPart result={result}>
        {(data) => (
          <ul className="card-list">
            {data.results.map((r) => (
              <TestResultCard key={r.id} result={r} />
            ))}
          </ul>
        )}
      </LoadedPart>
    </Section>
  );
}
