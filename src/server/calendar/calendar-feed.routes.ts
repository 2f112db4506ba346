import { defineRoute } from '../http/route.js';
import { calendarContracts } from '../../shared/api/calendar.contract.js';
import { ownData, publicAccess } from '../policies/policy.js';
import { getCalendarFeed, readCalendar, renewCalendarFeed, revokeCalendarFeed } from './calendar-feed.service.js';

export const calendarFeedRoutes = [
  defineRoute({
    ...calendarContracts.feed,
    summary:
      "The signed-in user's private calendar feed: `{ url }`, which a calendar app fetches without a cookie and gets the user's own meetings as VEVENTs (text/calendar). Made on the first call.",
    tags: ['calendar'],
    policy: ownData("the caller's own feed"),
    handler: (ctx) => getCalendarFeed(ctx),
  }),
  defineRoute({
    ...calendarContracts.renewFeed,
    summary: 'A new secret for the feed; the old URL answers 404 from now on.',
    tags: ['calendar'],
    policy: ownData("the caller's own feed"),
    handler: (ctx) => renewCalendarFeed(ctx),
  }),
  defineRoute({
    ...calendarContracts.revokeFeed,
    summary: 'Ends the feed; its URL answers 404 until the user asks for a new one.',
    tags: ['calendar'],
    policy: ownData("the caller's own feed"),
    handler: (ctx) => revokeCalendarFeed(ctx),
  }),
  defineRoute({
    ...calendarContracts.calendar,
    summary:
      "A user's calendar (text/calendar, Europe/Copenhagen times, stable UIDs with SEQUENCE) for calendar apps, which send no cookie: the secret token in the path is the key; an unknown or revoked one is 404.",
    tags: ['calendar'],
    policy: publicAccess("whoever holds the feed's secret URL"),
    handler: async (ctx, { params }, { reply }) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="samspil.ics"')
        .header('cache-control', 'private, max-age=300')
        .header('x-content-type-options', 'nosniff')
        .send(await readCalendar(ctx, params.token)),
  }),
];
