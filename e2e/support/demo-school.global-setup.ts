import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { scratchDirectory } from '../../src/server/testing/scratch-directory.js';
import { startServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data folder of a stopped server that built the demo school; each spec's server starts on a copy. */
    demoDataDir?: string;
  }
}

/**
 * Starts the real server once on an empty database, which builds the demo school (440 students
 * through the CSV import) before it answers, and stops it. Building the school was most of each
 * spec file's start; now it happens once per run, and every spec's server starts on a copy.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(path.join(scratchDirectory(), 'samspil-e2e-demo-'));
  const remove = () => rm(dataDir, { recursive: true, force: true });
  try {
    const server = await startServer({ dataDir });
    await server.stop();
  } catch (error) {
    await remove();
    throw error;
  }
  project.provide('demoDataDir', dataDir);
  return remove;
}
