import { describe, expect, it } from 'vitest';
import { demoClosedDays } from './demo-calendar.js';

describe('the demo school’s closed days', () => {
  it('are the weekdays of week 42, the Christmas holiday and week 7 of the school year', () => {
    const days = demoClosedDays(2026);
    const of = (label: string) => days.filter((d) => d.label === label).map((d) => d.date);
    expect(of('Efterårsferie')).toEqual(['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16']);
    expect(of('Vinterferie')).toEqual(['2027-02-15', '2027-02-16', '2027-02-17', '2027-02-18', '2027-02-19']);
    expect(of('Juleferie')).toEqual([
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-24',
      '2026-12-25',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
    ]);
    for (const { date } of days) expect([0, 6]).not.toContain(new Date(`${date}T12:00:00Z`).getUTCDay());
  });
});
