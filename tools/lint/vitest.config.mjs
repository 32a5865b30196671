import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    // Type-aware linting builds a TypeScript program first: seconds on a busy two-core machine.
    testTimeout: 60_000,
  },
});
