import { defineConfig } from 'vitest/config';

// Three kinds of tests, each with what it needs and nothing more:
// unit (pure and Node-only), hub (a real PostgreSQL started by the run), e2e (real Chromium, preview mode).
export default defineConfig({
  test: {
    // CI lists every test, so skipped ones show their reason.
    reporters: process.env.CI ? ['verbose'] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/{shared,main,lint,config}/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'hub',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/postgres-global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Crash and fault tests: processes killed, PostgreSQL restarted; they start their own server.
          name: 'chaos',
          include: ['test/chaos/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/postgres-global.ts'],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/postgres-global.ts', 'test/support/renderer-build-global.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
