import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    // One tsc program over every block (a few seconds), then the apps against the mock server.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
