import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { principleContracts } from '../../../shared/api/principle.contract.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useApiQuery } from '../../app/query.js';
import { isLocale } from '../../i18n/i18n.js';
import { LoadError, Loading, NotFoundPage, useErrorText } from '../../ui/errors.js';
import { Notice } from '../../ui/notice.js';
import { Page } from '../../ui/page.js';
import { AdoptionLine, PrincipleDescription } from './plain-principle.js';

/** The school's adopted principle for members of the school, with the way to its history and draft. */
export function PrinciplePage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { schoolId = '' } = useParams();
  const { me } = useSession();
  const school = me?.schools.find((s) => s.id === schoolId);
  const lang = isLocale(i18n.language) ? i18n.language : 'da';
  const result = useApiQuery(
    principleContracts.public,
    { params: { slug: school?.slug ?? '' }, query: { lang } },
    { enabled: Boolean(school) },
  );
  if (!school) return <NotFoundPage />;
  const title = t('principle.title');
  const canEdit = school.abilities.editPrinciple || school.abilities.readPrincipleDrafts;
  const publicAddress = `${window.location.origin}${paths.publicPrinciple(school.slug)}`;

  const links = (
    <ul className="link-list">
      <li>
        <Link to={paths.principleVersions(schoolId)}>{t('principle.versionsLink')}</Link>
      </li>
      {canEdit ? (
        <li>
          <Link to={paths.principleDraft(schoolId)}>{t('principle.draftLink')}</Link>
        </li>
      ) : null}
    </ul>
  );

  if (result.status === 'loading') {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  if (result.status === 'error') {
    if (result.error.code === 'principle_no_adopted') {
      return (
        <Page title={title}>
          <Notice kind="info">
            <p>{errorText(result.error)}</p>
          </Notice>
          {links}
        </Page>
      );
    }
    return <LoadError error={result.error} title={title} />;
  }
  const data = result.data!;
  return (
    <Page title={title}>
      <AdoptionLine data={data} />
      {links}
      <PrincipleDescription description={data.description} />
      <aside className="panel panel--quiet" aria-labelledby="public-address">
        <h2 id="public-address">{t('principle.publicAddressTitle')}</h2>
        <p>{t('principle.publicAddressLead')}</p>
        <p>
          <a href={paths.publicPrinciple(school.slug)}>{publicAddress}</a>
        </p>
      </aside>
    </Page>
  );
}
