#!/usr/bin/env node
// Shows that a workspace's tests do not depend on each other: runs each test file alone (in its
// vitest project), then the whole suite in random order (files and tests shuffled) once per seed.
// Not part of `pnpm test` (it runs the suite many times); run it after changing tests:
//   node tools/dev/test-isolation.mjs packages/client [--seeds 1,2,3] [--no-files] [--no-shuffle]
// Prints a line per run and a closing `isolation: N passed, N failed` line; exits 1 on a failure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: node tools/dev/test-isolation.mjs <workspace dir> [--seeds 1,2,3] [--no-files] [--no-shuffle]');
  process.exit(2);
}
const seedsAt = args.indexOf('--seeds');
const seeds =
  seedsAt >= 0
    ? String(args[seedsAt + 1])
        .split(',')
        .map(Number)
    : [1, 2, 3];
const cwd = path.resolve(root, dir);
const vitest = path.join(root, 'node_modules/.bin/vitest');

/**
 * Runs vitest with `argv` in the workspace; the results file of a normal run is left alone.
 * @param {string[]} argv
 * @returns {{ ok: boolean, seconds: number, tail: string }}
 */
function run(argv) {
  const started = performance.now();
  const result = spawnSync(vitest, ['run', ...argv, '--reporter=dot'], { cwd, encoding: 'utf8', env: process.env });
  const output = `${result.stdout}${result.stderr}`;
  const tail = output
    .split('\n')
    .filter((l) => /Tests|Test Files|seed|FAIL|Error/.test(l))
    .slice(-6)
    .join('\n');
  return { ok: result.status === 0, seconds: (performance.now() - started) / 1000, tail };
}

const listed = spawnSync(vitest, ['list', '--filesOnly', '--json'], { cwd, encoding: 'utf8' });
/** @type {{ file: string, projectName?: string }[]} */
const files = JSON.parse(listed.stdout);
let passed = 0;
let failed = 0;
/** @param {string} label @param {{ ok: boolean, seconds: number, tail: string }} r */
const report = (label, r) => {
  if (r.ok) passed += 1;
  else failed += 1;
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${label} (${r.seconds.toFixed(1)} s)`);
  if (!r.ok) console.log(r.tail);
};

if (!args.includes('--no-files'))
  for (const { file, projectName } of files) {
    const rel = path.relative(cwd, file);
    report(`alone: ${rel}`, run([rel, ...(projectName ? ['--project', projectName] : [])]));
  }
if (!args.includes('--no-shuffle'))
  for (const seed of seeds) report(`shuffled, seed ${seed}`, run(['--sequence.shuffle', `--sequence.seed=${seed}`]));

console.log(`isolation: ${passed} passed, ${failed} failed (${dir}: ${files.length} test files)`);
process.exit(failed > 0 ? 1 : 0);
