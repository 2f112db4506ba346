import { z } from 'zod';
import { inTransaction, type SignedInContext } from '../context.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import type { Locale } from '../../shared/errors.js';
import {
  importIssueMessage,
  importWarningMessage,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_MB,
  MAX_IMPORT_ROWS,
  MAX_REPORTED_ISSUES,
  ZImportCounts,
  type TImportEncoding,
  type TImportIssue,
  type TImportQuery,
  type TImportResult,
  type TImportRun,
  type TImportWarning,
} from '../../shared/api/import.schema.js';
import { COLUMN_LABELS, headerLanguage, isEmail, type ColumnHeaders, type ImportRow } from './import-format.js';
import { decodeImportBytes, isBlankText, parseImportText, type Delimiter, type RawIssue } from './import-parse.js';
import { planImport, type PlanIssue, type PlanWarning } from './import-plan.js';
import { localDate } from '../../domain/calendar/working-days.js';
import { schoolYearNameOf } from '../../domain/class-representatives/representatives.js';
import {
  applyImportPlan,
  insertImportRun,
  listImportRuns,
  loadDirectorySnapshot,
  lockSchoolDirectory,
} from './directory-import.repository.js';

export interface ImportOptions {
  schoolId: string;
  fileName: string;
  dryRun: boolean;
  /** Who ran it, as shown in the list of runs. */
  byName: string;
  now: Date;
  /** The language of the messages in the answer and in an `import_invalid` error. */
  locale: Locale;
}

/** The rows of a file (or of the demo generator), already split into columns. */
export interface DirectoryRows {
  headers: ColumnHeaders;
  rows: ImportRow[];
  rawIssues?: RawIssue[];
  encoding: TImportEncoding;
  delimiter: Delimiter;
}

const TYPE_LABELS: Record<string, { da: string; en: string }> = {
  class: { da: 'klasse', en: 'class' },
  student: { da: 'elev', en: 'student' },
  guardian: { da: 'forælder', en: 'guardian' },
  relation: { da: 'relation', en: 'relation' },
  staff: { da: 'medarbejder', en: 'staff' },
};

function localizeIssues(issues: PlanIssue[], headers: ColumnHeaders, locale: Locale): TImportIssue[] {
  const fileLanguage = headerLanguage(headers);
  return issues.slice(0, MAX_REPORTED_ISSUES).map((i) => {
    const params = { ...i.params };
    if (i.code === 'missing_column' && i.column) {
      params.column = COLUMN_LABELS[i.column][fileLanguage];
      params.type = TYPE_LABELS[String(params.type)]?.[locale] ?? String(params.type);
    }
    const field = i.header ?? (i.column ? (headers[i.column] ?? COLUMN_LABELS[i.column][fileLanguage]) : undefined);
    return {
      line: i.line,
      ...(field ? { field } : {}),
      code: i.code,
      ...(Object.keys(params).length > 0 ? { params } : {}),
      message: importIssueMessage(i.code, locale, params),
    };
  });
}

/** The first MAX_REPORTED_ISSUES warnings, and one that counts the rest: a big file's answer stays small. */
function localizeWarnings(warnings: PlanWarning[], locale: Locale): TImportWarning[] {
  const listed: TImportWarning[] = warnings.slice(0, MAX_REPORTED_ISSUES).map((w) => ({
    ...(w.line ? { line: w.line } : {}),
    code: w.code,
    params: w.params,
    message: importWarningMessage(w.code, locale, w.params),
  }));
  const more = warnings.length - listed.length;
  if (more > 0) {
    const params = { count: more };
    listed.push({ code: 'more_warnings', params, message: importWarningMessage('more_warnings', locale, params) });
  }
  return listed;
}

/**
 * Imports a directory file: reads it (UTF-8 or Windows-1252, `;` or `,`), checks every row, and
 * only when no row has an error writes everything in one transaction. A dry run checks and
 * counts without writing anything.
 */
