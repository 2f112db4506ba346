import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import type { Locale } from '../errors.js';

/** The largest import file accepted, in megabytes; a whole school's directory is far below it. */
export const MAX_IMPORT_MB = 10;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;
/**
 * The most data rows one file may hold. The largest Danish schools have about 1,500 students:
 * with two guardians and two relation rows each and the staff, about 8,000 rows. A file within
 * the limit is checked and imported in seconds; one beyond it (10 MB holds 400,000 short rows)
 * is refused at once rather than holding the database for minutes.
 */
export const MAX_IMPORT_ROWS = 20_000;
/** At most this many issues (and warnings) are listed; the count in the message is always the full number. */
export const MAX_REPORTED_ISSUES = 1000;

/** The kinds of row one import file holds, told apart by its `type` column. */
export const IMPORT_ROW_TYPES = ['class', 'student', 'guardian', 'relation', 'staff'] as const;
export type TImportRowType = (typeof IMPORT_ROW_TYPES)[number];

/**
 * Why a row cannot be imported. Each code has a Danish and an English text below; `{name}`
 * placeholders are filled from the issue's params.
 */
export const IMPORT_ISSUE_MESSAGES = {
  missing_column: {
    da: 'Kolonnen »{column}« mangler (den skal bruges til rækker af typen {type}).',
    en: 'The column "{column}" is missing (rows of type {type} need it).',
  },
  missing_type_column: {
    da: 'Kolonnen »type« mangler: den fortæller, om en række er en klasse, en elev, en forælder, en relation eller en medarbejder.',
    en: 'The column "type" is missing: it tells whether a row is a class, a student, a guardian, a relation or staff.',
  },
  unknown_column: {
    da: 'Kolonnen »{column}« kendes ikke. Se de tilladte kolonner i vejledningen til import.',
    en: 'The column "{column}" is not known. See the allowed columns in the import guide.',
  },
  duplicate_column: {
    da: 'Kolonnen »{column}« står to gange i overskriften.',
    en: 'The column "{column}" appears twice in the header.',
  },
  column_count: {
    da: 'Rækken har {actual} felter, men overskriften har {expected}. Tjek skilletegn og citationstegn.',
    en: 'The row has {actual} fields but the header has {expected}. Check separators and quotes.',
  },
  csv_syntax: {
    da: 'Filen kan ikke læses som CSV fra denne linje, fx fordi et citationstegn ikke er lukket.',
    en: 'The file cannot be read as CSV from this line, for example because a quote is not closed.',
  },
  unknown_type: {
    da: 'Ukendt type »{value}«. Brug klasse, elev, forælder, relation eller medarbejder.',
    en: 'Unknown type "{value}". Use class, student, guardian, relation or staff.',
  },
  required: { da: 'Feltet skal udfyldes.', en: 'The field must be filled in.' },
  invalid_email: { da: '»{value}« er ikke en gyldig e-mailadresse.', en: '"{value}" is not a valid e-mail address.' },
  invalid_boolean: { da: 'Skriv ja eller nej, ikke »{value}«.', en: 'Write yes or no, not "{value}".' },
  invalid_channel: {
    da: 'Ukendt kanal »{value}«. Brug app, e-mail, sms eller brev.',
    en: 'Unknown channel "{value}". Use app, email, sms or letter.',
  },
  invalid_language: {
    da: '»{value}« er ikke en sprogkode. Brug en kode på to bogstaver, fx da, ar, so, uk, tr eller ur.',
    en: '"{value}" is not a language code. Use a two-letter code such as da, ar, so, uk, tr or ur.',
  },
  invalid_date: {
    da: '»{value}« er ikke en gyldig dato. Skriv fx 2017-04-02 eller 02-04-2017.',
    en: '"{value}" is not a valid date. Write for example 2017-04-02 or 02-04-2017.',
  },
  invalid_grade: {
    da: 'Klassetrinnet skal være et tal fra 0 til 10, ikke »{value}«.',
    en: 'The grade must be a number from 0 to 10, not "{value}".',
  },
  invalid_letter: {
    da: 'Klassebogstavet skal være 1–4 bogstaver eller cifre, ikke »{value}«.',
    en: 'The class letter must be 1–4 letters or digits, not "{value}".',
  },
  invalid_kind: {
    da: 'Ukendt relation »{value}«. Brug forældremyndighed eller orienteringsret.',
    en: 'Unknown relation "{value}". Use custody or information_right.',
  },
  unknown_role: {
    da: 'Ukendt rolle »{value}«. Brug leder, administrator, lærer, pædagog eller bestyrelse.',
    en: 'Unknown role "{value}". Use leader, administrator, teacher, pedagogue or board_member.',
  },
  role_not_for_guardian: {
    da: 'En forælder kan kun have rollen bestyrelse. Skriv »{value}« på en medarbejderrække.',
    en: 'A guardian can only have the role board_member. Put "{value}" on a staff row.',
  },
  too_long: { da: 'Feltet er for langt (højst {max} tegn).', en: 'The field is too long (at most {max} characters).' },
  invalid_characters: {
    da: 'Feltet indeholder et tegn, der ikke kan bruges (fx et usynligt styretegn, et linjeskift eller et tegn, der vender teksten).',
    en: 'The field holds a character that cannot be used (such as an invisible control character, a line break or one that reverses the text).',
  },
  duplicate_id: {
    da: 'Id »{value}« står også på linje {otherLine}.',
    en: 'The id "{value}" also appears on line {otherLine}.',
  },
  duplicate_email: {
    da: 'E-mailadressen »{value}« står også på linje {otherLine}. To personer kan ikke dele et login.',
    en: 'The e-mail address "{value}" also appears on line {otherLine}. Two people cannot share a login.',
  },
  email_in_use: {
    da: 'E-mailadressen »{value}« bruges allerede af en anden person på skolen (id »{otherId}«).',
    en: 'The e-mail address "{value}" is already used by another person at the school (id "{otherId}").',
  },
  duplicate_relation: {
    da: 'Relationen mellem eleven og den voksne står også på linje {otherLine}.',
    en: 'The relation between the student and the adult also appears on line {otherLine}.',
  },
  duplicate_class_name: {
    da: 'Klassen {name} står også på linje {otherLine} med et andet id.',
    en: 'The class {name} also appears on line {otherLine} with another id.',
  },
  class_name_taken: {
    da: 'Skolen har allerede klassen {name} med id »{otherId}«.',
    en: 'The school already has the class {name} with the id "{otherId}".',
  },
  unknown_class: {
    da: 'Klassen »{value}« findes hverken i filen eller på skolen.',
    en: 'The class "{value}" is neither in the file nor at the school.',
  },
  unknown_student: {
    da: 'Eleven »{value}« findes hverken i filen eller på skolen.',
    en: 'The student "{value}" is neither in the file nor at the school.',
  },
  unknown_guardian: {
    da: 'Den voksne »{value}« findes hverken i filen eller på skolen.',
    en: 'The adult "{value}" is neither in the file nor at the school.',
  },
  household_conflict: {
    da: 'Husstanden »{value}« har en anden adresse på linje {otherLine}.',
    en: 'The household "{value}" has a different address on line {otherLine}.',
  },
} as const satisfies Record<string, { da: string; en: string }>;
export type TImportIssueCode = keyof typeof IMPORT_ISSUE_MESSAGES;

