import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatInTimeZone } from 'date-fns-tz';
import { localDate, SCHOOL_TIME_ZONE } from '../../domain/calendar/working-days.js';
import { digestInstant, emailTiming, nextDate, nextDigestDate } from './notification-timing.js';

const calendar = { closedDays: new Set<string>() };
const quiet = { from: '18:00', to: '07:00', weekends: true };
const wall = (at: Date) => formatInTimeZone(at, SCHOOL_TIME_ZONE, 'yyyy-MM-dd HH:mm');
/** Instants from 2020 to 2035, across many clock changes. */
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }).map((ms) => new Date(ms));

describe('the daily digest time', () => {
  it('is 17:00 on Copenhagen’s clock in winter, summer and on the days the clocks change', () => {
    expect(digestInstant('2026-11-23').toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(digestInstant('2027-06-01').toISOString()).toBe('2027-06-01T15:00:00.000Z');
    expect(digestInstant('2027-03-28').toISOString()).toBe('2027-03-28T15:00:00.000Z');
    expect(digestInstant('2026-10-25').toISOString()).toBe('2026-10-25T16:00:00.000Z');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
  });

  it('comes next today before 17:00 and tomorrow from 17:00', () => {
    expect(nextDigestDate(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(nextDigestDate(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });

  it('is always the first 17:00 after now, at most a day away (property)', () => {
    fc.assert(
      fc.property(instant, (now) => {
        const date = nextDigestDate(now);
        const at = digestInstant(date);
        expect(at > now).toBe(true);
        expect(at.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3_600_000);
        expect(wall(at)).toBe(`${date} 17:00`);
        // The digest of the day before lies at or before now: no 17:00 is skipped.
        expect(digestInstant(localDate(new Date(at.getTime() - 86_400_000))) <= now).toBe(true);
      }),
    );
  });
});

describe('when a new message is e-mailed', () => {
  const base = { calendar, quietHours: quiet };
  it('goes at once when urgent, whoever and whenever (property)', () => {
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom('guardian' as const, 'staff' as const),
        fc.constantFrom('immediate' as const, 'digest' as const),
        (now, audience, mode) => {
          expect(emailTiming({ ...base, now, urgent: true, audience, mode })).toEqual(now);
        },
      ),
    );
  });

  it('goes to guardians at once or in the digest as they chose, whatever the hour', () => {
    const night = new Date('2026-11-23T23:00:00Z');
    expect(emailTiming({ ...base, now: night, urgent: false, audience: 'guardian', mode: 'immediate' })).toEqual(night);
    expect(emailTiming({ ...base, now: night, urgent: false, audience: 'guardian', mode: 'digest' })).toBe('digest');
  });

  it('waits for staff until their quiet hours end: a Friday evening message goes Monday 07:00', () => {
    const friday = new Date('2026-11-27T19:00:00Z');
    expect(emailTiming({ ...base, now: friday, urgent: false, audience: 'staff', mode: 'digest' })).toEqual(
      new Date('2026-11-30T06:00:00Z'),
    );
    expect(
      emailTiming({ ...base, quietHours: null, now: friday, urgent: false, audience: 'staff', mode: 'digest' }),
    ).toEqual(friday);
  });

  it('never e-mails staff inside quiet hours nor before the message (property)', () => {
    fc.assert(
      fc.property(instant, (now) => {
        const at = emailTiming({ ...base, now, urgent: false, audience: 'staff', mode: 'digest' }) as Date;
        expect(at >= now).toBe(true);
        const [date, time] = wall(at).split(' ') as [string, string];
        const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
        expect(weekday === 0 || weekday === 6).toBe(false);
        expect(time >= '07:00' && time < '18:00').toBe(true);
      }),
    );
  });
});
