import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { generateSchoolInstance } from '../../src/domain/conference-scheduling/generate-instance.js';
import type {
  TConferenceInstance,
  TConferenceSchedule,
} from '../../src/domain/conference-scheduling/instance.schema.js';
import { measureSchedule, type ScheduleMeasure } from '../../src/domain/conference-scheduling/measure-schedule.js';
import { scheduleConferences } from '../../src/domain/conference-scheduling/schedule-conferences.js';
import { scheduleConferencesInParallel } from '../../src/domain/conference-scheduling/schedule-in-parallel.js';
import type { Objective } from '../../src/domain/conference-scheduling/schedule-state.js';
import { solveExactly, type ExactResult } from './exact-mip.js';
import { scheduleGreedy } from './greedy-baseline.js';

/**
 * The conference-scheduler benchmark (bench/README.md): generated rounds from one class to a
 * whole school, each planned by the greedy baseline, by the scheduler with a time budget and,
 * for the small ones, by the exact MIP; every schedule is checked by the independent validator.
 *
 *   npm run bench:scheduler -- [--seconds 10] [--exact-seconds 120] [--quick] [--out FILE.md]
 *   npm run bench:scheduler -- --hard [--seconds 5] [--long-seconds 90] [--seeds 1,2,3] [--out FILE.md]
 *
 * `--hard` runs the harder whole-school rounds of issue 10 instead (`generateSchoolInstance({
 * hard: true })`): the scheduler on one thread and on two threads at the default budget, one
 * thread at a long budget as the reference, and the lower bounds, all in the same run.
 */

interface Suite {
  label: string;
  classes: number | undefined;
  seeds: number[];
  exact: boolean;
}

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const quick = args.includes('--quick');
const hard = args.includes('--hard');
const budgetSeconds = option('--seconds', hard ? 5 : 10);
const longSeconds = option('--long-seconds', 90);
const seedsAt = args.indexOf('--seeds');
const hardSeeds = seedsAt >= 0 ? (args[seedsAt + 1] ?? '').split(',').map(Number) : [1, 2, 3];
const exactSeconds = option('--exact-seconds', 120);
const outAt = args.indexOf('--out');
const outFile = outAt >= 0 ? args[outAt + 1] : undefined;

const suites: Suite[] = quick
  ? [
      { label: '1 class', classes: 1, seeds: [1], exact: true },
      { label: 'whole school', classes: undefined, seeds: [2], exact: false },
    ]
  : [
      { label: '1 class', classes: 1, seeds: [1, 2, 3], exact: true },
      { label: '2 classes', classes: 2, seeds: [1, 2, 3], exact: true },
      { label: '1 grade (3 classes)', classes: 3, seeds: [1, 2, 3], exact: false },
      { label: '6 classes', classes: 6, seeds: [1, 2, 3], exact: false },
      { label: '12 classes', classes: 12, seeds: [1, 2, 3], exact: false },
      { label: 'whole school', classes: undefined, seeds: [2, 5, 6, 10], exact: false },
    ];

interface Row {
  suite: string;
  seed: number;
  size: { meetings: number; staff: number; households: number; interpreters: number };
  greedy: ScheduleMeasure & { seconds: number };
  solver: ScheduleMeasure & {
    seconds: number;
    cpuSeconds: number;
    secondsToFinal: number;
    iterations: number;
    staffSpanIdle: number;
  };
  exact?: ExactResult & { measure: ScheduleMeasure | null };
}

