import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import { testResultContracts } from '../../../shared/api/test-result.contract.js';
import { ZRecordTestResult, ZTestKind } from '../../../shared/api/test-result.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../../shared/api/messaging.schema.js';
import { api } from '../../api/http.js';
import { newIdempotencyKey } from '../../api/messaging.api.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, Loaded, LoadedPart } from '../../ui/errors.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { problemText, useSchemaForm } from '../../ui/form.js';
import { Notice } from '../../ui/notice.js';
import { Page, Section } from '../../ui/page.js';
import { staffSchoolsOf } from '../messages/staff-schools.js';
import { TestResultCard } from './test-result-card.js';
import { FormDateField } from '../../ui/date-field.js';

type Params = { schoolId: string; studentId: string };
type Input = z.output<typeof ZRecordTestResult>;

const EMPTY: z.input<typeof ZRecordTestResult> = {
  kind: 'national',
  testName: '',
  takenOn: '',
  result: '',
  meaning: '',
  nextSteps: '',
};

/** Staff record a result: the test, its day, and in words a parent understands what it shows and what happens next. */
function RecordForm({ params, onRecorded }: { params: Params; onRecorded: () => void }) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZRecordTestResult, EMPTY);
  const [key, setKey] = useState(newIdempotencyKey);
  const record = useAction((body: Input) =>
    api(testResultContracts.record, { params, body, headers: { [IDEMPOTENCY_KEY_HEADER]: key } }),
  );
  const errors = form.formState.errors;
  return (
    <form
      className="stack-sm"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit(async (body) => {
          if (await record.run(body)) {
            form.reset(EMPTY);
            setKey(newIdempotencyKey());
            onRecorded();
          }
        })(event)
      }
    >
      <SelectField label={t('testResults.form.kind')} {...form.register('kind')}>
        {ZTestKind.options.map((kind) => (
          <option key={kind} value={kind}>
            {t(`testResults.kind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('testResults.form.testName')}
        hint={t('testResults.form.testNameHint')}
        error={problemText(errors.testName, t('testResults.errors.testName'))}
        {...form.register('testName')}
      />
      <FormDateField
        control={form.control}
        name="takenOn"
        label={t('testResults.form.takenOn')}
        error={problemText(errors.takenOn, t('testResults.errors.takenOn'))}
      />
      <TextAreaField
        label={t('testResults.result')}
        hint={t('testResults.form.resultHint')}
        rows={3}
        error={problemText(errors.result, t('testResults.errors.result'))}
        {...form.register('result')}
      />
      <TextAreaField
        label={t('testResults.meaning')}
        rows={3}
        error={problemText(errors.meaning, t('testResults.errors.meaning'))}
        {...form.register('meaning')}
      />
      <TextAreaField
        label={t('testResults.nextSteps')}
        rows={3}
        error={problemText(errors.nextSteps, t('testResults.errors.nextSteps'))}
        {...form.register('nextSteps')}
      />
      <ActionError error={record.error} />
      <p>
        <button type="submit" className="button" disabled={record.busy}>
          {t('testResults.form.record')}
        </button>
      </p>
    </form>
  );
}

/** Sends one result to every custody holder; the button is gone once it is sent. */
function SendButton({ schoolId, testResultId }: { schoolId: string; testResultId: string }) {
  const { t } = useTranslation();
  const send = useAction(() => api(testResultContracts.send, { params: { schoolId, testResultId } }));
  return (
    <div className="stack-sm">
      <ActionError error={send.error} />
      <p>
        <button type="button" className="button" disabled={send.busy} onClick={() => void send.run()}>
          {t('testResults.send')}
        </button>
      </p>
    </div>
  );
}

/**
 * A student's written test results (folkeskoleloven § 13). Staff of the class record results and
 * send them to the home, and see who has read them; the custody holders read them here (which
 * the staff then see), and the student their own from grade 7.
 */
export function TestResultsPage() {
  const { t } = useTranslation();
  const { schoolId = '', studentId = '' } = useParams();
  const params = { schoolId, studentId };
  const { me } = useSession();
  const [recorded, setRecorded] = useState(false);
  const profile = useApiQuery(directoryContracts.student, { params });
  const results = useApiQuery(testResultContracts.ofStudent, { params });
  const staff = staffSchoolsOf(me).some((s) => s.id === schoolId);
  return (
    <Loaded result={profile} title={t('testResults.title')}>
      {(student) => (
        <Page title={t('testResults.titleOf', { name: student.name })} lead={t('testResults.lead')}>
          {staff ? (
            <p>
              <Link to={paths.student(schoolId, studentId)}>
                {t('testResults.backToStudent', { name: student.name })}
              </Link>
            </p>
          ) : null}
          <Section title={t('testResults.listTitle')} id="test-results">
            <LoadedPart result={results}>
              {(data) => (
                <div className="stack-sm">
                  <p className="field__hint">{t('testResults.promise', { count: data.inWritingWithinWorkingDays })}</p>
                  {data.results.length === 0 ? (
                    <p>{t('testResults.none')}</p>
                  ) : (
                    <ul className="card-list">
                      {data.results.map((result) => (
                        <TestResultCard
                          key={result.id}
                          result={result}
                          actions={result.maySend ? <SendButton schoolId={schoolId} testResultId={result.id} /> : null}
                        />
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </LoadedPart>
          </Section>
          {staff ? (
            <Section title={t('testResults.form.title')} id="record-test-result">
              <div aria-live="polite">
                {recorded ? (
                  <Notice kind="success" live={false}>
                    <p>{t('testResults.form.recorded')}</p>
                  </Notice>
                ) : null}
              </div>
              <RecordForm params={params} onRecorded={() => setRecorded(true)} />
            </Section>
          ) : null}
        </Page>
      )}
    </Loaded>
  );
}
