import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { testResultContracts } from '../../../shared/api/test-result.contract.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { formatDate } from '../../ui/format.js';

/**
 * On a staff member's work list: the test results they recorded, or of the classes they are the
 * contact teacher of, not yet sent to the home, with the principle's last day. Nothing when none.
 */
export function UnsentTestResults({ schoolId }: { schoolId: string }) {
  const { t, i18n } = useTranslation();
  const result = useApiQuery(testResultContracts.unsent, { params: { schoolId } });
  if (result.status !== 'ok' || result.data.results.length === 0) return null;
  const id = `unsent-test-results-${schoolId}`;
  return (
    <section className="stack-sm" aria-labelledby={id} data-testid="unsent-test-results">
      <h3 id={id}>{t('testResults.unsent.title')}</h3>
      <ul className="card-list">
        {result.data.results.map((r) => (
          <li key={r.id} className="card card--quiet">
            <p className="card__title">
              <Link to={paths.testResults(schoolId, r.student.id)}>
                {t('testResults.unsent.item', {
                  test: r.testName,
                  name: r.student.name,
                  className: r.student.class.name,
                })}
              </Link>
            </p>
            <p className="card__meta">
              <span className="badge badge--warning">{t('testResults.notSent')}</span>{' '}
              {t('testResults.unsent.tellBy', { date: formatDate(r.tellBy, i18n.language) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
