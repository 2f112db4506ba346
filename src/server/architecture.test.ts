import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The shape every area follows (docs/ARCHITECTURE.md), held by reading the source: a use case
 * opens its own unit of work, repositories stay in their area, services never see HTTP.
 */
const SERVER = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const files = sourceFiles(SERVER).map((file) => ({
  file: path.relative(SERVER, file),
  text: readFileSync(file, 'utf8'),
}));
const importsOf = (text: string) => [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
const areaOf = (file: string) => file.split(path.sep)[0]!;

describe('the server code keeps its shape', () => {
  it('opens transactions only through the unit of work (context.ts inTransaction)', () => {
    const opening = files.filter((f) => /\.transaction\(\)/.test(f.text)).map((f) => f.file);
    expect(opening).toEqual(['context.ts']);
  });

  it('has no repository that imports another area’s repository or service', () => {
    const crossing = files
      .filter((f) => f.file.endsWith('.repository.ts'))
      .flatMap((f) =>
        importsOf(f.text)
          .filter((spec) => /\.(repository|service)\.js$/.test(spec))
          .filter((spec) => areaOf(path.normalize(path.join(path.dirname(f.file), spec))) !== areaOf(f.file))
          .map((spec) => `${f.file} imports ${spec}`),
      );
    expect(crossing).toEqual([]);
  });

  it('has no service that imports Fastify or reads an HTTP request', () => {
    const services = files.filter((f) => f.file.endsWith('.service.ts'));
    expect(services.length).toBeGreaterThan(10);
    const framework = services
      .filter((f) => importsOf(f.text).some((spec) => spec === 'fastify' || spec.startsWith('@fastify/')))
      .map((f) => f.file);
    const http = services.filter((f) => /\bctx\.(request|reply)\b/.test(f.text)).map((f) => f.file);
    expect(framework).toEqual([]);
    expect(http).toEqual([]);
  });

  it('defines route policy helpers only in policies/', () => {
    const helpers = files
      .filter((f) => !f.file.startsWith(`policies${path.sep}`))
      .filter((f) => /kind: '(public|own|school|rows|all)'/.test(f.text))
      .map((f) => f.file);
    expect(helpers).toEqual([]);
  });
});
