import { defineConfig } from 'vitest/config';

// Four projects. The WebSocket tests need a global `WebSocket` (MSW's `ws` intercepts only that),
// which Node 20 has only with --experimental-websocket, and --expose-gc for the heap checks of the
// soak; `*.plain.test.ts` WebSocket tests run without either, as a Node 20 app without the flag
// does; the memory tests (response limits) need --expose-gc; the other tests run without flags.
export default defineConfig({
  test: {
    // Records every log line and failure of each test file and fails the file when one holds a
    // credential (test/support/leak-recorder.ts). Every project inherits it (`extends: true`).
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
        test: {
          name: 'ws',
          include: ['test/ws/**/*.test.ts'],
          exclude: ['test/ws/**/*.plain.test.ts', '**/node_modules/**'],
          pool: 'forks',
          execArgv: ['--experimental-websocket', '--expose-gc'],
          // Simulated time cannot hang a test; this is room for a loaded CI machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: { name: 'ws-plain', include: ['test/ws/**/*.plain.test.ts'], pool: 'forks' },
      },
    ],
  },
});
