import { defineConfig } from 'vitest/config';

// The same API tests run against the embedded PGlite and, when DATABASE_URL is set, against a
// real PostgreSQL server: one project each, selected by TEST_DB. Projects run one after another
// in the order of their groupOrder (Vitest needs distinct ones, as their maxWorkers differ), so
// `vitest run --project unit --project 'api-*'` works as well as one project at a time.
const apiTests = ['src/**/*.api.test.ts'];
const withPostgres = Boolean(process.env.DATABASE_URL);
// Migrates one template database per run; each test's database is a copy of it.
const apiGlobalSetup = ['src/server/testing/test-database.global-setup.ts'];

// `isolate: false` lets the files one worker runs share their imported modules instead of
// importing the server (Fastify, Zod schemas, PGlite) afresh for each file: measured on the
// 2-core machine, it halves the CPU time of the unit and API tiers. Each file still gets its
// own database, and no code under test keeps state in a module between files.
export default defineConfig({
  test: {
    // Vitest's default in a run is one worker fewer than the CPUs: a single worker on the 2-core
    // machine, which left a core idle while a test waited for a child process or the database.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: apiTests,
          environment: 'node',
          isolate: false,
        },
      },
      {
        test: {
          name: 'api-pglite',
          sequence: { groupOrder: 1 },
          include: apiTests,
          env: { TEST_DB: 'pglite' },
          globalSetup: apiGlobalSetup,
          isolate: false,
          // The CLI and durability files mostly wait for the processes they start.
          maxWorkers: 3,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(withPostgres
        ? [
            {
              test: {
                name: 'api-postgres',
                sequence: { groupOrder: 2 },
                include: apiTests,
                env: { TEST_DB: 'postgres' },
                globalSetup: apiGlobalSetup,
                isolate: false,
                maxWorkers: 3,
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          include: ['e2e/**/*.spec.ts'],
          // Builds the demo school once; each spec's server starts on a copy of its database.
          globalSetup: ['e2e/support/demo-school.global-setup.ts'],
          // Each spec file still starts its own server and browser (suite.ts); sharing the
          // modules spares every file from loading playwright-core again, about a second of CPU.
          isolate: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
          // A page answers within a second on an idle machine, not on a loaded CI one: a poll
          // waits up to ten (it returns as soon as its condition holds).
          expect: { poll: { timeout: 10_000 } },
          // Two spec files at a time, each with its own server and browser: a spec spends much
          // of its time waiting on its server and browser, so a second one fills the gaps.
          maxWorkers: 2,
        },
      },
    ],
  },
});
