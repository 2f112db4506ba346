import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromZonedTime } from 'date-fns-tz';
import { SCHOOL_TIME_ZONE, localDate, replyDueAt, type SchoolCalendar } from './working-days.js';
import {
  absencesOverlap,
  absentThrough,
  firstReadingDay,
  firstWorkingDayBack,
  replyDueAfterAbsence,
  routeAroundAbsences,
} from './staff-absence.js';

const cph = (local: string) => fromZonedTime(local, SCHOOL_TIME_ZONE);
const calendar = (...closedDays: string[]): SchoolCalendar => ({ closedDays: new Set(closedDays) });
const noClosedDays = calendar();
const dayAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('absencesOverlap', () => {
  it('counts a shared first or last day as overlap, and days that only touch as none', () => {
    expect(
      absencesOverlap(
        { firstDay: '2026-11-23', lastDay: '2026-11-25' },
        { firstDay: '2026-11-25', lastDay: '2026-11-27' },
      ),
    ).toBe(true);
    expect(
      absencesOverlap(
        { firstDay: '2026-11-23', lastDay: '2026-11-25' },
        { firstDay: '2026-11-26', lastDay: '2026-11-27' },
      ),
    ).toBe(false);
    expect(
      absencesOverlap(
        { firstDay: '2026-11-20', lastDay: '2026-11-30' },
        { firstDay: '2026-11-24', lastDay: '2026-11-24' },
      ),
    ).toBe(true);
  });
});

describe('absentThrough', () => {
  it('is null when no absence covers today', () => {
    expect(absentThrough([{ firstDay: '2026-11-24', lastDay: '2026-11-27' }], '2026-11-23', noClosedDays)).toBeNull();
    expect(absentThrough([{ firstDay: '2026-11-16', lastDay: '2026-11-20' }], '2026-11-23', noClosedDays)).toBeNull();
  });

  it('follows absences that join on, across a weekend, but not across a working day back', () => {
    const sickThenCourse = [
      { firstDay: '2026-11-23', lastDay: '2026-11-27' },
      { firstDay: '2026-11-30', lastDay: '2026-12-02' },
      { firstDay: '2026-12-04', lastDay: '2026-12-04' },
    ];
    expect(absentThrough(sickThenCourse, '2026-11-24', noClosedDays)).toBe('2026-12-02');
    // A closed day between the absences keeps the person away too.
    expect(absentThrough(sickThenCourse, '2026-11-24', calendar('2026-12-03'))).toBe('2026-12-04');
  });
});

describe('firstWorkingDayBack', () => {
  it('skips the weekend, public holidays and the school’s closed days', () => {
    expect(firstWorkingDayBack('2026-12-04', noClosedDays)).toBe('2026-12-07');
    // Back after Christmas: 25 and 26 December are public holidays; the school closes until 4 January.
    expect(
      firstWorkingDayBack('2026-12-23', calendar('2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31')),
    ).toBe('2027-01-04');
  });
});

describe('firstReadingDay', () => {
  it('is the day itself on a working day, else the next working day', () => {
    expect(firstReadingDay('2026-11-27', noClosedDays)).toBe('2026-11-27');
    expect(firstReadingDay('2026-11-28', noClosedDays)).toBe('2026-11-30');
    expect(firstReadingDay('2026-11-27', calendar('2026-11-27'))).toBe('2026-11-30');
  });
});

describe('replyDueAfterAbsence', () => {
  it('counts the three working days from the day the teacher is back', () => {
    // Monday 23 November 10:00; absent through Friday 4 December → back Monday 7 December → due Thursday 10 December.
    const due = replyDueAfterAbsence(cph('2026-11-23T10:00'), 3, '2026-12-04', noClosedDays);
    expect(localDate(due)).toBe('2026-12-10');
    expect(due.toISOString()).toBe('2026-12-10T22:59:59.999Z');
  });

  it('keeps the normal promise for an absence that ended before the message came', () => {
    const arrived = cph('2026-11-23T10:00');
    expect(replyDueAfterAbsence(arrived, 3, '2026-11-20', noClosedDays)).toEqual(replyDueAt(arrived, 3, noClosedDays));
  });

  const arbInstant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 1) }).map((ms) => new Date(ms));
  const arbCase = arbInstant.chain((arrivedAt) =>
    fc.record({
      arrivedAt: fc.constant(arrivedAt),
      n: fc.integer({ min: 1, max: 15 }),
      lastDay: fc.integer({ min: -30, max: 60 }).map((offset) => dayAfter(localDate(arrivedAt), offset)),
      cal: fc
        .uniqueArray(fc.integer({ min: 0, max: 90 }), { maxLength: 20 })
        .map((offsets) => calendar(...offsets.map((d) => dayAfter(localDate(arrivedAt), d)))),
    }),
  );

  it('is never earlier than the normal promise (property)', () => {
    fc.assert(
      fc.property(
        arbCase,
        ({ arrivedAt, n, lastDay, cal }) =>
          replyDueAfterAbsence(arrivedAt, n, lastDay, cal) >= replyDueAt(arrivedAt, n, cal),
      ),
    );
  });

  it('never falls due before the teacher is back (property)', () => {
    fc.assert(
      fc.property(
        arbCase,
        ({ arrivedAt, n, lastDay, cal }) => localDate(replyDueAfterAbsence(arrivedAt, n, lastDay, cal)) > lastDay,
      ),
    );
  });

  it('gives later dates for later returns (property)', () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.integer({ min: 0, max: 20 }),
        ({ arrivedAt, n, lastDay, cal }, more) =>
          replyDueAfterAbsence(arrivedAt, n, dayAfter(lastDay, more), cal) >=
          replyDueAfterAbsence(arrivedAt, n, lastDay, cal),
      ),
    );
  });
});

describe('routeAroundAbsences', () => {
  const mette = { personId: 'mette', absentThrough: '2026-12-04', substituteId: 'lars' };

  it('sends to the substitute and keeps the absent teacher in the thread', () => {
    expect(routeAroundAbsences([mette])).toEqual({
      staffIds: ['mette', 'lars'],
      readersNow: ['lars'],
      countFromAfter: null,
      absent: [{ personId: 'mette', absentThrough: '2026-12-04', substituteId: 'lars' }],
    });
  });

  it('counts the promise from the first return when nobody is there to read it', () => {
    const routing = routeAroundAbsences([
      { ...mette, substituteId: null },
      { personId: 'ida', absentThrough: '2026-11-30', substituteId: null },
    ]);
    expect(routing.readersNow).toEqual([]);
    expect(routing.countFromAfter).toBe('2026-11-30');
  });

  it('keeps the normal promise while another contact teacher is at work', () => {
    const routing = routeAroundAbsences([
      { ...mette, substituteId: null },
      { personId: 'ida', absentThrough: null, substituteId: null },
    ]);
    expect(routing).toMatchObject({ staffIds: ['mette', 'ida'], readersNow: ['ida'], countFromAfter: null });
  });

  it('routes nothing when everyone is at work', () => {
    expect(routeAroundAbsences([{ personId: 'ida', absentThrough: null, substituteId: null }])).toEqual({
      staffIds: ['ida'],
      readersNow: ['ida'],
      countFromAfter: null,
      absent: [],
    });
  });
});
