import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    // Real SQLite files and child processes: generous, since CI machines are shared and noisy.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
