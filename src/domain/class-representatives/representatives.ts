import { schoolYearOf } from '../figures/school-year.js';

/**
 * Class parent representatives (kontaktforældre): parents elected per class per school year,
 * usually at the first parent meeting in August or September. A class has a few; a seat holds
 * for its school year unless it is ended before.
 */

/** The most seats a class has in one school year. */
export const MAX_REPRESENTATIVES_PER_CLASS = 4;

/** A school year's name as stored on a seat: the year it starts in and the next year's last two digits, "2026/27". */
export function schoolYearName(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The school year (1 August – 31 July) a Copenhagen calendar day falls in, by name. */
export const schoolYearNameOf = (date: string): string => schoolYearName(schoolYearOf(date));

/** The year a school year's name starts in, or null for a name that is not one. */
export function startYearOf(name: string): number | null {
  const match = /^(\d{4})\/(\d{2})$/.exec(name);
  if (!match) return null;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]) ? start : null;
}

/**
 * Why an election cannot be recorded, or null when it can: the person must be a custody holder of
 * a child in the class, the election day must lie in this school year and not after today, and the
 * class must have room for one more seat (a person already seated takes no new one). A parent
 * with name and address protection is not elected: a representative is shown by name to the
 * class's homes, and that would tell them where the protected family is.
 */
export function electionProblem(e: {
  isCustodyGuardianInClass: boolean;
  nameProtected?: boolean;
  alreadySeated: boolean;
  seatsTaken: number;
  electedOn: string;
  today: string;
}):
  | 'representative_not_guardian'
  | 'representative_protected'
  | 'representative_elected_in_future'
  | 'representative_elected_other_year'
  | 'representatives_full'
  | null {
  if (!e.isCustodyGuardianInClass) return 'representative_not_guardian';
  if (e.nameProtected) return 'representative_protected';
  if (e.electedOn > e.today) return 'representative_elected_in_future';
  if (schoolYearNameOf(e.electedOn) !== schoolYearNameOf(e.today)) return 'representative_elected_other_year';
  if (!e.alreadySeated && e.seatsTaken >= MAX_REPRESENTATIVES_PER_CLASS) return 'representatives_full';
  return null;
}
