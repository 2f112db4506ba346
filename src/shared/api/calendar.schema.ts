import { z } from 'zod';

/** The signed-in user's private calendar feed: a URL calendar apps subscribe to without signing in. */
export const ZCalendarFeed = z.object({
  url: z.string(),
  createdAt: z.string(),
});
export type TCalendarFeed = z.infer<typeof ZCalendarFeed>;

/** A feed's secret, as it stands in its URL. */
export const ZCalendarFeedParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}(\.ics)?$/)
    .describe('The feed’s secret token, optionally ending in .ics.'),
});
