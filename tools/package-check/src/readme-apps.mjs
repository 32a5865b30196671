// The README apps in the consumer project: every `ts run` and `ts vitest` block of the READMEs
// (market data, a signed order flow, a WebSocket order book, the contract check, a vitest suite
// with the MSW handlers, ...) written as the files of a project of their own, with the root
// README's tsconfig.json as it stands there, compiled with `tsc` and run the way the READMEs say:
// `node dist/<app>.js` against `ascendex-mock`, `npx vitest run`. A block that needs an edit to
// work from the packed tarballs fails here.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repositoryBlocks } from '@ascendex-toolkit/docs-check/markdown-files';

/** @typedef {import('@ascendex-toolkit/docs-check/blocks').Block} Block */

/** @param {Block} block @returns {string} a file name saying where the block comes from */
const baseName = (block) =>
  `${block.file
    .replace(/\.md$/i, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase()}-${block.line}`;

/**
 * The root README's tsconfig.json: its `jsonc` block that starts with `// tsconfig.json`.
 * @param {Block[]} blocks
 * @returns {{ text: string, compilerOptions: Record<string, unknown> }}
 */
export function readmeTsconfig(blocks) {
  const block = blocks.find(
    (b) => b.file === 'README.md' && b.lang === 'jsonc' && b.code.startsWith('// tsconfig.json'),
  );
  if (!block) throw new Error('the root README shows no tsconfig.json (a jsonc block starting with // tsconfig.json)');
  const { config, error } = ts.parseConfigFileTextToJson('tsconfig.json', block.code);
  if (error) throw new Error(`README.md:${block.line}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  return { text: block.code, compilerOptions: config.compilerOptions };
}

/**
 * Every package an `npm install` line of a README's shell blocks names.
 * @param {Block[]} blocks
 * @returns {Set<string>}
 */
export function readmeInstalls(blocks) {
  const names = new Set();
  for (const block of blocks.filter((b) => b.kind === 'not-typescript' && b.lang === 'sh')) {
    for (const line of block.code.split('\n')) {
      const command = line.replace(/#.*$/, '').trim();
      if (!command.startsWith('npm install ')) continue;
      for (const word of command.split(/\s+/).slice(2)) if (!word.startsWith('-')) names.add(word);
    }
  }
  return names;
}

/**
 * Writes the README apps into `dir` (a folder of the consumer project, whose node_modules holds
 * the installed tarballs): the root README's tsconfig.json and one file per block.
 * @param {string} dir
 * @returns {{ runs: { block: Block, script: string }[], tests: { block: Block, file: string, args: string[] }[], tsconfig: string }}
 *   `script`: the JavaScript tsc writes for a `ts run` block (relative to `dir`); `file`: a test
 *   file, `args`: the vitest arguments its first line says to run it with
 */
export function writeReadmeApps(dir) {
  const blocks = repositoryBlocks();
  mkdirSync(dir, { recursive: true });
  const tsconfig = readmeTsconfig(blocks);
  writeFileSync(path.join(dir, 'tsconfig.json'), tsconfig.text);
  const outDir = String(tsconfig.compilerOptions.outDir ?? '.');
  const runs = blocks
    .filter((b) => b.kind === 'run')
    .map((block) => {
      writeFileSync(path.join(dir, `${baseName(block)}.ts`), block.code);
      return { block, script: path.join(outDir, `${baseName(block)}.js`) };
    });
  const tests = blocks
    .filter((b) => b.kind === 'vitest')
    .map((block) => {
      const file = `${baseName(block)}.test.ts`;
      writeFileSync(path.join(dir, file), block.code);
      return { block, file, args: vitestArguments(block) };
    });
  return { runs, tests, tsconfig: tsconfig.text };
}

/**
 * The vitest arguments a test block's first line gives: `// x.test.ts: run with \`npx vitest run ...\``.
 * @param {Block} block
 * @returns {string[]} e.g. ['run', '--exclude', 'dist/**']
 */
export function vitestArguments(block) {
  const command = /run with `npx vitest ([^`]*)`/.exec(block.code.split('\n')[0] ?? '')?.[1];
  if (command === undefined) throw new Error(`${block.file}:${block.line}: the first line does not say how to run it`);
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}
