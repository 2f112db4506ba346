import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { auditContracts } from '../../../shared/api/audit.contract.js';
import { auditApi } from '../../api/school.api.js';
import { useSession } from '../../app/session.js';
import { useApiQuery } from '../../app/query.js';
import { Loaded } from '../../ui/errors.js';
import { Page } from '../../ui/page.js';
import { AuditList } from './audit-list.js';

/** "Hvem har set oplysninger om Emma?": the custody holder's view of every read of their child's data. */
export function StudentAuditLogPage() {
  const { t } = useTranslation();
  const { schoolId = '', studentId = '' } = useParams();
  const { me } = useSession();
  const child = me?.children.find((c) => c.id === studentId && c.schoolId === schoolId);
  const first = useApiQuery(auditContracts.ofStudent, { params: { schoolId, studentId } });
  const fromLog =
    first.status === 'ok' ? first.data.entries.find((e) => e.student)?.student?.name.split(' ')[0] : undefined;
  const name = child?.givenName ?? fromLog ?? t('audit.student.theChild');
  const title = t('audit.student.title', { name });
  return (
    <Loaded result={first} title={title}>
      {(data) => (
        <Page title={title} lead={t('audit.student.lead', { name })} wide>
          <AuditList
            key={`${schoolId}/${studentId}`}
            first={data}
            loadOlder={(before) => auditApi.ofStudent(schoolId, studentId, { before })}
            caption={title}
            empty={t('audit.student.empty')}
            showStudent={false}
          />
        </Page>
      )}
    </Loaded>
  );
}
