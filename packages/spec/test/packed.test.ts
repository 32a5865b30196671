// The package as another team gets it: packed with pnpm, unpacked in a temp folder outside the
// workspace (so nothing resolves through the monorepo), then linted, parsed and imported there.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseLosslessJson, parseNumberAndBigInt } from 'lossless-json';
import { parse as parseYaml } from 'yaml';
import { Parser } from '@asyncapi/parser';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(pkgDir, '../..');
const SEQNUM = 144115191800016553n;
/** One discrepancy area per log file of spec/discrepancies. */
const AREAS = readdirSync(path.join(repoRoot, 'spec/discrepancies'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -5))
  .sort();
const RAW = [
  'openapi.json',
  'openapi.yaml',
  'asyncapi.json',
  'asyncapi.yaml',
  'error-catalog.json',
  'discrepancies.json',
];

/** pnpm as the test was started with (turbo runs `pnpm run test`), else the pinned version through npx. */
function pnpm(args: string[], cwd: string): string {
  const execPath = process.env.npm_execpath;
  const [cmd, pre] =
    execPath && /pnpm/.test(execPath) ? [process.execPath, [execPath]] : ['npx', ['--yes', 'pnpm@10.34.8']];
  return execFileSync(cmd, [...pre, ...args], { cwd, encoding: 'utf8' });
}

/** Parses a raw file keeping integers above 2^53 exact: the way the README tells consumers to. */
function parseLossless(name: string, text: string): unknown {
  return name.endsWith('.json')
    ? parseLosslessJson(text, null, parseNumberAndBigInt)
    : parseYaml(text, { intAsBigInt: true });
}

/** Every bigint-typed value with its JSON path; plain numbers that parse as bigint in YAML/JSON are normalised first. */
function bigints(value: unknown, at = ''): string[] {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? [] : [`${at}=${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => bigints(v, `${at}/${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => bigints(v, `${at}/${k}`));
  return [];
}

/** Turns safe bigints (lossless parsers read every integer as bigint) into numbers, as the package's data holds them. */
function narrow(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (Array.isArray(value)) return value.map(narrow);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, narrow(v)]));
  return value;
}

/**
 * Redocly 2.77's `no-required-schema-properties-undefined` checks a schema reached through a
 * `#/components/...` ref without the schema around it, so in a bundled document it reports an
 * `anyOf` branch `{ required: [x] }` whose `x` is declared in the enclosing schema's `properties`
 * (in the multi-file source, which `spec/test/lint.test.mjs` lints with the same rule, it does not).
 * Only that exact case is excused: the branch must be required-only and the property declared
 * right beside the `anyOf`.
 */
function isRedoclyAnyOfRequiredFalsePositive(doc: any, rule: string, pointer: string): boolean {
  const m = /^#\/components\/schemas\/([^/]+)\/anyOf\/(\d+)\/required\/(\d+)$/.exec(pointer ?? '');
  if (rule !== 'no-required-schema-properties-undefined' || !m) return false;
  const parent = doc.components.schemas[m[1]!];
  const branch = parent?.anyOf?.[Number(m[2])];
  const property = branch?.required?.[Number(m[3])];
  return (
    Object.keys(branch ?? {}).join() === 'required' &&
    property !== undefined &&
    parent.properties?.[property] !== undefined
  );
}

let work: string; // the temp folder, outside the workspace
let tarball: string;
let unpacked: string; // <work>/node_modules/@ascendex-toolkit/spec
let generated: string;
const read = (name: string) => readFileSync(path.join(generated, name), 'utf8');
/** Each raw document of the tarball parsed once (losslessly), in `beforeAll`: several tests read them. */
const parsed = new Map<string, unknown>();
const parsedDoc = (name: string) => parsed.get(name) as any;

