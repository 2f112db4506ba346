import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { classRepresentativeContracts } from '../../../shared/api/class-representative.contract.js';
import { useApiQuery } from '../../app/query.js';
import { Section } from '../../ui/page.js';
import { Loading } from '../../ui/errors.js';
import { classLifeLinks, representativesPath } from './class-life-links.js';

/**
 * A class parent representative's home answers "what do I do now?": for each class they
 * represent this school year, write to its parents, and help with its parent meetings and play
 * groups. Nothing shows for anyone without a seat.
 */
export function RepresentativeHome({
  schoolId,
  childClasses,
}: {
  schoolId: string;
  /** The classes of the reader's custody children, whose representatives they may look up. */
  childClasses: ReadonlyArray<{ id: string; name: string }>;
}) {
  const { t } = useTranslation();
  const seats = useApiQuery(classRepresentativeContracts.mine, { params: { schoolId } });
  if (seats.status === 'loading') return <Loading />;
  if (seats.status !== 'ok') return null;
  if (seats.data.seats.length === 0) {
    if (childClasses.length === 0) return null;
    return (
      <p>
        {childClasses.map((c, i) => (
          <span key={c.id}>
            {i > 0 ? ' · ' : null}
            <Link to={representativesPath(schoolId, c.id)}>
              {t('representatives.home.council', { className: c.name })}
            </Link>
          </span>
        ))}
      </p>
    );
  }
  return (
    <Section title={t('representatives.home.title')} id={`representative-${schoolId}`}>
      <ul className="card-list">
        {seats.data.seats.map((seat) => {
          const page = representativesPath(schoolId, seat.class.id);
          return (
            <li key={seat.class.id} className="card">
              <h3>
                {t('representatives.home.seat', { className: seat.class.name, schoolYear: seats.data.schoolYear })}
              </h3>
              <p>
                <Link className="button" to={`${page}#write`}>
                  {t('representatives.home.write', { className: seat.class.name })}
                </Link>
              </p>
              <ul className="plain-list">
                {classLifeLinks(schoolId, seat.class.id).map((link) => (
                  <li key={link.key}>
                    <Link to={link.to}>{t(`representatives.tasks.${link.key}`, { className: seat.class.name })}</Link>
                  </li>
                ))}
                <li>
                  <Link to={page}>{t('representatives.home.council', { className: seat.class.name })}</Link>
                </li>
              </ul>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
