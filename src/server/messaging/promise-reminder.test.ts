import { describe, expect, it } from 'vitest';
import { promiseReminderRunAt } from './promise-reminder.service.js';
import { replyDueAt } from '../../domain/calendar/working-days.js';
import { promiseReminderMail } from '../notify/templates/promise-reminder.js';

const calendar = { closedDays: new Set<string>() };
const quiet = { from: '18:00', to: '07:00', weekends: true };

describe('when staff are reminded of a promise', () => {
  it('is 08:00 on the working day before the due day', () => {
    // Monday 23 November 10:00 in Copenhagen, three working days: due Thursday, reminded Wednesday.
    const now = new Date('2026-11-23T09:00:00Z');
    expect(promiseReminderRunAt(now, replyDueAt(now, 3, calendar), quiet, calendar).toISOString()).toBe(
      '2026-11-25T07:00:00.000Z',
    );
  });

  it('is at once when that moment has passed, but waits for the quiet hours to end', () => {
    // Monday 22:00 with one working day: the reminder moment (Monday 08:00) has passed, and 22:00 is quiet.
    const evening = new Date('2026-11-23T21:00:00Z');
    expect(promiseReminderRunAt(evening, replyDueAt(evening, 1, calendar), quiet, calendar).toISOString()).toBe(
      '2026-11-24T06:00:00.000Z',
    );
    const afternoon = new Date('2026-11-23T13:00:00Z');
    expect(promiseReminderRunAt(afternoon, replyDueAt(afternoon, 1, calendar), quiet, calendar)).toEqual(afternoon);
    expect(promiseReminderRunAt(evening, replyDueAt(evening, 1, calendar), null, calendar)).toEqual(evening);
  });

  it('skips a quiet weekend and a closed day', () => {
    // Friday 27 November 20:00, one working day; Monday 30 November is a closed day.
    const friday = new Date('2026-11-27T19:00:00Z');
    const closed = { closedDays: new Set(['2026-11-30']) };
    expect(promiseReminderRunAt(friday, replyDueAt(friday, 1, closed), quiet, closed).toISOString()).toBe(
      '2026-12-01T06:00:00.000Z',
    );
  });
});

describe('the reminder mail', () => {
  it('is in the reader’s language and escapes the guardian’s subject in HTML', () => {
    const da = promiseReminderMail({
      locale: 'da',
      name: 'Lise',
      subject: '<b>Emma</b> & frikvarteret',
      dueDay: 'torsdag 26. november',
      appUrl: 'https://samspil.example',
    });
    expect(da.subject).toBe('Husk at svare: <b>Emma</b> & frikvarteret — svar senest torsdag 26. november');
    expect(da.text).toContain('senest torsdag 26. november');
    expect(da.html).toContain('&lt;b&gt;Emma&lt;/b&gt; &amp; frikvarteret');
    expect(da.html).not.toContain('<b>Emma</b>');
    const en = promiseReminderMail({
      locale: 'en',
      name: 'Lise',
      subject: 'Break',
      dueDay: 'Thursday 26 November',
      appUrl: 'https://samspil.example',
    });
    expect(en.subject).toBe('Remember to reply: Break — reply by Thursday 26 November');
    expect(en.html).toContain('lang="en"');
  });
});
