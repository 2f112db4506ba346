// Compiles the server and the command line to dist/server with esbuild, so `samspil` starts
// without compiling TypeScript (type checking is `npm run typecheck`'s job, not this one's).
//
//   node scripts/build-server.mjs           build once (part of `npm run build`)
//   node scripts/build-server.mjs --watch   rebuild on change and run `samspil serve` under
//                                           `node --watch`, which restarts it (`npm run dev`)
//
// Our code is bundled; every npm package stays an import from node_modules, so the native and
// WebAssembly ones (PGlite, sharp, argon2) load as they are published. Code splitting keeps the
// commands' dynamic imports lazy. Migrations are read from a folder at run time, so each is an
// entry point of its own in dist/server/migrations, beside the chunk that holds migrate.ts.
import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = 'dist/server';
const migrations = 'src/server/db/migrations';
const watch = process.argv.includes('--watch');

const migrationEntries = (await readdir(path.join(root, migrations)))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => ({ in: `${migrations}/${file}`, out: `migrations/${file.replace(/\.ts$/, '')}` }));

/** migrate.ts finds the migrations relative to its own file: fail the build if it moved. */
const migrationsBesideMigrate = {
  name: 'migrations-beside-migrate',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const holder = Object.entries(result.metafile.outputs).find(
        ([, output]) => 'src/server/db/migrate.ts' in output.inputs,
      );
      if (!holder || path.dirname(holder[0]) !== outdir) {
        return { errors: [{ text: `src/server/db/migrate.ts must be bundled into ${outdir}/, not ${holder?.[0]}` }] };
      }
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: [{ in: 'src/cli/main.ts', out: 'main' }, ...migrationEntries],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // Stack traces name the TypeScript files (bin/samspil.mjs turns source maps on); the sources
  // themselves are in the repository, so the maps do not carry a copy.
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  plugins: [migrationsBesideMigrate],
};

// Chunk names carry a hash, so a build without cleaning would leave the previous ones behind.
await rm(path.join(root, outdir), { recursive: true, force: true });

if (!watch) {
  await esbuild.build(options);
} else {
  let server;
  const serveAfterFirstBuild = {
    name: 'serve-after-first-build',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        console.log(`[build-server] ${outdir} built`);
        if (server) return;
        // node --watch restarts the server when a file it loaded changes.
        server = spawn(process.execPath, ['--watch', 'bin/samspil.mjs', 'serve'], { cwd: root, stdio: 'inherit' });
        server.once('exit', (code) => {
          void context.dispose();
          process.exitCode = code ?? 0;
        });
      });
    },
  };
  const context = await esbuild.context({ ...options, plugins: [...options.plugins, serveAfterFirstBuild] });
  await context.watch();
  // Ctrl-C reaches both processes; a signal sent to this one alone is passed on to the server.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      server?.kill(signal);
      void context.dispose();
    });
  }
}
