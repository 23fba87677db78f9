import { defineConfig } from 'vitest/config';

const E2E = 'test/e2e/**/*.test.ts';

export default defineConfig({
  test: {
    // The JSON report is what .ci/run reads to print its one-line summary.
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [E2E] },
      },
      // Only the tests of the built command build it first: vitest runs a project's global setup
      // only when one of its tests is to run.
      {
        extends: true,
        test: { name: 'e2e', include: [E2E], globalSetup: ['test/setup/build-dist.ts'] },
      },
    ],
  },
});
