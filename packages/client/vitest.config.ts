import { defineConfig } from 'vitest/config';

// Three projects: the WebSocket tests need a global `WebSocket` (MSW's `ws` intercepts only that),
// which Node 20 has only with --experimental-websocket; the memory tests need --expose-gc; the
// other tests run without either flag.
export default defineConfig({
  test: {
    // Records every log line and failure of each test file and fails the file when one holds a
    // credential (test/support/leak-recorder.ts). Both projects inherit it (`extends: true`).
    setupFiles: ['test/support/leak-recorder.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/ws/**', 'test/memory/**', '**/node_modules/**'],
        },
      },
      {
        // Heap measurements need a GC the test can run.
        extends: true,
        test: { name: 'memory', include: ['test/memory/**/*.test.ts'], pool: 'forks', execArgv: ['--expose-gc'] },
      },
      {
        extends: true,
        test: { name: 'ws', include: ['test/ws/**/*.test.ts'], pool: 'forks', execArgv: ['--experimental-websocket'] },
      },
    ],
  },
});
