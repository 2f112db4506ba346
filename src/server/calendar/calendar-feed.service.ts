import { randomBytes } from 'node:crypto';
import type { Context, SignedInContext } from '../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../errors.js';
import type { TCalendarFeed } from '../../shared/api/calendar.schema.js';
import { className } from '../../shared/api/directory.schema.js';
import type { Locale } from '../../shared/errors.js';
import { calendarText, type CalendarEntry } from './calendar-ics.js';
import { formatOf } from '../../domain/conferences/format.js';
import { eventEntry } from '../events/event.service.js';
import {
  deleteFeed,
  findFeedByToken,
  findFeedOfUser,
  findFeedUser,
  findGuardianBookings,
  findFeedEvents,
  findInvitationBooking,
  findStaffRoundDays,
  insertFeedIfMissing,
  replaceFeedToken,
  type FeedRow,
  type GuardianBookingRow,
  type StaffRoundDayRow,
} from './calendar-feed.repository.js';

/** 32 random bytes: the feed's secret, as calendar apps will hold it in its URL. */
const newToken = () => randomBytes(32).toString('base64url');

const presentFeed = (ctx: Context, feed: FeedRow): TCalendarFeed => ({
  url: `${ctx.config.publicUrl}/api/calendar/${feed.token}.ics`,
  createdAt: feed.created_at.toISOString(),
});

/** The signed-in user's private feed, made on the first visit. */
export async function getCalendarFeed(ctx: SignedInContext): Promise<TCalendarFeed> {
  await insertFeedIfMissing(ctx.db, ctx.actor.userId, newToken(), ctx.clock.now());
  const feed = await findFeedOfUser(ctx.db, ctx.actor.userId);
  if (!feed) throw new Error('a calendar feed just made is missing');
  return presentFeed(ctx, feed);
}

/** A new secret: the old URL answers 404 from now on, calendars subscribed to it stop updating. */
export async function renewCalendarFeed(ctx: SignedInContext): Promise<TCalendarFeed> {
  await replaceFeedToken(ctx.db, ctx.actor.userId, newToken(), ctx.clock.now());
  return getCalendarFeed(ctx);
}

/** No feed at all until the user asks for one again. */
export async function revokeCalendarFeed(ctx: SignedInContext): Promise<{ ok: true }> {
  await deleteFeed(ctx.db, ctx.actor.userId);
  return { ok: true };
}

const ROUND_TEXT: Record<
  Locale,
  {
    summary: (classes: string) => string;
    meeting: (child: string, className: string) => string;
    phone: string;
    video: (link: string) => string;
  }
> = {
  da: {
    summary: (classes) => `Skole-hjem-samtaler, ${classes}`,
    meeting: (child, className) => `Skole-hjem-samtale om ${child} (${className})`,
    phone: 'Telefonsamtale: skolen ringer til jer.',
    video: (link) => `Videomøde: ${link}`,
  },
  en: {
    summary: (classes) => `School-home conferences, ${classes}`,
    meeting: (child, className) => `School-home conference about ${child} (${className})`,
    phone: 'Phone call: the school calls you.',
    video: (link) => `Video meeting: ${link}`,
  },
};

/**
 * A household's booked conference: one entry per invitation whose UID stays when the time moves,
 * its SEQUENCE counting the moves, so a calendar app moves the entry it has. A video meeting is
 * held at its link, a phone call where the home is; a meeting in person at the school.
 */
function bookingEntries(rows: readonly GuardianBookingRow[], locale: Locale): CalendarEntry[] {
  const text = ROUND_TEXT[locale];
  return rows.map((row) => {
    const format = formatOf(row);
    const atSchool = row.room ? `${row.school_name}, ${row.room}` : row.school_name;
    return {
      uid: `conference-${row.invitation_id}@samspil`,
      sequence: row.moves,
      date: row.date,
      from: row.starts_at,
      to: row.ends_at,
      summary: text.meeting(row.child, className(row.grade, row.letter)),
      location: format === 'video' && row.video_link ? row.video_link : format === 'phone' ? null : atSchool,
      description:
        format === 'phone' ? text.phone : format === 'video' && row.video_link ? text.video(row.video_link) : null,
      tentative: false,
    };
  });
}

/** A round's afternoon for the staff of its classes: one entry per round and day, however many of their classes it holds. */
function roundEntries(rows: readonly StaffRoundDayRow[], locale: Locale): CalendarEntry[] {
  const byDay = new Map<string, StaffRoundDayRow[]>();
  for (const row of rows) {
    const key = `${row.round_id}/${row.date}`;
    byDay.set(key, [...(byDay.get(key) ?? []), row]);
  }
  return [...byDay.values()].map((day) => {
    const first = day[0]!;
    const classes = day.map((row) => className(row.grade, row.letter)).join(', ');
    const rooms = [...new Set(day.flatMap((row) => (row.room ? [row.room] : [])))].join(', ');
    return {
      uid: `conference-round-${first.round_id}-${first.date}@samspil`,
      sequence: 0,
      date: first.date,
      from: first.starts_at,
      to: first.ends_at,
      summary: ROUND_TEXT[locale].summary(classes),
      location: rooms ? `${first.school_name}, ${rooms}` : first.school_name,
      description: first.round_name,
      // Not yet sent to the homes: the afternoon is planned, not settled.
      tentative: first.status === 'draft',
    };
  });
}

/**
 * A feed as a calendar app fetches it, without a cookie: the secret in its path is the only key,
 * and an unknown or revoked one is 404. It holds the owner's own entries only, in their language:
 * the afternoons of the conference rounds of the classes they are staff of, the conferences
 * their household booked, and the events their household is coming to or they organise.
 */
export async function readCalendar(ctx: Context, tokenInPath: string): Promise<string> {
  const token = tokenInPath.replace(/\.ics$/, '');
  const feed = await findFeedByToken(ctx.db, token);
  const user = feed ? await findFeedUser(ctx.db, feed.user_id) : undefined;
  if (!feed || !user) throw new AppError('not_found');
  const [roundDays, bookings, events] = await Promise.all([
    findStaffRoundDays(ctx.db, user.id),
    findGuardianBookings(ctx.db, user.id),
    findFeedEvents(ctx.db, user.id),
  ]);
  const entries = [
    ...roundEntries(roundDays, user.locale),
    ...bookingEntries(bookings, user.locale),
    ...events.map((e) => eventEntry(e, user.locale)),
  ];
  return calendarText(entries, user.locale, ctx.clock.now());
}

/**
 * One booked conference as an iCalendar file, for the invitation's guardians and the staff of the
 * class (the route's policy): the very event of the calendar feed (same UID and SEQUENCE), so a
 * calendar app that has both keeps one entry. An invitation with nothing booked is 404. The
 * reading is logged in the child's log.
 */
export async function readBookingCalendar(ctx: SignedInContext, schoolId: string, invitationId: string) {
  const booking = await findInvitationBooking(ctx.db, schoolId, invitationId);
  if (!booking) throw new AppError('not_found');
  await recordAudit(ctx, [{ schoolId, action: 'conference.booking-calendar', studentId: booking.student_id }]);
  return bookingCalendarText(booking, ctx.locale, ctx.clock.now());
}

/** One booked conference as an iCalendar file in a language, the feed's event: for the download and the e-mail. */
export function bookingCalendarText(booking: GuardianBookingRow, locale: Locale, now: Date): string {
  return calendarText(bookingEntries([booking], locale), locale, now);
}
