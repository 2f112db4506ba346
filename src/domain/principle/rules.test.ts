import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classUpdateCadenceFor, isQuietTime, regularConferenceRounds, studentInvolvementFor } from './rules.js';
import { arbPrinciple } from './principle.arbitrary.js';

const at = (isoWeekday: number, hhmm: string) => ({
  isoWeekday,
  minuteOfDay: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)),
});

describe('isQuietTime', () => {
  const evenings = { from: '18:00', to: '07:00', weekends: true };

  it('covers evenings and nights across midnight, and weekends', () => {
    expect(isQuietTime(evenings, at(2, '17:59'))).toBe(false);
    expect(isQuietTime(evenings, at(2, '18:00'))).toBe(true);
    expect(isQuietTime(evenings, at(3, '03:00'))).toBe(true);
    expect(isQuietTime(evenings, at(3, '06:59'))).toBe(true);
    expect(isQuietTime(evenings, at(3, '07:00'))).toBe(false);
    expect(isQuietTime(evenings, at(6, '12:00'))).toBe(true);
    expect(isQuietTime(evenings, at(7, '12:00'))).toBe(true);
    expect(isQuietTime({ ...evenings, weekends: false }, at(6, '12:00'))).toBe(false);
  });

  it('handles quiet hours within one day and no quiet hours at all', () => {
    expect(isQuietTime({ from: '12:00', to: '13:00', weekends: false }, at(1, '12:30'))).toBe(true);
    expect(isQuietTime({ from: '12:00', to: '13:00', weekends: false }, at(1, '13:30'))).toBe(false);
    expect(isQuietTime(null, at(7, '03:00'))).toBe(false);
  });
});

describe('grade lookups', () => {
  it('finds the band a grade falls in, and null outside every band', () => {
    fc.assert(
      fc.property(arbPrinciple, fc.integer({ min: 0, max: 10 }), (p, grade) => {
        const band = p.classUpdates.bands.find((b) => b.fromGrade <= grade && grade <= b.toGrade);
        expect(classUpdateCadenceFor(p, grade)).toBe(band?.cadence ?? null);
        const involvement = p.studentInvolvement.bands.find((b) => b.fromGrade <= grade && grade <= b.toGrade);
        expect(studentInvolvementFor(p, grade)).toBe(involvement?.level ?? null);
      }),
    );
  });

  it('leaves at least one round a year for every student', () => {
    fc.assert(
      fc.property(
        arbPrinciple,
        (p) => regularConferenceRounds(p) >= 1 && regularConferenceRounds(p) <= p.conferences.perYear,
      ),
    );
  });
});
