#!/usr/bin/env node
// Benchmark (not a test) of startup, each in a fresh Node process (nothing cached in memory):
//   - the mock server, from spawn to its printed REST URL (`ascendex-mock --port 0`), beside a bare
//     `node` that prints a line (what any Node CLI pays before its first line of its own),
//   - import() of @ascendex-toolkit/client, its /ws entry and @ascendex-toolkit/mocks/server,
//     timed inside the process around the import, beside import('ccxt').
// Median of RUNS, milliseconds. Run: pnpm bench.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, recordResults } from './results.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(here, '../packages/mocks/dist/server/cli.js');
const RUNS = 9;
const GOAL = { mockServerMs: 400, clientImportMs: 50 };

/** Milliseconds from spawning `node args` to the first stdout line matching `ready`; the process is then stopped. */
function spawnUntil(args, ready) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: here, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let done = false;
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!done && ready.test(out)) {
        done = true;
        const ms = performance.now() - started;
        child.kill();
        resolve({ ms, out });
      }
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!done)
        reject(new Error(`node ${args.join(' ')} exited (${code}) before printing ${ready}: ${err.slice(0, 500)}`));
    });
  });
}

/** The median over RUNS fresh processes of `measure()`. */
async function medianOf(measure) {
  const list = [];
  for (let i = 0; i < RUNS; i++) list.push(await measure());
  return Math.round(median(list) * 10) / 10;
}

/** Milliseconds an import of `specifier` takes inside a fresh process (resolved from bench/). */
async function importMs(specifier) {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log('ms=' + (performance.now() - t));`;
  const { out } = await spawnUntil(['--input-type=module', '-e', code], /ms=[\d.]+/);
  return Number(/ms=([\d.]+)/.exec(out)[1]);
}

const results = {
  runs: RUNS,
  milliseconds: {
    mockServerSpawnToUrl: await medianOf(
      async () =>
        (await spawnUntil([CLI, '--port', '0', '--market-interval', '0'], /REST base URL: http:\/\/\S+\n/)).ms,
    ),
    bareNodeSpawnToLine: await medianOf(async () => (await spawnUntil(['-e', 'console.log("up")'], /up\n/)).ms),
    importClient: await medianOf(() => importMs('@ascendex-toolkit/client')),
    importClientWs: await medianOf(() => importMs('@ascendex-toolkit/client/ws')),
    importMocksServer: await medianOf(() => importMs('@ascendex-toolkit/mocks/server')),
    importCcxt: await medianOf(() => importMs('ccxt')),
  },
};
const ms = results.milliseconds;
results.goals = {
  'mock server spawn to URL < 400 ms': ms.mockServerSpawnToUrl < GOAL.mockServerMs,
  "import('@ascendex-toolkit/client') < 50 ms": ms.importClient < GOAL.clientImportMs,
};
const fmt = (n) => `${n.toFixed(1).padStart(7)} ms`;
console.log(`startup, fresh processes, median of ${RUNS}`);
console.log(
  `  mock server: spawn to printed URL            ${fmt(ms.mockServerSpawnToUrl)} (goal < ${GOAL.mockServerMs}: ${results.goals['mock server spawn to URL < 400 ms'] ? 'met' : 'NOT met'})`,
);
console.log(`  bare node: spawn to a printed line           ${fmt(ms.bareNodeSpawnToLine)}`);
console.log(
  `  import('@ascendex-toolkit/client')           ${fmt(ms.importClient)} (goal < ${GOAL.clientImportMs}: ${results.goals["import('@ascendex-toolkit/client') < 50 ms"] ? 'met' : 'NOT met'})`,
);
console.log(`  import('@ascendex-toolkit/client/ws')        ${fmt(ms.importClientWs)}`);
console.log(`  import('@ascendex-toolkit/mocks/server')     ${fmt(ms.importMocksServer)}`);
console.log(`  import('ccxt') (CCXT 4.5.58)                 ${fmt(ms.importCcxt)}`);
recordResults('startup', results);
