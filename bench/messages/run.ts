import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
} from 'kysely';
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import { SESSION_COOKIE, startSession } from '../../src/server/auth/session.service.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { Database } from '../../src/server/db/schema.js';
import { findThreadsOfUser } from '../../src/server/messaging/thread-read.repository.js';
import { THREAD_PAGE_DEFAULT } from '../../src/shared/api/messaging.schema.js';
import { createDeps } from '../../src/server/server.js';
import { JOB_HANDLERS } from '../../src/server/jobs/job-handlers.js';
import { runDueJobs } from '../../src/server/jobs/job-runner.js';
import type { AppDeps } from '../../src/server/deps.js';
import { generateSchool, type BenchSchool } from './generate-school.js';
import { closedLoop, percentile, type LoadResult } from './load.js';

/**
 * The messaging benchmark (bench/README.md, "Messages"): a generated school of 600 students,
 * 1,000 guardians, 60 staff and 100,000 messages in a fresh PostgreSQL database;
 *
 * 1. a guardian's inbox (`GET /api/threads`) from one server process at 50 concurrent clients,
 *    against the same inbox query (recorded from the repository function itself) sent straight
 *    to the database through `pg` at the same concurrency, with a profile of the queries one
 *    inbox request runs;
 * 2. one message to every guardian of the school: one school-wide message, and for comparison a
 *    class message to each class, one after the other and all at once, with the rows and
 *    notification jobs each writes, and then those jobs run to the end.
 *
 *   npm run bench:messages -- [--seconds 30] [--warmup 5] [--concurrency 50] [--keep] [--out FILE.md]
 *
 * BENCH_DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres);
 * the database is created for the run and dropped at the end unless --keep is given.
 */

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const seconds = option('--seconds', 30);
const warmupSeconds = option('--warmup', 5);
const concurrency = option('--concurrency', 50);
const keep = args.includes('--keep');
const outAt = args.indexOf('--out');
const outFile = outAt >= 0 ? args[outAt + 1] : undefined;
const SEED = 20261129;
/** The app's pool (db/database.ts) has 10 connections; the raw baseline gets the same. */
const POOL_SIZE = 10;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const log = (text: string) => process.stderr.write(`${text}\n`);

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** CPU seconds a process has used so far (Linux /proc; clock ticks of 1/100 s). */
function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Runs `work` and says how many cores the app process and this process kept busy meanwhile. */
async function withCpu<T>(
  appPid: number,
  work: () => Promise<T>,
): Promise<{ value: T; appCores: number; benchCores: number }> {
  const app = processCpuSeconds(appPid);
  const own = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(own);
  return {
    value,
    appCores: (processCpuSeconds(appPid) - app) / wall,
    benchCores: (used.user + used.system) / 1e6 / wall,
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface HttpAnswer {
  status: number;
  body: string;
}

function request(
  agent: http.Agent,
  port: number,
  method: 'GET' | 'POST',
  path: string,
  cookie: string,
  body?: unknown,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          cookie,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * The SQL a repository function sends, taken from the function itself run against a driver that
 * only records, so a baseline cannot drift from the app's query.
 */
async function recordedQuery(run: (db: Kysely<Database>) => Promise<unknown>): Promise<CompiledQuery> {
  let captured: CompiledQuery | undefined;
  const recorder = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      captured = event.query;
    },
  });
  await run(recorder);
  await recorder.destroy();
  if (!captured) throw new Error('the repository function sent no query');
  return captured;
}

