import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';

/** Longest label of a closed day ("Efterårsferie"). */
export const CLOSED_DAY_LABEL_MAX = 100;
/** At most this many closed days in one school year (every weekday of a year is about 260). */
export const CLOSED_DAYS_PER_YEAR_MAX = 120;
/** The Danish school year starts on 1 August. */
export const SCHOOL_YEAR_START_MONTH = 8;

/** The school year 2026 runs from 1 August 2026 to 31 July 2027 ("2026/27"). */
export const ZSchoolYear = z.coerce.number().int().min(2000).max(2100);

export function schoolYearRange(schoolYear: number): { from: string; to: string; label: string } {
  return {
    from: `${schoolYear}-08-01`,
    to: `${schoolYear + 1}-07-31`,
    label: `${schoolYear}/${String((schoolYear + 1) % 100).padStart(2, '0')}`,
  };
}

export const ZClosedDay = z.object({
  date: z.iso.date().describe('A calendar date, YYYY-MM-DD.'),
  label: text({ max: CLOSED_DAY_LABEL_MAX }),
});
export type TClosedDay = z.infer<typeof ZClosedDay>;

export const ZClosedDaysParams = z.object({ schoolId: ZUuid });
export const ZClosedDaysQuery = z.object({
  /** The year the school year starts in; the current school year when left out. */
  schoolYear: ZSchoolYear.optional(),
});

/** The school's own closed days of one school year; public holidays are known already and not listed. */
export const ZClosedDays = z.object({
  schoolYear: z.number().int(),
  /** e.g. "2026/27" */
  label: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  days: z.array(ZClosedDay),
});
export type TClosedDays = z.infer<typeof ZClosedDays>;

/** Replaces every closed day of the school year with this list. */
export const ZPutClosedDays = z.object({
  schoolYear: z.number().int().min(2000).max(2100),
  days: z
    .array(ZClosedDay)
    .max(CLOSED_DAYS_PER_YEAR_MAX)
    .superRefine((days, ctx) => {
      const seen = new Set<string>();
      days.forEach((day, index) => {
        if (seen.has(day.date))
          ctx.addIssue({ code: 'custom', path: [index, 'date'], message: 'Each day may be listed once.' });
        seen.add(day.date);
      });
    }),
});
export type TPutClosedDays = z.infer<typeof ZPutClosedDays>;
