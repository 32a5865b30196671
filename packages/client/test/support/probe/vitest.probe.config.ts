import { defineConfig } from 'vitest/config';

// Runs the leaking probe with the client's setup file; see leak.probe.ts.
export default defineConfig({
  test: {
    root: new URL('../../..', import.meta.url).pathname,
    include: ['test/support/probe/*.probe.ts'],
    setupFiles: ['test/support/leak-recorder.ts'],
  },
});
