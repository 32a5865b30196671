// Generated and hand-written code meet in one direction. In every package, a generated file
// (src/generated/) imports nothing of its package outside src/generated/ except the package's
// runtime entry (`runtimeEntries`), and nothing the entry imports, however indirectly, is
// generated: the runtime is given what it needs of generated data (a row, a table) by its callers.
// Hand-written modules above the generated code (the package's public entries, helpers that name a
// generated row) may import both. Read from the files, with TypeScript's import scanner (static,
// type-only, re-exports and `import()`).
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot, runtimeEntries, runtimeImport } from '@ascendex-toolkit/codegen-core';

const packagesDir = path.join(repoRoot, 'packages');
/** Every package: its folder and name. */
const packages = readdirSync(packagesDir)
  .filter((d) => existsSync(path.join(packagesDir, d, 'package.json')))
  .map((d) => ({
    dir: path.join(packagesDir, d),
    name: /** @type {string} */ (JSON.parse(readFileSync(path.join(packagesDir, d, 'package.json'), 'utf8')).name),
  }));

/**
 * @param {string} dir
 * @returns {string[]} the source files under `dir` (absolute)
 */
function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|js)$/.test(entry) ? [file] : [];
  });
}

/**
 * The files of the same package that `file` imports (relative specifiers only), resolved the way
 * NodeNext resolves them (`./x.js` is `./x.ts`, or the `.js` itself, or its `.d.ts`).
 * @param {string} file
 * @returns {string[]}
 */
function relativeImports(file) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((s) => s.startsWith('.'))
    .map((s) => {
      const target = path.resolve(path.dirname(file), s);
      const candidates = [target.replace(/\.js$/, '.ts'), target, target.replace(/\.js$/, '.d.ts')];
      const found = candidates.find((c) => existsSync(c));
      if (!found) throw new Error(`${path.relative(repoRoot, file)} imports ${s}, which does not exist`);
      return found;
    });
}

describe('runtime entries', () => {
  it('name a module that exists in each package they list', () => {
    for (const [name, entry] of Object.entries(runtimeEntries)) {
      const pkg = packages.find((p) => p.name === name);
      expect(pkg, name).toBeDefined();
      expect(existsSync(path.join(/** @type {{ dir: string }} */ (pkg).dir, 'src', `${entry}.ts`)), name).toBe(true);
    }
  });

  it('runtimeImport climbs from a generated file to the entry', () => {
    expect(runtimeImport('@ascendex-toolkit/client', 'errors.gen.ts')).toBe('../runtime.js');
    expect(runtimeImport('@ascendex-toolkit/client', 'operations/order.gen.ts')).toBe('../../runtime.js');
    expect(runtimeImport('@ascendex-toolkit/validators', 'rest/order.gen.ts')).toBe('../../runtime/index.js');
  });
});

describe.each(packages)('$name', ({ dir, name }) => {
  const generatedDir = path.join(dir, 'src/generated');
  const entryName = /** @type {Record<string, string>} */ (runtimeEntries)[name];
  const entry = entryName === undefined ? undefined : path.join(dir, 'src', `${entryName}.ts`);
  const isGenerated = (/** @type {string} */ file) => file.startsWith(`${generatedDir}${path.sep}`);

  it('generated code imports the package only through its runtime entry', () => {
    /** @type {string[]} */
    const stray = [];
    for (const file of sourceFiles(generatedDir))
      for (const target of relativeImports(file))
        if (!isGenerated(target) && target !== entry)
          stray.push(`${path.relative(dir, file)} -> ${path.relative(dir, target)}`);
    expect(stray).toEqual([]);
  });
});

describe.each(packages.filter((p) => p.name in runtimeEntries))('$name runtime entry', ({ dir, name }) => {
  const generatedDir = path.join(dir, 'src/generated');
  const entry = path.join(dir, 'src', `${/** @type {Record<string, string>} */ (runtimeEntries)[name]}.ts`);
  const isGenerated = (/** @type {string} */ file) => file.startsWith(`${generatedDir}${path.sep}`);

  it('reaches no generated code', () => {
    const seen = new Set([entry]);
    /** @type {string[]} */
    const reached = [];
    const queue = [entry];
    while (queue.length > 0) {
      const file = /** @type {string} */ (queue.shift());
      for (const target of relativeImports(file)) {
        if (seen.has(target)) continue;
        seen.add(target);
        if (isGenerated(target)) reached.push(`${path.relative(dir, file)} -> ${path.relative(dir, target)}`);
        else queue.push(target);
      }
    }
    expect(reached).toEqual([]);
  });
});
