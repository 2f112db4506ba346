/**
 * The school year the principle's figures are counted in: 1 August to 31 July, named by the year
 * it starts in ("2026/27" is 2026). Dates are ISO strings on Copenhagen's calendar.
 */
export interface SchoolYear {
  startYear: number;
  /** The first day, `YYYY-08-01`. */
  from: string;
  /** The day after the last, `YYYY+1-08-01` (exclusive). */
  to: string;
  /** Its months in order, `YYYY-08` … `YYYY+1-07`. */
  months: string[];
}

/** The school year a date falls in. */
export function schoolYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 8 ? year : year - 1;
}

export function schoolYear(startYear: number): SchoolYear {
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = ((7 + i) % 12) + 1;
    const year = month >= 8 ? startYear : startYear + 1;
    return `${year}-${String(month).padStart(2, '0')}`;
  });
  return { startYear, from: `${startYear}-08-01`, to: `${startYear + 1}-08-01`, months };
}