function timed<T>(work: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

function solve(instance: TConferenceInstance) {
  const started = performance.now();
  const deadline = started + budgetSeconds * 1000;
  // The time at which the schedule first had its final values of measures 2–4.
  const improvements: { objective: Objective; at: number }[] = [];
  const run = timed(() =>
    scheduleConferences(instance, {
      seed: 1,
      shouldStop: () => performance.now() >= deadline,
      onImprovement: (objective) => improvements.push({ objective, at: (performance.now() - started) / 1000 }),
    }),
  );
  const final = run.value.objective;
  const firstFinal = improvements.find((entry) => entry.objective.slice(0, 3).every((value, i) => value === final[i]));
  return {
    schedule: run.value.schedule,
    iterations: run.value.iterations,
    ...run,
    secondsToFinal: firstFinal?.at ?? run.seconds,
  };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const suite of suites) {
    for (const seed of suite.seeds) {
      const instance = generateSchoolInstance({ seed, classes: suite.classes });
      const size = {
        meetings: instance.meetings.length,
        staff: instance.staff.length,
        households: instance.households.length,
        interpreters: instance.interpreters.length,
      };
      const greedy = timed(() => scheduleGreedy(instance));
      const solved = solve(instance);
      const row: Row = {
        suite: suite.label,
        seed,
        size,
        greedy: { ...measureSchedule(instance, greedy.value), seconds: greedy.seconds },
        solver: {
          ...measureSchedule(instance, solved.schedule),
          seconds: solved.seconds,
          cpuSeconds: solved.cpuSeconds,
          secondsToFinal: solved.secondsToFinal,
          iterations: solved.iterations,
          staffSpanIdle: staffSpanIdle(instance, solved.schedule),
        },
      };
      if (suite.exact) {
        const exact = await solveExactly(instance, exactSeconds);
        row.exact = {
          ...exact,
          measure: exact.schedule ? measureSchedule(instance, exact.schedule as TConferenceSchedule) : null,
        };
      }
      rows.push(row);
      process.stderr.write(
        `${suite.label} seed ${seed}: ${size.meetings} meetings, placed ${row.solver.placed}/${row.solver.placeable} ` +
          `(greedy ${row.greedy.placed}) in ${row.solver.seconds.toFixed(1)} s\n`,
      );
    }
  }
  const report = render(rows);
  process.stdout.write(report);
  if (outFile) await writeFile(outFile, report);
}

function render(rows: Row[]): string {
  const lines: string[] = [];
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
  lines.push(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; load average at the end ${load}. ` +
      `Budget ${budgetSeconds} s per instance (the scheduler stops earlier when it stops improving), exact stages ${exactSeconds} s each.`,
    '',
    '### Scheduler against the greedy baseline',
    '',
    '| instance | meetings / staff / households | placed / placeable (greedy) | household days ≥ bound (greedy) | household waiting min (greedy) | staff idle min (greedy) | interpreter idle min (greedy) | possible households: waiting 0 / and all placed | feasible | time s (to final 2–4) | CPU s |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const row of rows) {
    const s = row.solver;
    const g = row.greedy;
    lines.push(
      `| ${row.suite} #${row.seed} | ${row.size.meetings} / ${row.size.staff} / ${row.size.households} | ${s.placed} / ${s.placeable} (${g.placed}) | ` +
        `${s.householdDays} ≥ ${s.householdDaysLowerBound} (${g.householdDays}) | ${s.householdWaiting} (${g.householdWaiting}) | ${s.staffIdle} (${g.staffIdle}) | ` +
        `${s.interpreterIdle} (${g.interpreterIdle}) | ${percent(s.householdsWithZeroWaiting, s.possibleHouseholds)} / ` +
        `${percent(s.householdsServedWithoutWaiting, s.possibleHouseholds)} of ${s.possibleHouseholds} | ` +
        `${s.feasible && g.feasible ? 'yes' : `NO (${s.violations} + ${g.violations})`} | ${s.seconds.toFixed(2)} (${s.secondsToFinal.toFixed(2)}) | ${s.cpuSeconds.toFixed(2)} |`,
    );
  }
  const exactRows = rows.filter((row) => row.exact);
  if (exactRows.length > 0) {
    lines.push(
      '',
      '### Scheduler against the exact MIP (HiGHS), small instances',
      '',
      '| instance | MIP size (columns / rows) | placed: scheduler / MIP | household days: scheduler / MIP | household waiting: scheduler / MIP | staff span idle (breaks counted): scheduler / MIP | staff idle (measure 5): scheduler / MIP schedule | MIP stages (status, s) | MIP schedule feasible |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const row of exactRows) {
      const exact = row.exact as NonNullable<Row['exact']>;
      const stage = (name: string) => exact.stages.find((entry) => entry.name === name);
      const value = (name: string) => {
        const found = stage(name);
        return found ? `${found.value}${found.status === 'Optimal' ? '' : ' (not proved)'}` : '—';
      };
      lines.push(
        `| ${row.suite} #${row.seed} | ${exact.variables} / ${exact.constraints} | ${row.solver.placed} / ${value('placed')} | ` +
          `${row.solver.householdDays} / ${value('household days')} | ${row.solver.householdWaiting} / ${value('household waiting')} | ` +
          `${row.solver.staffSpanIdle} / ${value('staff span idle')} | ${row.solver.staffIdle} / ${exact.measure?.staffIdle ?? '—'} | ` +
          `${exact.stages.map((entry) => `${entry.name}: ${entry.status}, ${entry.seconds.toFixed(0)}`).join('; ')} | ` +
          `${exact.measure ? (exact.measure.feasible ? 'yes' : `NO (${exact.measure.violations})`) : '—'} |`,
      );
    }
  }
  const whole = rows.filter((row) => row.suite === 'whole school');
  const possible = sum(rows, (row) => row.solver.possibleHouseholds);
  const zeroWaiting = sum(rows, (row) => row.solver.householdsWithZeroWaiting);
  const served = sum(rows, (row) => row.solver.householdsServedWithoutWaiting);
  const lowest = (pick: (row: Row) => number) =>
    Math.min(...rows.map((row) => (100 * pick(row)) / Math.max(1, row.solver.possibleHouseholds))).toFixed(1);
  lines.push(
    '',
    '### Aims',
    '',
    `- Always feasible: ${rows.every((row) => row.solver.feasible) ? 'yes' : 'NO'} (${rows.length} schedules checked by the independent validator).`,
    `- At least as many placed as the baseline: ${rows.every((row) => row.solver.placed >= row.greedy.placed) ? 'yes' : 'NO'} on every instance; ` +
      `in total ${sum(rows, (row) => row.solver.placed)} against ${sum(rows, (row) => row.greedy.placed)} of ${sum(rows, (row) => row.solver.placeable)} placeable.`,
    `- Household waiting 0, among households whose meetings all fit alone: ${zeroWaiting} / ${possible} = ${percent(zeroWaiting, possible)} ` +
      `(lowest instance ${lowest((row) => row.solver.householdsWithZeroWaiting)}%); counting only households with every meeting placed: ` +
      `${served} / ${possible} = ${percent(served, possible)} (lowest instance ${lowest((row) => row.solver.householdsServedWithoutWaiting)}%).`,
    `- Whole school: ${whole.map((row) => `${row.size.meetings} meetings in ${row.solver.seconds.toFixed(1)} s (final measures 2–4 after ${row.solver.secondsToFinal.toFixed(1)} s)`).join('; ')}.`,
    '',
  );
  return lines.join('\n');
}

