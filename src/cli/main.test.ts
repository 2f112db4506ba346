import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';

/** Runs the command line and returns what it wrote to each stream. */
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  const code = await main(argv);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('samspil command line', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']]])(
    'answers %j with the usage on stdout and success',
    async (argv) => {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('samspil serve');
      expect(stdout).toContain('samspil schedule-conferences');
      expect(stderr).toBe('');
    },
  );

  it("answers a command's --help with its own usage, without running it", async () => {
    const { code, stdout, stderr } = await run(['import', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: samspil import FILE --school ID\|SLUG/);
    expect(stdout).not.toContain('samspil serve');
    expect(stderr).toBe('');
  });

  it('names an unknown command on stderr and exits with 2', async () => {
    const { code, stdout, stderr } = await run(['serv']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Unknown command: serv\n/);
    expect(stderr).toContain('samspil serve');
  });
});
