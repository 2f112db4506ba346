import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { OffsetClock } from '../clock.js';
import type { TTestClock } from '../../shared/api/dev-clock.schema.js';

const HOUR_MS = 3_600_000;

/**
 * The clock browser tests may move. It exists only when the server was started with
 * SAMSPIL_TEST_CLOCK=1 outside production; anywhere else the page does not exist.
 */
function testClockOf(deps: AppDeps): OffsetClock {
  if (!deps.config.testClock || deps.config.production || !(deps.clock instanceof OffsetClock))
    throw new AppError('not_found');
  return deps.clock;
}

export function readTestClock(deps: AppDeps): TTestClock {
  return { now: testClockOf(deps).now().toISOString() };
}

/** Moves the clock and wakes the job loop, as a commit that queued jobs does: jobs just fallen due run now. */
export function advanceTestClock(deps: AppDeps, hours: number): TTestClock {
  const clock = testClockOf(deps);
  clock.advance(hours * HOUR_MS);
  deps.jobs.queued();
  return { now: clock.now().toISOString() };
}
