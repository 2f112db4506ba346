import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format.js';
import type { ClosedDayRange } from './closed-day-ranges.js';

/** A run of closed days in words: "12. oktober 2026 – 16. oktober 2026", or its one day. */
export function useRangeText() {
  const { t, i18n } = useTranslation();
  return (range: ClosedDayRange) =>
    range.first === range.last
      ? formatDate(range.first, i18n.language)
      : t('closedDays.range', {
          first: formatDate(range.first, i18n.language),
          last: formatDate(range.last, i18n.language),
        });
}
