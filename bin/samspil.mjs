#!/usr/bin/env node
// Entry point for `npx samspil …` and `npm start`: runs the command line that `npm run build`
// compiled to dist/server, so no TypeScript is compiled when it starts.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/server/main.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write('samspil is not built: run `npm run build` first.\n');
  process.exit(1);
}
// Stack traces then name the TypeScript files and lines (the build writes source maps).
process.setSourceMapsEnabled(true);
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv.slice(2));
