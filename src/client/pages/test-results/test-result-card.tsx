import { useTranslation } from 'react-i18next';
import type { TTestResult } from '../../../shared/api/test-result.schema.js';
import { formatDate, formatDateTime } from '../../ui/format.js';

/**
 * One written test result: the test and its day, the result in words a parent understands, what
 * it means and what happens next. Staff see whether it has been sent to the home and who has read
 * it; a guardian sees when they read it.
 */
export function TestResultCard({
  result,
  headingLevel = 'h3',
  actions,
}: {
  result: TTestResult;
  headingLevel?: 'h3' | 'h4';
  actions?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel;
  const id = `test-result-${result.id}`;
  return (
    <li className="card" data-testid="test-result">
      <article aria-labelledby={id} className="stack-sm">
        <Heading id={id} className="card__title">
          {result.testName}
        </Heading>
        <p className="card__meta">
          {t(`testResults.kind.${result.kind}`)} ·{' '}
          {t('testResults.takenOn', { date: formatDate(result.takenOn, i18n.language) })}
        </p>
        <dl className="facts facts--stacked">
          <dt>{t('testResults.result')}</dt>
          <dd>{result.result}</dd>
          <dt>{t('testResults.meaning')}</dt>
          <dd>{result.meaning}</dd>
          <dt>{t('testResults.nextSteps')}</dt>
          <dd>{result.nextSteps}</dd>
        </dl>
        {result.deliveries ? (
          result.sentAt === null ? (
            <p>
              <span className="badge badge--warning">{t('testResults.notSent')}</span>
            </p>
          ) : (
            <div className="stack-sm">
              <p>{t('testResults.sentAt', { date: formatDateTime(result.sentAt, i18n.language) })}</p>
              {result.deliveries.length === 0 ? (
                <p>{t('testResults.noCustodyHolders')}</p>
              ) : (
                <ul className="link-list" aria-label={t('testResults.readStates')}>
                  {result.deliveries.map((d) => (
                    <li key={d.name + d.deliveredAt}>
                      {d.name}:{' '}
                      {d.readAt
                        ? t('testResults.readAt', { date: formatDateTime(d.readAt, i18n.language) })
                        : t('testResults.unread')}
                      {d.emailed ? ` · ${t('testResults.emailed')}` : null}
                      {d.onPaper ? ` · ${t('testResults.onPaper')}` : null}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )
        ) : result.readAt ? (
          <p className="card__meta">
            {t('testResults.youReadAt', { date: formatDateTime(result.readAt, i18n.language) })}
          </p>
        ) : null}
        {actions}
      </article>
    </li>
  );
}
