import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
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
 * A fresh, migrated database for one test file: a PGlite in its own temporary folder by default,
 * or a new database on the PostgreSQL server named by DATABASE_URL when TEST_DB=postgres. It is
 * dropped again on close.
 *
 * The global setup (test-database.global-setup.ts) migrates one template per run; each database
 * here is a copy of it. Creating an empty PGlite (its initdb) and migrating it took most of an
 * API test file's setup; copying a folder and starting PGlite on it takes a fraction of that.
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

async function openPgliteTestDatabase(template: string | undefined): Promise<DatabaseHandle> {
  const dataDir = await mkdtemp(path.join(scratchDirectory(), 'samspil-test-db-'));
  if (template) await cp(template, dataDir, { recursive: true });
  const handle = await openDatabase({ dataDir });
  if (!template) await migrateToLatest(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

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
