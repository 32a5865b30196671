// The workspaces of the repository (pnpm-workspace.yaml) and what each declares, read from the
// files, for the tests of what builds and scripts depend on.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * @typedef {{ dir: string, name: string, scripts: Record<string, string>, deps: Set<string> }} Workspace
 *   `dir` repo-relative; `deps` the names of every dependency it declares (any kind)
 */

/** @returns {Workspace[]} */
export function workspaces() {
  const patterns = [
    ...readFileSync(path.join(repoRoot, 'pnpm-workspace.yaml'), 'utf8').matchAll(/^\s*-\s*(\S+)\s*$/gm),
  ].map((m) => String(m[1]).replace(/^['"]|['"]$/g, ''));
  const dirs = patterns.flatMap((p) =>
    p.endsWith('/*') ? readdirSync(path.join(repoRoot, p.slice(0, -2))).map((d) => `${p.slice(0, -2)}/${d}`) : [p],
  );
  return dirs
    .filter((dir) => existsSync(path.join(repoRoot, dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(path.join(repoRoot, dir, 'package.json'), 'utf8'));
      const deps = new Set(
        ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((k) =>
          Object.keys(manifest[k] ?? {}),
        ),
      );
      return { dir, name: manifest.name, scripts: manifest.scripts ?? {}, deps };
    });
}

/**
 * The workspace a repo-relative path lies in, if any.
 * @param {Workspace[]} all
 * @param {string} file
 */
export const workspaceOf = (all, file) => all.find((w) => file === w.dir || file.startsWith(`${w.dir}/`));
