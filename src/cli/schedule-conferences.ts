import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Language } from '../domain/conference-scheduling/clock.js';
import { measureSchedule } from '../domain/conference-scheduling/measure-schedule.js';
import { scheduleConferencesInParallel } from '../domain/conference-scheduling/schedule-in-parallel.js';
import { formatInstanceIssue, parseInstanceJson } from '../domain/conference-scheduling/validate-instance.js';

const USAGE: Record<Language, string> = {
  da: `Brug: samspil schedule-conferences INSTANS.json [--seconds N] [--seed N] [--iterations N] [--threads N] [--lang da|en] [--report] > PLAN.json

  Planlægger en samtalerunde og skriver planen som JSON på stdout.
  --seconds N     tidsbudget for forbedringen (standard 5)
  --seed N        startværdi for tilfældigheden (standard 1); samme seed og --iterations giver samme plan
  --iterations N  højst så mange forbedringsskridt (uafhængigt af maskinens fart)
  --threads N     søg på så mange tråde på én gang (standard 2); samme seed, --threads og --iterations giver samme plan
  --lang da|en    sproget i begrundelserne for ikke-planlagte samtaler (standard da)
  --report        skriv planens mål (spec 1–6) på stderr
`,
  en: `Usage: samspil schedule-conferences INSTANCE.json [--seconds N] [--seed N] [--iterations N] [--threads N] [--lang da|en] [--report] > SCHEDULE.json

  Plans a conference round and writes the schedule as JSON to stdout.
  --seconds N     time budget for the improvement phase (default 5)
  --seed N        random seed (default 1); the same seed and --iterations give the same schedule
  --iterations N  at most this many improvement steps (independent of the machine's speed)
  --threads N     search on this many threads at once (default 2); the same seed, --threads and --iterations give the same schedule
  --lang da|en    language of the reasons for unscheduled meetings (default da)
  --report        print the schedule's measure (spec 1–6) to stderr
`,
};

interface Arguments {
  file: string;
  seconds: number;
  seed: number;
  iterations: number;
  threads: number;
  language: Language;
  report: boolean;
}

type ArgumentError = Record<Language, string>;

function parseArguments(args: string[]): Arguments | ArgumentError {
  const result: Arguments = {
    file: '',
    seconds: 5,
    seed: 1,
    iterations: Number.POSITIVE_INFINITY,
    threads: 2,
    language: 'da',
    report: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const number = (min: number): number | ArgumentError => {
      i++;
      const parsed = Number(next);
      if (next === undefined || !Number.isFinite(parsed) || parsed < min) {
        return { da: `${arg} skal efterfølges af et tal ≥ ${min}`, en: `${arg} must be followed by a number ≥ ${min}` };
      }
      return parsed;
    };
    let value: number | ArgumentError = 0;
    if (arg === '--seconds') value = number(0);
    else if (arg === '--seed') value = number(0);
    else if (arg === '--iterations') value = number(0);
    else if (arg === '--threads') value = number(1);
    else if (arg === '--report') result.report = true;
    else if (arg === '--lang') {
      i++;
      if (next !== 'da' && next !== 'en') return { da: '--lang skal være da eller en', en: '--lang must be da or en' };
      result.language = next;
    } else if (arg.startsWith('--')) return { da: `ukendt tilvalg ${arg}`, en: `unknown option ${arg}` };
    else if (result.file === '') result.file = arg;
    else return { da: `uventet argument ${arg}`, en: `unexpected argument ${arg}` };
    if (typeof value !== 'number') return value;
    if (arg === '--seconds') result.seconds = value;
    if (arg === '--seed') result.seed = Math.floor(value);
    if (arg === '--iterations') result.iterations = Math.floor(value);
    if (arg === '--threads') result.threads = Math.min(16, Math.floor(value));
  }
  return result.file === '' ? { da: 'INSTANS.json mangler', en: 'INSTANCE.json is missing' } : result;
}

/** `samspil schedule-conferences`: exit 0 with a schedule on stdout, or exit 2 with the problems on stderr. */
export async function runScheduleConferences(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE.da}\n${USAGE.en}`);
    return 0;
  }
  const parsed = parseArguments(args);
  const languageAt = args.indexOf('--lang');
  const language: Language = languageAt >= 0 && args[languageAt + 1] === 'en' ? 'en' : 'da';
  if (!('file' in parsed)) {
    process.stderr.write(`${parsed[language]}\n\n${USAGE[language]}`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(parsed.file, 'utf8');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      parsed.language === 'da'
        ? `Kan ikke læse ${parsed.file}: ${detail}\n`
        : `Cannot read ${parsed.file}: ${detail}\n`,
    );
    return 2;
  }
  const validation = parseInstanceJson(text);
  if (!validation.ok) {
    const heading =
      parsed.language === 'da'
        ? `${parsed.file} er ikke en gyldig samtalerunde (${validation.issues.length} fejl); der er ikke lavet nogen plan:`
        : `${parsed.file} is not a valid conference round (${validation.issues.length} ${validation.issues.length === 1 ? 'problem' : 'problems'}); no schedule was made:`;
    const lines = validation.issues.map((issue) => `  ${formatInstanceIssue(issue, parsed.language)}`);
    process.stderr.write(`${heading}\n${lines.join('\n')}\n`);
    return 2;
  }

  const started = performance.now();
  // The search shares its time between the threads' rounds (schedule-in-parallel.ts, issue 10).
  const result = await scheduleConferencesInParallel(validation.instance, {
    seed: parsed.seed,
    maxIterations: parsed.iterations,
    threads: parsed.threads,
    deadline: Date.now() + parsed.seconds * 1000,
    language: parsed.language,
  });
  const elapsed = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify(result.schedule, null, 2)}\n`);
  if (parsed.report)
    process.stderr.write(report(validation.instance, result.schedule, elapsed, result.iterations, parsed.language));
  return 0;
}

function report(
  instance: Parameters<typeof measureSchedule>[0],
  schedule: Parameters<typeof measureSchedule>[1],
  seconds: number,
  iterations: number,
  language: Language,
): string {
  const m = measureSchedule(instance, schedule);
  const rows: [string, string, string | number][] = [
    [
      '1. Gyldig (ingen hårde regler brudt)',
      '1. Feasible (no hard rule broken)',
      m.feasible ? (language === 'da' ? 'ja' : 'yes') : `${language === 'da' ? 'NEJ' : 'NO'} (${m.violations})`,
    ],
    ['2. Planlagt / kan planlægges', '2. Scheduled / placeable', `${m.placed} / ${m.placeable} (${m.meetings})`],
    [
      '3. Husstandsdage ud over én',
      '3. Household days beyond one',
      `${m.householdDays} (≥ ${m.householdDaysLowerBound})`,
    ],
    ['4. Husstandes ventetid (min)', '4. Household waiting (min)', m.householdWaiting],
    ['5. Personalets spildtid (min)', '5. Staff idle (min)', m.staffIdle],
    ['6. Tolkenes spildtid (min)', '6. Interpreter idle (min)', m.interpreterIdle],
    [
      'Mulige husstande uden ventetid / og med alle samtaler planlagt',
      'Possible households without waiting / and with every meeting placed',
      `${m.householdsWithZeroWaiting} / ${m.householdsServedWithoutWaiting} / ${m.possibleHouseholds}`,
    ],
    ['Tid (s) / forbedringsskridt', 'Time (s) / improvement steps', `${seconds.toFixed(2)} / ${iterations}`],
  ];
  return `${rows.map(([da, en, value]) => `${language === 'da' ? da : en}: ${value}`).join('\n')}\n`;
}
