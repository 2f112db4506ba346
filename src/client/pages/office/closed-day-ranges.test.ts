import { describe, expect, it } from 'vitest';
import { addClosedDays, copenhagenToday, groupClosedDays, weekdaysBetween } from './closed-day-ranges.js';

describe('closed days as runs', () => {
  it('counts only weekdays in a range: the autumn holiday is five days, not nine', () => {
    expect(weekdaysBetween('2026-10-10', '2026-10-18')).toEqual([
      '2026-10-12',
      '2026-10-13',
      '2026-10-14',
      '2026-10-15',
      '2026-10-16',
    ]);
    expect(weekdaysBetween('2026-10-17', '2026-10-18')).toEqual([]);
    expect(weekdaysBetween('2026-12-03', '2026-12-03')).toEqual(['2026-12-03']);
  });

  it('joins days in a row with one label, over a weekend, and keeps other labels apart', () => {
    const days = [
      ...weekdaysBetween('2026-12-21', '2027-01-01').map((date) => ({ date, label: 'Juleferie' })),
      { date: '2026-10-16', label: 'Efterårsferie' },
      { date: '2026-10-15', label: 'Efterårsferie' },
      { date: '2026-10-19', label: 'Planlægningsdag' },
      { date: '2027-01-05', label: 'Juleferie' },
    ];
    expect(groupClosedDays(days).map((r) => [r.label, r.first, r.last, r.dates.length])).toEqual([
      ['Efterårsferie', '2026-10-15', '2026-10-16', 2],
      ['Planlægningsdag', '2026-10-19', '2026-10-19', 1],
      ['Juleferie', '2026-12-21', '2027-01-01', 10],
      ['Juleferie', '2027-01-05', '2027-01-05', 1],
    ]);
  });

  it('adds a run with each day named once, the newest label winning', () => {
    const days = [
      { date: '2026-10-12', label: 'Efterårsferie' },
      { date: '2026-11-02', label: 'Planlægningsdag' },
    ];
    expect(addClosedDays(days, ['2026-10-12', '2026-10-13'], 'Studiedag')).toEqual([
      { date: '2026-10-12', label: 'Studiedag' },
      { date: '2026-10-13', label: 'Studiedag' },
      { date: '2026-11-02', label: 'Planlægningsdag' },
    ]);
  });

  it('takes today from Copenhagen, not from the browser’s time zone', () => {
    expect(copenhagenToday(new Date('2026-12-03T23:30:00Z'))).toBe('2026-12-04');
  });
});
