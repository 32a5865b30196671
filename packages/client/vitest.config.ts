import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Records every log line and failure of each test file and fails the file when one holds a
    // credential (test/support/leak-recorder.ts).
    setupFiles: ['test/support/leak-recorder.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
});
