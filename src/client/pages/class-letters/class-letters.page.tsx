import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { classLetterContracts } from '../../../shared/api/class-letter.contract.js';
import { useApiQuery } from '../../app/query.js';
import { paths } from '../../app/paths.js';
import { Loaded } from '../../ui/errors.js';
import { Notice } from '../../ui/notice.js';
import { Page, Section } from '../../ui/page.js';
import { LetterSummaryCard } from './letter-card.js';
import { LetterEditor } from './letter-editor.js';
import { CadenceLine } from './cadence-line.js';

/**
 * A class's letters and posts (issue 12, point 1). Its staff write, schedule and follow them
 * (who has read them, when the next is due by the principle's cadence); the class's homes and
 * students read the published ones.
 */
export function ClassLettersPage() {
  const { t } = useTranslation();
  const { schoolId = '', classId = '' } = useParams();
  const list = useApiQuery(classLetterContracts.ofClass, { params: { schoolId, classId } });
  return (
    <Loaded result={list} title={t('classLetters.title')}>
      {(data) => (
        <Page title={t('classLetters.titleOf', { name: data.class.name })} lead={t('classLetters.lead')}>
          {data.mayWrite ? (
            <p>
              <Link to={paths.class(schoolId, classId)}>{data.class.name}</Link>
            </p>
          ) : null}
          {data.cadence ? (
            <Notice kind="info" live={false}>
              <p>
                <CadenceLine cadence={data.cadence} />
              </p>
            </Notice>
          ) : null}
          {data.mayWrite ? (
            <Section title={t('classLetters.form.newTitle')} id="write-letter">
              <LetterEditor schoolId={schoolId} classId={classId} />
            </Section>
          ) : null}
          <Section title={t('classLetters.listTitle')} id="letters">
            {data.letters.length === 0 ? (
              <p>{t('classLetters.none')}</p>
            ) : (
              <ul className="card-list">
                {data.letters.map((letter) => (
                  <li key={letter.id} className="card">
                    <LetterSummaryCard schoolId={schoolId} letter={letter} />
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </Page>
      )}
    </Loaded>
  );
}
