import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlayGroupsInput } from '../domain/play-groups/index.js';
import { measurePlayGroups } from '../domain/play-groups/measure.js';

const BIN = fileURLToPath(new URL('../../bin/samspil.mjs', import.meta.url));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const classOf = (size: number) =>
  Array.from({ length: size }, (_, i) => ({ id: `c${i + 1}`, gender: i % 2 ? 'm' : 'f' }));

// Each run starts a fresh Node process of the built command line; the runs share nothing but the
// folder, each with its own file, so they start at once.
describe.concurrent('samspil play-groups', { timeout: 60_000 }, () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'samspil-play-groups-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes valid rounds as JSON on stdout, the best known repeat-free ones first, and the measure on stderr with --report', async () => {
    const input: PlayGroupsInput = { children: classOf(21), groupSize: 3, rounds: 11, apart: [['c3', 'c9']], seed: 1 };
    const file = join(directory, 'class.json');
    await writeFile(file, JSON.stringify(input));
    const result = await run(['play-groups', file, '--report', '--lang', 'en']);
    expect(result.code).toBe(0);
    const measure = measurePlayGroups(input, JSON.parse(result.stdout));
    expect(measure.problems).toEqual([]);
    expect(measure.repeatFreeRounds).toBeGreaterThanOrEqual(9);
    expect(result.stderr).toContain('1. Valid: yes');
    expect(result.stderr).toMatch(/2\. Repeat-free rounds: \d+ \/ 11/);
  });

  it('refuses a class with fewer children than one group, in Danish by default', async () => {
    const file = join(directory, 'small.json');
    await writeFile(file, JSON.stringify({ children: classOf(3), groupSize: 4, rounds: 2, apart: [], seed: 1 }));
    const result = await run(['play-groups', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Klassen har færre børn end én gruppe');
  });

  it('refuses apart pairs that make a round impossible, an unknown id and a file that is not JSON', async () => {
    const lonely = join(directory, 'lonely.json');
    const children = classOf(8);
    await writeFile(
      lonely,
      JSON.stringify({ children, groupSize: 4, rounds: 2, apart: children.slice(1).map((c) => ['c1', c.id]), seed: 1 }),
    );
    const unknown = join(directory, 'unknown.json');
    await writeFile(unknown, JSON.stringify({ children, groupSize: 4, rounds: 2, apart: [['c1', 'c99']], seed: 1 }));
    const broken = join(directory, 'broken.json');
    await writeFile(broken, '{"children": [');
    const [a, b, c] = await Promise.all([
      run(['play-groups', lonely, '--lang', 'en']),
      run(['play-groups', unknown, '--lang', 'en']),
      run(['play-groups', broken]),
    ]);
    expect([a.code, b.code, c.code]).toEqual([2, 2, 2]);
    expect(a.stderr).toContain('The children to be kept apart make every round impossible');
    expect(b.stderr).toContain('apart[0][1]: unknown child id "c99"');
    expect(c.stderr).toContain('filen er ikke gyldig JSON');
  });
});
