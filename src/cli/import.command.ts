import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { openConfiguredDatabase } from '../server/server.js';
import { systemClock } from '../server/clock.js';
import { AppError } from '../server/errors.js';
import { findSchoolByIdOrSlug } from '../server/directory-import/directory-import.repository.js';
import { importDirectoryFile } from '../server/directory-import/directory-import.service.js';
import { errorMessage, type Locale } from '../shared/errors.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB, type TImportIssue, type TImportResult } from '../shared/api/import.schema.js';
import { IMPORT_USAGE } from './usage.js';

const TEXT = {
  da: {
    usage: `Brug: ${IMPORT_USAGE}`,
    noFile: (f: string) => `Filen findes ikke: ${f}`,
    noSchool: (s: string) => `Skolen findes ikke: ${s}`,
    header: (school: string, file: string, rows: number) => `${school}: ${file}, ${rows} rækker`,
    read: (encoding: string, delimiter: string) => `Læst som ${encoding}, adskilt med ${delimiter}`,
    columns: ['', 'nye', 'ændrede', 'uændrede'],
    kinds: {
      classes: 'klasser',
      students: 'elever',
      guardians: 'forældre',
      staff: 'medarbejdere',
      households: 'husstande',
      relations: 'relationer',
    },
    removed: (n: number) => `Relationer fjernet (ikke længere i filen): ${n}`,
    users: (n: number) => `Nye logins (log ind med link på e-mail): ${n}`,
    warnings: 'Bemærk:',
    dryRun: 'Tørkørsel: intet er gemt.',
    done: 'Importen er gemt.',
    line: (n: number) => `linje ${n}`,
    delimiters: { ';': 'semikolon', ',': 'komma', '\t': 'tabulator' } as Record<string, string>,
  },
  en: {
    usage: `Usage: ${IMPORT_USAGE}`,
    noFile: (f: string) => `The file does not exist: ${f}`,
    noSchool: (s: string) => `The school does not exist: ${s}`,
    header: (school: string, file: string, rows: number) => `${school}: ${file}, ${rows} rows`,
    read: (encoding: string, delimiter: string) => `Read as ${encoding}, separated by ${delimiter}`,
    columns: ['', 'new', 'changed', 'unchanged'],
    kinds: {
      classes: 'classes',
      students: 'students',
      guardians: 'guardians',
      staff: 'staff',
      households: 'households',
      relations: 'relations',
    },
    removed: (n: number) => `Relations removed (no longer in the file): ${n}`,
    users: (n: number) => `New logins (sign in with a link by e-mail): ${n}`,
    warnings: 'Note:',
    dryRun: 'Dry run: nothing was saved.',
    done: 'The import has been saved.',
    line: (n: number) => `line ${n}`,
    delimiters: { ';': 'semicolon', ',': 'comma', '\t': 'tab' } as Record<string, string>,
  },
};

function formatResult(result: TImportResult, schoolName: string, locale: Locale): string {
  const t = TEXT[locale];
  const rows = (Object.keys(t.kinds) as (keyof typeof t.kinds)[]).map((kind) => {
    const c = result.counts[kind];
    return [t.kinds[kind], String(c.created), String(c.updated), String(c.unchanged)];
  });
  const table = [t.columns, ...rows];
  const widths = t.columns.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const lines = [
    t.header(schoolName, result.fileName, result.rows),
    t.read(result.encoding, t.delimiters[result.delimiter] ?? result.delimiter),
    '',
    ...table.map(
      (r) => '  ' + r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]! + 2))).join(''),
    ),
    '',
    t.removed(result.counts.relations.removed),
    t.users(result.counts.usersCreated),
  ];
  if (result.warnings.length > 0) {
    lines.push('', t.warnings, ...result.warnings.map((w) => `  ${w.line ? `${t.line(w.line)}: ` : ''}${w.message}`));
  }
  lines.push('', result.dryRun ? t.dryRun : t.done);
  return lines.join('\n') + '\n';
}

const formatIssue = (issue: TImportIssue, locale: Locale) =>
  `  ${TEXT[locale].line(issue.line)}${issue.field ? ` (${issue.field})` : ''}: ${issue.message}`;

/** `samspil import`: exit 0 when imported (or checked, with --dry-run), 2 when the file or the arguments are refused. */
export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      school: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      lang: { type: 'string', default: 'da' },
      json: { type: 'boolean', default: false },
    },
  });
  const locale: Locale = values.lang === 'en' ? 'en' : 'da';
  const t = TEXT[locale];
  const file = positionals[0];
  if (!file || !values.school || positionals.length > 1) {
    process.stderr.write(`${t.usage}\n`);
    return 2;
  }
  const size = await stat(file).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) {
    process.stderr.write(`${t.noFile(file)}\n`);
    return 2;
  }
  // A file over the limit is refused before it is read into memory.
  if (size > MAX_IMPORT_BYTES) {
    process.stderr.write(`${errorMessage('import_too_large', locale, { maxMb: MAX_IMPORT_MB })}\n`);
    return 2;
  }

  const database = await openConfiguredDatabase(loadConfig());
  try {
    const school = await findSchoolByIdOrSlug(database.db, values.school);
    if (!school) {
      process.stderr.write(`${t.noSchool(values.school)}\n`);
      return 2;
    }
    const result = await importDirectoryFile(database.db, await readFile(file), {
      schoolId: school.id,
      fileName: path.basename(file),
      dryRun: values['dry-run'],
      byName: locale === 'da' ? 'Kommandolinjen (samspil import)' : 'Command line (samspil import)',
      now: systemClock.now(),
      locale,
    });
    process.stdout.write(
      values.json ? `${JSON.stringify(result, null, 2)}\n` : formatResult(result, school.name, locale),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const issues = (error.options.details ?? []) as TImportIssue[];
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ error: { code: error.code, message: errorMessage(error.code, locale, error.options.params), details: issues } }, null, 2)}\n`,
      );
    } else {
      process.stderr.write(
        `${errorMessage(error.code, locale, error.options.params)}\n${issues.map((i) => formatIssue(i, locale) + '\n').join('')}`,
      );
    }
    return 2;
  } finally {
    await database.close();
  }
}