export async function importDirectoryFile(db: Db, bytes: Uint8Array, options: ImportOptions): Promise<TImportResult> {
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('import_too_large', { params: { maxMb: MAX_IMPORT_MB } });
  const { text, encoding } = decodeImportBytes(bytes);
  if (isBlankText(text)) throw new AppError('import_empty');
  const parsed = parseImportText(text, encoding);
  if (parsed.rows.length === 0 && parsed.issues.length === 0) throw new AppError('import_empty');
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('import_too_many_rows', { params: { rows: parsed.rows.length, maxRows: MAX_IMPORT_ROWS } });
  }
  return importDirectoryRows(
    db,
    { headers: parsed.headers, rows: parsed.rows, rawIssues: parsed.issues, encoding, delimiter: parsed.delimiter },
    options,
  );
}

/** The part of the import after reading the file; the demo generator enters here with its rows. */
export async function importDirectoryRows(
  db: Db,
  input: DirectoryRows,
  options: ImportOptions,
): Promise<TImportResult> {
  const emails = input.rows.flatMap((r) =>
    r.values.email && isEmail(r.values.email.trim()) ? [r.values.email.trim().toLowerCase()] : [],
  );
  const run = async (tx: Db): Promise<TImportResult> => {
    if (!options.dryRun) await lockSchoolDirectory(tx, options.schoolId);
    const snapshot = await loadDirectorySnapshot(
      tx,
      options.schoolId,
      emails,
      schoolYearNameOf(localDate(options.now)),
    );
    const { issues, warnings, plan } = planImport(input, snapshot);
    if (issues.length > 0) {
      throw new AppError('import_invalid', {
        params: { count: new Set(issues.map((i) => i.line)).size },
        details: localizeIssues(issues, input.headers, options.locale),
      });
    }
    let runId: string | null = null;
    if (!options.dryRun) {
      await applyImportPlan(tx, options.schoolId, plan, schoolYearNameOf(localDate(options.now)));
      runId = await insertImportRun(tx, {
        schoolId: options.schoolId,
        at: options.now,
        byName: options.byName,
        fileName: options.fileName,
        dryRun: false,
        summary: { rows: input.rows.length, counts: plan.counts, encoding: input.encoding, delimiter: input.delimiter },
      });
    }
    return {
      dryRun: options.dryRun,
      fileName: options.fileName,
      encoding: input.encoding,
      delimiter: input.delimiter,
      rows: input.rows.length,
      counts: plan.counts,
      warnings: localizeWarnings(warnings, options.locale),
      runId,
    };
  };
  return options.dryRun ? run(db) : inTransaction({ db }, (tx) => run(tx.db));
}

const ZStoredSummary = z.object({ rows: z.number().int(), counts: ZImportCounts });

/** The school's latest import runs, newest first. */
export async function findRecentImportRuns(db: Db, schoolId: string, limit = 20): Promise<TImportRun[]> {
  const rows = await listImportRuns(db, schoolId, limit);
  return rows.map((r) => {
    const summary = ZStoredSummary.parse(r.summary);
    return {
      id: r.id,
      at: r.at.toISOString(),
      byName: r.by_name,
      fileName: r.file_name,
      dryRun: r.dry_run,
      rows: summary.rows,
      counts: summary.counts,
    };
  });
}

/**
 * The leadership imports a file through the web app (the route's policy decides who): the rows,
 * the run and the audit entry commit together.
 */
export async function importUploadedDirectory(
  ctx: SignedInContext,
  schoolId: string,
  bytes: Uint8Array,
  query: TImportQuery,
): Promise<TImportResult> {
  return inTransaction(ctx, async (tx) => {
    const result = await importDirectoryFile(tx.db, bytes, {
      schoolId,
      fileName: query.fileName,
      dryRun: query.dryRun,
      byName: tx.actor.name,
      now: tx.clock.now(),
      locale: tx.locale,
    });
    if (!result.dryRun) {
      await recordAudit(tx, {
        schoolId,
        action: 'directory.import',
        subject: result.fileName,
      });
    }
    return result;
  });
}
