import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { messagingContracts } from '../../../shared/api/messaging.contract.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { Loaded } from '../../ui/errors.js';
import { formatDueDay } from '../../ui/format.js';
import { Page } from '../../ui/page.js';
import { TableWrap } from '../../ui/table-wrap.js';

/** The leadership's list of answers the school promised and has not given, most overdue first. */
export function BrokenPromisesPage() {
  const { t, i18n } = useTranslation();
  const { schoolId = '' } = useParams();
  const promises = useApiQuery(messagingContracts.brokenPromises, { params: { schoolId } });
  return (
    <Loaded result={promises} title={t('brokenPromises.title')}>
      {(data) => {
        const sorted = [...data.promises].sort(
          (a, b) => b.workingDaysLate - a.workingDaysLate || a.replyDueAt.localeCompare(b.replyDueAt),
        );
        return (
          <Page title={t('brokenPromises.title')} lead={t('brokenPromises.lead')} wide>
            {sorted.length === 0 ? (
              <p>{t('brokenPromises.none')}</p>
            ) : (
              <TableWrap label={t('brokenPromises.caption')}>
                <table>
                  <caption>{t('brokenPromises.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('brokenPromises.subject')}</th>
                      <th scope="col">{t('brokenPromises.child')}</th>
                      <th scope="col">{t('brokenPromises.owedBy')}</th>
                      <th scope="col">{t('brokenPromises.due')}</th>
                      <th scope="col" className="numeric">
                        {t('brokenPromises.late')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {sorted.map((promise) => (
                      <tr key={promise.threadId}>
                        <th scope="row">
                          <Link to={paths.thread(promise.threadId)}>{promise.subject}</Link>
                        </th>
                        <td>{promise.student?.name ?? '–'}</td>
                        <td>{promise.owedBy.map((person) => person.name).join(', ') || '–'}</td>
                        <td>{formatDueDay(promise.replyDueAt, i18n.language)}</td>
                        <td className="numeric">
                          {t('brokenPromises.workingDays', { count: promise.workingDaysLate })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </Page>
        );
      }}
    </Loaded>
  );
}
