// Packs each publishable package with pnpm (which rewrites `workspace:*` to the version) into a
// folder, as `npm publish` would ship it.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pnpmCommand, publishablePackages } from './workspace.mjs';
import { runOrThrow } from './run.mjs';

/**
 * @param {string} destination an existing folder
 * @returns {Promise<Record<string, string>>} package name -> tarball path
 */
export async function packAll(destination) {
  const [command, lead] = pnpmCommand();
  /** @type {Record<string, string>} */
  const tarballs = {};
  for (const pkg of publishablePackages()) {
    const before = new Set(readdirSync(destination));
    await runOrThrow(command, [...lead, 'pack', '--pack-destination', destination], { cwd: pkg.dir });
    const added = readdirSync(destination).filter((file) => !before.has(file) && file.endsWith('.tgz'));
    if (added.length !== 1) throw new Error(`pnpm pack of ${pkg.name} wrote ${added.length} tarballs`);
    tarballs[pkg.name] = path.join(destination, /** @type {string} */ (added[0]));
  }
  return tarballs;
}