async function startAppProcess(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/messages/serve.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      CLIENT_DIR: '/nonexistent',
      SMTP_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const agent = new http.Agent();
  for (let tries = 0; tries < 300; tries++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      if ((await request(agent, port, 'GET', '/api/health', '')).status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error('the app did not answer /api/health within 30 s');
}

interface QueryProfile {
  totalMs: number;
  queries: Array<{ sql: string; ms: number }>;
}

/** One inbox request in this process through the same app, with every query it sends and its time. */
async function profileInboxRequest(
  databaseUrl: string,
  cookie: string,
): Promise<{ profile: QueryProfile; serialAppMs: number }> {
  // A pool without the app's type parsers (db/database.ts): they differ only for `date` and
  // `int8` columns, and the inbox reads no `date` and gets its counts as strings either way.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  let recording: QueryProfile['queries'] | null = null;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') recording?.push({ sql: event.query.sql, ms: event.queryDurationMillis });
    },
  });
  const deps = createDeps(
    { ...loadConfig({ DATABASE_URL: databaseUrl }), clientDir: undefined },
    { db, kind: 'postgres', close: () => db.destroy() },
  );
  const app = await buildApp(deps);
  const inbox = () => app.inject({ method: 'GET', url: '/api/threads', headers: { cookie } });
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const started = performance.now();
    const answer = await inbox();
    if (answer.statusCode !== 200) throw new Error(`inbox answered ${answer.statusCode}: ${answer.body.slice(0, 200)}`);
    if (i >= 10) times.push(performance.now() - started);
  }
  recording = [];
  const started = performance.now();
  await inbox();
  const profile = { totalMs: performance.now() - started, queries: recording };
  recording = null;
  await app.close();
  await db.destroy();
  times.sort((a, b) => a - b);
  return { profile, serialAppMs: percentile(times, 50) };
}

interface SendRound {
  label: string;
  wallMs: number;
  /** The time of each request of the round: one for the school-wide message, one per class otherwise. */
  perRequestMs: number[];
  written: Record<string, number>;
  guardiansReached: number;
}

const WARMUP_SENDS = 3;
const COUNTED_TABLES = [
  'message_threads',
  'thread_participants',
  'messages',
  'jobs',
  'audit_log',
  'notifications',
  'mail_outbox',
] as const;

async function countRows(client: pg.ClientBase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES)
    counts[table] = Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n);
  return counts;
}

