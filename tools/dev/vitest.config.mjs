import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    // The build-inputs test runs turbo in a copy of the repository, several times; on a busy
    // two-core machine one run can take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
