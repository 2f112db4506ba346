import { describe, expect, it } from 'vitest';
import { describeDevice } from './device.js';
import { formatDate, formatDateTime, formatDueDay } from './format.js';

describe('formatDate', () => {
  it('shows a calendar date as that date in both languages, whatever the time zone', () => {
    expect(formatDate('2026-03-12', 'da')).toBe('12. marts 2026');
    expect(formatDate('2026-03-12', 'en')).toBe('12 March 2026');
    expect(formatDate('2026-01-01', 'da')).toBe('1. januar 2026');
  });
});

describe('formatDateTime', () => {
  it('shows moments in Danish time', () => {
    expect(formatDateTime('2026-06-01T22:30:00.000Z', 'da')).toContain('2. jun. 2026');
    expect(formatDateTime('2026-06-01T22:30:00.000Z', 'da')).toContain('00.30');
  });
});

describe('describeDevice', () => {
  it('names browser and system of common user agents', () => {
    expect(
      describeDevice(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari · iOS');
    expect(
      describeDevice(
        'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome · Android');
    expect(describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe(
      'Firefox · Windows',
    );
  });
});

describe('formatDueDay', () => {
  it('names the promised day in Danish time, as the reply promise reads', () => {
    // 22:59 UTC on 26 November is 23:59 in Copenhagen: still Thursday there.
    expect(formatDueDay('2026-11-26T22:59:59.000Z', 'da')).toBe('torsdag 26. november');
    expect(formatDueDay('2026-11-26T22:59:59.000Z', 'en')).toBe('Thursday 26 November');
    expect(formatDueDay('2026-11-26T23:30:00.000Z', 'da')).toBe('fredag 27. november');
  });
});
