import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  MessageChannel,
  Worker,
  isMainThread,
  parentPort,
  receiveMessageOnPort,
  workerData,
  type MessagePort,
} from 'node:worker_threads';
import type { Language } from './clock.js';
import type { TConferenceInstance } from './instance.schema.js';
import { SchedulerSession, type ScheduleResult } from './schedule-conferences.js';
import { compareObjectives, type Objective, type Placement } from './schedule-state.js';

/**
 * The conference scheduler on several cores (issue 10): the same search as `scheduleConferences`,
 * run in rounds. Every round, each thread improves the best timetable so far for a number of
 * iterations with a seed of its own, and the best of their results starts the next round: the
 * threads share what they find instead of searching alone. The first thread is the caller's own,
 * the others are worker threads (`node:worker_threads`), each with its own copy of the solver.
 *
 * Deterministic for a seed, a number of threads and an iteration limit: rounds are counted in
 * iterations, not time, every round waits for every thread, and ties go to the lowest thread.
 * With a time budget (`deadline`) alone, as the app plans, no thread waits for another: each
 * searches on by itself, sends the others every better timetable it finds and takes up a better
 * one sent to it between its rounds (see `searchFreely`). That makes the result depend on the
 * machine, as with `scheduleConferences`'s time budget.
 */
export interface ParallelScheduleOptions {
  seed?: number;
  /** Threads searching at once, the caller’s included (default 2, so that a seed gives the same schedule on every machine). */
  threads?: number;
  /** `Date.now()` value at which to stop and take the best timetable so far. */
  deadline?: number;
  /** Upper bound on improvement iterations per thread, summed over the rounds. */
  maxIterations?: number;
  /** Iterations each thread runs per round before the threads compare results. */
  roundIterations?: number;
  language?: Language;
}

export interface ParallelScheduleResult extends ScheduleResult {
  /** Threads that searched to the end (a worker that could not start is not counted). */
  threads: number;
  rounds: number;
}

type WorkerSetup =
  /** A helper of a parallel search: improves the timetables it is sent. */
  | { samspilConferenceWorker: true; instance: TConferenceInstance; seed: number; whole?: undefined; free?: undefined }
  /** A helper of a search against the clock: searches on by itself, trading better timetables through `port`. */
  | {
      samspilConferenceWorker: true;
      instance: TConferenceInstance;
      seed: number;
      whole?: undefined;
      free: FreeSetup;
    }
  /** The whole parallel search, started off the caller's thread. */
  | { samspilConferenceWorker: true; instance: TConferenceInstance; whole: ParallelScheduleOptions; free?: undefined };

interface ImproveRequest {
  from: Placement[];
  seed: number;
  iterations: number;
  deadline: number;
}

interface ImproveReply {
  objective: Objective;
  placements: Placement[];
  iterations: number;
}

const DEFAULT_ROUND_ITERATIONS = 150;

/** Where a helper of a search against the clock sends and receives timetables, and until when it searches. */
interface FreeSetup {
  port: MessagePort;
  thread: number;
  deadline: number;
  roundIterations: number;
}

/** A better timetable, sent between the threads of a search against the clock. */
interface Found {
  objective: Objective;
  placements: Placement[];
}