/** Things worth a look that do not stop the import. */
export const IMPORT_WARNING_MESSAGES = {
  student_without_custody: {
    da: 'Eleven »{value}« har ingen forælder med forældremyndighed.',
    en: 'The student "{value}" has no guardian with custody.',
  },
  class_without_contact_teacher: {
    da: 'Klassen {name} har ingen kontaktlærer.',
    en: 'The class {name} has no contact teacher.',
  },
  /** Stands last when more warnings were found than are listed (MAX_REPORTED_ISSUES). */
  more_warnings: {
    da: 'Og {count} advarsler mere, som ikke er vist.',
    en: 'And {count} more warnings, which are not shown.',
  },
} as const satisfies Record<string, { da: string; en: string }>;
export type TImportWarningCode = keyof typeof IMPORT_WARNING_MESSAGES;

type Params = Record<string, string | number>;
const fill = (template: string, params: Params) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));

export const importIssueMessage = (code: TImportIssueCode, locale: Locale, params: Params = {}) =>
  fill(IMPORT_ISSUE_MESSAGES[code][locale], params);
export const importWarningMessage = (code: TImportWarningCode, locale: Locale, params: Params = {}) =>
  fill(IMPORT_WARNING_MESSAGES[code][locale], params);

const ZParams = z.record(z.string(), z.union([z.string(), z.number()]));

