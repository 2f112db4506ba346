import { useTranslation } from 'react-i18next';
import type { TRound } from '../../../shared/api/conference.schema.js';

const localeTag = (language: string) => (language === 'en' ? 'en-GB' : 'da-DK');

/** A calendar day with its weekday ("tirsdag den 19. januar 2027" / "Tuesday 19 January 2027"), without time-zone shifts. */
export function weekdayText(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(localeTag(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year!, month! - 1, day!)));
}

/** A time of day as the language writes it: "14.00" in Danish, "14:00" in English. */
export const clockText = (hhmm: string, language: string) => (language === 'en' ? hhmm : hhmm.replace(':', '.'));

/** The texts the round pages share: an afternoon, its hours, the classes. */
export function useRoundText() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return {
    day: (day: TRound['days'][number]) =>
      t('conferences.dayText', {
        day: weekdayText(day.date, language),
        from: clockText(day.from, language),
        to: clockText(day.to, language),
      }),
    date: (isoDate: string) => weekdayText(isoDate, language),
    classes: (round: TRound) => round.classes.map((klass) => klass.name).join(', '),
    grade: (grade: number) => (grade === 0 ? t('conferences.kindergarten') : t('conferences.gradeN', { grade })),
  };
}
