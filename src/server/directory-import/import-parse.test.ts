import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { columnOfHeader, headerLanguage, parseDate, parseLanguage } from './import-format.js';
import { decodeImportBytes, detectDelimiter, parseImportText } from './import-parse.js';

const parseBytes = (bytes: Uint8Array) => {
  const { text, encoding } = decodeImportBytes(bytes);
  return parseImportText(text, encoding);
};

describe('decodeImportBytes', () => {
  const text = 'type;id;fornavn;efternavn\nforælder;f1;Søren;Ærø-Åberg\n';

  it('reads UTF-8 without a byte-order mark', () => {
    expect(decodeImportBytes(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(decodeImportBytes(bytes)).toEqual({ text, encoding: 'utf-8-bom' });
  });

  it('reads what Danish Excel writes (Windows-1252, æøå as one byte each)', () => {
    const bytes = iconv.encode(text, 'win1252');
    expect(bytes.includes(0xf8)).toBe(true); // ø is the single byte 0xF8, invalid as UTF-8
    expect(decodeImportBytes(bytes)).toEqual({ text, encoding: 'windows-1252' });
  });

  it('reads UTF-16 little-endian with its byte-order mark (Excel "Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    expect(decodeImportBytes(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });
});

describe('detectDelimiter', () => {
  it('picks the separator the header line uses, ignoring quoted ones', () => {
    expect(detectDelimiter('type;id;fornavn\nelev;e1;"A, B"')).toBe(';');
    expect(detectDelimiter('type,id,"given;name"\n')).toBe(',');
    expect(detectDelimiter('type\tid\tgiven_name\n')).toBe('\t');
    expect(detectDelimiter('type\n')).toBe(',');
  });
});

describe('parseImportText', () => {
  it('maps Danish and English headers to the same columns, whatever the case and punctuation', () => {
    expect(columnOfHeader('E-mail')).toBe('email');
    expect(columnOfHeader('e_mail')).toBe('email');
    expect(columnOfHeader('Fornavn')).toBe('given_name');
    expect(columnOfHeader('given_name')).toBe('given_name');
    expect(columnOfHeader('Kontaktlærer for')).toBe('contact_teacher_for');
    expect(columnOfHeader('Posttype')).toBe('type');
    expect(columnOfHeader('Navne- og adressebeskyttelse')).toBe('address_protected');
    expect(columnOfHeader('skostørrelse')).toBeUndefined();
  });

  it('gives each row the line it starts on, counting blank lines and cells that span lines', () => {
    const parsed = parseImportText('type;id;fornavn\r\n\r\nelev;e1;"Anna\r\nMaria"\r\n;;\r\nelev;e2;Bo\r\n', 'utf-8');
    expect(parsed.issues).toEqual([]);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows).toEqual([
      { line: 3, values: { type: 'elev', id: 'e1', given_name: 'Anna\nMaria' } },
      { line: 6, values: { type: 'elev', id: 'e2', given_name: 'Bo' } },
    ]);
  });

  it('reads a Windows-1252 file with ; separators end to end', () => {
    const csv = 'Type;Id;Fornavn;Efternavn;Klasse\nelev;e1;Åse;Sørensen;3A\n';
    const parsed = parseBytes(iconv.encode(csv, 'win1252'));
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.rows[0]!.values).toEqual({
      type: 'elev',
      id: 'e1',
      given_name: 'Åse',
      family_name: 'Sørensen',
      class: '3A',
    });
    expect(headerLanguage(parsed.headers)).toBe('da');
  });

  it('reports unknown and repeated columns on line 1', () => {
    const parsed = parseImportText('type,id,skostørrelse,fornavn,given_name\nelev,e1,38,A,B\n', 'utf-8');
    expect(parsed.issues).toEqual([
      { line: 1, header: 'skostørrelse', code: 'unknown_column', params: { column: 'skostørrelse' } },
      { line: 1, column: 'given_name', code: 'duplicate_column', params: { column: 'given_name' } },
    ]);
  });

  it('reports a row with the wrong number of fields', () => {
    const parsed = parseImportText('type;id;fornavn\nelev;e1;A\nelev;e2;B;ekstra\n', 'utf-8');
    expect(parsed.issues).toEqual([{ line: 3, code: 'column_count', params: { actual: 4, expected: 3 } }]);
    expect(parsed.rows.map((r) => r.line)).toEqual([2]);
  });

  it('reports a quote that is never closed', () => {
    const parsed = parseImportText('type;id;fornavn\nelev;e1;A\nelev;e2;"B\nelev;e3;C\n', 'utf-8');
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]!.code).toBe('csv_syntax');
    expect(parsed.issues[0]!.line).toBeGreaterThanOrEqual(3);
  });
});

describe('cell formats', () => {
  it('reads ISO and Danish day-first dates and refuses impossible ones', () => {
    expect(parseDate('2017-04-02')).toBe('2017-04-02');
    expect(parseDate('02-04-2017')).toBe('2017-04-02');
    expect(parseDate('2.4.2017')).toBe('2017-04-02');
    expect(parseDate('02/04/2017')).toBe('2017-04-02');
    expect(parseDate('31-02-2017')).toBeUndefined();
    expect(parseDate('april')).toBeUndefined();
  });

  it('reads language codes and common language names', () => {
    expect(parseLanguage('')).toBe('da');
    expect(parseLanguage('AR')).toBe('ar');
    expect(parseLanguage('Somali')).toBe('so');
    expect(parseLanguage('ukrainsk')).toBe('uk');
    expect(parseLanguage('klingon!')).toBeUndefined();
  });
});

describe('characters a cell may not hold', () => {
  it.each([
    ['NUL', 'Åse\u0000'],
    ['a bell', 'Å\u0007se'],
    ['a right-to-left override', '\u202eØst'],
    ['a C1 control', 'Øst\u0085'],
    ['a vertical tab inside quotes', '"Øster\u000bby"'],
  ])('reports %s as invalid_characters on its line and column', (_, cell) => {
    const parsed = parseImportText(`type;id;fornavn;efternavn\nelev;e1;Åse;Øst\nelev;e2;Bo;${cell}\n`, 'utf-8');
    expect(parsed.issues).toEqual([{ line: 3, column: 'family_name', code: 'invalid_characters' }]);
  });

  it('keeps Danish, Arabic, emoji and a cell that spans lines as written', () => {
    const parsed = parseImportText('type;id;fornavn;efternavn\nelev;e1;مريم;"Ærø\n😀"\n', 'utf-8');
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows[0]?.values).toMatchObject({ given_name: 'مريم', family_name: 'Ærø\n😀' });
  });
});
