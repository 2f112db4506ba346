import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { openDatabase, PGLITE_OPTIONS, type DatabaseHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { migrateToLatest } from '../db/migrate.js';
import { scratchDirectory } from './scratch-directory.js';
import { adminQuery } from './test-database-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data folder that each embedded test database is copied from. */
    pgliteTemplate?: string;
    /** A migrated database on the DATABASE_URL server that each PostgreSQL test database is copied from. */
    postgresTemplate?: string;
  }
}

/**
 * A fresh, migrated database for one test file: an embedded PGlite by default, or a new database
 * on the PostgreSQL server named by DATABASE_URL when TEST_DB=postgres, dropped again on close.
 *
 * The global setup (test-database.global-setup.ts) migrates one template per run. On PostgreSQL
 * each database is a copy of it. A PGlite starts on a copy of the template's folder, and when its
 * file closes it, it is emptied back to the template's state for the worker's next file.
 * Without a template (a run that skipped the global setup) the database is migrated here.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.TEST_DB !== 'postgres') return openPgliteTestDatabase(inject('pgliteTemplate'));
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DB=postgres needs DATABASE_URL');
  const template = inject('postgresTemplate');
  const fresh = await createPostgresTestDatabase(adminUrl, template);
  const handle = await openDatabase({ url: fresh.url, maxConnections: 20 });
  if (!template) await migrateToLatest(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      await fresh.drop();
    },
  };
}

/**
 * PGlite databases of this worker whose test file has closed them, kept to be emptied and handed
 * to the next file. Starting PGlite (instantiating its WebAssembly and starting PostgreSQL) cost
 * more CPU than most test files' own tests; a worker now starts one or two and reuses them.
 */
const idle: PGlite[] = [];
/** Tables the migrations fill themselves and emptying must keep. */
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

async function openPgliteTestDatabase(template: string | undefined): Promise<DatabaseHandle> {
  let client = idle.pop();
  if (client && !(await emptiedToTemplate(client))) {
    await client.close();
    client = undefined;
  }
  client ??= await startPglite(template);
  templateShape ??= await schemaShape(client);
  // Each file gets its own Kysely over the worker's PGlite: closing it ends that file's use (a
  // query after close fails, as on a real database) and gives PGlite back instead of stopping it.
  const db = new Kysely<Database>({
    dialect: new PGliteDialect(
      new Proxy(client, {
        get: (target, property) =>
          property === 'close'
            ? async () => {
                if (!idle.includes(target)) idle.push(target);
              }
            : typeof target[property as keyof PGlite] === 'function'
              ? (target[property as keyof PGlite] as (...args: unknown[]) => unknown).bind(target)
              : target[property as keyof PGlite],
      }),
    ),
  });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

async function startPglite(template: string | undefined): Promise<PGlite> {
  const dataDir = await mkdtemp(path.join(scratchDirectory(), 'samspil-test-db-'));
  // The worker keeps its databases to its end; their folders go with it.
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  if (template) await cp(template, dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, PGLITE_OPTIONS);
  if (!template) {
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    await migrateToLatest(db);
  }
  return client;
}

/**
 * Brings a used database back to the migrated template's state: no open transaction, no session
 * settings or listeners, and every table empty with its sequences restarted (the migrations
 * insert no rows, so an emptied database is the template). False when its schema is no longer
 * the template's: a file that migrated or altered it leaves a database nobody else should get.
 */
async function emptiedToTemplate(client: PGlite): Promise<boolean> {
  if (client.isInTransaction()) await client.exec('rollback');
  await client.exec('discard all');
  const { rows } = await client.query<{ name: string }>(
    `select quote_ident(tablename) as name from pg_tables where schemaname = 'public' and tablename <> all($1)`,
    [MIGRATION_TABLES],
  );
  if (rows.length > 0)
    await client.exec(`truncate table ${rows.map((r) => r.name).join(', ')} restart identity cascade`);
  return (await schemaShape(client)) === templateShape;
}

/** A digest of every column of every table, to notice a schema that is no longer the template's. */
async function schemaShape(client: PGlite): Promise<string> {
  const { rows } = await client.query<{ shape: string }>(
    `select md5(string_agg(table_name || '.' || column_name || ':' || data_type, ',' order by table_name, column_name)) as shape
       from information_schema.columns where table_schema = 'public'`,
  );
  return rows[0]?.shape ?? '';
}

/** The template's schema digest, taken from the first database this worker started. */
let templateShape: string | undefined;

/**
 * A new database on the server behind `adminUrl`, empty or a copy of `template`, and a way to
 * drop it again.
 */
export async function createPostgresTestDatabase(
  adminUrl: string,
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `samspil_test_${randomBytes(6).toString('hex')}`;
  const admin = (statement: string) => adminQuery(adminUrl, statement);
  await admin(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
