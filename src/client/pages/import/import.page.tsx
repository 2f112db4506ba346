import { FileUp } from 'lucide-react';
import '../../styles/attachment-picker.css';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_MB,
  ZImportIssue,
  importIssueMessage,
  importWarningMessage,
  type TImportCounts,
  type TImportIssue,
  type TImportResult,
  type TImportWarning,
} from '../../../shared/api/import.schema.js';
import { importContracts } from '../../../shared/api/import.contract.js';
import type { ApiError } from '../../api/api-error.js';
import { importApi } from '../../api/import.api.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { isLocale } from '../../i18n/i18n.js';
import { ActionError, LoadedPart } from '../../ui/errors.js';
import { formatDateTime } from '../../ui/format.js';
import { Notice } from '../../ui/notice.js';
import { TableWrap } from '../../ui/table-wrap.js';
import { Page, Section } from '../../ui/page.js';

const KINDS = ['classes', 'students', 'guardians', 'staff', 'households', 'relations'] as const;

function CountsTable({ counts, caption }: { counts: TImportCounts; caption: string }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.counts.kind')}</th>
            <th scope="col" className="numeric">
              {t('import.counts.created')}
            </th>
            <th scope="col" className="numeric">
              {t('import.counts.updated')}
            </th>
            <th scope="col" className="numeric">
              {t('import.counts.unchanged')}
            </th>
          </tr>
        </thead>
        <tbody>
          {KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(`import.kinds.${kind}`)}</th>
              <td className="numeric">{counts[kind].created}</td>
              <td className="numeric">{counts[kind].updated}</td>
              <td className="numeric">{counts[kind].unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {counts.relations.removed > 0 ? (
        <p>{t('import.counts.relationsRemoved', { count: counts.relations.removed })}</p>
      ) : null}
      {counts.usersCreated > 0 ? <p>{t('import.counts.usersCreated', { count: counts.usersCreated })}</p> : null}
    </TableWrap>
  );
}

function useIssueText() {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'da';
  return {
    issue: (issue: TImportIssue) => importIssueMessage(issue.code, locale, issue.params),
    warning: (warning: TImportWarning) => importWarningMessage(warning.code, locale, warning.params),
  };
}