/** Staff minutes between first start and last end of each day not in meetings, breaks included: the MIP's stage 4. */
function staffSpanIdle(instance: TConferenceInstance, schedule: TConferenceSchedule): number {
  const meetings = new Map(instance.meetings.map((meeting) => [meeting.id, meeting]));
  const days = new Map<string, { first: number; last: number; busy: number }>();
  for (const assignment of schedule.assignments) {
    const meeting = meetings.get(assignment.meeting);
    if (!meeting) continue;
    const [hours, mins] = assignment.start.split(':').map(Number) as [number, number];
    const start = hours * 60 + mins;
    for (const staff of meeting.staff) {
      const key = `${staff} ${assignment.date}`;
      const day = days.get(key) ?? { first: Infinity, last: -Infinity, busy: 0 };
      day.first = Math.min(day.first, start);
      day.last = Math.max(day.last, start + meeting.minutes);
      day.busy += meeting.minutes;
      days.set(key, day);
    }
  }
  return [...days.values()].reduce((total, day) => total + day.last - day.first - day.busy, 0);
}

function sum(rows: Row[], pick: (row: Row) => number): number {
  return rows.reduce((total, row) => total + pick(row), 0);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;
}

interface HardRow {
  seed: number;
  size: { meetings: number; staff: number; households: number; interpreters: number };
  one: ScheduleMeasure & { seconds: number; cpuSeconds: number; iterations: number };
  two: ScheduleMeasure & { seconds: number; cpuSeconds: number; iterations: number; threads: number };
  long: ScheduleMeasure & { seconds: number; cpuSeconds: number; iterations: number };
}

