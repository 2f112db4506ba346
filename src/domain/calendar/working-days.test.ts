import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import { isQuietTime } from '../principle/rules.js';
import {
  SCHOOL_TIME_ZONE,
  addWorkingDays,
  firstOnDutyAfter,
  formatDayAndTime,
  formatDueDate,
  isPublicHoliday,
  isWorkingDay,
  localDate,
  nextOutsideQuietHours,
  reminderAt,
  replyDueAt,
  type SchoolCalendar,
} from './working-days.js';

/** A Copenhagen wall-clock reading as an instant, through date-fns-tz rather than the code under test. */
const cph = (local: string) => fromZonedTime(local, SCHOOL_TIME_ZONE);
const calendar = (...closedDays: string[]): SchoolCalendar => ({ closedDays: new Set(closedDays) });
const noClosedDays = calendar();
const evenings = { from: '18:00', to: '07:00', weekends: true };

describe('localDate', () => {
  it('reads the date on Copenhagen clocks, winter and summer', () => {
    expect(localDate(new Date('2026-11-23T22:59:59.999Z'))).toBe('2026-11-23');
    expect(localDate(new Date('2026-11-23T23:00:00.000Z'))).toBe('2026-11-24');
    expect(localDate(new Date('2026-06-30T21:59:59.999Z'))).toBe('2026-06-30');
    expect(localDate(new Date('2026-06-30T22:00:00.000Z'))).toBe('2026-07-01');
  });
});

