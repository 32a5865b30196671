import { defineConfig } from 'vitest/config';

// Three projects: the WebSocket tests need a global `WebSocket` (MSW's `ws` intercepts only that),
// which Node 20 has only with --experimental-websocket; the load test measures the heap after
// forced collections, which needs --expose-gc; the other tests run without either flag.
const MEMORY_TESTS = ['test/server/load.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/ws/**', ...MEMORY_TESTS, '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: { name: 'ws', include: ['test/ws/**/*.test.ts'], pool: 'forks', execArgv: ['--experimental-websocket'] },
      },
      {
        extends: true,
        test: { name: 'memory', include: MEMORY_TESTS, pool: 'forks', execArgv: ['--expose-gc'] },
      },
    ],
  },
});
