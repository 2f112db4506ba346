import { defineContract } from './contract.js';
import { ZOk } from './common.schema.js';
import { ZCalendarFeed, ZCalendarFeedParams } from './calendar.schema.js';

/** The calendar routes (calendar/calendar-feed.routes.ts): method, path and schemas, shared by the server and the client. */
export const calendarContracts = {
  feed: defineContract({ method: 'GET', url: '/api/me/calendar-feed', response: ZCalendarFeed }),
  renewFeed: defineContract({ method: 'POST', url: '/api/me/calendar-feed/renew', response: ZCalendarFeed }),
  revokeFeed: defineContract({ method: 'DELETE', url: '/api/me/calendar-feed', response: ZOk }),
  calendar: defineContract({
    method: 'GET',
    url: '/api/calendar/:token',
    params: ZCalendarFeedParams,
    produces: 'text/calendar',
  }),
};
