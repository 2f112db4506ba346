import type { ClassStaffRole, GuardianshipKind, PreferredChannel, SchoolRole } from '../db/schema.js';
import type { TImportRowType } from '../../shared/api/import.schema.js';

/**
 * The one CSV format of the directory import (docs/IMPORT.md): every row has a `type` and the
 * columns that type uses. Headers are matched without case, spaces, hyphens or underscores,
 * so `E-mail`, `email` and `e_mail` are one column, and Danish and English names both work.
 */
export const COLUMNS = {
  type: { en: ['type', 'rowtype'], da: ['posttype', 'rækketype'] },
  id: { en: ['id', 'externalid'], da: ['eksterntid'] },
  given_name: { en: ['givenname', 'firstname'], da: ['fornavn', 'fornavne'] },
  family_name: { en: ['familyname', 'lastname', 'surname'], da: ['efternavn'] },
  email: { en: ['email', 'mail', 'emailaddress'], da: ['emailadresse'] },
  phone: { en: ['phone', 'mobile'], da: ['telefon', 'mobil', 'tlf'] },
  birth_date: { en: ['birthdate'], da: ['fødselsdato', 'foedselsdato'] },
  class: { en: ['class', 'classes'], da: ['klasse', 'klasser'] },
  grade: { en: ['grade'], da: ['årgang', 'klassetrin'] },
  letter: { en: ['letter'], da: ['bogstav', 'spor'] },
  language: { en: ['language'], da: ['sprog', 'modersmål'] },
  interpreter: { en: ['interpreter', 'needsinterpreter'], da: ['tolk', 'tolkebehov'] },
  channel: { en: ['channel', 'preferredchannel'], da: ['kanal', 'foretrukkenkanal'] },
  household: { en: ['household'], da: ['husstand'] },
  address: { en: ['address', 'addressline'], da: ['adresse'] },
  postal_code: { en: ['postalcode', 'postcode', 'zip'], da: ['postnummer', 'postnr'] },
  city: { en: ['city'], da: ['by', 'postdistrikt'] },
  address_protected: {
    en: ['addressprotected'],
    da: ['adressebeskyttelse', 'navneogadressebeskyttelse', 'adressebeskyttet'],
  },
  suspended: { en: ['suspended'], da: ['suspenderet'] },
  suspended_reason: { en: ['suspendedreason'], da: ['suspenderingsårsag', 'suspenderingsgrund'] },
  contact_hours: { en: ['contacthours'], da: ['kontakttid', 'kontakttider'] },
  student: { en: ['student'], da: ['elev'] },
  guardian: { en: ['guardian', 'parent'], da: ['forælder', 'foraelder', 'voksen'] },
  kind: { en: ['kind', 'relationkind'], da: ['relationstype', 'relation'] },
  roles: { en: ['roles', 'role'], da: ['roller', 'rolle'] },
  contact_teacher_for: { en: ['contactteacherfor'], da: ['kontaktlærerfor', 'kontaktlaererfor'] },
  representative_for: {
    en: ['representativefor', 'classrepresentativefor'],
    da: ['kontaktforælderfor', 'kontaktforaeldrefor'],
  },
} as const satisfies Record<string, { en: readonly string[]; da: readonly string[] }>;
export type Column = keyof typeof COLUMNS;

/** One data row as read from the file: the line it starts on and its cells by column. */
export interface ImportRow {
  line: number;
  values: Partial<Record<Column, string>>;
}

/** The columns a file has, with the header text it used for each (for messages). */
export type ColumnHeaders = Partial<Record<Column, string>>;

export const normalizeHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9æøåäöü]/g, '');

type HeaderMatch = { column: Column; language: 'da' | 'en' };
const HEADER_INDEX: ReadonlyMap<string, HeaderMatch> = new Map(
  (Object.entries(COLUMNS) as [Column, { en: readonly string[]; da: readonly string[] }][]).flatMap(
    ([column, names]) => [
      ...names.en.map((n): [string, HeaderMatch] => [n, { column, language: 'en' }]),
      ...names.da.map((n): [string, HeaderMatch] => [n, { column, language: 'da' }]),
    ],
  ),
);

export const columnOfHeader = (header: string): Column | undefined => HEADER_INDEX.get(normalizeHeader(header))?.column;

const word = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