async function sendToAllGuardians(
  client: pg.ClientBase,
  school: BenchSchool,
  port: number,
  cookie: string,
): Promise<SendRound[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: school.classes.length });
  const post = async (url: string, subject: string) => {
    const started = performance.now();
    const answer = await request(agent, port, 'POST', url, cookie, {
      subject,
      body: 'Kære forældre. Skolen holder lukket fredag på grund af strejke i kommunen. SFO har åbent som normalt. Venlig hilsen ledelsen',
    });
    if (answer.status !== 201) throw new Error(`${url} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return performance.now() - started;
  };
  const send = (classId: string, subject: string) =>
    post(`/api/schools/${school.schoolId}/classes/${classId}/messages`, subject);
  const sendToSchool = (subject: string) => post(`/api/schools/${school.schoolId}/messages`, subject);
  // The write path's first use (JIT, opening pool connections) is not part of the measurement.
  for (const c of school.classes.slice(0, WARMUP_SENDS)) await send(c.id, 'Opvarmning');
  await sendToSchool('Opvarmning');
  const rounds: SendRound[] = [];
  const measure = async (label: string, subject: string, run: () => Promise<number[]>) => {
    const before = await countRows(client);
    const started = performance.now();
    const perRequestMs = await run();
    const wallMs = performance.now() - started;
    const after = await countRows(client);
    const reached = await client.query(
      `select count(distinct tp.person_id) as n from thread_participants tp join message_threads t on t.school_id = tp.school_id and t.id = tp.thread_id where t.subject = $1 and tp.role = 'guardian'`,
      [subject],
    );
    rounds.push({
      label,
      wallMs,
      perRequestMs,
      written: Object.fromEntries(COUNTED_TABLES.map((t) => [t, after[t]! - before[t]!])),
      guardiansReached: Number(reached.rows[0].n),
    });
  };
  await measure('one school-wide message', 'Lukket tirsdag', async () => [await sendToSchool('Lukket tirsdag')]);
  await measure('one class after the other', 'Lukket fredag', async () => {
    const times: number[] = [];
    for (const c of school.classes) times.push(await send(c.id, 'Lukket fredag'));
    return times;
  });
  await measure('all classes at once', 'Lukket mandag', () =>
    Promise.all(school.classes.map((c) => send(c.id, 'Lukket mandag'))),
  );
  agent.destroy();
  return rounds;
}

interface FanOut {
  ms: number;
  jobsRun: number;
  written: Record<string, number>;
}

/**
 * The notification jobs the sends queued, run to the end as the server's job loop would run
 * them: each recipient's notice in the app, and the e-mails due now (kept in the outbox, as
 * there is no SMTP server in the run).
 */
async function runQueuedJobs(client: pg.ClientBase, deps: AppDeps): Promise<FanOut> {
  const before = await countRows(client);
  const started = performance.now();
  let jobsRun = 0;
  for (let ran = await runDueJobs(deps, JOB_HANDLERS); ran > 0; ran = await runDueJobs(deps, JOB_HANDLERS))
    jobsRun += ran;
  const ms = performance.now() - started;
  const after = await countRows(client);
  return { ms, jobsRun, written: Object.fromEntries(COUNTED_TABLES.map((t) => [t, after[t]! - before[t]!])) };
}

async function inboxSizes(client: pg.ClientBase, school: BenchSchool) {
  const { rows } = await client.query(
    `select count(*)::int as n from people p left join thread_participants tp on tp.school_id = p.school_id and tp.person_id = p.id
     where p.school_id = $1 and p.external_id like 'g%' and not p.suspended group by p.id order by n`,
    [school.schoolId],
  );
  const sorted = rows.map((r: { n: number }) => r.n);
  return { min: sorted[0] ?? 0, median: percentile(sorted, 50), max: sorted.at(-1) ?? 0 };
}

async function main(): Promise<void> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const name = `samspil_bench_${stamp}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await admin(`create database ${name}`);
  log(`database ${name}`);
  let child: ChildProcess | undefined;
  const database = await openDatabase({ url: databaseUrl });
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await migrateToLatest(database.db);
    await client.connect();
    const started = performance.now();
    const school = await generateSchool(client, SEED);
    const generateSeconds = (performance.now() - started) / 1000;
    log(`school generated in ${generateSeconds.toFixed(1)} s: ${JSON.stringify(school.rows)}`);

    // Sessions made the way a sign-in makes them, for every guardian who may read messages.
    const deps = createDeps({ ...loadConfig({ DATABASE_URL: databaseUrl }), clientDir: undefined }, database);
    const readers = school.guardians.filter((g) => !g.suspended);
    const cookies: string[] = [];
    for (const g of readers)
      cookies.push(`${SESSION_COOKIE}=${(await startSession(deps, g.userId, 'password')).token}`);
    const leaderCookie = `${SESSION_COOKIE}=${(await startSession(deps, school.leader.userId, 'password')).token}`;
    const sizes = await inboxSizes(client, school);

    const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
    // The inbox query as the app sends it, and its plan for the guardian with the median inbox.
    const template = await recordedQuery((db) =>
      findThreadsOfUser(db, readers[0]!.userId, { show: 'all', limit: THREAD_PAGE_DEFAULT + 1 }),
    );
    const userParameter = template.parameters.indexOf(readers[0]!.userId);
    const valuesFor = (userId: string) => template.parameters.map((value, i) => (i === userParameter ? userId : value));
    const median = await client.query(
      `select p.user_id from people p join thread_participants tp on tp.school_id = p.school_id and tp.person_id = p.id
       where p.external_id like 'g%' and not p.suspended group by p.user_id order by count(*), p.user_id offset $1 limit 1`,
      [Math.floor(readers.length / 2)],
    );
    const medianUser = median.rows[0].user_id as string;
    const medianCookie = cookies[readers.findIndex((g) => g.userId === medianUser)]!;
    const plan = (await client.query(`explain (analyze, buffers) ${template.sql}`, valuesFor(medianUser))).rows.map(
      (r: Record<string, string>) => r['QUERY PLAN']!,
    );

    log('profiling one inbox request');
    const { profile, serialAppMs } = await profileInboxRequest(databaseUrl, medianCookie);
    const serialRaw: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      await pool.query(template.sql, valuesFor(medianUser));
      if (i >= 10) serialRaw.push(performance.now() - t);
    }
    serialRaw.sort((a, b) => a - b);

    const port = await freePort();
    child = await startAppProcess(databaseUrl, port);
    log(`app listening on ${port}; inbox load for ${warmupSeconds} + ${seconds} s`);
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    let bytes = 0;
    let answers = 0;
    const app = await withCpu(child.pid!, () =>
      closedLoop({
        concurrency,
        warmupSeconds,
        seconds,
        send: async (n) => {
          const answer = await request(agent, port, 'GET', '/api/threads', cookies[n % cookies.length]!);
          if (answer.status !== 200) throw new Error(`inbox answered ${answer.status}: ${answer.body.slice(0, 200)}`);
          bytes += Buffer.byteLength(answer.body);
          answers++;
        },
      }),
    );
    agent.destroy();

    log(`raw inbox query for ${warmupSeconds} + ${seconds} s`);
    let rawRows = 0;
    let rawAnswers = 0;
    const raw = await withCpu(child.pid!, () =>
      closedLoop({
        concurrency,
        warmupSeconds,
        seconds,
        send: async (n) => {
          const result = await pool.query(template.sql, valuesFor(readers[n % readers.length]!.userId));
          rawRows += result.rowCount ?? 0;
          rawAnswers++;
        },
      }),
    );
    await pool.end();

    log('sending to all guardians');
    const rounds = await sendToAllGuardians(client, school, port, leaderCookie);
    log('running the notification jobs the sends queued');
    const fanOut = await runQueuedJobs(client, deps);

    const report = render({
      school,
      generateSeconds,
      sizes,
      app: app.value,
      raw: raw.value,
      cpu: { app, raw },
      meanBytes: bytes / answers,
      meanRows: rawRows / rawAnswers,
      profile,
      serialAppMs,
      serialRawMs: percentile(serialRaw, 50),
      plan,
      rounds,
      fanOut,
    });
    process.stdout.write(report);
    if (outFile) await writeFile(outFile, report);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await client.end().catch(() => undefined);
    await database.close();
    if (keep) log(`kept database ${databaseUrl}`);
    else await admin(`drop database if exists ${name} with (force)`);
  }
}

