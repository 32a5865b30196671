// The lint config fires: each fixture under fixtures/src breaks exactly one rule, linted through the
// repository's own eslint.config.mjs (so a rule switched off, a resolver that finds nothing or a
// file the type checker does not see fails here), and clean.ts, the same shapes written correctly,
// raises nothing. Then: every workspace runs this linter in its `lint` script.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const fixtures = path.join(here, '../fixtures/src');

/** @type {Map<string, { ruleId: string | null, line: number, message: string }[]>} */
const found = new Map();

beforeAll(async () => {
  // `ignore: false`: the config ignores the fixtures so that the repository's lint stays clean.
  const eslint = new ESLint({ cwd: repoRoot, ignore: false });
  for (const result of await eslint.lintFiles([fixtures])) {
    found.set(
      path.basename(result.filePath),
      result.messages.map(({ ruleId, line, message }) => ({ ruleId, line, message })),
    );
  }
}, 120_000);

describe('each rule fires on its fixture and nowhere else', () => {
  it('lints every fixture', () => {
    expect([...found.keys()].sort()).toEqual(readdirSync(fixtures).sort());
  });

  it.each([
    ['floating.ts', '@typescript-eslint/no-floating-promises', 5],
    ['misused.ts', '@typescript-eslint/no-misused-promises', 3],
    ['switch.ts', '@typescript-eslint/switch-exhaustiveness-check', 5],
    ['cycle-a.ts', 'import-x/no-cycle', 2],
    ['cycle-b.ts', 'import-x/no-cycle', 2],
  ])('%s breaks %s (line %i) and nothing else', (file, rule, line) => {
    expect(found.get(file)?.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([{ ruleId: rule, line }]);
  });

  it('clean.ts raises nothing', () => {
    expect(found.get('clean.ts')).toEqual([]);
  });
});

describe('every workspace is linted', () => {
  const dirs = ['spec', 'bench', 'packages', 'tools'].flatMap((dir) =>
    existsSync(path.join(repoRoot, dir, 'package.json'))
      ? [dir]
      : readdirSync(path.join(repoRoot, dir)).map((d) => `${dir}/${d}`),
  );
  const manifests = dirs
    .filter((dir) => existsSync(path.join(repoRoot, dir, 'package.json')))
    .map((dir) => ({ dir, ...JSON.parse(readFileSync(path.join(repoRoot, dir, 'package.json'), 'utf8')) }));

  it('finds the workspaces', () => {
    expect(manifests.length).toBe(
      readFileSync(path.join(repoRoot, 'pnpm-workspace.yaml'), 'utf8')
        .split('\n')
        .filter((l) => l.trim().startsWith('- '))
        .flatMap((l) => {
          const p = l.trim().slice(2);
          return p.endsWith('/*')
            ? readdirSync(path.join(repoRoot, p.slice(0, -2))).filter((d) =>
                existsSync(path.join(repoRoot, p.slice(0, -2), d, 'package.json')),
              )
            : [p];
        }).length,
    );
  });

  it('each runs lint-workspace in its lint script and declares this package (or is it)', () => {
    const unlinted = manifests
      .filter(
        (m) =>
          m.name !== '@ascendex-toolkit/lint' &&
          !(/\blint-workspace\b/.test(m.scripts?.lint ?? '') && m.devDependencies?.['@ascendex-toolkit/lint']),
      )
      .map((m) => m.dir);
    expect(unlinted).toEqual([]);
  });
});
