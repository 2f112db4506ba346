import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TClassLetter } from '../../../shared/api/class-letter.schema.js';
import { attachmentsApi } from '../../api/attachments.api.js';
import { formatDateTime } from '../../ui/format.js';
import { paths } from '../../app/paths.js';
import './class-letters.css';

/** Where a letter stands: a draft, when it publishes, when it was published. */
export function LetterStatus({ letter }: { letter: TClassLetter }) {
  const { t, i18n } = useTranslation();
  const at = letter.publishedAt ?? letter.publishAt;
  return (
    <span className={letter.status === 'published' ? 'badge' : 'badge badge--warning'}>
      {t(`classLetters.status.${letter.status}`, { at: at ? formatDateTime(at, i18n.language) : '' })}
    </span>
  );
}

/**
 * One letter: its heading, who wrote it and when, the text (sanitised on the server, so shown as
 * it is), its files, and for the staff how many of the class's homes have read it.
 */
export function LetterCard({
  schoolId,
  letter,
  full = false,
}: {
  schoolId: string;
  letter: TClassLetter;
  full?: boolean;
}) {
  const { t } = useTranslation();
  const id = `letter-${letter.id}`;
  const files = letter.attachments.filter((a) => !a.inText);
  return (
    <article aria-labelledby={id} className="stack-sm">
      <h3 id={id} className="card__title">
        {full ? letter.title : <Link to={paths.classLetter(schoolId, letter.id)}>{letter.title}</Link>}
      </h3>
      <p className="card__meta">
        {letter.class.name} · {t('classLetters.by', { name: letter.writtenBy.name })} · <LetterStatus letter={letter} />
      </p>
      {letter.reads ? <p>{t('classLetters.reads', letter.reads)}</p> : null}
      {full ? (
        <>
          {/* The server keeps only a small safe set of tags (class-letters/letter-html.ts). */}
          <div className="letter-body" dangerouslySetInnerHTML={{ __html: letter.bodyHtml }} />
          {files.length > 0 ? (
            <section aria-label={t('classLetters.files')}>
              <h4>{t('classLetters.files')}</h4>
              <ul className="link-list">
                {files.map((file) => (
                  <li key={file.id}>
                    <a href={attachmentsApi.downloadUrl(file.id)}>{file.name}</a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </article>
  );
}
