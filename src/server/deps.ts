import type { Db } from './db/database.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Mailer } from './notify/mailer.js';
import type { JobSignal } from './jobs/job-signal.js';

/** Everything a use case may touch from outside the process, passed in so tests can swap it. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  mailer: Mailer;
  /** The application's log: structured, one line per entry (pino). */
  log: Logger;
  /** Wakes this process's job loop after a commit that queued jobs. */
  jobs: JobSignal;
}
