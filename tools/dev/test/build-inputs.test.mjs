// What a build or script runs from another workspace is declared, so turbo's cache follows it:
// a package that runs a script of tools/dev (the validators build runs `copy-generated-js`, the size
// scripts import `@ascendex-toolkit/dev/bundle-size`) declares @ascendex-toolkit/dev, whose `build`
// inputs are its scripts (tools/dev/turbo.json), so editing one invalidates the builds of exactly
// the packages that depend on it. Shown with `turbo run build --dry=json` in a copy of the
// repository, before and after editing each file of tools/dev.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot, workspaces, workspaceOf } from './workspaces.mjs';

const DEV = '@ascendex-toolkit/dev';
const all = workspaces();
/** Every bin of a workspace package, by command name -> the package. */
const bins = new Map(
  all.flatMap((w) => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, w.dir, 'package.json'), 'utf8'));
    const name = w.name.split('/').pop() ?? w.name;
    const declared = typeof manifest.bin === 'string' ? { [name]: manifest.bin } : (manifest.bin ?? {});
    return Object.keys(declared).map((command) => [command, w]);
  }),
);

/**
 * The JavaScript and TypeScript files of a workspace, outside node_modules and build output.
 * @param {string} dir repo-relative
 * @returns {string[]} relative to `dir`
 */
function sourceFiles(dir) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} rel */
  const walk = (rel) => {
    for (const entry of readdirSync(path.join(repoRoot, dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !['node_modules', 'dist', '__transpiled', '.turbo'].includes(entry.name)) walk(child);
      else if (entry.isFile() && /\.(m?[jt]s|cjs|jsx)$/.test(entry.name)) out.push(child);
    }
  };
  walk('');
  return out;
}

/**
 * Module specifiers a file imports (static, re-exports and `import()` with a literal) that climb
 * out of its workspace: with more `../` than the file is deep in it (a file whose text has no such
 * run is not parsed, which keeps the megabyte-sized generated modules out of the parser).
 * @param {string} file absolute
 * @param {number} depth how many folders deep the file is in its workspace
 * @returns {string[]}
 */
function escapingImportsOf(file, depth) {
  const text = readFileSync(file, 'utf8');
  const longestClimb = Math.max(0, ...[...text.matchAll(/(?:\.\.\/)+/g)].map((m) => m[0].length / 3));
  if (longestClimb <= depth) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  /** @type {string[]} */
  const out = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      out.push(node.moduleSpecifier.text);
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      out.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('what a build or script runs from another workspace is declared', () => {
  it('finds the bins it checks', () => {
    expect(bins.get('copy-generated-js')?.name).toBe(DEV);
    expect(bins.get('gen-types')?.name).toBe('@ascendex-toolkit/gen-types');
  });

  it('every package script runs only bins and files of its own workspace or of declared ones', () => {
    const undeclared = all.flatMap((w) =>
      Object.entries(w.scripts).flatMap(([script, command]) =>
        command
          .split(/\s+|&&|\|\||;/)
          .filter(Boolean)
          .flatMap((word) => {
            const owner = word.includes('/')
              ? workspaceOf(all, path.relative(repoRoot, path.resolve(repoRoot, w.dir, word)))
              : bins.get(word);
            return owner && owner !== w && !w.deps.has(owner.name)
              ? [`${w.dir} ${script}: ${word} (${owner.name})`]
              : [];
          }),
      ),
    );
    expect(undeclared).toEqual([]);
  });

  it('every relative import into another workspace is of a declared one (but those pending, listed with why)', () => {
    const reaches = all.flatMap((w) =>
      sourceFiles(w.dir).flatMap((f) =>
        escapingImportsOf(path.join(repoRoot, w.dir, f), f.split('/').length - 1)
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => path.relative(repoRoot, path.resolve(repoRoot, w.dir, path.dirname(f), spec)))
          .flatMap((target) => {
            const owner = workspaceOf(all, target);
            return owner && owner !== w && !w.deps.has(owner.name) ? [`${w.dir}/${f} -> ${target}`] : [];
          }),
      ),
    );
    expect(reaches).toEqual([]);
  });
});

describe('editing a file under tools/dev', () => {
  const turbo = path.join(repoRoot, 'node_modules/.bin/turbo');
  /** The copy of the repository the edits are made in. */
  let copy = '';
  /** @type {Map<string, string>} build task -> hash, before any edit */
  let before;

  /** @returns {Map<string, string>} build task -> hash, in the copy */
  const buildHashes = () => {
    const out = execFileSync(turbo, ['run', 'build', '--dry=json'], {
      cwd: copy,
      encoding: 'utf8',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const { tasks } = /** @type {{ tasks: { taskId: string, hash: string }[] }} */ (JSON.parse(out));
    return new Map(tasks.map((t) => [t.taskId, t.hash]));
  };

  // The builds that must follow tools/dev: its own (no command; its hash is its scripts) and those
  // of every workspace that depends on it, directly or through another workspace.
  const users = new Set(all.filter((w) => w.deps.has(DEV)));
  for (let grew = true; grew;) {
    grew = false;
    for (const w of all)
      if (!users.has(w) && [...users].some((u) => w.deps.has(u.name))) {
        users.add(w);
        grew = true;
      }
  }
  const expected = [`${DEV}#build`, ...[...users].map((w) => `${w.name}#build`)].sort();
  const devFiles = readdirSync(path.join(repoRoot, 'tools/dev')).filter((f) => f.endsWith('.mjs'));
  // What other packages may run: the package's exports and bins. The rest (the test runner, the
  // test config) only the repository root runs, so editing it invalidates no build.
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'tools/dev/package.json'), 'utf8'));
  const facing = new Set(
    [...Object.values(manifest.exports ?? {}), ...Object.values(manifest.bin ?? {})].map((f) =>
      path.basename(String(f)),
    ),
  );

  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'build-inputs-'));
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
      .split('\0')
      .filter((f) => f && existsSync(path.join(repoRoot, f)));
    for (const f of files) {
      mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
      copyFileSync(path.join(repoRoot, f), path.join(copy, f));
    }
    before = buildHashes();
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('knows which packages declare tools/dev: the validators, whose build runs copy-generated-js', () => {
    expect([...users].map((w) => w.name)).toContain('@ascendex-toolkit/validators');
    expect(all.find((w) => w.name === '@ascendex-toolkit/validators')?.scripts.build).toMatch(/\bcopy-generated-js\b/);
    expect([...facing].sort()).toEqual(['bundle-size.mjs', 'copy-generated-js.mjs']);
  });

  it.each(devFiles.filter((f) => facing.has(f)).map((f) => [f]))(
    '%s (run by packages): invalidates the builds of the packages that depend on tools/dev, and only those',
    (name) => expect(buildsInvalidatedByEditing(name)).toEqual(expected),
  );

  it.each(devFiles.filter((f) => !facing.has(f)).map((f) => [f]))(
    '%s (run by the repository root only): invalidates no build',
    (name) => expect(buildsInvalidatedByEditing(name)).toEqual([]),
  );

  /**
   * Appends a line to a file of tools/dev in the copy, and gives back the build tasks whose hash changed.
   * @param {string} name
   * @returns {string[]} sorted
   */
  function buildsInvalidatedByEditing(name) {
    const file = path.join(copy, 'tools/dev', name);
    const original = readFileSync(file, 'utf8');
    appendFileSync(file, '\n// an edit\n');
    try {
      const after = buildHashes();
      return [...after]
        .filter(([task, hash]) => before.get(task) !== hash)
        .map(([task]) => task)
        .sort();
    } finally {
      writeFileSync(file, original);
    }
  }
});
