import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { principleContracts } from '../../../shared/api/principle.contract.js';
import type { TPrincipleVersion } from '../../../shared/api/principle.schema.js';
import { principleApi } from '../../api/principle.api.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { formatDate, formatDateTime } from '../../ui/format.js';
import { Page } from '../../ui/page.js';

/** The numbers a reader compares between versions, in a line each. */
function KeyFigures({ version }: { version: TPrincipleVersion }) {
  const { t } = useTranslation();
  const p = version.principle;
  return (
    <ul className="plain-list">
      <li>{t('principle.figures.conferences', { count: p.conferences.perYear })}</li>
      {p.parentMeetings ? <li>{t('principle.figures.parentMeetings', { count: p.parentMeetings.perYear })}</li> : null}
      {p.communication.responseTime ? (
        <li>{t('principle.figures.reply', { count: p.communication.responseTime.workingDays })}</li>
      ) : null}
      <li>{t('principle.figures.aspects', { count: p.aspects.filter((a) => a.adopted).length })}</li>
    </ul>
  );
}

export function PrincipleVersionsPage() {
  const { t, i18n } = useTranslation();
  const { schoolId = '' } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  const school = me?.schools.find((s) => s.id === schoolId);
  const versions = useApiQuery(principleContracts.versions, { params: { schoolId } });
  const startFrom = useAction(async (versionId: string) => {
    await principleApi.createDraft(schoolId, { fromVersion: versionId });
    void navigate(paths.principleDraft(schoolId));
  });
  const title = t('principle.versions.title');
  return (
    <Loaded result={versions} title={title}>
      {(data) => {
        const hasDraft = data.versions.some((v) => v.status === 'draft');
        return (
          <Page title={title} lead={t('principle.versions.lead')}>
            <p>
              <Link to={paths.principle(schoolId)}>{t('principle.backToPrinciple')}</Link>
            </p>
            <ActionError error={startFrom.error} />
            {data.versions.length === 0 ? <p>{t('principle.versions.none')}</p> : null}
            <ol className="card-list">
              {data.versions.map((version) => (
                <li key={version.id} className="card">
                  <h2 className="card__title">
                    {t('principle.versions.version', { version: version.version })}{' '}
                    <span className={`badge badge--${version.status}`}>{t(`principle.status.${version.status}`)}</span>
                  </h2>
                  <p className="card__meta">
                    {version.adoptedOn
                      ? t('principle.versions.adopted', {
                          date: formatDate(version.adoptedOn, i18n.language),
                          by: version.adoptedBy ?? '',
                        })
                      : t('principle.versions.updated', { date: formatDateTime(version.updatedAt, i18n.language) })}
                  </p>
                  {version.recordedBy ? (
                    <p className="card__meta">
                      {t('principle.versions.recordedBy', { name: version.recordedBy.name })}
                    </p>
                  ) : null}
                  {version.basedOnPreset ? (
                    <p className="card__meta">{t('principle.versions.basedOn', { preset: version.basedOnPreset })}</p>
                  ) : null}
                  <KeyFigures version={version} />
                  {version.status === 'draft' && school?.abilities.readPrincipleDrafts ? (
                    <p>
                      <Link to={paths.principleDraft(schoolId)}>{t('principle.versions.openDraft')}</Link>
                    </p>
                  ) : null}
                  {version.status !== 'draft' && !hasDraft && school?.abilities.editPrinciple ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => void startFrom.run(version.id)}
                    >
                      {t('principle.versions.startFrom', { version: version.version })}
                    </button>
                  ) : null}
                </li>
              ))}
            </ol>
          </Page>
        );
      }}
    </Loaded>
  );
}
