import type {
  TPrinciple,
  TQuietHours,
  TStudentInvolvementLevel,
  TUpdateCadence,
} from '../../shared/principle/principle.schema.js';

/**
 * Questions later features ask of a principle: how often a class writes home, how involved a
 * student is in their conference, whether staff are in quiet hours, how many rounds are for
 * everyone. Pure functions; the caller supplies the local time.
 */

/** The cadence the principle sets for a grade, or null where it sets none. */
export function classUpdateCadenceFor(principle: TPrinciple, grade: number): TUpdateCadence | null {
  return principle.classUpdates.bands.find((b) => grade >= b.fromGrade && grade <= b.toGrade)?.cadence ?? null;
}

/** How involved a student of this grade is in their conference, or null where the principle says nothing. */
export function studentInvolvementFor(principle: TPrinciple, grade: number): TStudentInvolvementLevel | null {
  return principle.studentInvolvement.bands.find((b) => grade >= b.fromGrade && grade <= b.toGrade)?.level ?? null;
}

/** Conference rounds a year that every student gets; the rest may be needs-based. */
export function regularConferenceRounds(principle: TPrinciple): number {
  return principle.conferences.perYear - principle.conferences.needsBasedRounds;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Whether a moment in Copenhagen local time falls in the staff's quiet hours. `isoWeekday` is
 * 1 (Monday) to 7 (Sunday). Quiet hours that pass midnight ("18:00"–"07:00") are handled.
 */
export function isQuietTime(quietHours: TQuietHours | null, at: { isoWeekday: number; minuteOfDay: number }): boolean {
  if (!quietHours) return false;
  if (quietHours.weekends && at.isoWeekday >= 6) return true;
  const from = minutes(quietHours.from);
  const to = minutes(quietHours.to);
  return from < to ? at.minuteOfDay >= from && at.minuteOfDay < to : at.minuteOfDay >= from || at.minuteOfDay < to;
}
