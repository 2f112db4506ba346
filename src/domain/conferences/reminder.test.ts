import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate } from '../calendar/working-days.js';
import { conferenceReminderAt } from './reminder.js';

describe('the reminder to a home that has not booked', () => {
  it('comes four days after the invitation', () => {
    expect(conferenceReminderAt(new Date('2026-11-23T09:00:00Z'), '2026-12-15')).toEqual(
      new Date('2026-11-27T09:00:00Z'),
    );
  });

  it('never reaches a home at night: early comes at 8, late at 8 the next morning', () => {
    // Invited Monday 23 November at 22:30 in Copenhagen (21:30 UTC): reminded Saturday at 8, not Friday night.
    expect(conferenceReminderAt(new Date('2026-11-23T21:30:00Z'), '2026-12-15')).toEqual(
      new Date('2026-11-28T07:00:00Z'),
    );
    // Invited at 06:15 in Copenhagen: reminded at 8 that day.
    expect(conferenceReminderAt(new Date('2026-11-23T05:15:00Z'), '2026-12-15')).toEqual(
      new Date('2026-11-27T07:00:00Z'),
    );
    // Four calendar days across the change to summer time keep the time of day: 10:00 stays 10:00.
    expect(conferenceReminderAt(new Date('2027-03-26T09:00:00Z'), '2027-04-15')).toEqual(
      new Date('2027-03-30T08:00:00Z'),
    );
  });

  it('is not sent on or after the round’s first day', () => {
    expect(conferenceReminderAt(new Date('2026-12-11T09:00:00Z'), '2026-12-15')).toBeNull();
    expect(conferenceReminderAt(new Date('2026-12-10T09:00:00Z'), '2026-12-15')).toEqual(
      new Date('2026-12-14T09:00:00Z'),
    );
  });

  it('is always after the invitation, before the first day and in the daytime, or not at all', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 14 }),
        (invitedAt, daysUntil, afterDays) => {
          const firstDay = localDate(new Date(invitedAt.getTime() + daysUntil * 86_400_000));
          const at = conferenceReminderAt(invitedAt, firstDay, afterDays);
          // A late invitation's reminder waits for the morning, a day later at most.
          if (at === null) expect(daysUntil).toBeLessThanOrEqual(afterDays + 1);
          else {
            expect(at.getTime()).toBeGreaterThan(invitedAt.getTime());
            expect(localDate(at) < firstDay).toBe(true);
            const hour = Number(
              new Intl.DateTimeFormat('en-GB', {
                hour: '2-digit',
                hourCycle: 'h23',
                timeZone: 'Europe/Copenhagen',
              }).format(at),
            );
            expect(hour).toBeGreaterThanOrEqual(8);
            expect(hour).toBeLessThan(20);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
