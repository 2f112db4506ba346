import { Kysely, PostgresDialect, type Dialect } from 'kysely';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { Database } from './schema.js';
import type { Logger } from '../logger.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  /** `pglite` for the embedded database, `postgres` for a server reached through a URL. */
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// Both drivers must hand the same JavaScript values to the code: `date` stays an ISO string
// (a calendar date has no time zone), bigint ids and counts stay strings.
const DATE_OID = 1082;
const INT8_OID = 20;
const identity = (value: string) => value;

/** How the embedded database is started: the same value parsers as the PostgreSQL driver's. */
export const PGLITE_OPTIONS = {
  parsers: { [pgliteTypes.DATE]: identity, [pgliteTypes.INT8]: identity },
} as const;

export interface DatabaseOptions {
  /** A PostgreSQL connection string; without it the embedded PGlite database is used. */
  url?: string;
  /** Folder for PGlite's files; `memory://` keeps everything in memory (tests). */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  /** Where the PostgreSQL pool reports a lost idle connection; a command-line run writes it to stderr. */
  log?: Pick<Logger, 'warn'>;
}

const stderrLog: Pick<Logger, 'warn'> = {
  warn: (_details, message) => process.stderr.write(`${message}\n`),
};

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  let dialect: Dialect;
  let kind: DatabaseHandle['kind'];
  if (options.url) {
    // The PostgreSQL driver loads only when a server is used; the embedded database never needs it.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === DATE_OID || oid === INT8_OID
            ? identity
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client can be cut off by the server (restart, failover, a dropped test database);
    // the pool discards it and the next query gets a fresh one, so this must not crash the process.
    const log = options.log ?? stderrLog;
    pool.on('error', (error) => {
      if ((error as { code?: string }).code !== '57P01') log.warn({ err: error }, `PostgreSQL pool: ${error.message}`);
    });
    dialect = new PostgresDialect({ pool });
    kind = 'postgres';
  } else {
    const client = await PGlite.create(options.dataDir ?? 'memory://', PGLITE_OPTIONS);
    dialect = new PGliteDialect(client);
    kind = 'pglite';
  }
  const db = new Kysely<Database>({ dialect });
  return { db, kind, close: () => db.destroy() };
}