function solveFor(instance: TConferenceInstance, seconds: number) {
  const deadline = performance.now() + seconds * 1000;
  const run = timed(() => scheduleConferences(instance, { seed: 1, shouldStop: () => performance.now() >= deadline }));
  return {
    ...measureSchedule(instance, run.value.schedule),
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    iterations: run.value.iterations,
  };
}

async function mainHard(): Promise<void> {
  const rows: HardRow[] = [];
  for (const seed of hardSeeds) {
    const instance = generateSchoolInstance({ seed, hard: true });
    const size = {
      meetings: instance.meetings.length,
      staff: instance.staff.length,
      households: instance.households.length,
      interpreters: instance.interpreters.length,
    };
    const one = solveFor(instance, budgetSeconds);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const parallel = await scheduleConferencesInParallel(instance, {
      seed: 1,
      threads: 2,
      deadline: Date.now() + budgetSeconds * 1000,
    });
    const used = process.cpuUsage(cpu);
    const two = {
      ...measureSchedule(instance, parallel.schedule),
      seconds: (performance.now() - started) / 1000,
      // The whole process, worker threads included: process.cpuUsage counts every thread.
      cpuSeconds: (used.user + used.system) / 1e6,
      iterations: parallel.iterations,
      threads: parallel.threads,
    };
    const long = solveFor(instance, longSeconds);
    rows.push({ seed, size, one, two, long });
    process.stderr.write(
      `hard whole school seed ${seed}: placed ${one.placed} / ${two.placed} / ${long.placed} of ${one.placeable}\n`,
    );
  }
  const report = renderHard(rows);
  process.stdout.write(report);
  if (outFile) await writeFile(outFile, report);
}

function renderHard(rows: HardRow[]): string {
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
  const waitingHouseholds = (m: ScheduleMeasure) => m.possibleHouseholds - m.householdsWithZeroWaiting;
  const cell = (m: ScheduleMeasure) =>
    `${m.placed} / ${m.householdDays} / ${m.householdWaiting} / ${waitingHouseholds(m)} / ${m.staffIdle}`;
  const lines = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; load average at the end ${load}. ` +
      `Default budget ${budgetSeconds} s, long budget ${longSeconds} s.`,
    '',
    '### Hard rounds (issue 10): default budget against the long budget and the lower bound',
    '',
    'Each cell: placed / household days / household waiting min / households waiting / staff idle min.',
    '',
    '| instance | meetings / staff / households / interpreters | one thread, default budget | two threads, default budget | one thread, long budget | lower bound (placeable / days bound / 0 / 0 / —) | feasible | s (CPU s of the process, all its threads): one / two / long | iterations: one / two (per thread) / long |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const { one, two, long } = row;
    lines.push(
      `| hard whole school #${row.seed} | ${row.size.meetings} / ${row.size.staff} / ${row.size.households} / ${row.size.interpreters} | ` +
        `${cell(one)} | ${cell(two)} | ${cell(long)} | ${one.placeable} / ${one.householdDaysLowerBound} / 0 / 0 / — | ` +
        `${one.feasible && two.feasible && long.feasible ? 'yes' : 'NO'} | ` +
        `${one.seconds.toFixed(1)} (${one.cpuSeconds.toFixed(1)}) / ${two.seconds.toFixed(1)} (${two.cpuSeconds.toFixed(1)}, ${two.threads} threads) / ${long.seconds.toFixed(1)} (${long.cpuSeconds.toFixed(1)}) | ` +
        `${one.iterations} / ${two.iterations} / ${long.iterations} |`,
    );
  }
  const gap = (pick: (row: HardRow) => ScheduleMeasure) =>
    rows
      .map((row) => {
        const m = pick(row);
        return `#${row.seed}: ${m.placeable - m.placed} unplaced above the bound, ${m.householdDays - m.householdDaysLowerBound} days above it, ${m.householdWaiting} min waiting`;
      })
      .join('; ');
  lines.push(
    '',
    `- Gap to the lower bound, one thread at ${budgetSeconds} s: ${gap((row) => row.one)}.`,
    `- Two threads at ${budgetSeconds} s: ${gap((row) => row.two)}.`,
    `- One thread at ${longSeconds} s: ${gap((row) => row.long)}.`,
    '',
  );
  return lines.join('\n');
}

await (hard ? mainHard() : main());
