import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    include: ['test/**/*.test.ts'],
    testTimeout: 15_000,
  },
});
