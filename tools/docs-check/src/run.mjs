// Runs the blocks that run: each `ts run` block's emitted JavaScript with node, the mock server's
// environment set (the apps read ASCENDEX_BASE_URL and the others, see mock-server.mjs); the
// `ts vitest` blocks together with vitest, as test files of a project of their own.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{ status: number | null, output: string, ms: number }} RunResult
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: Record<string, string>, timeoutMs?: number }} options
 * @returns {Promise<RunResult>}
 */
export function runProcess(command, args, options) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // The npm_* variables of a surrounding pnpm run stay out: the child reads its own settings.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 60_000,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output, ms: performance.now() - started }));
  });
}

/**
 * Runs a compiled block's JavaScript.
 * @param {string} script
 * @param {Record<string, string>} env
 * @param {{ node?: string, cwd: string }} options
 */
export function runScript(script, env, options) {
  return runProcess(options.node ?? process.execPath, [script], { cwd: options.cwd, env });
}

/**
 * Runs test files with vitest in `dir`, a project of their own (a config there, so that no
 * surrounding config applies), and reads its JSON report.
 * @param {string} vitestBin `vitest.mjs` of the vitest package
 * @param {string} dir
 * @param {string[]} files test files in `dir`
 * @param {{ node?: string }} [options]
 * @returns {Promise<RunResult & { report: { numTotalTests: number, numPassedTests: number, numFailedTests: number, testResults: { name: string, status: string }[] } | undefined }>}
 */
export async function runVitest(vitestBin, dir, files, options = {}) {
  writeFileSync(path.join(dir, 'vitest.config.mjs'), 'export default { test: { include: ["*.test.ts"] } };\n');
  const reportFile = path.join(dir, 'vitest-report.json');
  rmSync(reportFile, { force: true });
  const run = await runProcess(
    options.node ?? process.execPath,
    [
      vitestBin,
      'run',
      '--root',
      dir,
      '--reporter=json',
      `--outputFile=${reportFile}`,
      ...files.map((f) => path.basename(f)),
    ],
    { cwd: dir, timeoutMs: 120_000 },
  );
  const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : undefined;
  return { ...run, report };
}
