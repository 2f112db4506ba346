import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { openConfiguredDatabase } from '../server/server.js';
import { systemClock } from '../server/clock.js';
import { ensureDemoSchool, type DemoOutcome } from '../server/demo/demo.service.js';
import { DEMO_PASSWORD, DEMO_SCHOOL, DEMO_SEED } from '../server/demo/demo-directory.js';
import type { Locale } from '../shared/errors.js';
import { DEMO_USAGE } from './usage.js';

const TEXT = {
  da: {
    created: (name: string, c: NonNullable<DemoOutcome['import']>['counts']) =>
      `${name} er oprettet: ${c.classes.created} klasser, ${c.students.created} elever, ${c.guardians.created} forældre, ${c.staff.created} medarbejdere.`,
    exists: (name: string) => `${name} findes allerede; brug --reset for at bygge den igen.`,
    accounts: (password: string) => `Demo-konti (adgangskode »${password}«):`,
    others: 'Alle andre forældre og medarbejdere logger ind med et link på e-mail.',
    usage: `Brug: ${DEMO_USAGE}`,
    production:
      'Demoskolen laves ikke med NODE_ENV=production: dens konti har en offentlig kendt adgangskode. Opret en rigtig skole med »samspil school create« (samspil school --help).',
  },
  en: {
    created: (name: string, c: NonNullable<DemoOutcome['import']>['counts']) =>
      `${name} has been created: ${c.classes.created} classes, ${c.students.created} students, ${c.guardians.created} guardians, ${c.staff.created} staff.`,
    exists: (name: string) => `${name} already exists; use --reset to build it again.`,
    accounts: (password: string) => `Demo accounts (password "${password}"):`,
    others: 'Every other guardian and staff member signs in with a link by e-mail.',
    usage: `Usage: ${DEMO_USAGE}`,
    production:
      'The demo school is not made with NODE_ENV=production: its accounts have a published password. Create a real school with "samspil school create" (samspil school --help).',
  },
};

/** The demo accounts as lines for a terminal (also printed by `serve` when it creates the school). */
export function describeDemo(outcome: DemoOutcome, locale: Locale = 'da'): string {
  const t = TEXT[locale];
  const accounts = Object.values(outcome.accounts);
  const width = Math.max(...accounts.map((a) => a.email.length));
  return (
    [
      outcome.import ? t.created(DEMO_SCHOOL.name, outcome.import.counts) : t.exists(DEMO_SCHOOL.name),
      t.accounts(DEMO_PASSWORD),
      ...accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.name} — ${a.description[locale]}`),
      t.others,
    ].join('\n') + '\n'
  );
}

/**
 * `samspil demo`: creates the demo school if it is missing; `--reset` rebuilds it from the seed.
 * Refused in production, where anyone could sign in with the published demo password.
 */
export async function demoCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      reset: { type: 'boolean', default: false },
      seed: { type: 'string' },
      lang: { type: 'string', default: 'da' },
    },
  });
  const locale: Locale = values.lang === 'en' ? 'en' : 'da';
  const seed = values.seed === undefined ? DEMO_SEED : Number(values.seed);
  if (!Number.isInteger(seed)) {
    process.stderr.write(`${TEXT[locale].usage}\n`);
    return 2;
  }
  const config = loadConfig(env);
  if (config.production) {
    process.stderr.write(`${TEXT[locale].production}\n`);
    return 1;
  }
  const database = await openConfiguredDatabase(config);
  try {
    const outcome = await ensureDemoSchool(database.db, { now: systemClock.now(), reset: values.reset, seed });
    process.stdout.write(describeDemo(outcome, locale));
    return 0;
  } finally {
    await database.close();
  }
}
