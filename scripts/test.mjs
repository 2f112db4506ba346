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

// The build must pass before any tier runs: the browser tests serve dist/client.
const steps = [
  { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'], required: true },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'build', command: 'npm', args: ['run', '--silent', 'build'], required: true },
  { name: 'unit', command: process.execPath, args: vitestArgs('unit') },
  { name: 'api-pglite', command: process.execPath, args: vitestArgs('api-pglite') },
  ...(process.env.DATABASE_URL
    ? [{ name: 'api-postgres', command: process.execPath, args: vitestArgs('api-postgres') }]
    : []),
  { name: 'e2e', command: process.execPath, args: vitestArgs('e2e') },
];

/** Runs one step with inherited output; resolves to its exit code and wall time. */
function run(step) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(step.command, step.args, { cwd: root, stdio: 'inherit' });
    const done = (code) => resolve({ code, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    child.on('error', (error) => {
      console.error(error);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const format = (seconds) =>
  seconds >= 60 ? `${Math.floor(seconds / 60)} min ${(seconds % 60).toFixed(1)} s` : `${seconds.toFixed(1)} s`;

const results = [];
const started = process.hrtime.bigint();
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const { code, seconds } = await run(step);
  results.push({ name: step.name, code, seconds });
  console.log(`${code === 0 ? '✔' : '✘'} ${step.name}: ${format(seconds)}${code === 0 ? '' : ` (exit code ${code})`}`);
  if (code !== 0 && step.required) break;
}
const total = Number(process.hrtime.bigint() - started) / 1e9;

console.log('\nTier              Wall time   Result');
for (const { name, code, seconds } of results) {
  console.log(`${name.padEnd(13)} ${format(seconds).padStart(13)}   ${code === 0 ? 'passed' : 'FAILED'}`);
}
for (const step of steps.slice(results.length)) console.log(`${step.name.padEnd(13)} ${''.padStart(13)}   not run`);
console.log(`${'total'.padEnd(13)} ${format(total).padStart(13)}`);
process.exitCode = results.every((r) => r.code === 0) && results.length === steps.length ? 0 : 1;
