// Every command is imported when it runs, so `samspil --help` loads neither Fastify nor the
// database (PGlite, sharp, argon2), and one command does not pay for another's dependencies.
import { DEMO_USAGE, IMPORT_USAGE, PLAY_GROUPS_USAGE, SCHOOL_USAGE } from './usage.js';

/** Each command's usage line and what it does; `samspil COMMAND --help` prints its own. */
const HELP: Record<string, { usage: string; about: string }> = {
  serve: {
    usage: 'samspil serve',
    about: `start the web app and API (PORT, DATA_DIR, DATABASE_URL);
an empty database gets the demo school (not with NODE_ENV=production)`,
  },
  migrate: { usage: 'samspil migrate', about: 'bring the database schema up to date' },
  demo: {
    usage: DEMO_USAGE,
    about: `create the demo school "Demo Skole", or rebuild it with --reset;
refused with NODE_ENV=production (its password is published)`,
  },
  school: {
    usage: SCHOOL_USAGE,
    about: 'create a school and its first administrator, who is mailed a sign-in link',
  },
  import: { usage: IMPORT_USAGE, about: 'import classes, students, guardians and staff (docs/IMPORT.md)' },
  'schedule-conferences': {
    usage: 'samspil schedule-conferences INSTANCE.json > SCHEDULE.json',
    about: 'plan a conference round (--help for its options)',
  },
  'play-groups': {
    usage: PLAY_GROUPS_USAGE,
    about: `make rotating play groups for a class (specs/play-groups.md);
--report prints their measure, --lang da|en the language of errors`,
  },
};

const indent = (text: string) => text.replaceAll('\n', `\n${' '.repeat(40)}`);
const USAGE = `samspil — school-home collaboration

${Object.values(HELP)
  .map(
    ({ usage, about }) => `  ${usage.length < 38 ? usage.padEnd(38) : `${usage}\n${' '.repeat(40)}`}${indent(about)}\n`,
  )
  .join('')}`;

const asksForHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  serve: async () => (await import('./serve.command.js')).serveCommand(),
  async migrate() {
    const { loadConfig } = await import('../server/config.js');
    const { openConfiguredDatabase } = await import('../server/server.js');
    const database = await openConfiguredDatabase(loadConfig());
    await database.close();
    console.log('Database is up to date.');
    return 0;
  },
  demo: async (args) => (await import('./demo.command.js')).demoCommand(args),
  school: async (args) => (await import('./school.command.js')).schoolCommand(args),
  import: async (args) => (await import('./import.command.js')).importCommand(args),
  'schedule-conferences': async (args) => (await import('./schedule-conferences.js')).runScheduleConferences(args),
  'play-groups': async (args) => (await import('./play-groups.js')).runPlayGroups(args),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // Asked for, the usage is the answer (stdout, success); otherwise it explains a mistake.
  if (name === undefined || asksForHelp(name)) {
    process.stdout.write(USAGE);
    return 0;
  }
  const help = HELP[name];
  if (help && name !== 'schedule-conferences' && asksForHelp(rest[0])) {
    process.stdout.write(`Usage: ${help.usage}\n\n${help.about}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command: ${name}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    // Unknown or malformed options are the caller's mistake, like a missing argument.
    if (String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(USAGE);
      return 2;
    }
    return 1;
  }
}