describe('isPublicHoliday', () => {
  it('knows the Danish public holidays of 2026', () => {
    for (const date of [
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]) {
      expect(isPublicHoliday(date), date).toBe(true);
    }
  });

  it('leaves out observances and ordinary days', () => {
    for (const date of ['2026-06-05', '2026-12-24', '2026-12-31', '2026-05-01', '2026-11-26']) {
      expect(isPublicHoliday(date), date).toBe(false);
    }
  });

  it('follows the abolition of Store Bededag from 2024', () => {
    expect(isPublicHoliday('2023-05-05')).toBe(true);
    expect(isPublicHoliday('2024-04-26')).toBe(false);
  });

  it('rejects text that is not an ISO date', () => {
    expect(() => isPublicHoliday('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('26/11/2026', noClosedDays)).toThrow(RangeError);
  });
});

describe('isWorkingDay and addWorkingDays', () => {
  it('skips weekends, public holidays and closed days', () => {
    expect(isWorkingDay('2026-11-27', noClosedDays)).toBe(true);
    expect(isWorkingDay('2026-11-28', noClosedDays)).toBe(false);
    expect(isWorkingDay('2026-11-29', noClosedDays)).toBe(false);
    expect(isWorkingDay('2026-04-06', noClosedDays)).toBe(false);
    expect(isWorkingDay('2026-10-14', calendar('2026-10-14'))).toBe(false);
  });

  it('counts from the day after', () => {
    expect(addWorkingDays('2026-11-23', 0, noClosedDays)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-23', 1, noClosedDays)).toBe('2026-11-24');
    expect(addWorkingDays('2026-11-28', 1, noClosedDays)).toBe('2026-11-30');
    expect(addWorkingDays('2026-12-30', 2, noClosedDays)).toBe('2027-01-04');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-11-23', -1, noClosedDays)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-23', 1.5, noClosedDays)).toThrow(RangeError);
  });
});

describe('replyDueAt: the examples of issue 4', () => {
  it('Monday 10:00 → the end of Thursday', () => {
    const due = replyDueAt(cph('2026-11-23T10:00'), 3, noClosedDays);
    expect(due.toISOString()).toBe('2026-11-26T22:59:59.999Z');
    expect(formatDueDate(due, 'da')).toBe('torsdag 26. november');
    expect(formatDueDate(due, 'en')).toBe('Thursday 26 November');
  });

  it('Friday 20:00 → the end of Wednesday', () => {
    const due = replyDueAt(cph('2026-11-27T20:00'), 3, noClosedDays);
    expect(due.toISOString()).toBe('2026-12-02T22:59:59.999Z');
    expect(formatDueDate(due, 'da')).toBe('onsdag 2. december');
    expect(formatDueDate(due, 'en')).toBe('Wednesday 2 December');
  });

  it('the Wednesday before Easter → the Thursday after Easter', () => {
    const due = replyDueAt(cph('2026-04-01T09:15'), 3, noClosedDays);
    expect(localDate(due)).toBe('2026-04-09');
    expect(due.toISOString()).toBe('2026-04-09T21:59:59.999Z');
    expect(formatDueDate(due, 'da')).toBe('torsdag 9. april');
  });
});

describe('replyDueAt: the school year', () => {
  it('skips the school’s closed days (autumn break, week 42)', () => {
    const autumnBreak = calendar('2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16');
    expect(localDate(replyDueAt(cph('2026-10-09T10:00'), 3, noClosedDays))).toBe('2026-10-14');
    expect(localDate(replyDueAt(cph('2026-10-09T10:00'), 3, autumnBreak))).toBe('2026-10-21');
  });

  it('counts Christmas Eve and New Year’s Eve as working days unless the school closes', () => {
    expect(localDate(replyDueAt(cph('2026-12-22T12:00'), 3, noClosedDays))).toBe('2026-12-28');
    expect(localDate(replyDueAt(cph('2026-12-30T12:00'), 3, noClosedDays))).toBe('2027-01-05');
    const christmasBreak = calendar(
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-24',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
    );
    expect(localDate(replyDueAt(cph('2026-12-18T15:00'), 3, christmasBreak))).toBe('2027-01-06');
  });

  it('a message arriving just before midnight belongs to that day, one just after to the next', () => {
    expect(localDate(replyDueAt(cph('2026-11-23T23:59:59'), 1, noClosedDays))).toBe('2026-11-24');
    expect(localDate(replyDueAt(cph('2026-11-24T00:00:00'), 1, noClosedDays))).toBe('2026-11-25');
  });
});

describe('replyDueAt across daylight-saving changes', () => {
  it('the weekend summer time ends (25 October 2026)', () => {
    expect(replyDueAt(cph('2026-10-23T10:00'), 1, noClosedDays).toISOString()).toBe('2026-10-26T22:59:59.999Z');
    expect(replyDueAt(cph('2026-10-23T23:30'), 3, noClosedDays).toISOString()).toBe('2026-10-28T22:59:59.999Z');
    // 02:30 comes twice that night; both are Sunday.
    expect(replyDueAt(new Date('2026-10-25T00:30:00Z'), 1, noClosedDays).toISOString()).toBe(
      '2026-10-26T22:59:59.999Z',
    );
    expect(replyDueAt(new Date('2026-10-25T01:30:00Z'), 1, noClosedDays).toISOString()).toBe(
      '2026-10-26T22:59:59.999Z',
    );
  });

  it('the weekend summer time starts (29 March 2026)', () => {
    expect(replyDueAt(cph('2026-03-27T10:00'), 1, noClosedDays).toISOString()).toBe('2026-03-30T21:59:59.999Z');
    expect(replyDueAt(cph('2026-03-27T10:00'), 3, noClosedDays).toISOString()).toBe('2026-04-01T21:59:59.999Z');
    expect(replyDueAt(cph('2026-03-29T03:30'), 1, noClosedDays).toISOString()).toBe('2026-03-30T21:59:59.999Z');
  });
});

describe('reminderAt', () => {
  it('08:00 on the working day before the due day', () => {
    expect(reminderAt(replyDueAt(cph('2026-11-23T10:00'), 3, noClosedDays), noClosedDays).toISOString()).toBe(
      '2026-11-25T07:00:00.000Z',
    );
    expect(reminderAt(replyDueAt(cph('2026-04-01T10:00'), 3, noClosedDays), noClosedDays).toISOString()).toBe(
      '2026-04-08T06:00:00.000Z',
    );
  });

  it('reaches back over weekends, Easter and closed days, and across a clock change', () => {
    expect(reminderAt(cph('2026-04-07T23:59:59.999'), noClosedDays).toISOString()).toBe('2026-04-01T06:00:00.000Z');
    expect(reminderAt(cph('2026-03-30T23:59:59.999'), noClosedDays).toISOString()).toBe('2026-03-27T07:00:00.000Z');
    expect(reminderAt(cph('2026-11-26T23:59:59.999'), calendar('2026-11-25')).toISOString()).toBe(
      '2026-11-24T07:00:00.000Z',
    );
  });
});

describe('nextOutsideQuietHours', () => {
  it('keeps a moment outside quiet hours, and any moment without quiet hours', () => {
    expect(nextOutsideQuietHours(cph('2026-11-24T12:00'), evenings)).toEqual(cph('2026-11-24T12:00'));
    expect(nextOutsideQuietHours(cph('2026-11-28T03:00'), null)).toEqual(cph('2026-11-28T03:00'));
  });

  it('waits for the morning, and over the weekend', () => {
    expect(nextOutsideQuietHours(cph('2026-11-24T22:00'), evenings)).toEqual(cph('2026-11-25T07:00'));
    expect(nextOutsideQuietHours(cph('2026-11-25T03:00'), evenings)).toEqual(cph('2026-11-25T07:00'));
    expect(nextOutsideQuietHours(cph('2026-11-27T19:00'), evenings)).toEqual(cph('2026-11-30T07:00'));
    expect(nextOutsideQuietHours(cph('2026-11-28T20:00'), { ...evenings, weekends: false })).toEqual(
      cph('2026-11-29T07:00'),
    );
    expect(nextOutsideQuietHours(cph('2026-11-24T12:30'), { from: '12:00', to: '13:00', weekends: false })).toEqual(
      cph('2026-11-24T13:00'),
    );
  });

  it('with the school’s calendar, holidays and closed days are quiet like weekends', () => {
    expect(nextOutsideQuietHours(cph('2026-04-01T19:00'), evenings)).toEqual(cph('2026-04-02T07:00'));
    expect(nextOutsideQuietHours(cph('2026-04-01T19:00'), evenings, noClosedDays)).toEqual(cph('2026-04-07T07:00'));
    expect(nextOutsideQuietHours(cph('2026-10-09T19:00'), evenings, calendar('2026-10-12', '2026-10-13'))).toEqual(
      cph('2026-10-14T07:00'),
    );
  });

  it('across clock changes', () => {
    expect(nextOutsideQuietHours(cph('2026-03-27T19:00'), evenings).toISOString()).toBe('2026-03-30T05:00:00.000Z');
    expect(nextOutsideQuietHours(cph('2026-10-23T19:00'), evenings).toISOString()).toBe('2026-10-26T06:00:00.000Z');
    // 02:30 does not exist on 29 March: quiet hours end when the clocks jump to 03:00.
    expect(
      nextOutsideQuietHours(cph('2026-03-28T23:00'), { from: '22:00', to: '02:30', weekends: false }).toISOString(),
    ).toBe('2026-03-29T01:00:00.000Z');
    // 02:30 comes twice on 25 October: quiet hours end the first time.
    expect(
      nextOutsideQuietHours(cph('2026-10-24T23:00'), { from: '22:00', to: '02:30', weekends: false }).toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('firstOnDutyAfter', () => {
  it('is null while a recipient is on duty, else the earliest end of their quiet hours', () => {
    expect(firstOnDutyAfter(cph('2026-11-24T12:00'), [evenings])).toBeNull();
    expect(firstOnDutyAfter(cph('2026-11-24T22:00'), [evenings, null])).toBeNull();
    expect(
      firstOnDutyAfter(cph('2026-11-27T19:00'), [evenings, { from: '21:00', to: '06:30', weekends: false }]),
    ).toBeNull();
    expect(
      firstOnDutyAfter(cph('2026-11-27T22:00'), [evenings, { from: '21:00', to: '06:30', weekends: false }]),
    ).toEqual(cph('2026-11-28T06:30'));
    expect(firstOnDutyAfter(cph('2026-11-27T19:00'), [evenings])).toEqual(cph('2026-11-30T07:00'));
    expect(firstOnDutyAfter(cph('2026-11-27T19:00'), [])).toBeNull();
  });

  it('is never before the moment of writing, and no recipient is on duty before it (property)', () => {
    const arbQuiet = fc.option(
      fc.record({
        from: fc.constantFrom('16:00', '18:00', '22:00'),
        to: fc.constantFrom('06:00', '07:00', '08:30'),
        weekends: fc.boolean(),
      }),
      { nil: null },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 1) }),
        fc.array(arbQuiet, { minLength: 1, maxLength: 3 }),
        (ms, quiets) => {
          const now = new Date(ms);
          const first = firstOnDutyAfter(now, quiets, noClosedDays);
          const ends = quiets.map((q) => nextOutsideQuietHours(now, q, noClosedDays).getTime());
          if (first === null) expect(ends).toContain(now.getTime());
          else {
            expect(first.getTime()).toBeGreaterThan(now.getTime());
            expect(Math.min(...ends)).toBe(first.getTime());
          }
        },
      ),
    );
  });
});

describe('formatDayAndTime', () => {
  it('says the day and the time in Copenhagen, in Danish and English', () => {
    expect(formatDayAndTime(cph('2026-11-30T07:00'), 'da')).toBe('mandag 30. november kl. 07.00');
    expect(formatDayAndTime(cph('2026-11-30T07:00'), 'en')).toBe('Monday 30 November at 07:00');
  });
});

// Instants from 2025 to 2028: four sets of Danish holidays and eight clock changes.
const arbInstant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 1) }).map((ms) => new Date(ms));
const arbWorkingDays = fc.integer({ min: 1, max: 20 });
const dayAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Closed days in the weeks after an arrival, where they can move its due date. */
const arbCalendarNear = (instant: Date) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 45 }), { maxLength: 20 })
    .map((offsets) => calendar(...offsets.map((d) => dayAfter(localDate(instant), d))));
