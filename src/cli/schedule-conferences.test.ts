import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSchoolInstance } from '../domain/conference-scheduling/generate-instance.js';
import { ZConferenceSchedule } from '../domain/conference-scheduling/instance.schema.js';
import { validateSchedule } from '../domain/conference-scheduling/validate-schedule.js';

const BIN = fileURLToPath(new URL('../../bin/samspil.mjs', import.meta.url));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

// Each run starts a fresh Node process of the built command line, slow on a loaded machine; the
// runs share nothing but the folder, each with its own file, so they start at once.
describe.concurrent('samspil schedule-conferences', { timeout: 60_000 }, () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'samspil-schedule-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes a schedule that keeps every rule as JSON on stdout, and the measure on stderr with --report', async () => {
    const instance = generateSchoolInstance({ seed: 11, classes: 2 });
    const file = join(directory, 'round.json');
    await writeFile(file, JSON.stringify(instance));
    const result = await run(['schedule-conferences', file, '--seconds', '1', '--report', '--lang', 'en']);
    expect(result.code).toBe(0);
    const schedule = ZConferenceSchedule.parse(JSON.parse(result.stdout));
    expect(validateSchedule(instance, schedule)).toEqual([]);
    expect(result.stderr).toContain('1. Feasible (no hard rule broken): yes');
    expect(result.stderr).toMatch(/2\. Scheduled \/ placeable: \d+ \/ \d+/);
  });

  it('refuses an instance with unknown ids, reversed windows, dates outside the round and a meeting without staff', async () => {
    const file = join(directory, 'broken.json');
    await writeFile(
      file,
      JSON.stringify({
        round: 'x',
        days: ['2026-11-24'],
        transferMinutes: 5,
        staff: [{ id: 't1', room: 'A', available: [{ date: '2026-11-25', from: '16:00', to: '14:00' }] }],
        households: [{ id: 'h1', available: [] }],
        meetings: [
          { id: 'm1', student: 's1', household: 'h1', staff: ['t99'], minutes: 20, format: 'in-person' },
          { id: 'm2', student: 's2', household: 'h1', staff: [], minutes: 20, format: 'phone' },
        ],
      }),
    );
    const result = await run(['schedule-conferences', file, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('staff[0].available[0].date: "2026-11-25" is not a day of the round');
    expect(result.stderr).toContain('staff[0].available[0]: ends (14:00) before it starts (16:00)');
    expect(result.stderr).toContain('meetings[0].staff[0]: unknown staff id "t99"');
    expect(result.stderr).toContain('meetings[1].staff: a meeting needs at least one staff member');
  });

  it('refuses a file that is not JSON, in Danish by default', async () => {
    const file = join(directory, 'not-json.json');
    await writeFile(file, '{"round": "x",');
    const result = await run(['schedule-conferences', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('filen er ikke gyldig JSON');
  });
});
