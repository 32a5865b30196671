// The closing summary of `pnpm test` counts what failed and what was skipped, and names every
// skipped test; run without the exchange's docs, the spec's docs checks show up there as skipped
// (each named with the reason), never as passed.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { summarize } from '../test-summary.mjs';
import { repoRoot } from './workspaces.mjs';

/**
 * A vitest json report with the given tests, in one file.
 * @param {[string, 'passed' | 'failed' | 'skipped' | 'todo'][]} tests full name, status
 * @param {'passed' | 'failed'} [fileStatus] `failed` with no failed test: a hook failed
 */
function report(tests, fileStatus = tests.some(([, s]) => s === 'failed') ? 'failed' : 'passed') {
  const count = (/** @type {string} */ s) => tests.filter(([, status]) => status === s).length;
  return {
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('skipped'),
    numTodoTests: count('todo'),
    testResults: [
      {
        name: '/repo/x/test/x.test.mjs',
        status: fileStatus,
        assertionResults: tests.map(([fullName, status]) => ({ fullName, status })),
      },
    ],
  };
}

describe('the summary', () => {
  const results = [
    {
      workspace: 'spec',
      results: report([
        ['a', 'passed'],
        ['b', 'skipped'],
        ['c', 'passed'],
      ]),
    },
    {
      workspace: 'packages/types',
      results: report([
        ['d', 'passed'],
        ['e', 'todo'],
        ['f', 'failed'],
      ]),
    },
  ];

  it('gives a line per workspace, every skipped test by name, and ends with the totals', () => {
    expect(summarize(results).lines).toEqual([
      '  spec: 2 passed, 0 failed, 1 skipped',
      '  packages/types: 1 passed, 1 failed, 1 skipped',
      'skipped (2):',
      '  spec: b',
      '  packages/types: e',
      'tests: 3 passed, 1 failed, 2 skipped',
    ]);
  });

  it('lists nothing as skipped when nothing was', () => {
    const { lines, skipped } = summarize([{ workspace: 'spec', results: report([['a', 'passed']]) }]);
    expect(skipped).toBe(0);
    expect(lines).toEqual(['  spec: 1 passed, 0 failed, 0 skipped', 'tests: 1 passed, 0 failed, 0 skipped']);
  });

  it('counts a file whose hook failed (its tests reported as skipped) as a failure, and names it', () => {
    const hookFailed = [{ workspace: 'tools/check-drift', results: report([['g', 'skipped']], 'failed') }];
    const { failed, lines } = summarize(hookFailed, { tasksFailed: true });
    expect(failed).toBe(1);
    expect(lines).toEqual([
      '  tools/check-drift: 0 passed, 0 failed, 1 skipped',
      'failed outside a test (1):',
      '  tools/check-drift: x.test.mjs (its tests did not run; see its output above)',
      'skipped (1):',
      '  tools/check-drift: g',
      'tests: 0 passed, 1 failed, 1 skipped',
    ]);
  });

  it('counts a failed format check, and a failed task when no test failed, as one failure each', () => {
    const clean = [{ workspace: 'spec', results: report([['a', 'passed']]) }];
    expect(summarize(clean, { tasksFailed: true }).failed).toBe(1);
    expect(summarize(clean, { formatFailed: true }).failed).toBe(1);
    expect(summarize(clean, { formatFailed: true, tasksFailed: true }).failed).toBe(2);
    // A failed test fails its task: the task is not counted again.
    expect(summarize(results, { tasksFailed: true }).failed).toBe(1);
    expect(summarize(results, { tasksFailed: true }).lines.at(-1)).toBe('tests: 3 passed, 1 failed, 2 skipped');
  });
});

describe("the spec's docs checks without the docs", () => {
  const specTests = path.join(repoRoot, 'spec/test');
  // The spec's test files that read the docs, and how many checks each declares (read from their text).
  const docsTestFiles = readdirSync(specTests).filter(
    (f) => f.endsWith('.test.mjs') && readFileSync(path.join(specTests, f), 'utf8').includes("from './docs.mjs'"),
  );
  const declared = docsTestFiles.reduce(
    (n, f) => n + (readFileSync(path.join(specTests, f), 'utf8').match(/\b(?:itWithDocs|eachDocsRow)\(/g) ?? []).length,
    0,
  );
  let work = '';
  /** @type {import('../test-summary.mjs').VitestResults} */
  let results;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'docs-absent-'));
    const output = path.join(work, 'results.json');
    // Its own config (a plain object: nothing to resolve from the temp folder), so that the spec
    // workspace's own results file is left alone.
    writeFileSync(
      path.join(work, 'vitest.config.mjs'),
      `export default ${JSON.stringify({ test: { include: ['test/**/*.test.mjs'], testTimeout: 60_000, reporters: [['json', { outputFile: output }]] } })};\n`,
    );
    // One worker without isolation: the files share the bundled spec instead of each loading it
    // (a third of the CPU of a default run).
    execFileSync(
      path.join(repoRoot, 'tools/dev/node_modules/.bin/vitest'),
      [
        'run',
        '--root',
        path.join(repoRoot, 'spec'),
        '--config',
        path.join(work, 'vitest.config.mjs'),
        '--no-isolate',
        '--maxWorkers=1',
        ...docsTestFiles.map((f) => `test/${f}`),
      ],
      { env: { ...process.env, ASCENDEX_API_DOCS: path.join(work, 'no-docs-here') }, stdio: 'ignore' },
    );
    results = JSON.parse(readFileSync(output, 'utf8'));
    // Five spec test files in a child vitest: about 10 s idle, minutes on a machine several test
    // suites share.
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('finds the docs checks to run: the files that read the docs declare some', () => {
    expect(docsTestFiles).toEqual(expect.arrayContaining(['ws-coverage.test.mjs', 'docs-samples.test.mjs']));
    expect(declared).not.toBe(0);
  });

  it('skips every docs check, once each, named with the reason, and fails nothing', () => {
    const all = results.testResults.flatMap((f) => f.assertionResults);
    const skipped = all.filter((a) => a.status === 'skipped');
    expect(results.numFailedTests).toBe(0);
    expect(skipped).toHaveLength(declared);
    for (const a of skipped)
      expect(a.fullName).toMatch(/\(skipped: needs the exchange's docs, not found at .*no-docs-here\)$/);
    // No test passes in the docs' place (what the old placeholders did).
    expect(all.filter((a) => a.status === 'passed' && /docs/.test(a.fullName) && /skip/.test(a.fullName))).toEqual([]);
  });

  it("shows them in the run's summary as skipped", () => {
    const { skipped, lines } = summarize([{ workspace: 'spec', results }]);
    expect(skipped).toBe(declared);
    expect(lines.at(-1)).toMatch(new RegExp(`, ${declared} skipped$`));
    expect(lines.filter((l) => l.includes("needs the exchange's docs"))).toHaveLength(declared);
  });
});