const arbArrival = arbInstant.chain((arrivedAt) =>
  fc.record({ arrivedAt: fc.constant(arrivedAt), cal: arbCalendarNear(arrivedAt), n: arbWorkingDays }),
);

describe('replyDueAt properties', () => {
  it('falls at the end of a working day strictly after the arrival day', () => {
    fc.assert(
      fc.property(arbArrival, ({ arrivedAt, cal, n }) => {
        const due = replyDueAt(arrivedAt, n, cal);
        const dueDay = formatInTimeZone(due, SCHOOL_TIME_ZONE, 'yyyy-MM-dd');
        expect(isWorkingDay(dueDay, cal)).toBe(true);
        expect(dueDay > formatInTimeZone(arrivedAt, SCHOOL_TIME_ZONE, 'yyyy-MM-dd')).toBe(true);
        expect(formatInTimeZone(due, SCHOOL_TIME_ZONE, 'HH:mm:ss.SSS')).toBe('23:59:59.999');
        expect(formatInTimeZone(new Date(due.getTime() + 1), SCHOOL_TIME_ZONE, 'HH:mm:ss.SSS')).toBe('00:00:00.000');
      }),
    );
  });

  it('leaves exactly N working days after the arrival day up to and including the due day', () => {
    fc.assert(
      fc.property(arbArrival, ({ arrivedAt, cal, n }) => {
        const arrivalDay = localDate(arrivedAt);
        const dueDay = localDate(replyDueAt(arrivedAt, n, cal));
        let counted = 0;
        for (let day = dayAfter(arrivalDay, 1); day <= dueDay; day = dayAfter(day, 1))
          if (isWorkingDay(day, cal)) counted += 1;
        expect(counted).toBe(n);
      }),
    );
  });

  it('never comes earlier for a later message', () => {
    fc.assert(
      fc.property(arbArrival, fc.integer({ min: 0, max: 10 * 86_400_000 }), ({ arrivedAt, cal, n }, later) => {
        const laterArrival = new Date(arrivedAt.getTime() + later);
        expect(replyDueAt(laterArrival, n, cal).getTime()).toBeGreaterThanOrEqual(
          replyDueAt(arrivedAt, n, cal).getTime(),
        );
      }),
    );
  });

  it('never comes earlier when the school closes one more day', () => {
    fc.assert(
      fc.property(arbArrival, fc.integer({ min: 0, max: 45 }), ({ arrivedAt, cal, n }, offset) => {
        const extra = calendar(...cal.closedDays, dayAfter(localDate(arrivedAt), offset));
        expect(replyDueAt(arrivedAt, n, extra).getTime()).toBeGreaterThanOrEqual(
          replyDueAt(arrivedAt, n, cal).getTime(),
        );
      }),
    );
  });

  it('reminds at 08:00 on the last working day before the due day', () => {
    fc.assert(
      fc.property(arbArrival, ({ arrivedAt, cal, n }) => {
        const due = replyDueAt(arrivedAt, n, cal);
        const reminder = reminderAt(due, cal);
        const reminderDay = formatInTimeZone(reminder, SCHOOL_TIME_ZONE, 'yyyy-MM-dd');
        expect(formatInTimeZone(reminder, SCHOOL_TIME_ZONE, 'HH:mm')).toBe('08:00');
        expect(isWorkingDay(reminderDay, cal)).toBe(true);
        expect(addWorkingDays(reminderDay, 1, cal)).toBe(localDate(due));
      }),
    );
  });
});

