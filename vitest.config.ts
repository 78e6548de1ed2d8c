import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { SpreadJourneysSequencer } from './server/test/sequencer.js';

// Pure logic once; every database test twice, on the embedded PGlite and on
// the PostgreSQL server (TEST_DATABASE_URL); browser journeys on the built app.
export default defineConfig({
  test: {
    // One file per core: a test file keeps about one core busy, its time
    // split between the test and its database (a PGlite thread, a PostgreSQL
    // backend). Vitest's default (cores - 1) runs one file at a time on two.
    maxWorkers: os.availableParallelism(),
    sequence: { sequencer: SpreadJourneysSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'contracts/**/*.test.ts', 'locales/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'pglite',
          include: ['server/**/*.db.test.ts'],
          // One module cache per worker across its files: importing the app again
          // for each file cost about 430 s of a CI run. Each file still builds its
          // own database and app; module-level registries take a second call.
          isolate: false,
          env: { TEST_DB: 'pglite' },
          globalSetup: ['server/test/global-setup-db.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['server/**/*.db.test.ts'],
          // One module cache per worker across its files: importing the app again
          // for each file cost about 430 s of a CI run. Each file still builds its
          // own database and app; module-level registries take a second call.
          isolate: false,
          env: { TEST_DB: 'postgres' },
          globalSetup: ['server/test/global-setup-db.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          // A journey's first hook may wait for the app build and the demo data (global-setup.ts).
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
