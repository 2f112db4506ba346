import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { OffsetClock } from '../clock.js';
import { createServer, type RunningServer } from '../server.js';
import { openTestDatabase } from '../testing/test-database.js';
import { startTestApp } from '../testing/test-app.js';

const HOUR = 3_600_000;

describe('the test clock for browser tests', () => {
  let server: RunningServer;
  let clock: OffsetClock;
  beforeAll(async () => {
    clock = new OffsetClock();
    const config = { ...loadConfig({ PORT: '0', SAMSPIL_TEST_CLOCK: '1' }), clientDir: undefined };
    server = await createServer(config, await openTestDatabase(), { clock });
  });
  afterAll(() => server.close());

  it('moves the time every use case reads, while the server runs', async () => {
    const before = Date.now();
    const res = await server.app.inject({ method: 'POST', url: '/api/dev/clock', payload: { advanceHours: 72 } });
    expect(res.statusCode).toBe(200);
    const moved = new Date(res.json().now).getTime();
    expect(moved - before).toBeGreaterThanOrEqual(72 * HOUR);
    expect(moved - before).toBeLessThan(72 * HOUR + 60_000);
    expect(server.deps.clock.now().getTime() - Date.now()).toBeGreaterThanOrEqual(72 * HOUR - 1000);

    const read = await server.app.inject({ method: 'GET', url: '/api/dev/clock' });
    expect(new Date(read.json().now).getTime()).toBeGreaterThanOrEqual(moved);
    const back = await server.app.inject({ method: 'POST', url: '/api/dev/clock', payload: { advanceHours: -72 } });
    expect(Math.abs(new Date(back.json().now).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('wakes the job loop, so jobs the move made due run at once instead of at its next poll', async () => {
    let woken = 0;
    const unsubscribe = server.deps.jobs.subscribe(() => woken++);
    try {
      await server.app.inject({ method: 'POST', url: '/api/dev/clock', payload: { advanceHours: 1 } });
      expect(woken).toBe(1);
      await server.app.inject({ method: 'GET', url: '/api/dev/clock' });
      expect(woken).toBe(1);
    } finally {
      unsubscribe();
      await server.app.inject({ method: 'POST', url: '/api/dev/clock', payload: { advanceHours: -1 } });
    }
  });

  it('refuses a move of more than a year or without hours', async () => {
    expect(
      (await server.app.inject({ method: 'POST', url: '/api/dev/clock', payload: { advanceHours: 24 * 400 } }))
        .statusCode,
    ).toBe(400);
    expect((await server.app.inject({ method: 'POST', url: '/api/dev/clock', payload: {} })).statusCode).toBe(400);
  });
});

describe('the test clock elsewhere', () => {
  it('is off unless SAMSPIL_TEST_CLOCK=1, and always off in production', () => {
    expect(loadConfig({}).testClock).toBe(false);
    expect(loadConfig({ SAMSPIL_TEST_CLOCK: 'true' }).testClock).toBe(false);
    expect(loadConfig({ SAMSPIL_TEST_CLOCK: '1' }).testClock).toBe(true);
    expect(loadConfig({ SAMSPIL_TEST_CLOCK: '1', NODE_ENV: 'production' }).testClock).toBe(false);
  });

  it('does not exist on a server started without it', async () => {
    const t = await startTestApp();
    try {
      for (const req of [{ method: 'GET' as const }, { method: 'POST' as const, payload: { advanceHours: 1 } }]) {
        const res = await t.app.inject({ ...req, url: '/api/dev/clock' });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
      expect(t.clock.now().toISOString()).toBe('2026-11-23T09:00:00.000Z');
    } finally {
      await t.close();
    }
  });

  it('is not reachable with an ordinary clock even if the setting is on', async () => {
    const t = await startTestApp({ testClock: true });
    try {
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/dev/clock', payload: { advanceHours: 1 } })).statusCode,
      ).toBe(404);
    } finally {
      await t.close();
    }
  });
});
