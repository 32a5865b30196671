// The closing lines of `pnpm test`: the vitest results of every workspace (each writes
// `.vitest-results.json`, the json reporter's format), one line per workspace, every test file that
// failed outside its tests (a hook that threw or timed out: vitest reports its tests as skipped and
// counts no failed test), every skipped test by name (so tests that could not run, such as the
// docs checks without the docs, are seen and not taken for passes), and last the totals
// `tests: N passed, N failed, N skipped`, where each such file counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{ fullName: string, status: string }} AssertionResult
 * @typedef {{
 *   numPassedTests: number, numFailedTests: number, numPendingTests: number, numTodoTests: number,
 *   testResults: { name: string, status: string, assertionResults: AssertionResult[] }[],
 * }} VitestResults the parts of vitest's json report the summary reads
 */

/**
 * The results each workspace wrote, in the order given (workspaces without results are left out).
 * @param {string} root the repository
 * @param {string[]} workspaces repo-relative
 * @returns {{ workspace: string, results: VitestResults }[]}
 */
export function readResults(root, workspaces) {
  return workspaces.flatMap((workspace) => {
    const file = path.join(root, workspace, '.vitest-results.json');
    return existsSync(file) ? [{ workspace, results: JSON.parse(readFileSync(file, 'utf8')) }] : [];
  });
}

/**
 * @param {{ workspace: string, results: VitestResults }[]} perWorkspace
 * @param {{ formatFailed?: boolean, tasksFailed?: boolean }} [checks] what failed outside vitest:
 *   the formatting check counts as one failure, and so does a failed turbo task (lint, typecheck)
 *   when no test failed (a failed test already fails its task)
 * @returns {{ passed: number, failed: number, skipped: number, lines: string[] }} `lines` ends with the totals
 */
export function summarize(perWorkspace, { formatFailed = false, tasksFailed = false } = {}) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const lines = [];
  /** @type {string[]} */
  const skippedTests = [];
  /** @type {string[]} */
  const failedFiles = [];
  for (const { workspace, results: r } of perWorkspace) {
    const wsSkipped = r.numPendingTests + r.numTodoTests;
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += wsSkipped;
    lines.push(`  ${workspace}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${wsSkipped} skipped`);
    for (const file of r.testResults) {
      if (file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')) {
        failed++;
        failedFiles.push(`  ${workspace}: ${path.basename(file.name)} (its tests did not run; see its output above)`);
      }
      for (const a of file.assertionResults)
        if (a.status === 'skipped' || a.status === 'pending' || a.status === 'todo')
          skippedTests.push(`  ${workspace}: ${a.fullName}`);
    }
  }
  if (failedFiles.length) lines.push(`failed outside a test (${failedFiles.length}):`, ...failedFiles);
  if (skippedTests.length) lines.push(`skipped (${skippedTests.length}):`, ...skippedTests);
  failed += (tasksFailed && failed === 0 ? 1 : 0) + (formatFailed ? 1 : 0);
  lines.push(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return { passed, failed, skipped, lines };
}
