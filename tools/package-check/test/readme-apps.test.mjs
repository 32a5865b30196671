// How the consumer test reads the READMEs: the packages their `npm install` lines name, the root
// README's tsconfig.json, and the vitest command a test block gives on its first line.
import { describe, expect, it } from 'vitest';
import { readBlocks } from '@ascendex-toolkit/docs-check/blocks';
import { readmeInstalls, readmeTsconfig, vitestArguments } from '../src/readme-apps.mjs';

const markdown = [
  '```sh',
  'npm install @ascendex-toolkit/client ws   # ws: Node 20',
  'npm install --save-dev typescript @types/node',
  'npx ascendex-mock --port 8080',
  '```',
  '',
  '```jsonc',
  '// tsconfig.json',
  '{ "compilerOptions": { "strict": true, /* a comment */ "outDir": "dist" } }',
  '```',
  '',
  '```ts vitest',
  "// a.test.ts: run with `npx vitest run --exclude 'dist/**'` (why)",
  '```',
].join('\n');
const blocks = readBlocks(markdown, 'README.md');
const testBlock = /** @type {import('@ascendex-toolkit/docs-check/blocks').Block} */ (blocks[2]);

describe('readmeInstalls', () => {
  it('collects the package names of npm install lines, not their flags, comments or other commands', () => {
    expect([...readmeInstalls(blocks)]).toEqual(['@ascendex-toolkit/client', 'ws', 'typescript', '@types/node']);
  });
});

describe('readmeTsconfig', () => {
  it('reads the root README tsconfig.json, comments and all', () => {
    expect(readmeTsconfig(blocks).compilerOptions).toEqual({ strict: true, outDir: 'dist' });
  });

  it('says when the README shows none', () => {
    expect(() => readmeTsconfig(readBlocks(markdown, 'packages/x/README.md'))).toThrow(
      /root README shows no tsconfig\.json/,
    );
  });
});

describe('vitestArguments', () => {
  it('reads the command of the first line, quoted arguments unquoted', () => {
    expect(vitestArguments(testBlock)).toEqual(['run', '--exclude', 'dist/**']);
  });

  it('says when the first line does not say how to run the file', () => {
    expect(() => vitestArguments({ ...testBlock, code: 'import {} from "vitest";\n' })).toThrow(
      /does not say how to run it/,
    );
  });
});
