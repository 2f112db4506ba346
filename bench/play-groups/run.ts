import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { BEST_KNOWN, repeatFreeLimit } from '../../src/domain/play-groups/best-known.js';
import { generatePlayGroups, type PlayGroupsInput, type PlayGroupsResult } from '../../src/domain/play-groups/index.js';
import { groupSizes } from '../../src/domain/play-groups/group-sizes.js';
import { measurePlayGroups, type PlayGroupsMeasure } from '../../src/domain/play-groups/measure.js';
import { createRandom } from '../../src/domain/random.js';

/**
 * The play-groups benchmark (bench/README.md): classes of 16–30 children in groups of 3, 4 and 5,
 * each planned by the generator and by a naive shuffle (every round a random partition into the
 * same group sizes), measured by `measurePlayGroups` (specs/play-groups.md).
 *
 *   npm run bench:play-groups -- [--year 10] [--baseline-seeds 20] [--out FILE.md]
 *
 * Two requests per class: 15 rounds (more than any class here can have without a repeat) for the
 * repeat-free rounds, and a school year of `--year` rounds for the repeats, the most meetings of a
 * pair and the groups of one gender. Genders are random (about half each, seeded by the class).
 */

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const year = option('--year', 10);
const baselineSeeds = option('--baseline-seeds', 20);
const outAt = args.indexOf('--out');
const outFile = outAt >= 0 ? args[outAt + 1] : undefined;
const LONG = 15;

function inputOf(n: number, groupSize: number, rounds: number): PlayGroupsInput {
  const random = createRandom(n * 100 + groupSize);
  return {
    children: Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, gender: random.chance(0.5) ? 'f' : 'm' })),
    groupSize,
    rounds,
    apart: [],
    seed: 1,
  };
}

/** The naive baseline: each round the class shuffled and cut into the generator's group sizes. */
function shuffled(input: PlayGroupsInput, seed: number): PlayGroupsResult {
  const random = createRandom(seed);
  const sizes = groupSizes(input.children.length, input.groupSize)!;
  const ids = input.children.map((child) => child.id);
  return {
    rounds: Array.from({ length: input.rounds }, () => {
      const order = random.shuffle(ids);
      let next = 0;
      return sizes.map((size) => order.slice(next, (next += size)));
    }),
  };
}

/** The rounds' measure, and the wall and CPU seconds (the machine may be shared) of the generator. */
function timed(input: PlayGroupsInput) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = generatePlayGroups(input);
  const used = process.cpuUsage(cpu);
  return {
    measure: measurePlayGroups(input, result),
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const baselineOf = (input: PlayGroupsInput) => {
  const measures = Array.from({ length: baselineSeeds }, (_, seed) =>
    measurePlayGroups(input, shuffled(input, seed + 1)),
  );
  const of = (key: keyof Omit<PlayGroupsMeasure, 'problems'>) => mean(measures.map((m) => m[key]));
  return {
    repeatFreeRounds: of('repeatFreeRounds'),
    repeats: of('repeats'),
    maxMeetings: of('maxMeetings'),
    avoidableOneGenderGroups: of('avoidableOneGenderGroups'),
  };
};

interface Row {
  n: number;
  groupSize: number;
  sizes: number[];
  best: string;
  limit: number;
  free: number;
  freeBaseline: number;
  freeSeconds: number;
  year: PlayGroupsMeasure;
  yearBaseline: ReturnType<typeof baselineOf>;
  yearSeconds: number;
  yearCpuSeconds: number;
  valid: boolean;
}

const rows: Row[] = [];
for (const groupSize of [3, 4, 5])
  for (let n = 16; n <= 30; n++) {
    const sizes = groupSizes(n, groupSize)!;
    const known = sizes.every((size) => size === groupSize) ? BEST_KNOWN[`${n}/${groupSize}`] : undefined;
    const limit = repeatFreeLimit(n, sizes);
    const long = inputOf(n, groupSize, LONG);
    const free = timed(long);
    const schoolYear = inputOf(n, groupSize, year);
    const yearRun = timed(schoolYear);
    const row: Row = {
      n,
      groupSize,
      sizes,
      best: known ? `${known.rounds}${known.proven ? '*' : ''}` : sizes[0]! > sizes.length ? '1*' : '',
      limit,
      free: free.measure.repeatFreeRounds,
      freeBaseline: baselineOf(long).repeatFreeRounds,
      freeSeconds: free.seconds,
      year: yearRun.measure,
      yearBaseline: baselineOf(schoolYear),
      yearSeconds: yearRun.seconds,
      yearCpuSeconds: yearRun.cpuSeconds,
      valid: free.measure.problems.length === 0 && yearRun.measure.problems.length === 0,
    };
    rows.push(row);
    process.stderr.write(
      `${n}/${groupSize}: ${row.free} repeat-free (best ${row.best || '–'}), ${row.yearSeconds.toFixed(2)} s\n`,
    );
  }

const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '1' : '∞') : (a / b).toFixed(2));
const sizesText = (sizes: number[]) => {
  const counts = new Map<number, number>();
  for (const size of sizes) counts.set(size, (counts.get(size) ?? 0) + 1);
  return [...counts].map(([size, count]) => `${count}×${size}`).join('+');
};
const lines = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; load average at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}. Baseline: mean of ${baselineSeeds} shuffles. School year: ${year} rounds.`,
  '',
  `| class | groups | best known | repeat-free: ours / shuffle (ratio) | repeats in ${year} rounds: ours / shuffle (ratio) | most meetings of a pair: ours / shuffle | avoidable one-gender groups: ours / shuffle | time (s): ${LONG} rounds / ${year} (CPU) |`,
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((r) =>
    [
      `${r.n} in ${r.groupSize}s`,
      sizesText(r.sizes),
      r.best || `≤ ${r.limit}`,
      `${r.free} / ${r.freeBaseline.toFixed(1)} (${ratio(r.free, r.freeBaseline)})`,
      `${r.year.repeats} / ${r.yearBaseline.repeats.toFixed(1)} (${ratio(r.year.repeats, r.yearBaseline.repeats)})`,
      `${r.year.maxMeetings} / ${r.yearBaseline.maxMeetings.toFixed(1)}`,
      `${r.year.avoidableOneGenderGroups} / ${r.yearBaseline.avoidableOneGenderGroups.toFixed(1)}`,
      `${r.freeSeconds.toFixed(2)} / ${r.yearSeconds.toFixed(2)} (${r.yearCpuSeconds.toFixed(2)})${r.valid ? '' : ' INVALID'}`,
    ]
      .join(' | ')
      .replace(/^/, '| ')
      .concat(' |'),
  ),
  '',
  `Best known reached: ${rows.filter((r) => r.best !== '' && r.free >= Number.parseInt(r.best, 10)).length} of ${rows.filter((r) => r.best !== '').length} classes with a best known number; all rounds valid: ${rows.every((r) => r.valid) ? 'yes' : 'NO'}.`,
];
const text = `${lines.join('\n')}\n`;
process.stdout.write(text);
if (outFile) await writeFile(outFile, text);
