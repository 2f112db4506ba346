import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { generateSchoolInstance } from '../../src/domain/conference-scheduling/generate-instance.js';
import { measureSchedule } from '../../src/domain/conference-scheduling/measure-schedule.js';
import * as current from '../../src/domain/conference-scheduling/schedule-conferences.js';
import * as currentParallel from '../../src/domain/conference-scheduling/schedule-in-parallel.js';

/**
 * The hard rounds (issue 10) on one thread at a fixed number of iterations or a fixed CPU time:
 * the objective reached and the CPU seconds it took, which hardly depend on how busy the machine
 * is (bench/README.md, "Hard rounds"). `--scheduler DIR` runs another copy of the scheduler
 * (an older commit's files checked out there) on the same instances, for a before/after table.
 *
 * `--threads N --seconds S` runs `scheduleConferencesInParallel` with a wall-clock deadline instead.
 *
 *   node --import tsx bench/scheduler/iterations.ts [--iterations 1500 | --cpu-seconds 4 | --threads 2 --seconds 5]
 *     [--seeds 1,2,3] [--solver-seeds 1] [--scheduler DIR]
 */
const args = process.argv.slice(2);
const valueOf = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const iterations = Number(valueOf('--iterations') ?? Number.POSITIVE_INFINITY);
const cpuSeconds = Number(valueOf('--cpu-seconds') ?? Number.POSITIVE_INFINITY);
const seeds = (valueOf('--seeds') ?? '1,2,3').split(',').map(Number);
const solverSeeds = (valueOf('--solver-seeds') ?? '1').split(',').map(Number);
const other = valueOf('--scheduler');
const scheduler: typeof current = other
  ? ((await import(pathToFileURL(resolve(other, 'schedule-conferences.ts')).href)) as typeof current)
  : current;

const threads = Number(valueOf('--threads') ?? 0);
const seconds = Number(valueOf('--seconds') ?? 5);
const parallel: typeof currentParallel = other
  ? ((await import(pathToFileURL(resolve(other, 'schedule-in-parallel.ts')).href)) as typeof currentParallel)
  : currentParallel;

const cpuNow = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};

for (const seed of seeds) {
  const instance = generateSchoolInstance({ seed, hard: true });
  for (const solverSeed of solverSeeds) {
    const started = cpuNow();
    const wallStarted = Date.now();
    const result =
      threads > 0
        ? await parallel.scheduleConferencesInParallel(instance, {
            seed: solverSeed,
            threads,
            deadline: Date.now() + seconds * 1000,
          })
        : scheduler.scheduleConferences(instance, {
            seed: solverSeed,
            maxIterations: iterations,
            stagnationIterations: Number.POSITIVE_INFINITY,
            shouldStop: () => cpuNow() - started >= cpuSeconds,
          });
    const used = cpuNow() - started;
    const [unplaced, days, waiting, staffIdle] = result.objective;
    const measure = measureSchedule(instance, result.schedule);
    const householdsWaiting = measure.possibleHouseholds - measure.householdsWithZeroWaiting;
    process.stdout.write(
      `hard #${seed} seed ${solverSeed}: placed ${instance.meetings.length - unplaced} / ${days} days / ${waiting} waiting / ${staffIdle} staff idle ` +
        `/ ${householdsWaiting} households waiting ` +
        `(construction placed ${instance.meetings.length - result.constructionObjective[0]} / ${result.constructionObjective[1]} / ${result.constructionObjective[2]}), ` +
        `${result.iterations} it, best at ${result.bestIteration}, CPU ${used.toFixed(1)} s, wall ${((Date.now() - wallStarted) / 1000).toFixed(1)} s\n`,
    );
  }
}
