import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database suites share one PostgreSQL server; files run in parallel, each on its own database.
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
  },
});
