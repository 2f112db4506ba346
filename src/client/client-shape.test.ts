import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The client speaks through contracts (docs/ARCHITECTURE.md), held by reading its source. */
const CLIENT = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const files = sourceFiles(CLIENT).map((file) => ({
  file: path.relative(CLIENT, file),
  text: readFileSync(file, 'utf8'),
}));

describe('the client code keeps its shape', () => {
  it('writes no API address by hand: every one comes from a shared contract', () => {
    const written = files.filter((f) => /['"`]\/api\//.test(f.text)).map((f) => f.file);
    expect(written).toEqual([]);
  });

  it('casts no answer to a type: answers are parsed by their contract', () => {
    const casting = files.filter((f) => /\b(get|post|put|delete|request)<\w/.test(f.text)).map((f) => f.file);
    expect(casting).toEqual([]);
  });

  it('calls fetch in one place: the typed client that parses every answer', () => {
    const fetching = files.filter((f) => /\bfetch\(/.test(f.text)).map((f) => f.file);
    expect(fetching).toEqual([path.join('api', 'http.ts')]);
  });
});
