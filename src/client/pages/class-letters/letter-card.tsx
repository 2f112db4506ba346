import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TClassLetter, TClassLetterSummary } from '../../../shared/api/class-letter.schema.js';
import { attachmentsApi } from '../../api/attachments.api.js';
import { formatDateTime } from '../../ui/format.js';
import { paths } from '../../app/paths.js';
import './class-letters.css';

/** Where a letter stands: a draft, when it publishes, when it was published. */
export function LetterStatus({ letter }: { letter: TClassLetterSummary | TClassLetter }) {
  const { t, i18n } = useTranslation();
  const at = letter.publishedAt ?? letter.publishAt;
  return (
    <span className={letter.status === 'published' ? 'badge' : 'badge badge--warning'}>
      {t(`classLetters.status.${letter.status}`, { at: at ? formatDateTime(at, i18n.language) : '' })}
    </span>
  );
}

/** "Ny" beside a letter its home reader has not opened, in the class's list and on the home page. */
export function NewLetterBadge() {
  const { t } = useTranslation();
  return <span className="badge"> {t('classLetters.feed.unread')}</span>;
}

/** A letter's heading line: its class, its writer and where it stands; for the staff, its reads. */
function LetterMeta({ letter }: { letter: TClassLetterSummary | TClassLetter }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="card__meta">
        {letter.class.name} · {t('classLetters.by', { name: letter.writtenBy.name })} · <LetterStatus letter={letter} />
      </p>
      {letter.reads ? <p>{t('classLetters.reads', letter.reads)}</p> : null}
    </>
  );
}

/**
 * A letter in a class's list: its title as the link to it (marked new to a home that has not
 * opened it), its heading line and its first words.
 */
export function LetterSummaryCard({ schoolId, letter }: { schoolId: string; letter: TClassLetterSummary }) {
  const id = `letter-${letter.id}`;
  // A home's reader (no households' count) who has not opened it yet: marked new, as on the home page.
  const unread = letter.reads === null && letter.readAt === null;
  return (
    <article aria-labelledby={id} className="stack-sm">
      <h3 className="card__title">
        <Link id={id} to={paths.classLetter(schoolId, letter.id)}>
          {letter.title}
        </Link>
        {unread ? <NewLetterBadge /> : null}
      </h3>
      <LetterMeta letter={letter} />
      {letter.excerpt ? <p className="letter-excerpt">{letter.excerpt}</p> : null}
    </article>
  );
}

/**
 * One whole letter: who wrote it and when, the text (sanitised on the server, so shown as it is),
 * its files, and for the staff how many of the class's homes have read it. The page's heading is
 * its title.
 */
export function LetterCard({ letter }: { letter: TClassLetter }) {
  const { t } = useTranslation();
  const files = letter.attachments.filter((a) => !a.inText);
  return (
    <article aria-label={letter.title} className="stack-sm">
      <LetterMeta letter={letter} />
      {/* The server keeps only a small safe set of tags (class-letters/letter-html.ts). */}
      <div className="letter-body" dangerouslySetInnerHTML={{ __html: letter.bodyHtml }} />
      {files.length > 0 ? (
        <section aria-label={t('classLetters.files')}>
          <h2>{t('classLetters.files')}</h2>
          <ul className="link-list">
            {files.map((file) => (
              <li key={file.id}>
                <a href={attachmentsApi.downloadUrl(file.id)}>{file.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
