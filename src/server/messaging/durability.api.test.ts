import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { createPostgresTestDatabase } from '../testing/test-database.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-directory.js';
import { SESSION_COOKIE } from '../auth/session.service.js';
import type { TMe } from '../../shared/api/directory.schema.js';
import type { TThreadDetail } from '../../shared/api/messaging.schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SENDS = 200;
/** The server is killed once this many sends have been answered 201. */
const KILL_AFTER = SENDS / 2;

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

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

/**
 * The issue's promise that a message, once answered 201, is stored: the real server
 * (`samspil serve`) takes 200 concurrent sends and is killed with SIGKILL halfway, with no chance
 * to flush or shut down; after a restart on the same data every answered send is there exactly
 * once, and retrying the unanswered ones with their keys stores each at most once. It runs on the
 * embedded PGlite in a data folder, or on a fresh PostgreSQL database when TEST_DB=postgres.
 */
describe('durability of sent messages across a crash', () => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let server: Running | undefined;
  const output: string[] = [];

  // The database starts as a copy of the run's migrated template, which the server fills with
  // the demo school; a server's first start on an empty folder is the browser tests' global setup.
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'samspil-durability-'));
    if (process.env.TEST_DB === 'postgres') {
      const adminUrl = process.env.DATABASE_URL;
      if (!adminUrl) throw new Error('TEST_DB=postgres needs DATABASE_URL');
      const fresh = await createPostgresTestDatabase(adminUrl, inject('postgresTemplate'));
      databaseUrl = fresh.url;
      dropDatabase = fresh.drop;
    } else {
      const template = inject('pgliteTemplate');
      if (template) await cp(template, dataDir, { recursive: true });
    }
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await dropDatabase?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<Running> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    };
    // `serve` creates the demo school only outside production.
    delete env.NODE_ENV;
    delete env.DATABASE_URL;
    delete env.SMTP_URL;
    delete env.OIDC_ISSUER;
    delete env.OIDC_CLIENT_ID;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    // This start's own lines begin here (a restart adds to the first start's).
    const firstLine = output.length;
    const child = spawn(process.execPath, [path.join(root, 'bin/samspil.mjs'), 'serve'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The pipes are read to the end, so a chatty log never blocks the server.
    child.stdout!.on('data', (data: Buffer) => output.push(data.toString()));
    child.stderr!.on('data', (data: Buffer) => output.push(data.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const url = `http://127.0.0.1:${port}`;
    // A first start builds the demo school, which takes long on a loaded machine: the deadline
    // only guards against a server that never comes up (and then stops it). The port was free when
    // probed; an answer counts only once this child says it listens there, not another test's server.
    const deadline = Date.now() + 150_000;
    const ours = `listening on ${url}`;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`The server exited with code ${child.exitCode}:\n${output.join('').slice(-5000)}`);
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`The server did not answer /api/health:\n${output.join('').slice(-5000)}`);
      }
      try {
        if ((await fetch(`${url}/api/health`)).ok && output.slice(firstLine).join('').includes(ours))
          return { child, url, exited };
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function signIn(url: string): Promise<string> {
    const res = await fetch(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_ACCOUNTS.guardian, password: DEMO_PASSWORD }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (!cookie) throw new Error('no session cookie');
    return cookie.split(';')[0]!;
  }

  it(
    'keeps every answered send exactly once after SIGKILL, and stores each retried send at most once',
    { timeout: 300_000 },
    async () => {
      server = await start();
      const cookie = await signIn(server.url);
      const me = (await (await fetch(`${server.url}/api/me`, { headers: { cookie } })).json()) as TMe;
      const child = me.children.find((c) => c.relation === 'custody');
      if (!child) throw new Error('the demo guardian has no child in custody');

      const run = randomBytes(4).toString('hex');
      const sends = Array.from({ length: SENDS }, (_, i) => ({
        key: `durability-${run}-${i}`,
        subject: `Holdbarhed ${run} nr. ${i}`,
        body: `Besked nummer ${i} i kørsel ${run}.`,
      }));
      const post = (url: string, send: (typeof sends)[number]) =>
        fetch(`${url}/api/threads`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', 'idempotency-key': send.key },
          body: JSON.stringify({ studentId: child.id, subject: send.subject, body: send.body }),
        });

      const answered = new Map<string, string>();
      const running = server;
      const settled = await Promise.allSettled(
        sends.map(async (send) => {
          const res = await post(running.url, send);
          const text = await res.text();
          if (res.status !== 201) throw new Error(`${res.status}: ${text}`);
          answered.set(send.key, (JSON.parse(text) as TThreadDetail).id);
          if (answered.size === KILL_AFTER) running.child.kill('SIGKILL');
        }),
      );
      await running.exited;
      const failures = settled.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
      expect(
        running.child.signalCode,
        `exit code ${running.child.exitCode}, ${answered.size} answered, first failures: ${failures.slice(0, 3).join('; ')}\n${output.join('').slice(-5000)}`,
      ).toBe('SIGKILL');
      const unanswered = sends.filter((s) => !answered.has(s.key));
      // The kill came midway: some sends were answered and some were not.
      expect(answered.size).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(unanswered.length).toBeGreaterThan(0);

      server = await start();
      const restarted = server;
      // Every answered send is there, with its one message.
      for (const send of sends.filter((s) => answered.has(s.key))) {
        const res = await fetch(`${restarted.url}/api/threads/${answered.get(send.key)}`, { headers: { cookie } });
        expect(res.status, `${send.key}: ${await res.clone().text()}`).toBe(200);
        const thread = (await res.json()) as TThreadDetail;
        expect(thread.subject).toBe(send.subject);
        expect(thread.messages.map((m) => m.body)).toEqual([send.body]);
      }
      // Retrying every send with its key: an answered one gives back its thread, an unanswered one
      // is stored now or was stored before the kill, never twice.
      const retried = await Promise.all(sends.map(async (send) => ({ send, res: await post(restarted.url, send) })));
      for (const { send, res } of retried) {
        const text = await res.text();
        expect(res.status, `${send.key}: ${text}`).toBe(201);
        const id = (JSON.parse(text) as TThreadDetail).id;
        if (answered.has(send.key)) expect(id, send.key).toBe(answered.get(send.key));
      }

      restarted.child.kill('SIGTERM');
      await restarted.exited;
      const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
      try {
        const messages = await database.db
          .selectFrom('messages as m')
          .innerJoin('message_threads as t', (j) =>
            j.onRef('t.school_id', '=', 'm.school_id').onRef('t.id', '=', 'm.thread_id'),
          )
          .select(['m.idempotency_key', 'm.thread_id', 't.subject', 'm.body'])
          .where('m.idempotency_key', 'like', `durability-${run}-%`)
          .execute();
        const threads = await database.db
          .selectFrom('message_threads')
          .select('id')
          .where('subject', 'like', `Holdbarhed ${run} %`)
          .execute();
        // One message and one thread per key, no more: 200 of each.
        expect(messages).toHaveLength(SENDS);
        expect(new Set(messages.map((m) => m.idempotency_key)).size).toBe(SENDS);
        expect(threads).toHaveLength(SENDS);
        const byKey = new Map(messages.map((m) => [m.idempotency_key, m]));
        for (const send of sends) {
          expect(byKey.get(send.key), send.key).toMatchObject({ subject: send.subject, body: send.body });
          if (answered.has(send.key)) expect(byKey.get(send.key)?.thread_id, send.key).toBe(answered.get(send.key));
        }
      } finally {
        await database.close();
      }
    },
  );
});
