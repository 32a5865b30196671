#!/usr/bin/env node
// Benchmark (not a test): what the toolkit costs an app, bundled by esbuild from the built package
// entries as an app's bundler sees them (minified, gzip -9; @ascendex-toolkit/dev/bundle-size, the
// measure of the packages' own size scripts), for three apps:
//   REST + WebSocket everything: every export of @ascendex-toolkit/client and of its /ws entry,
//   a WebSocket book app: WsConnection + watchOrderBook (the README's order book example),
//   public REST market data: the five public market data operations (the client's size script (a)).
// Prints each beside its goal and the inputs that cost the most. Run: pnpm bench.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSize } from '@ascendex-toolkit/dev/bundle-size';
import { recordResults } from './results.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const KB = 1000;
const TOP_INPUTS = 6;
const APPS = {
  restAndWsEverything: {
    label: 'REST + WebSocket everything',
    code: `export * from '@ascendex-toolkit/client';\nexport * from '@ascendex-toolkit/client/ws';`,
    goal: 40 * KB,
  },
  wsBookApp: {
    label: 'a WebSocket book app (WsConnection, watchOrderBook)',
    code: `export { WsConnection, watchOrderBook } from '@ascendex-toolkit/client/ws';`,
    goal: 15 * KB,
  },
  restMarketData: {
    label: 'public REST market data (5 operations)',
    code: `export { getDepth, getTicker, getMarketTrades, getBarHistory, listProducts } from '@ascendex-toolkit/client';`,
    goal: 15 * KB,
  },
};

const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;
const shortPath = (file) =>
  file.replace(/^.*?node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^\.\.\//, '');

const results = { tool: 'esbuild, minified ESM for the browser, gzip -9', apps: {}, goals: {} };
console.log('sizes (esbuild, minified, gzip -9)');
for (const [key, app] of Object.entries(APPS)) {
  const b = await bundleSize(app.code, { resolveDir: here });
  const met = b.gzipped <= app.goal;
  results.apps[key] = { label: app.label, minified: b.bytes, gzipped: b.gzipped, goal: app.goal };
  results.goals[`${app.label} <= ${kb(app.goal)} gz`] = met;
  console.log(
    `  ${app.label.padEnd(52)} ${kb(b.gzipped).padStart(8)} gz (${kb(b.bytes)} min), goal ${kb(app.goal)}: ${met ? 'met' : 'NOT met'}`,
  );
  console.log(
    `      biggest: ${b.inputs
      .slice(0, TOP_INPUTS)
      .map((i) => `${shortPath(i.file)} ${kb(i.bytes)}`)
      .join(', ')}`,
  );
}
recordResults('sizes', results);
