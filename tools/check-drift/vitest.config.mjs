import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    testTimeout: 120_000,
    // Each file's beforeAll runs all five generators (about 15 s on an idle machine); a machine
    // several test suites share can take minutes.
    hookTimeout: 300_000,
  },
});
