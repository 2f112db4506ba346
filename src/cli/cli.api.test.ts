import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresTestDatabase } from '../server/testing/test-database.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SLOW = 180_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `samspil` as a user would, against its own database: a PGlite folder in a temporary
 * directory, or a fresh database on the PostgreSQL server when the suite runs against one.
 */
describe('the samspil command line', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'samspil-cli-'));
    env = { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '', NODE_ENV: 'test' };
    // The database starts as a copy of the run's migrated template, like every API test's: the
    // commands under test still open and migrate it themselves, and starting a server on an
    // empty database is tested by the browser tests' global setup.
    if (process.env.TEST_DB === 'postgres' && process.env.DATABASE_URL) {
      const fresh = await createPostgresTestDatabase(process.env.DATABASE_URL, inject('postgresTemplate'));
      env.DATABASE_URL = fresh.url;
      dropDatabase = fresh.drop;
    } else {
      const template = inject('pgliteTemplate');
      if (template) await cp(template, env.DATA_DIR!, { recursive: true });
    }
  });
  afterAll(async () => {
    await dropDatabase?.();
    await rm(dir, { recursive: true, force: true });
  });

  const samspil = (...args: string[]) =>
    new Promise<Run>((resolve, reject) => {
      const child = spawn(process.execPath, ['bin/samspil.mjs', ...args], { cwd: ROOT, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  const file = async (name: string, content: string | Buffer) => {
    const target = path.join(dir, name);
    await writeFile(target, content);
    return target;
  };

  const GOOD =
    [
      'Type;Id;Fornavn;Efternavn;Klasse;Kontaktlærer for;Roller;E-mail;Elev;Forælder;Relationstype',
      'klasse;10X;;;;;;;;;',
      'medarbejder;m-cli;Søren;Ærø;10X;10X;lærer;soeren.cli@skole.dk;;;',
      'elev;e-cli;Åse;Østergård;10X;;;;;;',
      'forælder;f-cli;Bo;Østergård;;;;bo.cli@skole.dk;;;',
      'relation;;;;;;;;e-cli;f-cli;forældremyndighed',
    ].join('\r\n') + '\r\n';

  it('creates the demo school and names its accounts', { timeout: SLOW }, async () => {
    const run = await samspil('demo');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Demo Skole er oprettet: 20 klasser, 440 elever');
    expect(run.stdout).toContain('kontaktlaerer@demo.samspil.dk');
    expect(run.stdout).toContain('samspil-demo');
  });

  it('checks a Windows-1252 file with --dry-run and reports what it would do', { timeout: SLOW }, async () => {
    const run = await samspil(
      'import',
      await file('excel.csv', iconv.encode(GOOD, 'win1252')),
      '--school',
      'demo-skole',
      '--dry-run',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Læst som windows-1252, adskilt med semikolon');
    expect(run.stdout).toMatch(/elever\s+1\s+0\s+0/);
    expect(run.stdout).toContain('Tørkørsel: intet er gemt.');
  });

  it('refuses a file with bad rows, exits with 2 and names every line', { timeout: SLOW }, async () => {
    const bad = GOOD.replace('elev;e-cli;Åse;Østergård;10X', 'elev;e-cli;Åse;Østergård;9Q').replace(
      'e-cli;f-cli;forældremyndighed',
      'e-cli;f-ukendt;forældremyndighed',
    );
    const run = await samspil('import', await file('bad.csv', bad), '--school', 'demo-skole');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Filen blev ikke importeret, fordi den har fejl (rækker med fejl: 2). Intet er ændret.',
    );
    expect(run.stderr).toContain('linje 4 (Klasse): Klassen »9Q« findes hverken i filen eller på skolen.');
    expect(run.stderr).toContain('linje 6 (Forælder): Den voksne »f-ukendt« findes hverken i filen eller på skolen.');
  });

  it('imports for real, and a second run changes nothing', { timeout: SLOW }, async () => {
    const good = await file('good.csv', GOOD);
    const first = await samspil('import', good, '--school', 'demo-skole', '--json');
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result).toMatchObject({ dryRun: false, encoding: 'utf-8', rows: 5 });
    expect(result.counts.students).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(result.runId).toEqual(expect.any(String));

    const again = await samspil('import', good, '--school', 'demo-skole', '--lang', 'en');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/students\s+0\s+0\s+1/);
    expect(again.stdout).toContain('The import has been saved.');
  });

  it(
    'refuses a missing file, an oversized file, an unknown school and wrong arguments with exit code 2',
    { timeout: SLOW },
    async () => {
      const missing = await samspil('import', path.join(dir, 'findes-ikke.csv'), '--school', 'demo-skole');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('Filen findes ikke');

      const huge = await samspil(
        'import',
        await file('huge.csv', Buffer.alloc(11 * 1024 * 1024, 'a')),
        '--school',
        'demo-skole',
      );
      expect(huge.code).toBe(2);
      expect(huge.stderr).toContain('Filen er for stor (højst 10 MB).');

      const noSchool = await samspil('import', await file('ok.csv', GOOD), '--school', 'ingen-skole');
      expect(noSchool.code).toBe(2);
      expect(noSchool.stderr).toContain('Skolen findes ikke: ingen-skole');

      expect((await samspil('import')).code).toBe(2);
      expect((await samspil('import', 'x.csv', '--skole', 'demo-skole')).code).toBe(2);
      expect((await samspil('no-such-command')).code).toBe(2);
    },
  );

  it('creates a real school whose administrator is mailed a sign-in link', { timeout: SLOW }, async () => {
    const run = await samspil(
      'school',
      'create',
      '--name',
      'Lundby Skole',
      '--slug',
      'lundby-skole',
      '--admin-email',
      'anna.berg@lundby.dk',
      '--admin-name',
      'Anna Berg',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Skolen »Lundby Skole« (kortnavn lundby-skole) er oprettet med Anna Berg som administrator.',
    );
    expect(run.stdout).toContain('Et link til at logge ind er sendt til anna.berg@lundby.dk');
    expect(run.stdout).toContain('http://localhost:3000/dev/mail');
  });

  it('leaves an existing demo school alone without --reset', { timeout: SLOW }, async () => {
    const run = await samspil('demo');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Demo Skole findes allerede; brug --reset for at bygge den igen.');
  });
});