interface Results {
  school: BenchSchool;
  generateSeconds: number;
  sizes: { min: number; median: number; max: number };
  app: LoadResult;
  raw: LoadResult;
  cpu: Record<'app' | 'raw', { appCores: number; benchCores: number }>;
  meanBytes: number;
  meanRows: number;
  profile: QueryProfile;
  serialAppMs: number;
  serialRawMs: number;
  plan: string[];
  rounds: SendRound[];
  fanOut: FanOut;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');

function render(r: Results): string {
  const ratio = r.app.perSecond / r.raw.perSecond;
  const lines: string[] = [];
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
  const summarize = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 110);
  lines.push(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; load average at the end ${load}. ` +
      `${concurrency} concurrent clients, ${warmupSeconds} s warm-up and ${seconds} s measured per side; pool of ${POOL_SIZE} connections on both sides.`,
    '',
    `School: ${Object.entries(r.school.rows)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')} (generated and loaded in ${r.generateSeconds.toFixed(0)} s). ` +
      `Threads per guardian: median ${r.sizes.median} (${r.sizes.min}–${r.sizes.max}); the inbox shows the newest ${THREAD_PAGE_DEFAULT} a page.`,
    '',
    '### Inbox: the app against the raw query',
    '',
    '| | requests/s | p50 ms | p95 ms | p99 ms | max ms | failures | per answer |',
    '|---|---|---|---|---|---|---|---|',
    `| app: \`GET /api/threads\` (one process) | ${r.app.perSecond.toFixed(0)} | ${ms(r.app.latencyMs.p50)} | ${ms(r.app.latencyMs.p95)} | ${ms(r.app.latencyMs.p99)} | ${ms(r.app.latencyMs.max)} | ${r.app.failures} | ${(r.meanBytes / 1024).toFixed(0)} KiB JSON |`,
    `| raw: the \`findThreadsOfUser\` SQL through \`pg\` | ${r.raw.perSecond.toFixed(0)} | ${ms(r.raw.latencyMs.p50)} | ${ms(r.raw.latencyMs.p95)} | ${ms(r.raw.latencyMs.p99)} | ${ms(r.raw.latencyMs.max)} | ${r.raw.failures} | ${r.meanRows.toFixed(0)} rows |`,
    '',
    `**Ratio app / raw: ${ratio.toFixed(2)}** (aim: at least 0.50) — ${ratio >= 0.5 ? 'met' : 'NOT met'}.`,
    '',
    `One client alone, the guardian with the median inbox (median of 30): the app's inbox ${ms(r.serialAppMs)} ms in-process, the raw query ${ms(r.serialRawMs)} ms.`,
    '',
    `CPU (cores kept busy, of ${cpus().length}): app process ${r.cpu.app.appCores.toFixed(2)} and load generator ${r.cpu.app.benchCores.toFixed(2)} during the app's run, ` +
      `that is ${ms((1000 * r.cpu.app.appCores) / r.app.perSecond)} ms of app CPU per inbox request; the pg client ${r.cpu.raw.benchCores.toFixed(2)} during the raw run ` +
      `(${ms((1000 * r.cpu.raw.benchCores) / r.raw.perSecond)} ms per query). PostgreSQL and the machine's other work had the rest.`,
    '',
    `#### What one inbox request runs (the same guardian, in-process, ${ms(r.profile.totalMs)} ms, ${r.profile.queries.length} queries, ${ms(r.profile.queries.reduce((s, q) => s + q.ms, 0))} ms in queries)`,
    '',
    '| ms | query |',
    '|---|---|',
    ...r.profile.queries.map((q) => `| ${ms(q.ms)} | \`${summarize(q.sql)}…\` |`),
    '',
    '#### Plan of the inbox query (guardian with the median inbox)',
    '',
    '```',
    ...r.plan,
    '```',
    '',
    '### One message to all guardians of the school',
    '',
    `The leader sends one school-wide message through \`POST /api/schools/:schoolId/messages\` ("Forældre på <skole>"), and for comparison a class message to each of the ${r.school.classes.length} classes through \`POST /api/schools/:schoolId/classes/:classId/messages\`, one after the other and all at once.`,
    '',
    '| | wall time ms | per request ms: min / median / max | guardians reached | threads | participants | messages | jobs | audit rows |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const round of r.rounds) {
    const sorted = [...round.perRequestMs].sort((a, b) => a - b);
    lines.push(
      `| ${round.label} | ${round.wallMs.toFixed(0)} | ${ms(sorted[0]!)} / ${ms(percentile(sorted, 50))} / ${ms(sorted.at(-1)!)} | ${round.guardiansReached} | ` +
        `${round.written.message_threads} | ${round.written.thread_participants} | ${round.written.messages} | ${round.written.jobs} | ${round.written.audit_log} |`,
    );
  }
  const schoolWide = r.rounds[0]!;
  const warmups = WARMUP_SENDS + 1;
  lines.push(
    '',
    `Then the queued jobs, run to the end as the server's job loop runs them (${r.rounds.reduce((n, round) => n + (round.written.jobs ?? 0), 0) + warmups} message notifications, ${warmups} of them from the warm-up sends): ` +
      `${r.fanOut.jobsRun} jobs in ${r.fanOut.ms.toFixed(0)} ms, writing ${r.fanOut.written.notifications} notices in the app and queuing ${r.fanOut.written.jobs} e-mail jobs, ` +
      `of which ${r.fanOut.written.mail_outbox} were due at once and went to the outbox (guardians get the 17:00 digest by default).`,
  );
  lines.push(
    '',
    `**Send to all guardians: ${schoolWide.wallMs.toFixed(0)} ms as one school-wide message** (aim: under 1,000 ms) — ${schoolWide.wallMs < 1000 ? 'met' : 'NOT met'}.`,
    '',
  );
  return lines.join('\n');
}

await main();