describe('nextOutsideQuietHours properties', () => {
  const clockTime = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const arbQuiet = fc.record({ from: clockTime, to: clockTime, weekends: fc.boolean() }).filter((q) => q.from !== q.to);
  const quietAt = (instant: Date, quiet: { from: string; to: string; weekends: boolean }, cal: SchoolCalendar) => {
    const date = formatInTimeZone(instant, SCHOOL_TIME_ZONE, 'yyyy-MM-dd');
    const [hours, minutes] = formatInTimeZone(instant, SCHOOL_TIME_ZONE, 'HH:mm').split(':').map(Number) as [
      number,
      number,
    ];
    if (quiet.weekends && !isWorkingDay(date, cal)) return true;
    return isQuietTime(quiet, {
      isoWeekday: Number(formatInTimeZone(instant, SCHOOL_TIME_ZONE, 'i')),
      minuteOfDay: hours * 60 + minutes,
    });
  };

  it('gives the first moment outside quiet hours, never earlier than asked', () => {
    fc.assert(
      fc.property(arbArrival, arbQuiet, ({ arrivedAt, cal }, quiet) => {
        const released = nextOutsideQuietHours(arrivedAt, quiet, cal);
        expect(released.getTime()).toBeGreaterThanOrEqual(arrivedAt.getTime());
        expect(quietAt(released, quiet, cal)).toBe(false);
        if (released.getTime() > arrivedAt.getTime()) {
          expect(quietAt(new Date(released.getTime() - 1), quiet, cal)).toBe(true);
          for (let t = arrivedAt.getTime(); t < released.getTime(); t += 15 * 60_000)
            expect(quietAt(new Date(t), quiet, cal)).toBe(true);
        }
      }),
    );
  });
});
