// Node binaries of other majors from the npm registry: the `node` package installs the platform's
// `node-<os>-<arch>` package, binary included. Kept in this package's node_modules/.cache (one
// folder per version) so that later runs, and CI on the same machine, reuse them.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, runOrThrow } from './run.mjs';

/** The Node versions the consumer test runs on besides the one running the tests. */
export const nodeVersions = ['22.23.3', '24.21.0'];

const cacheRoot = fileURLToPath(new URL('../node_modules/.cache/node-binaries', import.meta.url));

/**
 * The path of a Node binary of `version`, installed from the registry on first use.
 * @param {string} version exact, e.g. `22.23.3`
 * @returns {Promise<string>}
 */
export async function nodeBinary(version) {
  const prefix = path.join(cacheRoot, version);
  const binary = path.join(prefix, 'node_modules', 'node', 'bin', 'node');
  if (existsSync(binary) && (await run(binary, ['--version'])).stdout.trim() === `v${version}`) return binary;
  mkdirSync(prefix, { recursive: true });
  await runOrThrow(
    'npm',
    ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--prefer-offline', `node@${version}`],
    { cwd: prefix },
  );
  const installed = await run(binary, ['--version']);
  if (installed.stdout.trim() !== `v${version}`) {
    throw new Error(`npm installed node@${version} but ${binary} answers ${installed.stdout}${installed.stderr}`);
  }
  return binary;
}
