import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    globalSetup: ['test/global-setup.mjs'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    // Packing, npm installs and three Node versions: minutes, not seconds, on a cold cache.
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
