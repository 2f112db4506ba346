import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchDirectory } from '../../src/server/testing/scratch-directory.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface TestServer {
  url: string;
  /** The server's embedded database folder (DATA_DIR). */
  dataDir: string;
  /** Everything the server wrote, for failure reports. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A server that could not have its port: another process took it between the probe and the start. */
class PortTaken extends Error {}

/**
 * Waits until this child answers /api/health on its port. The port is free when probed but may be
 * taken before the child listens (by another test's server on an ephemeral port), so the answer
 * counts only once the child has said it listens there.
 */
async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      if (output().includes('EADDRINUSE')) throw new PortTaken(output());
      throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok && output().includes(`listening on ${url}`)) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer /api/health within ${timeoutMs / 1000} s:\n${output()}`);
}

export interface ServerOptions {
  env?: Record<string, string>;
  /**
   * A stopped server's data folder to start from (a copy of it): the demo school that the first
   * start built. Without it the server starts on an empty folder and builds the demo school itself.
   */
  copyDataFrom?: string;
  /** The data folder to use and leave in place on stop; by default a temporary one, removed on stop. */
  dataDir?: string;
}

/**
 * Starts the real server (`samspil serve`) as a child process on a free port with its own
 * embedded database: empty, which `serve` fills with the demo school, or a copy of one that
 * another start filled. The built client in dist/client is served by it, so the tests see
 * exactly what users get.
 */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  if (!existsSync(path.join(root, 'dist/client/index.html'))) {
    throw new Error('dist/client is missing: run `npm run build` first (npm test does it in pretest).');
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort(options);
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt === 3) throw error;
    }
  }
}

async function startOnFreePort(options: ServerOptions): Promise<TestServer> {
  const port = await freePort();
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(scratchDirectory(), 'samspil-e2e-')));
  if (options.copyDataFrom) await cp(options.copyDataFrom, dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  // Each spec gets its own embedded database, even where CI points DATABASE_URL at a shared server.
  delete env.NODE_ENV;
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  delete env.OIDC_ISSUER;
  delete env.OIDC_CLIENT_ID;
  delete env.CLIENT_DIR;
  Object.assign(env, options.env);

  const chunks: string[] = [];
  const child = spawn(process.execPath, [path.join(root, 'bin/samspil.mjs'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (data: Buffer) => chunks.push(data.toString()));
  child.stderr!.on('data', (data: Buffer) => chunks.push(data.toString()));
  const output = () => chunks.join('').slice(-20_000);
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, output, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, output, stop };
}
