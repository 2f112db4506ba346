import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { classRepresentativeContracts } from '../../../shared/api/class-representative.contract.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { Section } from '../../ui/page.js';
import { representativesPath } from './class-life-links.js';

/** The class page's "Klasseforældreråd" section: this year's representatives by name, and where to record the election. */
export function ClassRepresentativesSection({ schoolId, classId }: { schoolId: string; classId: string }) {
  const { t } = useTranslation();
  const result = useApiQuery(classRepresentativeContracts.ofClass, { params: { schoolId, classId } });
  return (
    <Section title={t('representatives.title')} id="representatives">
      <LoadedPart result={result}>
        {(data) => (
          <div className="stack-sm">
            {data.representatives.length === 0 ? (
              <p>{t('representatives.none', { schoolYear: data.schoolYear })}</p>
            ) : (
              <ul className="plain-list">
                {data.representatives.map((r) => (
                  <li key={r.personId}>{r.name}</li>
                ))}
              </ul>
            )}
            <p>
              <Link to={representativesPath(schoolId, classId)}>
                {data.mayRecord ? t('representatives.section.record') : t('representatives.section.open')}
              </Link>
            </p>
          </div>
        )}
      </LoadedPart>
    </Section>
  );
}
