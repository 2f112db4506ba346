#!/usr/bin/env node
// Entry point for `npx samspil …` and `npm start`: runs the TypeScript CLI through tsx,
// so the server and the command line share one source tree without a separate build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
