import type { FastifyInstance } from 'fastify';
import { mkdir } from 'node:fs/promises';
import { buildApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createMailer } from './notify/mailer.js';
import { createJobSignal } from './jobs/job-signal.js';
import type { AppDeps } from './deps.js';
import { createLogger, silentLogger, type Logger } from './logger.js';

export interface RunningServer {
  app: FastifyInstance;
  deps: AppDeps;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** Opens the database the configuration names (PGlite in `dataDir` unless a URL is set) and migrates it. */
export async function openConfiguredDatabase(config: Config, log?: Logger): Promise<DatabaseHandle> {
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    log,
  });
  await migrateToLatest(database.db);
  return database;
}

export function createDeps(
  config: Config,
  database: DatabaseHandle,
  clock: Clock = systemClock,
  log: Logger = silentLogger,
): AppDeps {
  return {
    db: database.db,
    clock,
    config,
    log,
    mailer: createMailer({ db: database.db, clock, smtpUrl: config.smtpUrl, from: config.mailFrom }),
    jobs: createJobSignal(),
  };
}

export async function createServer(
  config: Config,
  database: DatabaseHandle,
  options: { clock?: Clock; logger?: boolean | Logger } = {},
): Promise<RunningServer> {
  // With `logger`, the application's log is pino on standard output (or the logger given), and Fastify
  // logs through it: one line per request where the configuration asks for it (development).
  const log =
    options.logger === true
      ? createLogger({ enabled: true, pretty: config.logFormat === 'pretty' })
      : options.logger || silentLogger;
  const deps = createDeps(config, database, options.clock, log);
  const app = await buildApp(deps, { requestLog: Boolean(options.logger) && config.requestLog });
  return {
    app,
    deps,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
