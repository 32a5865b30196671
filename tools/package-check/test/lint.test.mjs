// publint and are-the-types-wrong on the tarball of every publishable package, and on a broken
// package that both must reject (so that a clean result means something).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { attwTarball, dataFileEntrypoints, manifestProblems, publintTarball } from '../src/lint.mjs';
import { tarballSourceMapProblems } from '../src/source-maps.mjs';
import { runOrThrow } from '../src/run.mjs';
import { publishablePackages } from '../src/workspace.mjs';

const tarballs = inject('tarballs');

describe.each(publishablePackages().map((pkg) => /** @type {const} */ ([pkg.name, pkg])))('%s', (name, pkg) => {
  const tarball = () => /** @type {string} */ (tarballs[name]);

  it('is packed', () => {
    expect(tarballs[name]).toMatch(/\.tgz$/);
  });

  it('has no publint message (suggestions included)', async () => {
    expect((await publintTarball(tarball())).messages).toEqual([]);
  });

  it('ships a complete package.json, workspace dependencies rewritten to versions', async () => {
    const { manifest } = await publintTarball(tarball());
    expect(manifestProblems(manifest)).toEqual([]);
    for (const [dependency, range] of Object.entries(pkg.manifest.dependencies ?? {})) {
      if (range.startsWith('workspace:')) expect(manifest.dependencies[dependency]).toBe(pkg.manifest.version);
    }
  });

  it('passes are-the-types-wrong (ESM-only profile)', async () => {
    const { ok, report } = await attwTarball(tarball(), dataFileEntrypoints(pkg.manifest.exports));
    expect(ok, report).toBe(true);
  });

  it('ships every source map its files name, each with its sources inlined or shipped', async () => {
    const { maps, sources, problems } = await tarballSourceMapProblems(tarball());
    expect(problems).toEqual([]);
    console.log(`${name}: ${maps} source maps, ${sources} sources, all shipped or inlined`);
  });
});

describe('manifestProblems', () => {
  it('reports a dependency pnpm did not rewrite', () => {
    const manifest = {
      description: 'd',
      license: 'MIT',
      exports: './a.js',
      files: ['a.js'],
      type: 'module',
      sideEffects: false,
      engines: { node: '>=20' },
      publishConfig: { access: 'public' },
      dependencies: { other: 'workspace:*' },
    };
    expect(manifestProblems(manifest)).toEqual(['dependencies.other is still workspace:*']);
  });
});

describe('dataFileEntrypoints', () => {
  it('lists the subpaths of YAML files only', () => {
    const exports = {
      '.': { types: './a.d.ts', default: './a.js' },
      './doc.yaml': './d.yaml',
      './doc.json': './d.json',
    };
    expect(dataFileEntrypoints(exports)).toEqual(['./doc.yaml']);
  });
});

describe('a broken package', () => {
  const fixture = fileURLToPath(new URL('../fixtures/broken-package', import.meta.url));
  let dir = '';
  let tarball = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ascendex-broken-'));
    const { stdout } = await runOrThrow('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: fixture });
    tarball = path.join(dir, stdout.trim().split('\n').at(-1) ?? '');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is rejected by publint (types after import, types file missing)', async () => {
    const messages = (await publintTarball(tarball)).messages.join('\n');
    expect(messages).toMatch(/types should be the first/);
    expect(messages).toMatch(/missing\.d\.ts but the file does not exist/);
  });

  it('lacks the fields a published package needs', async () => {
    const { manifest } = await publintTarball(tarball);
    expect(manifestProblems(manifest)).toEqual(
      expect.arrayContaining(['no "license"', 'no "files"', 'no "sideEffects"', 'no "engines.node"']),
    );
  });

  it('is rejected by the source map check (a map without its source, a map that is not shipped)', async () => {
    const { maps, problems } = await tarballSourceMapProblems(tarball);
    expect(maps).toBe(1);
    expect(problems).toEqual([
      'lib/other.js: its source map other.js.map is not in the package',
      'lib/index.js.map: source ../src/index.ts is neither in the package nor inlined (a stale map from an earlier build? rm -rf dist and build again)',
    ]);
  });

  it('is rejected by are-the-types-wrong', async () => {
    const { ok, report } = await attwTarball(tarball);
    expect(ok).toBe(false);
    expect(report).toMatch(/no type declarations were found/); // ".": untyped
    expect(report).toMatch(/CommonJS type declaration file, but an ESM JavaScript file/); // "./masquerading"
  });
});
