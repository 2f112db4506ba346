import { describe, expect, it } from 'vitest';
import { calendarText, type CalendarEntry } from './calendar-ics.js';

const entry = (overrides: Partial<CalendarEntry> = {}): CalendarEntry => ({
  uid: 'round-1-2027-01-19@samspil',
  sequence: 0,
  date: '2027-01-19',
  from: '14:00',
  to: '17:30',
  summary: 'Skole-hjem-samtaler: 3.A',
  location: 'Lokale 12',
  description: null,
  tentative: false,
  ...overrides,
});

describe('the calendar feed’s text', () => {
  it('gives Copenhagen wall-clock times with their zone, winter and summer alike, and a UTC stamp', () => {
    const text = calendarText(
      [entry(), entry({ uid: 'round-1-2027-06-08@samspil', date: '2027-06-08', from: '13:15', to: '15:00' })],
      'da',
      new Date('2026-12-03T10:00:00Z'),
    );
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen');
    expect(text).toContain('DTSTART;TZID=Europe/Copenhagen:20270119T140000');
    expect(text).toContain('DTEND;TZID=Europe/Copenhagen:20270119T173000');
    expect(text).toContain('DTSTART;TZID=Europe/Copenhagen:20270608T131500');
    expect(text).toContain('DTSTAMP:20261203T100000Z');
    expect(text).toContain('UID:round-1-2027-01-19@samspil');
    expect(text).toContain('LOCATION:Lokale 12');
  });

  it('marks a planned entry tentative and carries its sequence, so a change replaces the entry', () => {
    const text = calendarText([entry({ tentative: true, sequence: 3 })], 'en', new Date('2026-12-03T10:00:00Z'));
    expect(text).toContain('STATUS:TENTATIVE');
    expect(text).toContain('SEQUENCE:3');
    expect(text).toMatch(/X-WR-CALNAME:Samspil – school and home/);
  });

  it('ends an entry of several days on its last day, and marks a cancelled one', () => {
    const camp = calendarText(
      [entry({ date: '2027-05-03', endDate: '2027-05-05', from: '07:30', to: '16:00' })],
      'da',
      new Date('2026-12-03T10:00:00Z'),
    );
    expect(camp).toContain('DTSTART;TZID=Europe/Copenhagen:20270503T073000');
    expect(camp).toContain('DTEND;TZID=Europe/Copenhagen:20270505T160000');
    expect(camp).toContain('STATUS:CONFIRMED');
    const cancelled = calendarText([entry({ cancelled: true, sequence: 2 })], 'da', new Date('2026-12-03T10:00:00Z'));
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SEQUENCE:2');
  });

  it('is an empty calendar, still valid, when the reader has nothing in it', () => {
    const text = calendarText([], 'da', new Date('2026-12-03T10:00:00Z'));
    expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(text).not.toContain('BEGIN:VEVENT');
  });
});
