import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../logger.js';
import { openDatabase } from './database.js';

// Only the PostgreSQL server has a pool whose idle connections the server can cut off.
describe.skipIf(process.env.TEST_DB !== 'postgres')('the PostgreSQL pool', () => {
  it('reports a connection the server cut off through the log it was given, and carries on', async () => {
    const url = new URL(process.env.DATABASE_URL ?? '');
    // The server closes a session idle for 200 ms (error 57P05), as a proxy or a failover would.
    url.searchParams.set('options', '-c idle_session_timeout=200');
    const warn = vi.fn<Logger['warn']>();
    const database = await openDatabase({ url: url.href, log: { warn } });
    try {
      await sql`select 1`.execute(database.db);
      await vi.waitFor(() => expect(warn).toHaveBeenCalled(), { timeout: 5_000 });
      expect(warn.mock.calls[0]?.[1]).toMatch(/^PostgreSQL pool: /);

      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
  });
});
