import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { classLetterContracts } from '../../../shared/api/class-letter.contract.js';
import { useApiQuery } from '../../app/query.js';
import { paths } from '../../app/paths.js';
import { LoadedPart } from '../../ui/errors.js';
import { formatDate } from '../../ui/format.js';
import { Section } from '../../ui/page.js';
import { CadenceLine } from './cadence-line.js';
import { LetterStatus, NewLetterBadge } from './letter-card.js';

/**
 * The staff's classes against the principle's cadence on the home: a contact teacher sees when
 * each class's next letter is due; the leadership (`behindOnly`) the classes that have fallen behind.
 */
export function ClassLettersDue({ schoolId, behindOnly }: { schoolId: string; behindOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const due = useApiQuery(classLetterContracts.due, { params: { schoolId } });
  return (
    <Section
      title={behindOnly ? t('classLetters.due.behindTitle') : t('classLetters.due.title')}
      id={`class-letters-${schoolId}`}
    >
      <LoadedPart result={due}>
        {(data) => {
          const classes = behindOnly ? data.classes.filter((c) => c.cadence.missedInARow > 0) : data.classes;
          if (classes.length === 0)
            return <p>{behindOnly ? t('classLetters.due.noneBehind') : t('classLetters.due.none')}</p>;
          return (
            <ul className="link-list">
              {classes.map((c) => (
                <li key={c.class.id}>
                  <Link to={paths.classLetters(schoolId, c.class.id)}>{c.class.name}</Link>:{' '}
                  <CadenceLine cadence={c.cadence} /> ·{' '}
                  {c.lastPublishedAt
                    ? t('classLetters.due.last', { date: formatDate(c.lastPublishedAt, i18n.language) })
                    : t('classLetters.due.never')}
                </li>
              ))}
            </ul>
          );
        }}
      </LoadedPart>
    </Section>
  );
}

/** The newest letters from the classes of the home's children (or the student's own class). */
export function ClassLetterFeed({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const feed = useApiQuery(classLetterContracts.feed, { params: { schoolId } });
  return (
    <Section title={t('classLetters.feed.title')} id={`class-letter-feed-${schoolId}`}>
      <LoadedPart result={feed}>
        {(data) =>
          data.letters.length === 0 ? (
            <p>{t('classLetters.feed.none')}</p>
          ) : (
            <ul className="link-list">
              {data.letters.map((letter) => (
                <li key={letter.id}>
                  <Link to={paths.classLetter(schoolId, letter.id)}>
                    {letter.class.name}: {letter.title}
                  </Link>{' '}
                  <LetterStatus letter={letter} />
                  {letter.readAt === null ? <NewLetterBadge /> : null}
                </li>
              ))}
            </ul>
          )
        }
      </LoadedPart>
    </Section>
  );
}