export async function scheduleConferencesInParallel(
  instance: TConferenceInstance,
  options: ParallelScheduleOptions = {},
): Promise<ParallelScheduleResult> {
  const seed = options.seed ?? 1;
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  const maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
  const roundIterations = Math.max(1, options.roundIterations ?? DEFAULT_ROUND_ITERATIONS);
  const wanted = Math.max(1, Math.min(options.threads ?? 2, 16));
  if (maxIterations === Number.POSITIVE_INFINITY && deadline !== Number.POSITIVE_INFINITY)
    return searchFreely(instance, seed, wanted, deadline, roundIterations, options.language ?? 'da');
  const workers = maxIterations > 0 && wanted > 1 ? startWorkers(instance, seed, wanted - 1) : [];
  try {
    const session = new SchedulerSession(instance, seed);
    let best = session.placements();
    let bestObjective = session.objective();
    let iterations = 0;
    let bestIteration = 0;
    let rounds = 0;
    const failed = new Set<number>();
    // With an iteration limit every round waits for every thread, so the result is the same on
    // every run. With only a deadline, a slow worker (still building its solver on a busy
    // machine, say) does not hold the others up: its result joins the round in which it arrives.
    const waitForAll = maxIterations !== Number.POSITIVE_INFINITY || deadline === Number.POSITIVE_INFINITY;
    const inFlight: boolean[] = workers.map(() => false);
    const arrived: (ImproveReply | null | undefined)[] = workers.map(() => undefined);
    const running: Promise<unknown>[] = workers.map(() => Promise.resolve());
    while (iterations < maxIterations && iterations - bestIteration < session.stagnationIterations) {
      if (session.atLowerBound() || Date.now() >= deadline) break;
      const budget = Math.min(roundIterations, maxIterations - iterations);
      const request = (thread: number): ImproveRequest => ({
        from: best,
        seed: roundSeed(seed, rounds, thread),
        iterations: budget,
        deadline,
      });
      workers.forEach((worker, index) => {
        if (failed.has(index) || inFlight[index]) return;
        inFlight[index] = true;
        running[index] = worker.improve(request(index + 1)).then(
          (reply) => {
            arrived[index] = reply;
          },
          () => {
            // A worker that fails (it could not start, say) drops out; the caller's own thread goes on.
            failed.add(index);
            arrived[index] = null;
          },
        );
      });
      const own = request(0);
      const ownResult = session.improve(own.from, own.seed, own.iterations, () => Date.now() >= deadline);
      if (waitForAll) await Promise.all(running);
      else await new Promise((resolve) => setImmediate(resolve));
      const replies: ImproveReply[] = [{ ...ownResult, placements: session.placements() }];
      workers.forEach((_worker, index) => {
        const reply = arrived[index];
        if (reply === undefined) return;
        inFlight[index] = false;
        arrived[index] = undefined;
        if (reply) replies.push(reply);
      });
      rounds++;
      iterations += waitForAll ? Math.max(...replies.map((reply) => reply.iterations)) : ownResult.iterations;
      let winner: ImproveReply | null = null;
      for (const reply of replies)
        if (!winner || compareObjectives(reply.objective, winner.objective) < 0) winner = reply;
      if (winner && compareObjectives(winner.objective, bestObjective) < 0) {
        best = winner.placements;
        bestObjective = winner.objective;
        bestIteration = iterations;
      }
      if (waitForAll && replies.every((reply) => reply.iterations === 0)) break;
    }
    const result = session.result(best, iterations, bestIteration, options.language ?? 'da');
    return { ...result, threads: workers.length - failed.size + 1, rounds };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}

/**
 * The search against the clock: every thread, the caller's included, improves its own best
 * timetable round after round. Between rounds it takes the best of the timetables the others
 * have sent (polled with `receiveMessageOnPort`, so that a busy thread need not return to its
 * event loop) and sends its own when it found a better one. In the rounds of
 * `scheduleConferencesInParallel` a helper that finished first waited for the caller's round to
 * end and one that finished last sat out the next round: a helper did less than half the
 * caller's iterations (bench/README.md, "Hard rounds").
 */
async function searchFreely(
  instance: TConferenceInstance,
  seed: number,
  threads: number,
  deadline: number,
  roundIterations: number,
  language: Language,
): Promise<ParallelScheduleResult> {
  const helpers = Array.from({ length: threads - 1 }, (_unused, index) => {
    const channel = new MessageChannel();
    const free = { port: channel.port2, thread: index + 1, deadline, roundIterations };
    const worker = new Worker(...workerEntry({ samspilConferenceWorker: true, instance, seed, free }, [channel.port2]));
    const helper = { worker, port: channel.port1, failed: false };
    // A helper that fails (it could not start, say) drops out; the caller's own thread goes on.
    worker.on('error', () => (helper.failed = true));
    return helper;
  });
  try {
    const session = new SchedulerSession(instance, seed);
    let best = session.placements();
    let bestObjective = session.objective();
    let iterations = 0;
    let bestIteration = 0;
    let rounds = 0;
    const stop = () => Date.now() >= deadline;
    while (iterations - bestIteration < session.stagnationIterations && !session.atLowerBound() && !stop()) {
      // Lets the caller's thread answer its own events between rounds, as the rounds in step do.
      await new Promise((resolve) => setImmediate(resolve));
      for (const sender of helpers) {
        for (const found of receiveAll(sender.port)) {
          if (compareObjectives(found.objective, bestObjective) >= 0) continue;
          best = found.placements;
          bestObjective = found.objective;
          bestIteration = iterations;
          // With more than two threads, the helpers trade through this one.
          for (const helper of helpers) if (helper !== sender) helper.port.postMessage(found);
        }
      }
      const own = session.improve(best, roundSeed(seed, rounds, 0), roundIterations, stop);
      rounds++;
      iterations += own.iterations;
      if (own.iterations === 0) break;
      if (compareObjectives(own.objective, bestObjective) < 0) {
        best = session.placements();
        bestObjective = own.objective;
        bestIteration = iterations;
        for (const helper of helpers)
          helper.port.postMessage({ objective: bestObjective, placements: best } satisfies Found);
      }
    }
    for (const found of helpers.flatMap((helper) => receiveAll(helper.port))) {
      if (compareObjectives(found.objective, bestObjective) < 0) {
        best = found.placements;
        bestObjective = found.objective;
      }
    }
    const result = session.result(best, iterations, bestIteration, language);
    return { ...result, threads: helpers.filter((helper) => !helper.failed).length + 1, rounds };
  } finally {
    await Promise.all(
      helpers.map(async (helper) => {
        helper.port.close();
        await helper.worker.terminate();
      }),
    );
  }
}

/** The messages waiting on a port, taken without returning to the event loop. */
function receiveAll(port: MessagePort): Found[] {
  const found: Found[] = [];
  for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port))
    found.push(message.message as Found);
  return found;
}

