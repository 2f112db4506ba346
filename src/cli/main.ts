import { loadConfig } from '../server/config.js';
import { createServer, openConfiguredDatabase } from '../server/server.js';
import { OffsetClock } from '../server/clock.js';
import { startJobLoop } from '../server/jobs/job-runner.js';
import { JOB_HANDLERS } from '../server/jobs/job-handlers.js';
import { startDigestChains } from '../server/notifications/message-notification.service.js';
import { ensureDemoSchoolIfEmpty } from '../server/demo/demo.service.js';
import { DEMO_USAGE, demoCommand, describeDemo } from './demo.command.js';
import { IMPORT_USAGE, importCommand } from './import.command.js';
import { runScheduleConferences } from './schedule-conferences.js';

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
  async serve() {
    const config = loadConfig();
    const database = await openConfiguredDatabase(config);
    const server = await createServer(config, database, {
      logger: true,
      clock: config.testClock ? new OffsetClock() : undefined,
    });
    // A fresh install shows something at once. In production an empty database stays empty:
    // the demo accounts have a published password.
    if (!config.production) {
      const demo = await ensureDemoSchoolIfEmpty(database.db, server.deps.clock.now());
      if (demo) process.stdout.write(describeDemo(demo, 'en'));
    }
    await server.app.listen({ port: config.port, host: config.host });
    // Each school's daily 17:00 digest queues the next one; this starts the chains (once per school and day).
    await startDigestChains(server.deps);
    // Reminders are due at whole minutes (08:00); polling every 30 seconds keeps them on time.
    const jobs = startJobLoop(server.deps, JOB_HANDLERS, 30_000);
    const stop = async () => {
      await jobs.stop();
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise(() => undefined);
    return 0;
  },
  async migrate() {
    const database = await openConfiguredDatabase(loadConfig());
    await database.close();
    console.log('Database is up to date.');
    return 0;
  },
  demo: demoCommand,
  import: importCommand,
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
