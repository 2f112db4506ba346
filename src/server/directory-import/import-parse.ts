import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { TImportEncoding, TImportIssueCode } from '../../shared/api/import.schema.js';
import { isAllowedText } from '../../shared/api/common.schema.js';
import { columnOfHeader, type Column, type ColumnHeaders, type ImportRow } from './import-format.js';

/** A problem found while reading the file, before any row is looked at. */
export interface RawIssue {
  line: number;
  column?: Column;
  /** The header text when the column is not one we know. */
  header?: string;
  code: TImportIssueCode;
  params?: Record<string, string | number>;
}

export type Delimiter = ',' | ';' | '\t';

export interface ParsedFile {
  encoding: TImportEncoding;
  delimiter: Delimiter;
  headers: ColumnHeaders;
  rows: ImportRow[];
  issues: RawIssue[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the bytes as text. Excel on a Danish Windows saves "CSV" as Windows-1252 (æ, ø, å as one
 * byte each), which is never valid UTF-8 once it holds a Danish letter, so text that fails strict
 * UTF-8 decoding is read as Windows-1252. "Unicode text" from Excel is UTF-16 with a byte-order mark.
 */
export function decodeImportBytes(bytes: Uint8Array): { text: string; encoding: TImportEncoding } {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(3)), 'utf-8'), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  }
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  }
}

/** The separator is the one of `;`, `,` and tab that the header line uses most, outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

/** True when a file holds nothing but whitespace and separators. */
export const isBlankText = (text: string) => /^[\s,;]*$/.test(text);

/**
 * Splits the file into rows keyed by column, with the line each row starts on (the header is
 * line 1, as in a spreadsheet). Unknown and repeated headers and rows with the wrong number of
 * fields are reported; the caller decides that any issue stops the import.
 */
export function parseImportText(text: string, encoding: TImportEncoding): ParsedFile {
  const delimiter = detectDelimiter(text);
  const issues: RawIssue[] = [];
  // One line ending throughout, so csv-parse's line count is the line a person sees in an editor.
  const normalized = text.replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(normalized, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    return { encoding, delimiter, headers: {}, rows: [], issues: [{ line, code: 'csv_syntax' }] };
  }

  const headers: ColumnHeaders = {};
  const columnAt: (Column | undefined)[] = [];
  let previousEnd = 0;
  let headerSeen = false;
  let headerWidth = 0;
  const rows: ImportRow[] = [];
  for (const { record, info } of records) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((cell) => cell === '')) continue;
    if (!headerSeen) {
      headerSeen = true;
      headerWidth = record.length;
      record.forEach((header, index) => {
        if (header === '') return;
        const column = columnOfHeader(header);
        if (!column) {
          issues.push({ line, header, code: 'unknown_column', params: { column: header } });
        } else if (headers[column] !== undefined) {
          issues.push({ line, column, code: 'duplicate_column', params: { column: header } });
        } else {
          headers[column] = header;
          columnAt[index] = column;
        }
      });
      continue;
    }
    if (record.length !== headerWidth) {
      issues.push({ line, code: 'column_count', params: { actual: record.length, expected: headerWidth } });
      continue;
    }
    const values: ImportRow['values'] = {};
    record.forEach((cell, index) => {
      const column = columnAt[index];
      if (!column) return;
      // Checked as the API checks a text that may span lines (a quoted cell may); NUL cannot be stored.
      if (!isAllowedText(cell, 'lines')) issues.push({ line, column, code: 'invalid_characters' });
      values[column] = cell;
    });
    rows.push({ line, values });
  }
  return { encoding, delimiter, headers, rows, issues };
}
