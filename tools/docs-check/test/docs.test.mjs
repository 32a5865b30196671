// The docs check over the repository: every code block of every Markdown file. TypeScript blocks
// are compiled in one program against the built packages (run `pnpm build` first); `ts run` blocks
// run against the standalone mock server; `ts vitest` blocks run with vitest; `ts compile-error`
// blocks must fail with the codes they name. A block that is none of these nor marked as not
// TypeScript fails the first test.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileBlocks, compileProblem, emittedFile } from '../src/compile.mjs';
import { repositoryBlocks } from '../src/markdown-files.mjs';
import { startMockServerProcess } from '../src/mock-server.mjs';
import { runScript, runVitest } from '../src/run.mjs';
import { summaryLine } from '../src/summary.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, '../.blocks');
const blocks = repositoryBlocks();
const typescript = blocks.filter((b) => ['compile', 'run', 'vitest', 'compile-error'].includes(b.kind));
const where = (/** @type {import('../src/blocks.mjs').Block} */ b) => `${b.file}:${b.line}`;

/** @type {ReturnType<typeof compileBlocks>} */
let result;
beforeAll(() => {
  console.log(summaryLine(blocks));
  const started = performance.now();
  result = compileBlocks(typescript, dir);
  console.log(
    `docs-check: one tsc program over ${typescript.length} blocks in ${Math.round(performance.now() - started)} ms`,
  );
});
const compiledOf = (/** @type {import('../src/blocks.mjs').Block} */ block) => {
  const found = result.compiled.find((c) => c.block === block);
  if (!found) throw new Error(`${where(block)} was not compiled`);
  return found;
};

it('finds the blocks of every Markdown file, each checked or marked as not TypeScript', () => {
  expect(blocks.filter((b) => b.kind === 'run').length).toBeGreaterThan(0);
  expect(blocks.filter((b) => b.kind === 'unchecked').map((b) => `${where(b)}: ${b.problem}`)).toEqual([]);
});

it('compiles with no problem outside the blocks (options, libraries)', () => {
  expect(result.global).toEqual([]);
});

describe.each(typescript.map((b) => /** @type {const} */ ([`${where(b)} (${b.info})`, b])))('%s', (_, block) => {
  it(block.kind === 'compile-error' ? `fails to compile with ${block.expectedErrors.join(', ')}` : 'compiles', () => {
    expect(compileProblem(compiledOf(block))).toBeUndefined();
  });
});

describe('blocks that run', () => {
  /** @type {import('../src/mock-server.mjs').RunningMockServer} */
  let server;
  beforeAll(async () => {
    const mocks = path.dirname(require.resolve('@ascendex-toolkit/mocks/package.json'));
    const bin = path.join(mocks, require(path.join(mocks, 'package.json')).bin['ascendex-mock']);
    server = await startMockServerProcess(bin);
  });
  afterAll(() => server?.stop());

  it.each(blocks.filter((b) => b.kind === 'run').map((b) => /** @type {const} */ ([where(b), b])))(
    '%s runs against the mock server',
    async (_, block) => {
      const compiled = compiledOf(block);
      expect(compileProblem(compiled)).toBeUndefined();
      const run = await runScript(emittedFile(dir, compiled.source), server.env, { cwd: dir });
      expect(run.status, run.output).toBe(0);
    },
  );
});

it('the vitest blocks pass as a test project of their own', async () => {
  const files = blocks.filter((b) => b.kind === 'vitest').map((b) => compiledOf(b).source);
  expect(files).not.toEqual([]);
  const vitestBin = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  const run = await runVitest(vitestBin, dir, files);
  expect(run.status, run.output).toBe(0);
  // Every file ran and passed, and none of them is empty.
  expect(run.report?.testResults.map((r) => [path.basename(r.name), r.status])).toEqual(
    files.map((f) => [path.basename(f), 'passed']),
  );
  expect(run.report?.numFailedTests).toBe(0);
  expect(run.report?.numPassedTests).toBe(run.report?.numTotalTests);
  console.log(`docs-check: the vitest blocks ran ${run.report?.numTotalTests} tests in ${Math.round(run.ms)} ms`);
});
