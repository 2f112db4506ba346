import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { classLetterContracts } from '../../../shared/api/class-letter.contract.js';
import { api } from '../../api/http.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { paths } from '../../app/paths.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { Page, Section } from '../../ui/page.js';
import { LetterCard } from './letter-card.js';
import { LetterEditor } from './letter-editor.js';

/**
 * One class letter. A guardian's opening marks it read for their household; the class's staff
 * may change or cancel it until it is published.
 */
export function ClassLetterPage() {
  const { t } = useTranslation();
  const { schoolId = '', letterId = '' } = useParams();
  const params = { schoolId, letterId };
  const letter = useApiQuery(classLetterContracts.read, { params });
  const cancel = useAction(() => api(classLetterContracts.cancel, { params }));
  return (
    <Loaded result={letter} title={t('classLetters.title')}>
      {(data) => (
        <Page title={data.title}>
          <p>
            <Link to={paths.classLetters(schoolId, data.class.id)}>{t('classLetters.back')}</Link>
          </p>
          <div className="card">
            <LetterCard letter={data} />
          </div>
          {data.mayEdit ? (
            <Section title={t('classLetters.form.editTitle')} id="edit-letter">
              <LetterEditor key={data.id + data.status} schoolId={schoolId} classId={data.class.id} letter={data} />
              <ActionError error={cancel.error} />
              <p>
                <button
                  type="button"
                  className="button button--danger"
                  disabled={cancel.busy}
                  onClick={() => void cancel.run()}
                >
                  {t('classLetters.cancel')}
                </button>
              </p>
            </Section>
          ) : null}
        </Page>
      )}
    </Loaded>
  );
}
