import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Locale } from '../../shared/errors.js';

/** School times are Copenhagen wall-clock times; the feed says so (TZID with its VTIMEZONE). */
const ZONE = 'Europe/Copenhagen';

/** One entry of a reader's calendar: a meeting, or an afternoon of a conference round. */
export interface CalendarEntry {
  /** Stable across changes: a moved or renamed entry keeps it, with a higher `sequence`. */
  uid: string;
  sequence: number;
  date: string;
  /** The last day of an entry over several days (it ends at `to` on that day); left out: the entry ends on `date`. */
  endDate?: string | null;
  from: string;
  to: string;
  summary: string;
  location: string | null;
  description: string | null;
  tentative: boolean;
  /** A cancelled entry (STATUS:CANCELLED): a calendar app that has it marks it or takes it away. */
  cancelled?: boolean;
}

const NAME: Record<Locale, string> = { da: 'Samspil – skole og hjem', en: 'Samspil – school and home' };

/**
 * The reader's calendar as iCalendar text (RFC 5545), built with ical-generator: every time in the
 * Europe/Copenhagen zone with its VTIMEZONE, each entry with a stable UID and its SEQUENCE, so a
 * moved or cancelled entry updates the one a calendar app already shows. Luxon carries the zone,
 * so the output does not depend on the server's own time zone.
 */
export function calendarText(entries: readonly CalendarEntry[], locale: Locale, now: Date): string {
  const calendar = new ICalCalendar({
    name: NAME[locale],
    prodId: { company: 'Samspil', product: 'Samspil', language: locale.toUpperCase() },
  });
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  for (const entry of entries) {
    calendar.createEvent({
      id: entry.uid,
      sequence: entry.sequence,
      stamp: now,
      start: DateTime.fromISO(`${entry.date}T${entry.from}`, { zone: ZONE }),
      end: DateTime.fromISO(`${entry.endDate ?? entry.date}T${entry.to}`, { zone: ZONE }),
      timezone: ZONE,
      summary: entry.summary,
      location: entry.location,
      description: entry.description,
      status: entry.cancelled
        ? ICalEventStatus.CANCELLED
        : entry.tentative
          ? ICalEventStatus.TENTATIVE
          : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
