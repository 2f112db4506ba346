// Every command is imported when it runs, so `samspil --help` loads neither Fastify nor the
// database (PGlite, sharp, argon2), and one command does not pay for another's dependencies.
import { DEMO_USAGE, IMPORT_USAGE } from './usage.js';

const USAGE = `samspil — school-home collaboration

  samspil serve                         start the web app and API (PORT, DATA_DIR, DATABASE_URL);
                                        an empty database gets the demo school (not with NODE_ENV=production)
  samspil migrate                       bring the database schema up to date
  ${DEMO_USAGE}
                                        create the demo school "Demo Skole", or rebuild it with --reset
  ${IMPORT_USAGE}
                                        import classes, students, guardians and staff (docs/IMPORT.md)
  samspil schedule-conferences INSTANCE.json > SCHEDULE.json
                                        plan a conference round (--help for its options)
`;

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
  import: async (args) => (await import('./import.command.js')).importCommand(args),
  'schedule-conferences': async (args) => (await import('./schedule-conferences.js')).runScheduleConferences(args),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(USAGE);
    return name ? 2 : 0;
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
