import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    // Provides Debian's chromium (apt-get, as root) when it is missing, or fails with how to.
    globalSetup: ['test/global-setup.mjs'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    // Bundling the page and starting Chromium take a few seconds on a shared machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
