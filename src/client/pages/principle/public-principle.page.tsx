import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { principleContracts } from '../../../shared/api/principle.contract.js';
import { useApiQuery } from '../../app/query.js';
import { isLocale } from '../../i18n/i18n.js';
import { Loaded } from '../../ui/errors.js';
import { Page } from '../../ui/page.js';
import { AdoptionLine, PrincipleDescription } from './plain-principle.js';

/** The public page a school's website links to: the adopted principle, no sign-in needed. */
export function PublicPrinciplePage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const lang = isLocale(i18n.language) ? i18n.language : 'da';
  const result = useApiQuery(principleContracts.public, { params: { slug }, query: { lang } });
  return (
    <Loaded result={result} title={t('principle.title')}>
      {(data) => (
        <Page title={t('principle.publicTitle', { school: data.school.name })}>
          <AdoptionLine data={data} />
          <PrincipleDescription description={data.description} />
        </Page>
      )}
    </Loaded>
  );
}
