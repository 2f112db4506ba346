/** Dates and times in the reader's language, in Danish time. */
const TIME_ZONE = 'Europe/Copenhagen';

const localeTag = (language: string) => (language === 'en' ? 'en-GB' : 'da-DK');

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeTag(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

/** The time of day only ("14.05" / "14:05"), in Danish time. */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeTag(language), { timeStyle: 'short', timeZone: TIME_ZONE }).format(
    new Date(iso),
  );
}

/** A calendar date (`2026-11-23`) without shifting it through time zones. */
export function formatDate(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(localeTag(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year!, month! - 1, day!)),
  );
}

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(localeTag(language), options).format(value);
}

/** A promised day as people say it: "torsdag 26. november" / "Thursday 26 November", in Danish time. */
export function formatDueDay(iso: string, language: string): string {
  const parts = new Intl.DateTimeFormat(localeTag(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: TIME_ZONE,
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return language === 'en'
    ? `${part('weekday')} ${part('day')} ${part('month')}`
    : `${part('weekday')} ${part('day')}. ${part('month')}`;
}
