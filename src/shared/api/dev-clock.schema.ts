import { z } from 'zod';

/** A year either way is more than any browser test needs. */
export const TEST_CLOCK_MAX_HOURS = 366 * 24;

/** Moves the server's test clock (SAMSPIL_TEST_CLOCK=1 only); negative hours move it back. */
export const ZAdvanceTestClock = z.object({
  advanceHours: z.number().min(-TEST_CLOCK_MAX_HOURS).max(TEST_CLOCK_MAX_HOURS),
});
export type TAdvanceTestClock = z.infer<typeof ZAdvanceTestClock>;

export const ZTestClock = z.object({ now: z.iso.datetime() });
export type TTestClock = z.infer<typeof ZTestClock>;
