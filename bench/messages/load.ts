import { performance } from 'node:perf_hooks';

/** The value below which `p` percent of the samples lie (nearest rank); `sorted` ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface LoadResult {
  /** Requests that completed inside the measured window. */
  requests: number;
  failures: number;
  seconds: number;
  perSecond: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
}

/**
 * A closed loop: `concurrency` clients each send a request, wait for its answer and send the
 * next, for a warm-up and then a measured window. Only requests that start and end inside the
 * window count, so the figures are not diluted by the warm-up or by a request cut off at the end.
 * `send` gets a running number, to spread the requests over many users.
 */
export async function closedLoop(options: {
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
  send: (n: number) => Promise<void>;
}): Promise<LoadResult> {
  const started = performance.now();
  const windowStart = started + options.warmupSeconds * 1000;
  const windowEnd = windowStart + options.seconds * 1000;
  const latencies: number[] = [];
  let failures = 0;
  let firstError: unknown;
  let next = 0;
  const client = async () => {
    while (performance.now() < windowEnd) {
      const sent = performance.now();
      try {
        await options.send(next++);
      } catch (error) {
        failures++;
        firstError ??= error;
        continue;
      }
      const done = performance.now();
      if (sent >= windowStart && done <= windowEnd) latencies.push(done - sent);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  if (failures > 0)
    console.error(
      `${failures} failed requests; the first: ${firstError instanceof Error ? firstError.message : String(firstError)}`,
    );
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    seconds: options.seconds,
    perSecond: latencies.length / options.seconds,
    latencyMs: {
      mean: latencies.reduce((sum, ms) => sum + ms, 0) / Math.max(1, latencies.length),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
    },
  };
}
