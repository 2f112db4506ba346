import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { createDeps } from '../server.js';
import { ManualClock } from '../clock.js';
import { loadConfig, type Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import type { Logger } from '../logger.js';
import { SESSION_COOKIE, startSession } from '../auth/session.service.js';
import { openTestDatabase } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  clock: ManualClock;
  database: DatabaseHandle;
  /** A session cookie header for a user, without going through a sign-in flow. */
  cookieFor(userId: string): Promise<string>;
  /** `app.inject` with an optional signed-in user. */
  request(options: InjectOptions & { as?: string | null }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Monday 23 November 2026, 10:00 in Copenhagen. */
export const TEST_NOW = new Date('2026-11-23T09:00:00Z');

/**
 * A test app on its own copy of the database. `log` replaces the silent log (a test that reads the
 * log passes a pino logger writing to its own stream), and `requestLog` adds the request lines.
 */
export async function startTestApp(
  overrides: Partial<Config> = {},
  options: { log?: Logger; requestLog?: boolean } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = new ManualClock(TEST_NOW);
  const config: Config = {
    ...loadConfig({ PORT: '0', PUBLIC_URL: 'http://localhost:3000' }),
    clientDir: undefined,
    trustProxy: true,
    smtpUrl: undefined,
    databaseUrl: undefined,
    oidc: undefined,
    ...overrides,
  };
  const deps = createDeps(config, database, clock, options.log);
  const app = await buildApp(deps, { requestLog: options.requestLog });
  await app.ready();
  const cookies = new Map<string, string>();
  const cookieFor = async (userId: string) => {
    let cookie = cookies.get(userId);
    if (!cookie) {
      const { token } = await startSession(deps, userId, 'password');
      cookie = `${SESSION_COOKIE}=${token}`;
      cookies.set(userId, cookie);
    }
    return cookie;
  };
  return {
    app,
    deps,
    clock,
    database,
    cookieFor,
    async request({ as, ...options }) {
      const headers = { ...options.headers } as Record<string, string>;
      if (as) headers.cookie = [headers.cookie, await cookieFor(as)].filter(Boolean).join('; ');
      return app.inject({ ...options, headers });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
