import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    // One build of the three references (~20-45 s on two shared cores) feeds every test.
    hookTimeout: 180_000,
  },
});
