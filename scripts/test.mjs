#!/usr/bin/env node
// `npm test`: the type check, the lint, the build and each test tier as its own step, each timed, so a
// slow run shows which tier grew. Arguments go to every Vitest tier (`npm test -- src/domain`);
// a tier without a matching file then passes.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const filters = process.argv.slice(2);
const vitestArgs = (project) => [
  vitest,
  'run',
  '--project',
  project,
  ...(filters.length ? ['--passWithNoTests', ...filters] : []),
];

// The build must pass before any tier runs: the browser tests serve dist/client. The lint runs
// beside the other steps from the start (its output is printed when it ends): on the 2-core
// machine the type check and the API tier leave a core idle much of the time, and the lint fills it.
const lint = { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] };
const steps = [
  { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'], required: true },
  { name: 'build', command: 'npm', args: ['run', '--silent', 'build'], required: true },
  { name: 'unit', command: process.execPath, args: vitestArgs('unit') },
  { name: 'api-pglite', command: process.execPath, args: vitestArgs('api-pglite') },
  ...(process.env.DATABASE_URL
    ? [{ name: 'api-postgres', command: process.execPath, args: vitestArgs('api-postgres') }]
    : []),
  { name: 'e2e', command: process.execPath, args: vitestArgs('e2e') },
];

/**
 * Runs one step with inherited output, or with its output kept and returned when `quiet`;
 * resolves to its exit code, wall time and kept output.
 */
function run(step, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const output = [];
    const child = spawn(step.command, step.args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (quiet) {
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
    }
    const done = (code) =>
      resolve({ code, seconds: Number(process.hrtime.bigint() - started) / 1e9, output: Buffer.concat(output) });
    child.on('error', (error) => {
      console.error(error);
      done(1);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const format = (seconds) =>
  seconds >= 60 ? `${Math.floor(seconds / 60)} min ${(seconds % 60).toFixed(1)} s` : `${seconds.toFixed(1)} s`;

const results = [];
const started = process.hrtime.bigint();
console.log(`\n▶ ${lint.name} (beside the other steps; its output follows them)`);
const linting = run(lint, { quiet: true });
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const { code, seconds } = await run(step);
  results.push({ name: step.name, code, seconds });
  console.log(`${code === 0 ? '✔' : '✘'} ${step.name}: ${format(seconds)}${code === 0 ? '' : ` (exit code ${code})`}`);
  if (code !== 0 && step.required) break;
}
const linted = await linting;
console.log(`\n▶ ${lint.name}`);
process.stdout.write(linted.output);
console.log(
  `${linted.code === 0 ? '✔' : '✘'} ${lint.name}: ${format(linted.seconds)}${linted.code === 0 ? '' : ` (exit code ${linted.code})`}`,
);
results.splice(1, 0, { name: lint.name, code: linted.code, seconds: linted.seconds });
const total = Number(process.hrtime.bigint() - started) / 1e9;

console.log('\nTier              Wall time   Result');
for (const { name, code, seconds } of results) {
  console.log(`${name.padEnd(13)} ${format(seconds).padStart(13)}   ${code === 0 ? 'passed' : 'FAILED'}`);
}
for (const step of steps.slice(results.length - 1)) console.log(`${step.name.padEnd(13)} ${''.padStart(13)}   not run`);
console.log(`${'total'.padEnd(13)} ${format(total).padStart(13)}`);
process.exitCode = results.every((r) => r.code === 0) && results.length === steps.length + 1 ? 0 : 1;
