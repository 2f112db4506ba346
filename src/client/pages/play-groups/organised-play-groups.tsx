import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { playGroupContracts } from '../../../shared/api/play-group.contract.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { formatDate } from '../../ui/format.js';

/** The classes whose play groups the caller organises, on a representative's or a teacher's home. */
export function OrganisedPlayGroups({ schoolId }: { schoolId: string }) {
  const { t, i18n } = useTranslation();
  const classes = useApiQuery(playGroupContracts.organised, { params: { schoolId } });
  return (
    <LoadedPart result={classes}>
      {(data) =>
        data.classes.length === 0 ? (
          <p>{t('playGroups.home.none')}</p>
        ) : (
          <ul className="link-list">
            {data.classes.map((c) => (
              <li key={c.class.id}>
                <Link to={paths.playGroups(schoolId, c.class.id)}>
                  {t('playGroups.home.link', { className: c.class.name })}
                </Link>{' '}
                <span className="field__hint">
                  {c.nextMeetsOn
                    ? t('playGroups.home.next', { date: formatDate(c.nextMeetsOn, i18n.language) })
                    : c.rounds === 0
                      ? t('playGroups.home.notYet')
                      : t('playGroups.home.noneComing')}
                </span>
              </li>
            ))}
          </ul>
        )
      }
    </LoadedPart>
  );
}
