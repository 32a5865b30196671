#!/usr/bin/env node
// Benchmark (not a test): what the generated validators cost an app. Prints the size of the
// generated JavaScript, the minified + gzipped esbuild bundle of (a) a public-market-data app that
// imports only the guards it needs and (b) an app importing everything, each against its budget,
// and the time to import the built package in a fresh Node process (next to importing nothing, so
// process start-up is not counted). Run: pnpm --filter @ascendex-toolkit/validators size
// (which builds `dist/` first).
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSize, gzipSize as gzip } from '@ascendex-toolkit/dev/bundle-size';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const generated = path.join(root, 'src/generated');
const entry = path.join(root, 'src/index.ts');
const KB = 1000;

/** The budgets the REST/WebSocket client has for its whole bundle, in gzipped bytes. */
const BUDGET = { marketData: 15 * KB, everything: 40 * KB };

/** Guards a public-market-data app uses: REST market-data responses and the public WS channels. */
const MARKET_DATA_GUARDS = [
  'GetDepthResponse',
  'GetTickerResponse',
  'GetMarketTradesResponse',
  'GetBarHistoryResponse',
  'ListProductsResponse',
  'DepthMessage',
  'BboMessage',
  'TradesMessage',
].map((name) => `assert${name}`);

const kb = (bytes) => `${(bytes / KB).toFixed(1).padStart(7)} kB`;

function generatedJs() {
  const files = readdirSync(generated, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'));
  return {
    files: files.length,
    bytes: files.reduce((n, f) => n + Buffer.byteLength(f), 0),
    gzipped: files.reduce((n, f) => n + gzip(f), 0),
  };
}

/** Minified ESM bundle of `contents` (resolved from this package), as an app's bundler makes it. */
async function bundle(contents) {
  const { bytes, gzipped, text } = await bundleSize(contents, { resolveDir: root, loader: 'ts' });
  return { bytes, gzipped, text };
}

/** Median wall time of `import(specifier)` in fresh Node processes, in ms. */
function importMs(specifier, runs = 9) {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const times = Array.from({ length: runs }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })),
  );
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const js = generatedJs();
const marketData = await bundle(`export { ${MARKET_DATA_GUARDS.join(', ')} } from ${JSON.stringify(entry)};`);
const everything = await bundle(`export * from ${JSON.stringify(entry)};`);
const oneGuard = await bundle(`export { assertGetTickerResponse } from ${JSON.stringify(entry)};`);
// Tree-shaking check: when adding an unrelated guard does not grow bundle (a), (a) carried it already.
const withOrder = await bundle(
  `export { ${[...MARKET_DATA_GUARDS, 'assertPlaceOrderBody'].join(', ')} } from ${JSON.stringify(entry)};`,
);

const distEntry = path.join(root, 'dist/index.js');
const baseline = importMs('node:path');
const pkg = importMs(distEntry);

console.log(`generated JavaScript (${js.files} files)      ${kb(js.bytes)}   gzipped ${kb(js.gzipped)}`);
console.log('esbuild bundles, minified, gzip -9:');
for (const [label, b, budget] of [
  ['(a) public market data (8 guards)', marketData, BUDGET.marketData],
  ['(b) everything (export *)', everything, BUDGET.everything],
  ['one guard (assertGetTickerResponse)', oneGuard, BUDGET.marketData],
]) {
  console.log(
    `  ${label.padEnd(36)} ${kb(b.bytes)}   gzipped ${kb(b.gzipped)}   ${((b.gzipped / budget) * 100).toFixed(0)}% of ${budget / KB} kB budget`,
  );
}
const grew = withOrder.gzipped - marketData.gzipped;
console.log(
  `  (a) + assertPlaceOrderBody: ${grew > 0 ? `+${kb(grew).trim()} gzipped, so (a) leaves unused validators out` : 'no bigger: (a) already carries unused validators'}`,
);
console.log(
  `import of dist/index.js, median of 9 fresh processes: ${pkg.toFixed(1)} ms (importing node:path: ${baseline.toFixed(1)} ms)`,
);
