// The checker itself, on a fixture Markdown file with one block of each kind and each mistake:
// what it finds, where it says a compile error is, and that it fails every block it should.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { classify, readBlocks } from '../src/blocks.mjs';
import { compileBlocks, compileProblem, emittedFile } from '../src/compile.mjs';
import { markdownFiles } from '../src/markdown-files.mjs';
import { runScript } from '../src/run.mjs';
import { summaryLine } from '../src/summary.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = 'tools/docs-check/fixtures/sample.md';
const blocks = readBlocks(readFileSync(path.join(here, '../fixtures/sample.md'), 'utf8'), fixture);
const at = (/** @type {number} */ line) => {
  const found = blocks.find((b) => b.line === line);
  if (!found) throw new Error(`no block at line ${line}: ${blocks.map((b) => b.line).join(', ')}`);
  return found;
};

describe('classify', () => {
  it.each([
    ['ts', 'compile', []],
    ['typescript', 'compile', []],
    ['ts run', 'run', []],
    ['ts vitest', 'vitest', []],
    ['ts compile-error TS2339 TS2322', 'compile-error', ['TS2339', 'TS2322']],
    ['sh', 'not-typescript', []],
    ['jsonc', 'not-typescript', []],
    ['', 'unchecked', []],
    ['js', 'unchecked', []],
    ['ts compile-error', 'unchecked', []],
    ['ts compile-error 2339', 'unchecked', []],
    ['ts run now', 'unchecked', []],
  ])('"%s" is %s', (info, kind, codes) => {
    expect(classify(info)).toMatchObject({ kind, expectedErrors: codes });
  });
});

describe('readBlocks', () => {
  it('finds every fence with the line of its first code line and what it asks for', () => {
    expect(blocks.map((b) => [b.line, b.kind])).toEqual([
      [6, 'compile'],
      [13, 'compile'],
      [20, 'compile-error'],
      [26, 'compile-error'],
      [32, 'compile-error'],
      [41, 'compile'],
      [47, 'unchecked'],
      [53, 'unchecked'],
      [63, 'unchecked'],
      [69, 'unchecked'],
      [75, 'run'],
      [81, 'run'],
      [85, 'not-typescript'],
      [89, 'unchecked'],
    ]);
  });

  it('says why a block is unchecked', () => {
    expect(at(47).problem).toBe('a fence without a language');
    expect(at(53).problem).toMatch(/^the language "js" is neither TypeScript nor/);
    expect(at(63).problem).toBe('a block that runs has a prelude: it must be exactly what a user pastes');
    expect(at(69).problem).toMatch(/^"ts runs" is not one of/);
    expect(at(89).problem).toBe('a fence that is never closed');
  });

  it('reads a prelude and an indented fence without its indentation', () => {
    expect(at(41)).toMatchObject({
      prelude: 'declare const given: number;\nconst wrong: string = 1;\n',
      preludeLine: 36,
    });
    expect(at(75).code).toBe(
      "const list: number[] = [1];\nif (list[0] !== 1) throw new Error('not read as a list');\nconsole.log('ran');\n",
    );
  });
});

describe('compiled in one program', () => {
  const dir = path.join(here, '../.blocks-fixture');
  /** @type {ReturnType<typeof compileBlocks>} */
  let result;
  beforeAll(() => {
    result = compileBlocks(
      blocks.filter((b) => ['compile', 'run', 'compile-error'].includes(b.kind)),
      dir,
    );
  });
  const problem = (/** @type {number} */ line) => {
    const compiled = result.compiled.find((c) => c.block.line === line);
    if (!compiled) throw new Error(`block ${line} was not compiled`);
    return compileProblem(compiled);
  };

  it('passes a block that compiles, resolving the package through its exports', () => {
    expect(result.global).toEqual([]);
    expect(problem(6)).toBeUndefined();
  });

  it('fails a block that does not compile, naming the README line', () => {
    expect(problem(13)).toMatch(
      /^tools\/docs-check\/fixtures\/sample\.md:14:7 TS2322 Type 'number' is not assignable to type 'string'\./,
    );
  });

  it('passes a compile-error block that fails with its code', () => {
    expect(problem(20)).toBeUndefined();
  });

  it('fails a compile-error block that compiles, or fails for another reason', () => {
    expect(problem(26)).toBe(`${fixture}:26: marked compile-error but compiles`);
    expect(problem(32)).toMatch(
      new RegExp(
        `^${fixture}:32: marked compile-error TS2339, which it does not raise; it raises:\\n${fixture}:32:7 TS2322`,
      ),
    );
  });

  it('places an error of a prelude on the prelude line', () => {
    expect(problem(41)).toMatch(new RegExp(`^${fixture}:37 \\(prelude\\):7 TS2322`));
  });

  it('runs a block that runs, and reports one that throws', async () => {
    const ok = result.compiled.find((c) => c.block.line === 75);
    const throws = result.compiled.find((c) => c.block.line === 81);
    if (!ok || !throws) throw new Error('run blocks not compiled');
    const ran = await runScript(emittedFile(dir, ok.source), {}, { cwd: dir });
    expect([ran.status, ran.output]).toEqual([0, 'ran\n']);
    const failed = await runScript(emittedFile(dir, throws.source), {}, { cwd: dir });
    expect(failed.status).toBe(1);
    expect(failed.output).toMatch(/Error: boom/);
  });
});

describe('summaryLine', () => {
  it('counts the blocks by what is done with them', () => {
    expect(summaryLine(blocks)).toBe(
      'docs-check: 14 blocks in 1 files: 3 compiled, 2 compiled and run, 0 compiled and run with vitest, ' +
        '3 checked not to compile, 1 not TypeScript (sh 1), 5 unchecked',
    );
  });
});

describe('markdownFiles', () => {
  it('lists the Markdown files git tracks or would track, and none it ignores', () => {
    const files = markdownFiles();
    expect(files).toEqual(expect.arrayContaining(['README.md', 'packages/client/README.md', fixture]));
    expect(files.filter((f) => /(^|\/)(node_modules|dist)\//.test(f))).toEqual([]);
  });
});