function Issues({ issues }: { issues: TImportIssue[] }) {
  const { t } = useTranslation();
  const text = useIssueText();
  return (
    <TableWrap label={t('import.issues.caption', { count: issues.length })}>
      <table>
        <caption>{t('import.issues.caption', { count: issues.length })}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('import.issues.line')}
            </th>
            <th scope="col">{t('import.issues.field')}</th>
            <th scope="col">{t('import.issues.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, index) => (
            <tr key={`${issue.line}-${issue.field ?? ''}-${index}`}>
              <td className="numeric">{issue.line}</td>
              <td>{issue.field ?? '–'}</td>
              <td>{text.issue(issue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Warnings({ warnings }: { warnings: TImportWarning[] }) {
  const { t } = useTranslation();
  const text = useIssueText();
  if (warnings.length === 0) return null;
  return (
    <Notice kind="warning" title={t('import.warnings', { count: warnings.length })} live={false}>
      <ul>
        {warnings.map((warning, index) => (
          <li key={index}>
            {warning.line ? `${t('import.issues.lineN', { line: warning.line })}: ` : null}
            {text.warning(warning)}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** The row errors of a refused file, when the server sent them in the shape the shared schema describes. */
function issuesOf(error: ApiError | null): TImportIssue[] | null {
  if (!error || error.code !== 'import_invalid' || !Array.isArray(error.details)) return null;
  const parsed = error.details.map((item) => ZImportIssue.safeParse(item));
  return parsed.every((p) => p.success) ? parsed.map((p) => p.data!) : null;
}

export function ImportPage() {
  const { t, i18n } = useTranslation();
  const { schoolId = '' } = useParams();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [checked, setChecked] = useState<TImportResult | null>(null);
  const [imported, setImported] = useState<TImportResult | null>(null);
  const runs = useApiQuery(importContracts.runs, { params: { schoolId } });

  const check = useAction(async (chosen: File) => {
    const result = await importApi.run(schoolId, chosen, true);
    setChecked(result);
    return result;
  });
  const commit = useAction(async (chosen: File) => {
    const result = await importApi.run(schoolId, chosen, false);
    setImported(result);
    setChecked(null);
    runs.reload();
    return result;
  });

  const chosenFile = (): File | null => {
    const current = fileInput.current?.files?.[0] ?? null;
    if (!current) {
      setFileError(t('import.errors.noFile'));
      fileInput.current?.focus();
      return null;
    }
    if (current.size > MAX_IMPORT_BYTES) {
      setFileError(t('import.errors.tooLarge', { maxMb: MAX_IMPORT_MB }));
      fileInput.current?.focus();
      return null;
    }
    setFileError(undefined);
    return current;
  };

  const onCheck = (event: FormEvent) => {
    event.preventDefault();
    setImported(null);
    setChecked(null);
    commit.setError(null);
    const current = chosenFile();
    if (current) void check.run(current);
  };

  const onImport = () => {
    if (file) void commit.run(file);
  };

  const checkIssues = issuesOf(check.error);
  const commitIssues = issuesOf(commit.error);

  return (
    <Page title={t('import.title')} lead={t('import.lead')} wide>
      <Section title={t('import.chooseTitle')} id="choose">
        <details className="details">
          <summary>{t('import.guide.summary')}</summary>
          <p>{t('import.guide.intro')}</p>
          <ul>
            <li>{t('import.guide.class')}</li>
            <li>{t('import.guide.student')}</li>
            <li>{t('import.guide.guardian')}</li>
            <li>{t('import.guide.relation')}</li>
            <li>{t('import.guide.staff')}</li>
          </ul>
          <p>{t('import.guide.excel')}</p>
        </details>
        <form onSubmit={onCheck} noValidate className="stack">
          <div className={fileError ? 'field field--invalid' : 'field'}>
            <label htmlFor="import-file">{t('import.fileLabel')}</label>
            <p className="field__hint" id="import-file-hint">
              {t('import.fileHint', { maxMb: MAX_IMPORT_MB })}
            </p>
            {fileError ? (
              <p className="field__error" id="import-file-error">
                {fileError}
              </p>
            ) : null}
            {/* The input is hidden from sight only (it keeps focus and keyboard); its button-like label is what people see. */}
            <div className="file-choice">
              <input
                ref={fileInput}
                id="import-file"
                type="file"
                accept=".csv,text/csv"
                className="attachment-picker__input"
                aria-describedby={
                  fileError
                    ? 'import-file-hint import-file-name import-file-error'
                    : 'import-file-hint import-file-name'
                }
                aria-invalid={fileError ? true : undefined}
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setChecked(null);
                  setImported(null);
                  check.setError(null);
                  commit.setError(null);
                }}
              />
              <label htmlFor="import-file" className="button button--secondary attachment-picker__button">
                <FileUp aria-hidden="true" size={18} />
                {t('import.chooseFile')}
              </label>
              <span id="import-file-name" className="file-choice__name">
                {file ? file.name : t('import.noFileChosen')}
              </span>
            </div>
          </div>
          <div className="actions">
            <button type="submit" className="button" aria-disabled={check.busy || undefined}>
              {t('import.check')}
            </button>
          </div>
        </form>
      </Section>

      <div aria-live="polite" className="stack">
        {check.busy ? <p>{t('import.checking')}</p> : null}
        {check.error ? (
          <Section title={t('import.resultTitle')} id="result">
            <ActionError error={check.error} />
            {checkIssues ? <Issues issues={checkIssues} /> : null}
          </Section>
        ) : null}
        {checked ? (
          <Section title={t('import.resultTitle')} id="result">
            <Notice kind="success" title={t('import.checkedOk', { rows: checked.rows })} live={false}>
              <p>{t('import.checkedNothingChanged')}</p>
            </Notice>
            <CountsTable counts={checked.counts} caption={t('import.wouldDo')} />
            <Warnings warnings={checked.warnings} />
            <ActionError error={commit.error} />
            {commitIssues ? <Issues issues={commitIssues} /> : null}
            <div className="actions">
              <button type="button" className="button" onClick={onImport} aria-disabled={commit.busy || undefined}>
                {t('import.commit', { name: checked.fileName })}
              </button>
            </div>
          </Section>
        ) : null}
        {imported ? (
          <Section title={t('import.doneTitle')} id="done">
            <Notice kind="success" title={t('import.done', { rows: imported.rows })} live={false} />
            <CountsTable counts={imported.counts} caption={t('import.didDo')} />
            <Warnings warnings={imported.warnings} />
          </Section>
        ) : null}
      </div>

      <Section title={t('import.runsTitle')} id="runs">
        <LoadedPart result={runs}>
          {(data) =>
            data.runs.length === 0 ? (
              <p>{t('import.noRuns')}</p>
            ) : (
              <TableWrap label={t('import.runsTitle')}>
                <table>
                  <caption className="visually-hidden">{t('import.runsTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('import.runs.at')}</th>
                      <th scope="col">{t('import.runs.by')}</th>
                      <th scope="col">{t('import.runs.file')}</th>
                      <th scope="col" className="numeric">
                        {t('import.runs.rows')}
                      </th>
                      <th scope="col">{t('import.runs.kind')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.runs.map((run) => (
                      <tr key={run.id}>
                        <td>{formatDateTime(run.at, i18n.language)}</td>
                        <td>{run.byName}</td>
                        <td>{run.fileName}</td>
                        <td className="numeric">{run.rows}</td>
                        <td>{run.dryRun ? t('import.runs.dryRun') : t('import.runs.real')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )
          }
        </LoadedPart>
      </Section>
    </Page>
  );
}
