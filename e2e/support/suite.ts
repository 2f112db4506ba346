import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { launchBrowser, newPage, type PageOptions } from './browser.js';
import { startServer, type TestServer } from './server.js';

export interface Suite {
  server(): TestServer;
  /** A fresh page in a fresh context (its own cookies); closed after the test. */
  page(options?: PageOptions): Promise<Page>;
}

/**
 * One real server and one browser for a whole spec file: tests in a file share them and each
 * test takes its own context. The server starts on a copy of the demo school that the global
 * setup (demo-school.global-setup.ts) built once for the run.
 * When a test fails, the server's recent output is printed to help find the cause.
 */
export function useSuite(options: { env?: Record<string, string> } = {}): Suite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({ ...options, copyDataFrom: inject('demoDataDir') }),
      launchBrowser(),
    ]);
  });

  afterEach(async (context) => {
    const failed = context.task.result?.state === 'fail';
    if (failed && server) console.error(`--- server output (last part) ---\n${server.output().slice(-6000)}`);
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    server: () => {
      if (!server) throw new Error('server not started');
      return server;
    },
    async page(options) {
      if (!browser || !server) throw new Error('suite not started');
      const { context, page } = await newPage(browser, server.url, options);
      contexts.push(context);
      return page;
    },
  };
}
