import { describe, expect, it } from 'vitest';
import {
  describeDate,
  formatDateText,
  isHhMm,
  isIsoDate,
  parseDateText,
  parseTimeText,
  stepDate,
} from './date-text.js';

const today = new Date(2026, 11, 3);

describe('dates in the UI language', () => {
  it('shows a date as Danes write it in Danish and unambiguously in English', () => {
    expect(formatDateText('2026-12-03', 'da')).toBe('03.12.2026');
    expect(formatDateText('2026-12-03', 'en')).toBe('3 Dec 2026');
    expect(formatDateText('', 'da')).toBe('');
  });

  it('reads the Danish ways of writing a date, day before month', () => {
    for (const typed of [
      '03.12.2026',
      '3.12.2026',
      '3-12-2026',
      '3/12/2026',
      '3.12.26',
      '3. december 2026',
      '3 dec. 2026',
      '03122026',
      ' 3.12.2026 ',
    ]) {
      expect(parseDateText(typed, 'da', today), typed).toBe('2026-12-03');
    }
    expect(parseDateText('24.12', 'da', today)).toBe('2026-12-24');
    expect(parseDateText('2026-12-03', 'da', today)).toBe('2026-12-03');
  });

  it('reads English dates with the day first, never as mm/dd', () => {
    for (const typed of ['3 Dec 2026', '3 december 2026', '03/12/2026', '3/12/26', 'Dec 3, 2026', '2026-12-03']) {
      expect(parseDateText(typed, 'en', today), typed).toBe('2026-12-03');
    }
    expect(parseDateText('12/03/2026', 'en', today)).toBe('2026-03-12');
  });

  it('refuses what is no date', () => {
    for (const typed of [
      '',
      '   ',
      '31.02.2026',
      '32.1.2026',
      '1.13.2026',
      'i morgen',
      '3.12.202',
      '2026-02-30',
      '12/31/2026',
    ]) {
      expect(parseDateText(typed, 'da', today), typed).toBeNull();
    }
    expect(parseDateText('31/12/2026', 'en', today)).toBe('2026-12-31');
    expect(parseDateText('12/31/2026', 'en', today)).toBeNull();
  });

  it('reads back what it shows, in both languages', () => {
    for (const iso of ['2026-01-01', '2026-02-28', '2028-02-29', '2026-12-31', '2027-07-31']) {
      expect(parseDateText(formatDateText(iso, 'da'), 'da', today)).toBe(iso);
      expect(parseDateText(formatDateText(iso, 'en'), 'en', today)).toBe(iso);
    }
  });

  it('says the date in words with its weekday', () => {
    expect(describeDate('2026-12-03', 'da')).toBe('torsdag 3. december 2026');
    expect(describeDate('2026-12-03', 'en')).toBe('Thursday 3 December 2026');
  });

  it('steps a day across months and years', () => {
    expect(stepDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(stepDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(stepDate('nonsense', 1)).toBeNull();
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});

describe('times of day in 24 hours', () => {
  it('reads the usual ways of writing a time', () => {
    for (const typed of ['8', '08', '8.30', '8:30', '08:30', '0830', '830', '8 30']) {
      expect(parseTimeText(typed), typed).toBe(typed === '8' || typed === '08' ? '08:00' : '08:30');
    }
    expect(parseTimeText('23:59')).toBe('23:59');
    expect(parseTimeText('0:00')).toBe('00:00');
  });

  it('refuses what is no time of day', () => {
    for (const typed of ['', '24:00', '7:60', '8 pm', 'otte', '12345', '8:3']) {
      expect(parseTimeText(typed), typed).toBeNull();
    }
    expect(isHhMm('08:30')).toBe(true);
    expect(isHhMm('8:30')).toBe(false);
  });
});
