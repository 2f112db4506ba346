import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import type { TMe } from '../../../shared/api/directory.schema.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { Section } from '../../ui/page.js';
import { PlainPrinciple } from '../principle/plain-principle.js';

/** A student's own page: their class, who to go to, and what the school has promised, in simple words. */
export function StudentHome({ school }: { school: TMe['schools'][number] }) {
  const { t } = useTranslation();
  const classes = useApiQuery(directoryContracts.classes, { params: { schoolId: school.id } });
  return (
    <>
      <Section title={t('student.yourClass')} id={`student-class-${school.id}`}>
        <LoadedPart result={classes}>
          {(data) => {
            const own = data.classes.find((klass) => klass.staffRole === null && klass.childIds.length === 0);
            if (!own) return <p>{t('student.noClass')}</p>;
            return (
              <div className="card">
                <p className="card__title">
                  <Link to={paths.class(school.id, own.id)}>{t('staff.className', { className: own.name })}</Link>
                </p>
                {own.contactTeacher ? <p>{t('student.contactTeacher', { name: own.contactTeacher.name })}</p> : null}
              </div>
            );
          }}
        </LoadedPart>
      </Section>
      <Section title={t('student.principleTitle')} id={`student-principle-${school.id}`}>
        <p>{t('student.principleLead')}</p>
        <PlainPrinciple slug={school.slug} headingLevel={3} />
      </Section>
    </>
  );
}
