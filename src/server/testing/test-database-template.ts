import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { scratchDirectory } from './scratch-directory.js';

/** A migrated PGlite data folder, closed so that it can be copied. */
export async function createPgliteTemplate(): Promise<{ dataDir: string; remove(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(scratchDirectory(), 'samspil-test-template-'));
  const handle = await openDatabase({ dataDir });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  return { dataDir, remove: () => rm(dataDir, { recursive: true, force: true }) };
}

/**
 * A migrated database on the server behind `adminUrl`, with no connection left open, so that
 * `create database … template` can copy it.
 */
export async function createPostgresTemplate(adminUrl: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `samspil_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), maxConnections: 1 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  return { name, drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`) };
}

/** One statement on its own connection (create and drop database cannot run in a pool's transaction). */
export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
