import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Db } from './database.js';

// Beside this file in src/server/db; in the build (scripts/build-server.mjs) the compiled
// migrations sit in dist/server/migrations, beside the bundle file that holds this code.
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** A migration's file: its name, which the database records, is the timestamp and a title. */
const MIGRATION_FILE = /^(\d{4}-.*)\.(ts|js)$/;

/** Migrations are append-only files named by timestamp; their names sort in the order they run. */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(MIGRATIONS_DIR))
      .filter((f) => MIGRATION_FILE.test(f) && !f.endsWith('.test.ts'))
      .sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(MIGRATION_FILE, '$1')] = (await import(
        pathToFileURL(path.join(MIGRATIONS_DIR, file)).href
      )) as Migration;
    }
    return migrations;
  }
}

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider() });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
