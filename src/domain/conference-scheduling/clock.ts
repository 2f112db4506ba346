/** Times of day are minutes after midnight; dates stay ISO strings. */

export type Language = 'da' | 'en';

export const GRID_MINUTES = 5;

export function parseClockTime(text: string): number {
  const [hours, minutes] = text.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export function formatClockTime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function roundUpToGrid(minutes: number): number {
  return Math.ceil(minutes / GRID_MINUTES) * GRID_MINUTES;
}

const WEEKDAYS: Record<Language, readonly string[]> = {
  da: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "tirsdag 24/11" or "Tuesday 24 Nov": the way a secretary names a day of the round. */
export function formatDay(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  // Date.UTC is calendar arithmetic on the given date, not a clock read.
  const weekday = WEEKDAYS[language][new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return language === 'da' ? `${weekday} ${day}/${month}` : `${weekday} ${day} ${MONTHS_EN[month - 1]}`;
}

export function formatInterval(start: number, end: number): string {
  return `${formatClockTime(start)}–${formatClockTime(end)}`;
}
