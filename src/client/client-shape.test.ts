import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * The packages the web app's code reaches from main.tsx, through every import that is more than
 * a type (pages loaded on demand too), with the module that first imports each.
 */
function packagesReached(): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [path.join(CLIENT, 'main.tsx')];
  const specifiers =
    /^\s*(?:import|export)\s+(?!type\b)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(specifiers)) {
      const specifier = (match[1] ?? match[2])!;
      if (!specifier.startsWith('.')) {
        const name = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        if (!packages.has(name)) packages.set(name, path.relative(CLIENT, file));
        continue;
      }
      const base = path.resolve(path.dirname(file), specifier).replace(/\.js$/, '');
      const found = ['.ts', '.tsx', '/index.ts'].map((ending) => base + ending).find((f) => existsSync(f));
      if (found) queue.push(found);
    }
  }
  return packages;
}

describe("the web app's bundle", () => {
  it("reaches none of the server's packages: the school calendar's holiday tables, Luxon, the database, the sanitiser", () => {
    const reached = packagesReached();
    // The walk itself works: it finds what the app is built on.
    expect([...reached.keys()]).toEqual(expect.arrayContaining(['react', 'react-router', 'zod', 'i18next']));
    const serverOnly = [
      'date-holidays',
      'luxon',
      'pg',
      '@electric-sql/pglite',
      'kysely',
      'sanitize-html',
      'nodemailer',
      'sharp',
    ];
    expect(serverOnly.filter((name) => reached.has(name)).map((name) => `${name} (from ${reached.get(name)})`)).toEqual(
      [],
    );
  });
});