function lookup<T>(table: Record<string, T>, value: string): T | undefined {
  const key = word(value);
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

const TYPES: Record<string, TImportRowType> = {
  class: 'class',
  klasse: 'class',
  student: 'student',
  elev: 'student',
  guardian: 'guardian',
  parent: 'guardian',
  forælder: 'guardian',
  foraelder: 'guardian',
  voksen: 'guardian',
  relation: 'relation',
  staff: 'staff',
  medarbejder: 'staff',
  ansat: 'staff',
  personale: 'staff',
};
export const parseRowType = (value: string) => lookup(TYPES, value);

const BOOLEANS: Record<string, boolean> = {
  ja: true,
  j: true,
  yes: true,
  y: true,
  true: true,
  sand: true,
  '1': true,
  x: true,
  nej: false,
  n: false,
  no: false,
  false: false,
  falsk: false,
  '0': false,
};
/** An empty cell is "no"; anything that is not a recognised yes or no is an error (undefined). */
export const parseBoolean = (value: string): boolean | undefined =>
  value.trim() === '' ? false : lookup(BOOLEANS, value);

const CHANNELS: Record<string, PreferredChannel> = {
  app: 'app',
  aula: 'app',
  email: 'email',
  mail: 'email',
  epost: 'email',
  sms: 'sms',
  tekstbesked: 'sms',
  letter: 'letter',
  brev: 'letter',
  post: 'letter',
  papir: 'letter',
};
export const parseChannel = (value: string) => lookup(CHANNELS, value);

const KINDS: Record<string, GuardianshipKind> = {
  custody: 'custody',
  forældremyndighed: 'custody',
  foraeldremyndighed: 'custody',
  myndighed: 'custody',
  informationright: 'information_right',
  information: 'information_right',
  orienteringsret: 'information_right',
  orientering: 'information_right',
};
export const parseKind = (value: string) => lookup(KINDS, value);

const ROLES: Record<string, SchoolRole> = {
  leader: 'leader',
  leder: 'leader',
  skoleleder: 'leader',
  viceskoleleder: 'leader',
  afdelingsleder: 'leader',
  administrator: 'administrator',
  administration: 'administrator',
  admin: 'administrator',
  kontor: 'administrator',
  sekretær: 'administrator',
  teacher: 'teacher',
  lærer: 'teacher',
  laerer: 'teacher',
  pedagogue: 'pedagogue',
  pædagog: 'pedagogue',
  paedagog: 'pedagogue',
  boardmember: 'board_member',
  board: 'board_member',
  bestyrelse: 'board_member',
  bestyrelsesmedlem: 'board_member',
};
export const parseRole = (value: string) => lookup(ROLES, value);

// Schools' systems export language names as often as codes; the common ones are accepted too.
const LANGUAGE_NAMES: Record<string, string> = {
  dansk: 'da',
  danish: 'da',
  engelsk: 'en',
  english: 'en',
  arabisk: 'ar',
  arabic: 'ar',
  somali: 'so',
  somalisk: 'so',
  ukrainsk: 'uk',
  ukrainian: 'uk',
  tyrkisk: 'tr',
  turkish: 'tr',
  urdu: 'ur',
  polsk: 'pl',
  polish: 'pl',
  tysk: 'de',
  german: 'de',
  farsi: 'fa',
  persisk: 'fa',
  persian: 'fa',
  kurdisk: 'ku',
  kurdish: 'ku',
  tigrinya: 'ti',
  rumænsk: 'ro',
  romanian: 'ro',
  litauisk: 'lt',
  lithuanian: 'lt',
  vietnamesisk: 'vi',
  vietnamese: 'vi',
  russisk: 'ru',
  russian: 'ru',
  bosnisk: 'bs',
  bosnian: 'bs',
  dari: 'prs',
  pashto: 'ps',
  tamil: 'ta',
  thai: 'th',
  tagalog: 'tl',
  svensk: 'sv',
  norsk: 'no',
};
/** An ISO 639 code (`ar`, `prs`) or a common language name; empty means Danish. */
export function parseLanguage(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return 'da';
  if (/^[a-z]{2,3}$/.test(v)) return v;
  return LANGUAGE_NAMES[word(v)];
}

/** ISO (2017-04-02) or the Danish day-first forms Excel writes (02-04-2017, 2.4.2017, 02/04/2017). */
export function parseDate(value: string): string | undefined {
  const v = value.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const danish = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (danish) [d, m, y] = [Number(danish[1]), Number(danish[2]), Number(danish[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900)
    return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const isEmail = (value: string) => value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** A list cell (`3A, 3B` or `leder|lærer`): separated by commas, semicolons, bars or spaces. */
export const splitList = (value: string) => value.split(/[\s,;|]+/).filter((v) => v !== '');

/** A class id such as `3A`, `3.A` or `10 X` also names the class's grade and letter. */
export function gradeAndLetterOfClassId(id: string): { grade: number; letter: string } | undefined {
  const match = /^(\d{1,2})\s*[.\s-]?\s*([A-Za-zÆØÅæøå])$/.exec(id.trim());
  if (!match) return undefined;
  const grade = Number(match[1]);
  return grade <= 10 ? { grade, letter: match[2]!.toUpperCase() } : undefined;
}

export const isClassLetter = (value: string) => /^[\p{L}\d]{1,4}$/u.test(value);

/** The class-staff role a staff member gets in the classes they teach but are not contact teacher of. */
export const classRoleOfStaff = (roles: readonly SchoolRole[]): Exclude<ClassStaffRole, 'contact_teacher'> =>
  roles.includes('pedagogue') && !roles.includes('teacher') ? 'pedagogue' : 'teacher';

/** Columns each row type reads; every other filled-in cell on that row is ignored. */
export const COLUMNS_OF_TYPE: Record<TImportRowType, readonly Column[]> = {
  class: ['type', 'id', 'grade', 'letter'],
  student: ['type', 'id', 'given_name', 'family_name', 'class', 'birth_date', 'language', 'email'],
  guardian: [
    'type',
    'id',
    'given_name',
    'family_name',
    'email',
    'phone',
    'household',
    'address',
    'postal_code',
    'city',
    'language',
    'interpreter',
    'channel',
    'address_protected',
    'suspended',
    'suspended_reason',
    'contact_hours',
    'roles',
    'representative_for',
  ],
  relation: ['type', 'student', 'guardian', 'kind'],
  staff: [
    'type',
    'id',
    'given_name',
    'family_name',
    'email',
    'phone',
    'contact_hours',
    'roles',
    'class',
    'contact_teacher_for',
  ],
};

/** Columns a row type cannot do without; a file with such rows must have these columns. */
export const REQUIRED_OF_TYPE: Record<TImportRowType, readonly Column[]> = {
  class: ['id'],
  student: ['id', 'given_name', 'family_name', 'class'],
  guardian: ['id', 'given_name', 'family_name'],
  relation: ['student', 'guardian', 'kind'],
  staff: ['id', 'given_name', 'family_name', 'roles'],
};

/** Longest text accepted per free-text cell, so a broken file cannot fill the database with junk. */
export const MAX_CELL_LENGTH = 200;

/** How a column is named in messages: in Danish for files with Danish headers, else in English. */
export const COLUMN_LABELS: Record<Column, { da: string; en: string }> = {
  type: { da: 'type', en: 'type' },
  id: { da: 'id', en: 'id' },
  given_name: { da: 'fornavn', en: 'given_name' },
  family_name: { da: 'efternavn', en: 'family_name' },
  email: { da: 'e-mail', en: 'email' },
  phone: { da: 'telefon', en: 'phone' },
  birth_date: { da: 'fødselsdato', en: 'birth_date' },
  class: { da: 'klasse', en: 'class' },
  grade: { da: 'årgang', en: 'grade' },
  letter: { da: 'bogstav', en: 'letter' },
  language: { da: 'sprog', en: 'language' },
  interpreter: { da: 'tolk', en: 'interpreter' },
  channel: { da: 'kanal', en: 'channel' },
  household: { da: 'husstand', en: 'household' },
  address: { da: 'adresse', en: 'address' },
  postal_code: { da: 'postnummer', en: 'postal_code' },
  city: { da: 'by', en: 'city' },
  address_protected: { da: 'adressebeskyttelse', en: 'address_protected' },
  suspended: { da: 'suspenderet', en: 'suspended' },
  suspended_reason: { da: 'suspenderingsårsag', en: 'suspended_reason' },
  contact_hours: { da: 'kontakttider', en: 'contact_hours' },
  student: { da: 'elev', en: 'student' },
  guardian: { da: 'forælder', en: 'guardian' },
  kind: { da: 'relationstype', en: 'kind' },
  roles: { da: 'roller', en: 'roles' },
  contact_teacher_for: { da: 'kontaktlærer_for', en: 'contact_teacher_for' },
  representative_for: { da: 'kontaktforælder_for', en: 'representative_for' },
};

/** The file's headers are Danish when more of them are Danish names than English ones. */
export function headerLanguage(headers: ColumnHeaders): 'da' | 'en' {
  let balance = 0;
  for (const header of Object.values(headers)) {
    const match = HEADER_INDEX.get(normalizeHeader(header));
    // `type` and `id` are the same word in both languages and say nothing.
    if (match && COLUMN_LABELS[match.column].da !== COLUMN_LABELS[match.column].en)
      balance += match.language === 'da' ? 1 : -1;
  }
  return balance > 0 ? 'da' : 'en';
}
