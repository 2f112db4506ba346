import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoCommand } from './demo.command.js';
import { schoolCommand } from './school.command.js';

/** A data folder that a command would create if it opened the database. */
const untouched = () => path.join(tmpdir(), `samspil-untouched-${process.pid}-${Math.random().toString(36).slice(2)}`);

async function run(command: (args: string[], env: NodeJS.ProcessEnv) => Promise<number>, args: string[], env = {}) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  const dataDir = untouched();
  const code = await command(args, { DATA_DIR: dataDir, ...env });
  expect(existsSync(dataDir)).toBe(false);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const CREATE = ['create', '--name', 'Lundby Skole', '--slug', 'lundby-skole', '--admin-email', 'anna@lundby.dk'];

describe('samspil demo in production', () => {
  it('refuses, names the way to a real school, and opens no database', async () => {
    const { code, stdout, stderr } = await run(demoCommand, [], { NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('Demoskolen laves ikke med NODE_ENV=production');
    expect(stderr).toContain('samspil school create');
    expect((await run(demoCommand, ['--reset', '--lang', 'en'], { NODE_ENV: 'production' })).stderr).toContain(
      'its accounts have a published password',
    );
  });
});

describe('samspil school create, before it opens the database', () => {
  it('answers --help with its usage', async () => {
    const { code, stdout } = await run(schoolCommand, ['create', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: samspil school create --name NAME --slug SLUG --admin-email EMAIL/);
  });

  it('names the missing options and exits with 2', async () => {
    const { code, stderr } = await run(schoolCommand, CREATE);
    expect(code).toBe(2);
    expect(stderr).toContain('Mangler: --admin-name');
    expect((await run(schoolCommand, ['make'])).code).toBe(2);
  });

  it.each([
    [['--slug', 'Lundby Skole'], 'Kortnavnet »Lundby Skole« kan ikke bruges'],
    [['--admin-email', 'anna@'], 'Administratorens e-mailadresse »anna@« er ikke gyldig.'],
    [['--admin-name', 'Anna'], 'Skriv administratorens fulde navn'],
  ])('refuses %j with a clear error and exit code 2', async (change, message) => {
    const { code, stderr } = await run(schoolCommand, [...CREATE, '--admin-name', 'Anna Berg', ...change]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('answers in English with --lang en', async () => {
    const { stderr } = await run(schoolCommand, [...CREATE, '--admin-name', 'Anna', '--lang', 'en']);
    expect(stderr).toContain("Give the administrator's full name");
  });
});
