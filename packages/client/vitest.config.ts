import { defineConfig } from 'vitest/config';

// Two projects: the WebSocket tests need a global `WebSocket` (MSW's `ws` intercepts only that),
// which Node 20 has only with --experimental-websocket; the other tests run without the flag.
export default defineConfig({
  test: {
    // Records every log line and failure of each test file and fails the file when one holds a
    // credential (test/support/leak-recorder.ts). Both projects inherit it (`extends: true`).
    setupFiles: ['test/support/leak-recorder.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/ws/**', '**/node_modules/**'] },
      },
      {
        extends: true,
        test: { name: 'ws', include: ['test/ws/**/*.test.ts'], pool: 'forks', execArgv: ['--experimental-websocket'] },
      },
    ],
  },
});
