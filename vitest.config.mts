import { defineConfig } from 'vitest/config';

// Two projects: the Node side (real SQLite files and child processes) and the renderer's pure logic
// (message catalogues, shortcuts, list selection), type-checked with the DOM in tsconfig.web.json.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          // Real SQLite files and child processes: generous, since CI machines are shared and noisy.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
