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

  it('is not sent on or after the round’s first day', () => {
    expect(conferenceReminderAt(new Date('2026-12-11T09:00:00Z'), '2026-12-15')).toBeNull();
    expect(conferenceReminderAt(new Date('2026-12-10T09:00:00Z'), '2026-12-15')).toEqual(
      new Date('2026-12-14T09:00:00Z'),
    );
  });

  it('is always after the invitation and before the first day, or not at all', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 14 }),
        (invitedAt, daysUntil, afterDays) => {
          const firstDay = localDate(new Date(invitedAt.getTime() + daysUntil * 86_400_000));
          const at = conferenceReminderAt(invitedAt, firstDay, afterDays);
          if (at === null) expect(daysUntil).toBeLessThanOrEqual(afterDays);
          else {
            expect(at.getTime()).toBeGreaterThan(invitedAt.getTime());
            expect(localDate(at) < firstDay).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
