import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import { messagingApi } from '../../api/messaging.api.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { Loaded } from '../../ui/errors.js';
import { Page } from '../../ui/page.js';
import { GroupComposer } from './group-composer.js';

function GuardiansComposer({
  schoolId,
  studentId,
  childName,
}: {
  schoolId: string;
  studentId: string;
  childName: string;
}) {
  const { t } = useTranslation();
  return (
    <GroupComposer
      idPrefix="guardians"
      schoolId={schoolId}
      studentId={studentId}
      draftTarget={{ schoolId, kind: 'new-thread', targetId: studentId }}
      recipients={
        <div className="panel panel--quiet">
          <p>{t('staffMessages.toGuardians.to', { name: childName })}</p>
          <p className="field__hint">{t('staffMessages.toGuardians.hint')}</p>
        </div>
      }
      send={(input, key) => messagingApi.writeToGuardians(schoolId, studentId, input, key)}
    />
  );
}

/** The child's class staff (or the leadership) write to the child's custody holders; they answer in the thread. */
export function GuardiansMessagePage() {
  const { t } = useTranslation();
  const { schoolId = '', studentId = '' } = useParams();
  const profile = useApiQuery(directoryContracts.student, { params: { schoolId, studentId } });
  return (
    <Loaded result={profile} title={t('staffMessages.toGuardians.loadingTitle')}>
      {(data) => (
        <Page title={t('staffMessages.toGuardians.title', { name: data.givenName })}>
          <p>
            <Link to={paths.student(schoolId, studentId)}>
              {t('staffMessages.toGuardians.back', { name: data.givenName })}
            </Link>
          </p>
          <GuardiansComposer schoolId={schoolId} studentId={studentId} childName={data.name} />
        </Page>
      )}
    </Loaded>
  );
}
