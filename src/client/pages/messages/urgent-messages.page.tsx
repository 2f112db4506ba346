import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { messagingContracts } from '../../../shared/api/messaging.contract.js';
import type { TUrgentUse } from '../../../shared/api/messaging.schema.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { Loaded } from '../../ui/errors.js';
import { formatDateTime } from '../../ui/format.js';
import { Page } from '../../ui/page.js';
import { TableWrap } from '../../ui/table-wrap.js';

/** To whom, as the school may name it: a class's parents as a group, or the child's parents; never the guardians one by one. */
function recipientsOf(use: TUrgentUse, t: (key: string, options?: Record<string, string>) => string): string {
  if (use.group) return use.group;
  if (use.student) return t('staffMessages.urgentLog.toChild', { name: use.student.name });
  return t('staffMessages.urgentLog.toStaff');
}

/** The leadership's review of every urgent message: who marked it, when, and to whom. */
export function UrgentMessagesPage() {
  const { t, i18n } = useTranslation();
  const { schoolId = '' } = useParams();
  const uses = useApiQuery(messagingContracts.urgentUses, { params: { schoolId } });
  return (
    <Loaded result={uses} title={t('staffMessages.urgentLog.title')}>
      {(data) => (
        <Page title={t('staffMessages.urgentLog.title')} lead={t('staffMessages.urgentLog.lead')} wide>
          {data.uses.length === 0 ? (
            <p>{t('staffMessages.urgentLog.none')}</p>
          ) : (
            <TableWrap label={t('staffMessages.urgentLog.caption')}>
              <table>
                <caption>{t('staffMessages.urgentLog.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('staffMessages.urgentLog.subject')}</th>
                    <th scope="col">{t('staffMessages.urgentLog.author')}</th>
                    <th scope="col">{t('staffMessages.urgentLog.to')}</th>
                    <th scope="col">{t('staffMessages.urgentLog.sentAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.uses.map((use) => (
                    <tr key={use.messageId}>
                      <th scope="row">
                        <Link to={paths.thread(use.threadId)}>{use.subject}</Link>
                      </th>
                      <td>{use.author.name}</td>
                      <td>{recipientsOf(use, t)}</td>
                      <td>
                        <time dateTime={use.sentAt}>{formatDateTime(use.sentAt, i18n.language)}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </Page>
      )}
    </Loaded>
  );
}
