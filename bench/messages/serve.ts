import { loadConfig } from '../../src/server/config.js';
import { createServer, openConfiguredDatabase } from '../../src/server/server.js';

/**
 * The app as `samspil serve` runs it (same configuration, database, server and request log),
 * in a process of its own, without the demo school and without the background job loop: the
 * notification jobs that the send measurement queues stay queued, to be counted, instead of
 * being run in the middle of the measurement.
 */
const config = loadConfig();
const database = await openConfiguredDatabase(config);
const server = await createServer(config, database, { logger: true });
await server.app.listen({ port: config.port, host: config.host });
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