/** A helper of `searchFreely`: the same search from the same constructed timetable, with seeds of its own. */
function helpFreely(instance: TConferenceInstance, seed: number, free: FreeSetup): void {
  const session = new SchedulerSession(instance, seed);
  let from = session.placements();
  let fromObjective = session.objective();
  const stop = () => Date.now() >= free.deadline;
  for (let round = 0; !stop() && !session.atLowerBound(); round++) {
    for (const found of receiveAll(free.port)) {
      if (compareObjectives(found.objective, fromObjective) < 0) {
        from = found.placements;
        fromObjective = found.objective;
      }
    }
    const { objective, iterations } = session.improve(
      from,
      roundSeed(seed, round, free.thread),
      free.roundIterations,
      stop,
    );
    if (iterations === 0) break;
    if (compareObjectives(objective, fromObjective) < 0) {
      from = session.placements();
      fromObjective = objective;
      free.port.postMessage({ objective, placements: from } satisfies Found);
    }
  }
}

/**
 * The same search with none of it on the caller's thread: a worker thread runs
 * `scheduleConferencesInParallel` (and starts its helpers), so a server that plans a round goes on
 * answering requests while it searches. `threads` counts the searching threads, as there.
 */
export function scheduleConferencesOffThread(
  instance: TConferenceInstance,
  options: ParallelScheduleOptions = {},
): Promise<ParallelScheduleResult> {
  const worker = startWorker({ samspilConferenceWorker: true, instance, whole: options });
  return new Promise<ParallelScheduleResult>((resolve, reject) => {
    worker.once('message', (reply: { result: ParallelScheduleResult } | { error: string }) =>
      'result' in reply ? resolve(reply.result) : reject(new Error(reply.error)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the scheduler's thread stopped (exit code ${code})`)));
  }).finally(() => void worker.terminate());
}

/** A seed per round and thread, spread so that neighbouring rounds and threads differ. */
function roundSeed(seed: number, round: number, thread: number): number {
  return (Math.imul(seed, 1_000_003) + Math.imul(round, 7919) + Math.imul(thread, 104_729) + 1) >>> 0;
}

interface SearchWorker {
  improve(request: ImproveRequest): Promise<ImproveReply>;
  stop(): Promise<void>;
}

/**
 * The helpers of a parallel search, each a worker thread with its own copy of the solver.
 */
function startWorkers(instance: TConferenceInstance, seed: number, count: number): SearchWorker[] {
  const setup: WorkerSetup = { samspilConferenceWorker: true, instance, seed };
  return Array.from({ length: count }, () => {
    const worker = startWorker(setup);
    let waiting: { resolve: (reply: ImproveReply) => void; reject: (error: Error) => void } | null = null;
    let failure: Error | null = null;
    worker.on('message', (reply: ImproveReply) => {
      const current = waiting;
      waiting = null;
      current?.resolve(reply);
    });
    worker.on('error', (error: Error) => {
      failure = error;
      waiting?.reject(error);
      waiting = null;
    });
    return {
      improve: (request) =>
        new Promise<ImproveReply>((resolve, reject) => {
          if (failure) {
            reject(failure);
            return;
          }
          waiting = { resolve, reject };
          worker.postMessage(request);
        }),
      stop: async () => {
        await worker.terminate();
      },
    };
  });
}

/**
 * A worker thread running this very module (see the end of the file), which works the same from
 * the TypeScript source (tests, `tsx`) and from the bundle `npm run build` writes.
 */
function startWorker(setup: WorkerSetup): Worker {
  return new Worker(...workerEntry(setup, []));
}

function workerEntry(setup: WorkerSetup, transferList: MessagePort[]): ConstructorParameters<typeof Worker> {
  const url = new URL(import.meta.url);
  // From the TypeScript source (tests, `tsx`), the worker first registers tsx, the loader the
  // caller runs under, since a worker does not inherit it; the built bundle is plain JavaScript.
  const entry = url.pathname.endsWith('.ts')
    ? `import(${JSON.stringify(tsxLoader(url))})` +
      `.then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`
    : url;
  return [entry, { workerData: setup, eval: typeof entry === 'string', transferList }];
}

/** Where tsx's ES module API is, as seen from this file. */
function tsxLoader(from: URL): string {
  // Node resolves the package's "import" condition; require.resolve would give its CommonJS build.
  const resolved = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : null;
  if (resolved) return resolved;
  return pathToFileURL(
    createRequire(from)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
}

function isWorkerSetup(data: unknown): data is WorkerSetup {
  return typeof data === 'object' && data !== null && 'samspilConferenceWorker' in data;
}

if (!isMainThread && parentPort && isWorkerSetup(workerData)) {
  const port = parentPort;
  const setup = workerData;
  if (setup.free) {
    helpFreely(setup.instance, setup.seed, setup.free);
  } else if (setup.whole) {
    scheduleConferencesInParallel(setup.instance, setup.whole).then(
      (result) => port.postMessage({ result }),
      (error: unknown) => port.postMessage({ error: String(error) }),
    );
  } else {
    const session = new SchedulerSession(setup.instance, setup.seed);
    port.on('message', (request: ImproveRequest) => {
      const { objective, iterations } = session.improve(
        request.from,
        request.seed,
        request.iterations,
        () => Date.now() >= request.deadline,
      );
      port.postMessage({ objective, placements: session.placements(), iterations } satisfies ImproveReply);
    });
  }
}
