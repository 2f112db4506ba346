import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import { messagingApi } from '../../api/messaging.api.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useApiQuery } from '../../app/query.js';
import { Loaded } from '../../ui/errors.js';
import { Notice } from '../../ui/notice.js';
import { Page } from '../../ui/page.js';
import { GroupComposer } from './group-composer.js';

function ClassComposer({ schoolId, classId, className }: { schoolId: string; classId: string; className: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <GroupComposer
      idPrefix="class"
      schoolId={schoolId}
      classId={classId}
      draftTarget={{ schoolId, kind: 'class-message', targetId: classId }}
      recipients={
        <div className="panel panel--quiet">
          <p>{t('messages.group.to', { className })}</p>
          <p className="field__hint">{t('messages.group.privateReplies')}</p>
        </div>
      }
      callRequestBody={t('messages.callRequest.classBody', { className, name: me?.name ?? '' })}
      send={(input, key) => messagingApi.writeToClass(schoolId, classId, input, key)}
    />
  );
}

/** The class's staff (or the leadership) write one message to all its parents; each parent answers privately. */
export function ClassMessagePage() {
  const { t } = useTranslation();
  const { schoolId = '', classId = '' } = useParams();
  const { me } = useSession();
  const classes = useApiQuery(directoryContracts.classes, { params: { schoolId } });
  const runsSchool =
    me?.schools.some((s) => s.id === schoolId && (s.roles.includes('leader') || s.roles.includes('administrator'))) ??
    false;
  return (
    <Loaded result={classes} title={t('messages.group.loadingTitle')}>
      {(data) => {
        const klass = data.classes.find((c) => c.id === classId);
        if (!klass) {
          return (
            <Page title={t('messages.group.loadingTitle')}>
              <Notice kind="info">
                <p>{t('messages.group.notStaff')}</p>
              </Notice>
            </Page>
          );
        }
        return (
          <Page title={t('messages.group.title', { className: klass.name })}>
            <p>
              <Link to={paths.class(schoolId, classId)}>
                {t('messages.group.backToClass', { className: klass.name })}
              </Link>
            </p>
            {klass.staffRole || runsSchool ? (
              <ClassComposer schoolId={schoolId} classId={classId} className={klass.name} />
            ) : (
              <Notice kind="info">
                <p>{t('messages.group.notStaff')}</p>
              </Notice>
            )}
          </Page>
        );
      }}
    </Loaded>
  );
}
