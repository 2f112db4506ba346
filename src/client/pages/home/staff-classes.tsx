import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';

/**
 * The classes a teacher or pedagogue works in, each a way into its students and their homes, and
 * for a contact teacher the way to their classes' conference rounds.
 */
export function StaffClasses({ schoolId, planConferences = false }: { schoolId: string; planConferences?: boolean }) {
  const { t } = useTranslation();
  const classes = useApiQuery(directoryContracts.classes, { params: { schoolId } });
  return (
    <LoadedPart result={classes}>
      {(data) => {
        const own = data.classes.filter((klass) => klass.staffRole !== null);
        if (own.length === 0) return <p>{t('staff.noClasses')}</p>;
        return (
          <div className="stack">
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
            {planConferences ? (
              <p>
                <Link to={paths.conferenceRounds(schoolId)}>{t('home.links.conferences')}</Link>
              </p>
            ) : null}
          </div>
        );
      }}
    </LoadedPart>
  );
}
