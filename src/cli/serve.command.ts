import type { AddressInfo } from 'node:net';
import { loadConfig } from '../server/config.js';
import { createServer, openConfiguredDatabase } from '../server/server.js';
import { OffsetClock } from '../server/clock.js';
import { createLogger } from '../server/logger.js';
import { startJobLoop } from '../server/jobs/job-runner.js';
import { JOB_HANDLERS } from '../server/jobs/job-handlers.js';
import { startDigestChains } from '../server/notifications/message-notification.service.js';
import { ensureDemoSchoolIfEmpty } from '../server/demo/demo.service.js';
import { describeDemo } from './demo.command.js';

const THIS_MACHINE = new Set(['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost']);

/** The one line that tells a newcomer where to open the app, on the port the server really got. */
export function startLine(host: string, address: AddressInfo | string | null): string {
  const port = address && typeof address === 'object' ? address.port : '';
  const name = THIS_MACHINE.has(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `Samspil runs at http://${name}:${port}`;
}

/** `samspil serve`: the web app, the API and the job loop, until SIGINT or SIGTERM. */
export async function serveCommand(): Promise<number> {
  const config = loadConfig();
  const log = createLogger({ enabled: true, pretty: config.logFormat === 'pretty' });
  const database = await openConfiguredDatabase(config, log);
  const server = await createServer(config, database, {
    logger: log,
    clock: config.testClock ? new OffsetClock() : undefined,
  });
  // A fresh install shows something at once. In production an empty database stays empty:
  // the demo accounts have a published password.
  if (!config.production) {
    const demo = await ensureDemoSchoolIfEmpty(database.db, server.deps.clock.now());
    if (demo) process.stdout.write(describeDemo(demo, 'en'));
  }
  await server.app.listen({
    port: config.port,
    host: config.host,
    listenTextResolver: (address) => `listening on ${address}`,
  });
  log.info({}, startLine(config.host, server.app.server.address()));
  // Each school's daily 17:00 digest queues the next one; this starts the chains (once per school and day).
  await startDigestChains(server.deps);
  // Reminders are due at whole minutes (08:00); polling every 30 seconds keeps them on time.
  const jobs = startJobLoop(server.deps, JOB_HANDLERS, 30_000);
  const stop = async () => {
    await jobs.stop();
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await new Promise(() => undefined);
  return 0;
}