/** One bad row: the line in the file (1 = the header), the column as written there, and why. */
export const ZImportIssue = z.object({
  line: z.number().int().min(1),
  field: z.string().optional(),
  code: z.enum(Object.keys(IMPORT_ISSUE_MESSAGES) as [TImportIssueCode, ...TImportIssueCode[]]),
  params: ZParams.optional(),
  /** In the reader's language. */
  message: z.string(),
});
export type TImportIssue = z.infer<typeof ZImportIssue>;

export const ZImportWarning = z.object({
  line: z.number().int().min(1).optional(),
  code: z.enum(Object.keys(IMPORT_WARNING_MESSAGES) as [TImportWarningCode, ...TImportWarningCode[]]),
  params: ZParams.optional(),
  message: z.string(),
});
export type TImportWarning = z.infer<typeof ZImportWarning>;

const ZCount = z.number().int().min(0);
export const ZEntityCounts = z.object({ created: ZCount, updated: ZCount, unchanged: ZCount });
export type TEntityCounts = z.infer<typeof ZEntityCounts>;

/** What an import did (or, in a dry run, would do), per kind of record. */
export const ZImportCounts = z.object({
  classes: ZEntityCounts,
  students: ZEntityCounts,
  guardians: ZEntityCounts,
  staff: ZEntityCounts,
  households: ZEntityCounts,
  /** Guardian ↔ student relations; `removed` are relations of the file's students that the file no longer lists. */
  relations: ZEntityCounts.extend({ removed: ZCount }),
  /** Logins created for new e-mail addresses (sign-in by a link sent by e-mail). */
  usersCreated: ZCount,
});
export type TImportCounts = z.infer<typeof ZImportCounts>;

export const ZImportEncoding = z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252']);
export type TImportEncoding = z.infer<typeof ZImportEncoding>;

export const ZImportResult = z.object({
  dryRun: z.boolean(),
  fileName: z.string(),
  /** How the file was read: Danish Excel saves "CSV (semikolonsepareret)" as Windows-1252 with `;`. */
  encoding: ZImportEncoding,
  delimiter: z.enum([',', ';', '\t']),
  /** Data rows read (the header and blank lines not counted). */
  rows: ZCount,
  counts: ZImportCounts,
  warnings: z.array(ZImportWarning),
  /** The recorded run; absent for a dry run, which records nothing. */
  runId: ZUuid.nullable(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/** The query of `POST /api/schools/:schoolId/imports`; the body is the file itself. */
export const ZImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Shown in the list of runs. */
  fileName: text({ min: 1, max: 200 }).default('import.csv'),
});
export type TImportQuery = z.output<typeof ZImportQuery>;

export const ZImportRun = z.object({
  id: ZUuid,
  at: z.string().describe('ISO 8601 timestamp'),
  byName: z.string(),
  fileName: z.string(),
  dryRun: z.boolean(),
  rows: ZCount,
  counts: ZImportCounts,
});
export type TImportRun = z.infer<typeof ZImportRun>;

export const ZImportRunList = z.object({ runs: z.array(ZImportRun) });
export type TImportRunList = z.infer<typeof ZImportRunList>;
