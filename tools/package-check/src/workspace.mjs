// The publishable packages of the workspace (every `packages/*` not marked private) and how to
// run the workspace's own pnpm, whose `pack` rewrites `workspace:*` dependencies to versions.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * @typedef {{ name: string, version: string, private?: boolean, exports?: unknown, dependencies?: Record<string, string>,
 *   peerDependencies?: Record<string, string> }} Manifest
 * @typedef {{ name: string, dir: string, manifest: Manifest }} WorkspacePackage
 */

/** @returns {WorkspacePackage[]} */
export function publishablePackages() {
  const base = path.join(root, 'packages');
  return readdirSync(base)
    .map((entry) => path.join(base, entry))
    .filter((dir) => existsSync(path.join(dir, 'package.json')))
    .map((dir) => {
      /** @type {Manifest} */
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      return { name: manifest.name, dir, manifest };
    })
    .filter((pkg) => !pkg.manifest.private)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The pnpm that runs us (`npm_execpath` under `pnpm test`), else the version the root manifest
 * pins through npx.
 * @returns {[string, string[]]} command and leading arguments
 */
export function pnpmCommand() {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(path.basename(execPath))) return [process.execPath, [execPath]];
  const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager;
  return ['npx', ['--yes', pinned]];
}
