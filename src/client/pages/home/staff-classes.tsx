import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { directoryApi } from '../../api/school.api.js';
import { paths } from '../../app/paths.js';
import { useApi } from '../../app/use-api.js';
import { LoadedPart } from '../../ui/errors.js';

/** The classes a teacher or pedagogue works in, each a way into its students and their homes. */
export function StaffClasses({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const classes = useApi(() => directoryApi.classes(schoolId), [schoolId]);
  return (
    <LoadedPart result={classes}>
      {(data) => {
        const own = data.classes.filter((klass) => klass.staffRole !== null);
        if (own.length === 0) return <p>{t('staff.noClasses')}</p>;
        return (
          <ul className="card-list card-list--grid">
            {own.map((klass) => (
              <li key={klass.id} className="card">
                <h3 className="card__title">
                  <Link to={paths.class(schoolId, klass.id)}>{t('staff.className', { className: klass.name })}</Link>
                </h3>
                <p className="card__meta">
                  {klass.staffRole ? t(`roles.${klass.staffRole}`) : null} ·{' '}
                  {t('staff.studentCount', { count: klass.studentCount })}
                </p>
              </li>
            ))}
          </ul>
        );
      }}
    </LoadedPart>
  );
}
