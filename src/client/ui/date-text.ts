import { addDays, format, isValid, parse } from 'date-fns';
import { da, enGB, type Locale } from 'date-fns/locale';

/**
 * Dates and times as people type them in the UI's language, and the ISO text the API takes.
 * Chromium's native date field follows the browser's language ("mm/dd/yyyy" in a Danish page),
 * so the date and time fields are text fields that read and write these instead.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface DateLanguage {
  locale: Locale;
  /** How a date is shown in the field. */
  shown: string;
  /** What the field reads, tried in order: the shown form first, then the usual ways of writing it. */
  read: readonly string[];
}

const DANISH: DateLanguage = {
  locale: da,
  shown: 'dd.MM.yyyy',
  read: [
    'd.M.yyyy',
    'd-M-yyyy',
    'd/M/yyyy',
    'd.M.yy',
    'd-M-yy',
    'd/M/yy',
    'd. MMMM yyyy',
    'd MMMM yyyy',
    'd. MMM yyyy',
    'd MMM yyyy',
    'd.M',
    'd/M',
    'ddMMyyyy',
  ],
};

const ENGLISH: DateLanguage = {
  locale: enGB,
  shown: 'd MMM yyyy',
  read: [
    'd MMM yyyy',
    'd MMMM yyyy',
    'd/M/yyyy',
    'd.M.yyyy',
    'd-M-yyyy',
    'd/M/yy',
    'd MMM',
    'd MMMM',
    'd/M',
    'MMM d yyyy',
    'MMMM d yyyy',
    'ddMMyyyy',
  ],
};

const dateLanguage = (language: string) => (language === 'en' ? ENGLISH : DANISH);

/** A calendar date of our own (`2026-12-03`) as a local midnight, so no time zone shifts its day. */
function fromIso(iso: string): Date | null {
  if (!ISO_DATE.test(iso)) return null;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

const toIso = (date: Date) => format(date, 'yyyy-MM-dd');

/** Whether a text is a real calendar date written as the API takes it (`2026-12-03`). */
export const isIsoDate = (text: string) => fromIso(text) !== null;

/** "03.12.2026" in Danish, "3 Dec 2026" in English; an ISO text that is no date is given back as it is. */
export function formatDateText(iso: string, language: string): string {
  const date = fromIso(iso);
  return date ? format(date, dateLanguage(language).shown, { locale: dateLanguage(language).locale }) : iso;
}

/** "torsdag 3. december 2026" / "Thursday 3 December 2026": the typed date read back in words. */
export function describeDate(iso: string, language: string): string {
  const date = fromIso(iso);
  if (!date) return '';
  return language === 'en'
    ? format(date, 'EEEE d MMMM yyyy', { locale: enGB })
    : format(date, 'EEEE d. MMMM yyyy', { locale: da });
}

/**
 * The ISO date a typed text means in the UI's language, or null when it means none. ISO itself is
 * always read; a date without a year falls in `today`'s year. Month names may be written in
 * either case and with or without the Danish abbreviation's dot.
 */
export function parseDateText(text: string, language: string, today: Date = new Date()): string | null {
  const typed = text.trim().replace(/\s+/g, ' ').replace(/,/g, '').toLowerCase();
  if (typed === '') return null;
  if (ISO_DATE.test(typed)) return fromIso(typed) ? typed : null;
  const { locale, read } = dateLanguage(language);
  const withoutDot = typed.replace(/([a-zæøå]{3})\./g, '$1');
  for (const pattern of read) {
    for (const candidate of new Set([typed, withoutDot])) {
      const date = parse(candidate, pattern, today, { locale });
      if (isValid(date) && date.getFullYear() >= 1000) return toIso(date);
    }
  }
  return null;
}

/** The day before or after a date (arrow keys in a date field). */
export function stepDate(iso: string, days: number): string | null {
  const date = fromIso(iso);
  return date ? toIso(addDays(date, days)) : null;
}

/** A local calendar date as ISO text. */
export const isoDateOf = (date: Date) => toIso(date);

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether a text is a time of day as the API takes it (`08:30`). */
export const isHhMm = (text: string) => HH_MM.test(text);

/**
 * The 24-hour time (`08:30`) a typed text means, or null: "8", "8.30", "8:30", "0830", "830" and
 * "08 30" all read as half past eight. No "am" or "pm": the school's day is written in 24 hours.
 */
export function parseTimeText(text: string): string | null {
  const typed = text.trim();
  let match = /^(\d{1,2})(?:[.:\s](\d{2}))?$/.exec(typed);
  if (!match) {
    const digits = /^(\d{1,2})(\d{2})$/.exec(typed);
    if (!digits) return null;
    match = digits;
  }
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