beforeAll(() => {
  expect(existsSync(path.join(pkgDir, 'dist/index.js')), 'build the package first (turbo runs build before test)').toBe(
    true,
  );
  work = mkdtempSync(path.join(tmpdir(), 'ascendex-spec-pack-'));
  expect(path.relative(repoRoot, work).startsWith('..')).toBe(true);
  pnpm(['pack', '--pack-destination', work], pkgDir);
  tarball = path.join(
    work,
    readdirSync(work).find((f) => f.endsWith('.tgz'))!,
  );
  unpacked = path.join(work, 'node_modules/@ascendex-toolkit/spec');
  mkdirSync(unpacked, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
  generated = path.join(unpacked, 'src/generated');
  for (const name of RAW) parsed.set(name, parseLossless(name, read(name)));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('is named after the package and version', () => {
    expect(path.basename(tarball)).toBe('ascendex-toolkit-spec-0.1.0.tgz');
  });

  it('holds the raw documents, the built entry points and the README, and nothing of the sources', () => {
    const list = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((f) => f.replace(/^package\//, ''));
    for (const name of RAW) expect(list, name).toContain(`src/generated/${name}`);
    for (const file of [
      'package.json',
      'README.md',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/node.js',
      'dist/node.d.ts',
      'dist/generated/openapi.gen.js',
    ]) {
      expect(list, file).toContain(file);
    }
    expect(list.filter((f) => f.startsWith('src/') && !RAW.some((r) => f === `src/generated/${r}`))).toEqual([]);
    expect(list.filter((f) => f.startsWith('test/') || f.includes('node_modules'))).toEqual([]);
  });

  it('has a publishable package.json (not private, workspace protocol replaced)', () => {
    const manifest = JSON.parse(readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
    expect(manifest).toMatchObject({
      name: '@ascendex-toolkit/spec',
      version: '0.1.0',
      license: 'MIT',
      type: 'module',
      sideEffects: false,
    });
    expect(JSON.stringify(manifest)).not.toContain('workspace:');
    expect(manifest.dependencies ?? {}).toEqual({});
  });
});

describe('the unpacked documents', () => {
  it('pass redocly lint with the spec ruleset (JSON and YAML), run outside the workspace', () => {
    // The same ruleset the source is held to (recommended-strict plus the repo's rules), not just
    // `recommended`: the bundle must be as clean as the files it came from.
    copyFileSync(path.join(repoRoot, 'spec/redocly.yaml'), path.join(work, 'redocly.yaml'));
    for (const name of ['openapi.json', 'openapi.yaml']) {
      const doc = parsedDoc(name);
      const run = spawnSync(
        path.join(pkgDir, 'node_modules/.bin/redocly'),
        [
          'lint',
          path.relative(work, path.join(generated, name)),
          '--config',
          'redocly.yaml',
          '--format',
          'json',
          '--max-problems',
          '1000',
        ],
        {
          cwd: work,
          encoding: 'utf8',
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        },
      );
      const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
      const all = (report.problems as any[]).map((p) => ({
        excused: isRedoclyAnyOfRequiredFalsePositive(doc, p.ruleId, p.location?.[0]?.pointer),
        text: `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`,
      }));
      expect(
        all.filter((p) => !p.excused).map((p) => p.text),
        name,
      ).toEqual([]);
      expect(report.totals.warnings, name).toBe(0);
      if (!all.some((p) => p.excused)) expect(run.status, name).toBe(0);
    }
  }, 120_000);

  it('pass @asyncapi/parser 3 with no diagnostics (JSON and YAML)', { timeout: 120_000 }, async () => {
    const parser = new Parser();
    for (const name of ['asyncapi.json', 'asyncapi.yaml']) {
      const { document, diagnostics } = await parser.parse(read(name), { source: path.join(generated, name) });
      const described = diagnostics.map(
        (d) => `${['error', 'warning', 'info', 'hint'][d.severity]} ${d.code}: ${d.message} at /${d.path.join('/')}`,
      );
      expect(
        described.filter((d) => d.startsWith('error')),
        name,
      ).toEqual([]);
      expect(described, name).toEqual([]);
      expect(document?.version(), name).toBe('3.1.0');
      // The parser sees every message the document defines.
      expect(document?.messages().length, name).toBe(Object.keys(parsedDoc(name).components.messages).length);
    }
  });

  it('carry the int64 example digit for digit, as a number token, in JSON and YAML', () => {
    for (const name of ['openapi.json', 'openapi.yaml', 'asyncapi.json', 'asyncapi.yaml']) {
      const text = read(name);
      const token = name.endsWith('.json')
        ? /[[:,]\s*144115191800016553\s*[,\]}]/
        : /^\s*(- |[\w"-]+: )144115191800016553$/m;
      expect(text, name).toMatch(token);
      expect(text, name).not.toContain('144115191800016540'); // what a double would have made of it
      expect(bigints(parsedDoc(name)), name).toContain(`/components/schemas/SequenceNumber/examples/0=${SEQNUM}`);
    }
  });

  it('JSON and YAML of each document hold the same values', () => {
    for (const doc of ['openapi', 'asyncapi']) {
      expect(narrow(parsedDoc(`${doc}.yaml`))).toEqual(narrow(parsedDoc(`${doc}.json`)));
    }
  });

  it('have only internal refs, each resolving inside its document', () => {
    for (const name of ['openapi.json', 'openapi.yaml', 'asyncapi.json', 'asyncapi.yaml']) {
      const doc = parsedDoc(name) as Record<string, unknown>;
      const refs: string[] = [];
      JSON.stringify(doc, (key, v) => {
        if (key === '$ref' && typeof v === 'string') refs.push(v);
        return typeof v === 'bigint' ? 0 : v;
      });
      // Every `$ref` key the file's text holds is seen (JSON: `"$ref":`, YAML: `$ref:` opening a line or a map entry).
      const inText = read(name).match(name.endsWith('.json') ? /"\$ref":/g : /^\s*(?:- )?\$ref:/gm) ?? [];
      expect(refs, name).toHaveLength(inText.length);
      expect(refs, name).not.toEqual([]);
      expect(
        refs.filter((r) => !r.startsWith('#/')),
        name,
      ).toEqual([]);
      const unresolved = refs.filter((r) => {
        let node: any = doc;
        for (const seg of r
          .slice(2)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')))
          node = node?.[seg];
        return node === undefined;
      });
      expect(unresolved, name).toEqual([]);
    }
  });

  it('start YAML files with the generator banner; JSON files are plain JSON', () => {
    expect(read('openapi.yaml').split('\n')[0]).toBe(
      '# Generated by tools/gen-spec from spec/openapi.yaml. Do not edit: run `pnpm generate`.',
    );
    expect(read('asyncapi.yaml').split('\n')[0]).toBe(
      '# Generated by tools/gen-spec from spec/asyncapi.yaml. Do not edit: run `pnpm generate`.',
    );
    for (const name of RAW.filter((n) => n.endsWith('.json'))) expect(read(name)[0], name).toMatch(/[[{]/);
  });
});

/**
 * The tests that start Node in the temp folder to import the package (its data modules hold both
 * documents, about a megabyte): a fraction of a second on an idle machine, but they passed vitest's
 * 5 s default on a busy two-core one, so they get their own limit.
 */
const SUBPROCESS_TIMEOUT = 30_000;

describe('the entry points, imported by a consumer outside the workspace', () => {
  function runConsumer(source: string): any {
    const file = path.join(work, `consumer-${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(file, source);
    const out = execFileSync(process.execPath, [file], { cwd: work, encoding: 'utf8' });
    return JSON.parse(out, (_k, v) => (typeof v === 'string' && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v));
  }

  it(
    'export the documents as data with the int64 example exact, and the spec info',
    { timeout: SUBPROCESS_TIMEOUT },
    () => {
      const result = runConsumer(`
      import * as spec from '@ascendex-toolkit/spec';
      const j = (v) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x + 'n' : x));
      console.log(j({
        exports: Object.keys(spec).sort(),
        openapi: spec.openapi.openapi,
        asyncapi: spec.asyncapi.asyncapi,
        seqnum: spec.asyncapi.components.schemas.SequenceNumber.examples[0],
        restSeqnum: spec.openapi.components.schemas.SequenceNumber.examples[0],
        ticker: spec.openapi.paths['/api/pro/v1/ticker'].get['x-ascendex'],
        code: spec.errorCatalog.codes.find((c) => c.code === 300011),
        sameCatalog: j(spec.errorCatalog) === j(spec.openapi['x-ascendex-error-catalog']),
        areas: [...new Set(spec.discrepancies.map((d) => d.area))].sort(),
        files: spec.specFileNames,
        info: spec.specInfo,
      }));
    `);
      expect(result.exports).toEqual([
        'asyncapi',
        'discrepancies',
        'errorCatalog',
        'openapi',
        'specFileNames',
        'specInfo',
      ]);
      expect(result).toMatchObject({
        openapi: '3.1.0',
        asyncapi: '3.1.0',
        seqnum: SEQNUM,
        restSeqnum: SEQNUM,
        sameCatalog: true,
        areas: AREAS,
      });
      expect(result.ticker.signed).toBe(false);
      expect(result.code).toMatchObject({ reason: 'INVALID_BALANCE', group: 'OrderError' });
      expect(result.files.sort()).toEqual([...RAW].sort());
      expect(result.info.openapiVersion).toMatch(/^\d+\.\d+\.\d+$/);
      expect(result.info.formats).toEqual({ openapi: '3.1.0', asyncapi: '3.1.0' });
    },
  );

  it(
    'resolve the raw subpaths and the node helper to the shipped files, whose hashes match specInfo',
    { timeout: SUBPROCESS_TIMEOUT },
    () => {
      const result = runConsumer(`
      import { createHash } from 'node:crypto';
      import { readFileSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      import { specInfo } from '@ascendex-toolkit/spec';
      import { specFilePaths, readSpecFile, specFileNames } from '@ascendex-toolkit/spec/node';
      const sha = (t) => createHash('sha256').update(t).digest('hex');
      console.log(JSON.stringify(specFileNames.map((name) => ({
        name,
        resolved: fileURLToPath(import.meta.resolve('@ascendex-toolkit/spec/' + name)) === specFilePaths[name],
        hashMatches: sha(readFileSync(specFilePaths[name])) === specInfo.sha256[name] && sha(readSpecFile(name)) === specInfo.sha256[name],
      }))));
    `);
      expect(result).toEqual(RAW.map((name) => ({ name, resolved: true, hashMatches: true })));
    },
  );

  it('refuse a subpath that is not exported', { timeout: SUBPROCESS_TIMEOUT }, () => {
    const run = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `await import('@ascendex-toolkit/spec/src/generated/openapi.gen.ts')`],
      { cwd: work, encoding: 'utf8' },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('type-check for a TypeScript consumer through the types conditions', () => {
    writeFileSync(
      path.join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    writeFileSync(
      path.join(work, 'consumer.ts'),
      `
      import { openapi, asyncapi, errorCatalog, discrepancies, specInfo, type ErrorCodeEntry, type DiscrepancyArea, type SpecFileName } from '@ascendex-toolkit/spec';
      import { specFilePaths } from '@ascendex-toolkit/spec/node';
      const signed: boolean | undefined = openapi.paths['/api/pro/v1/ticker']?.get?.['x-ascendex'].signed;
      const order: string[] = asyncapi['x-ascendex-server-messages'];
      const entry: ErrorCodeEntry | undefined = errorCatalog.codes[0];
      const area: DiscrepancyArea | undefined = discrepancies[0]?.area;
      const file: SpecFileName = 'openapi.yaml';
      const hash: string = specInfo.sha256[file];
      const where: string = specFilePaths['asyncapi.json'];
      // @ts-expect-error not a file of the package
      specFilePaths['swagger.json'];
      // @ts-expect-error the area is a closed union
      const wrongArea: DiscrepancyArea = 'fix';
      export { signed, order, entry, area, hash, where, wrongArea };
    `,
    );
    const run = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
      { cwd: work, encoding: 'utf8' },
    );
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);

  it('keep Node built-ins out of the default entry (browser and bundler safe)', () => {
    const seen = new Set<string>();
    const specifiers: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(
        /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g,
      )) {
        if (spec!.startsWith('.')) visit(path.resolve(path.dirname(file), spec!));
        else specifiers.push(spec!);
      }
    };
    visit(path.join(unpacked, 'dist/index.js'));
    expect([...seen].map((f) => path.relative(unpacked, f)).sort()).toContain('dist/generated/openapi.gen.js');
    expect(specifiers).toEqual([]);
    expect(readFileSync(path.join(unpacked, 'dist/node.js'), 'utf8')).toContain("from 'node:fs'"); // the scan sees imports
  });
});
