#!/usr/bin/env node
// Benchmark (not a test): what the client costs an app. Bundles, with esbuild from the built
// package entry (dist/, as an app's bundler sees it), minified and gzipped, (a) a public market data
// app importing the five public market data operations and (b) an app importing everything; prints
// the sizes next to the goals (15 kB and 40 kB gzipped), what in (a) should not be there (signing,
// other operations' validators, WebSocket code), and the inputs that cost the most bytes; also the
// errors & helpers part alone.
// Run: pnpm --filter @ascendex-toolkit/client size (which builds dist/ first).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleSize } from '@ascendex-toolkit/dev/bundle-size';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const entry = path.join(root, 'dist/index.js');
const KB = 1000;
const GOAL = { marketData: 15 * KB, everything: 40 * KB };
/** The public market data operations an app of kind (a) calls. */
const MARKET_DATA = ['getDepth', 'getTicker', 'getMarketTrades', 'getBarHistory', 'listProducts'];
const TOP_INPUTS = 12;

const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;
const repoRelative = (file) => path.relative(path.resolve(root, '../..'), path.resolve(root, file));

/** Minified ESM bundle of `contents`, as an app's bundler makes it for a browser, with its inputs. */
async function bundle(contents) {
  const { bytes, gzipped, inputs } = await bundleSize(contents, { resolveDir: root });
  return { bytes, gzipped, inputs: inputs.map((i) => ({ ...i, file: repoRelative(i.file) })) };
}

function report(label, b, goal) {
  const ratio = goal ? b.gzipped / goal : 0;
  console.log(
    `${label}: ${kb(b.bytes)} minified, ${kb(b.gzipped)} gzipped` +
      (goal ? ` = ${(ratio * 100).toFixed(0)}% of the ${kb(goal)} goal${ratio > 1 ? ' (OVER)' : ''}` : ''),
  );
  console.log(`  biggest inputs (minified bytes in the bundle, of ${b.inputs.length} inputs):`);
  for (const { file, bytes } of b.inputs.slice(0, TOP_INPUTS))
    console.log(`    ${kb(bytes).padStart(8)}  ${((bytes / b.bytes) * 100).toFixed(0).padStart(3)}%  ${file}`);
}

if (!existsSync(entry)) {
  console.error(
    `size: ${path.relative(root, entry)} is missing; run \`pnpm --filter @ascendex-toolkit/client build\` first`,
  );
  process.exit(1);
}
const exported = Object.keys(await import(pathToFileURL(entry).href));
// Part of every app that calls the exchange: the error classes, the guard and the order helpers.
const helpers = await bundle(`export * from ${JSON.stringify(path.join(root, 'dist/errors-and-helpers.js'))};`);
report('errors and helpers alone (dist/errors-and-helpers.js)', helpers);
const everything = await bundle(`export * from ${JSON.stringify(entry)};`);
report(`(b) everything (${exported.length} exports)`, everything, GOAL.everything);

const missing = MARKET_DATA.filter((name) => !exported.includes(name));
if (missing.length) {
  console.error(
    `\nsize: cannot measure (a): @ascendex-toolkit/client does not export ${missing.join(', ')} ` +
      '(the generated operation layer is not in this build).',
  );
  process.exit(1);
}
const marketData = await bundle(`export { ${MARKET_DATA.join(', ')} } from ${JSON.stringify(entry)};`);
report(`(a) public market data (${MARKET_DATA.join(', ')})`, marketData, GOAL.marketData);
// What a public market data app must not carry.
const unwanted = [
  ['signing', (f) => /validators\/dist\/auth\.js$/.test(f)],
  ['WebSocket code', (f) => /\/ws[./]|websocket/i.test(f)],
  ['order, balance, wallet or account validators', (f) => /generated\/rest\/(order|balance|wallet|account)/.test(f)],
];
for (const [what, matches] of unwanted) {
  const found = marketData.inputs.filter((i) => matches(i.file));
  console.log(`  ${what} in (a): ${found.length ? `yes (${found.map((i) => i.file).join(', ')})` : 'no'}`);
}
