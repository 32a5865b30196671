// The two checks of a packed tarball: publint (package.json against the files that ship) and
// are-the-types-wrong (what TypeScript resolves for every export, with its ESM-only profile:
// the packages are ESM only, so CommonJS `require` and node10 resolution are not goals).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { run } from './run.mjs';

const require = createRequire(import.meta.url);

/**
 * Every publint message, suggestions included, in strict mode (warnings count as errors).
 * @param {string} tarball
 * @returns {Promise<{ messages: string[], manifest: Record<string, any> }>} readable messages (none
 *   when the package is clean) and the package.json as packed
 */
export async function publintTarball(tarball) {
  const bytes = readFileSync(tarball);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball: buffer }, level: 'suggestion', strict: true });
  return {
    messages: messages.map(
      (message) => `${message.type}: ${formatMessage(message, pkg, { color: false }) ?? message.code}`,
    ),
    manifest: pkg,
  };
}

/**
 * What publint leaves to us in a packed package.json: the fields a published package of this
 * workspace must have, and no `workspace:` dependency left unrewritten.
 * @param {Record<string, any>} manifest
 * @returns {string[]} problems; none when the manifest is complete
 */
export function manifestProblems(manifest) {
  const problems = [];
  for (const field of ['description', 'license', 'exports', 'files']) {
    if (!manifest[field]) problems.push(`no "${field}"`);
  }
  if (manifest.type !== 'module') problems.push('"type" is not "module"');
  if (typeof manifest.sideEffects !== 'boolean' && !Array.isArray(manifest.sideEffects))
    problems.push('no "sideEffects"');
  if (!manifest.engines?.node) problems.push('no "engines.node"');
  if (manifest.publishConfig?.access !== 'public') problems.push('scoped but not "publishConfig.access": "public"');
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) problems.push(`${field}.${name} is still ${range}`);
    }
  }
  return problems;
}

const attwBin = path.join(path.dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist/index.js');

/**
 * The subpaths of an `exports` map that are data files to be resolved as paths
 * (`import.meta.resolve('@ascendex-toolkit/spec/openapi.yaml')`), never imported: no module
 * system loads YAML, so TypeScript has nothing to resolve there and attw would call them broken.
 * @param {unknown} exports
 * @returns {string[]}
 */
export function dataFileEntrypoints(exports) {
  if (!exports || typeof exports !== 'object') return [];
  return Object.entries(exports)
    .filter(([, target]) => typeof target === 'string' && /\.ya?ml$/.test(target))
    .map(([subpath]) => subpath);
}

/**
 * Runs `attw <tarball> --profile esm-only`, leaving out the given entrypoints.
 * @param {string} tarball
 * @param {string[]} [excludeEntrypoints]
 * @returns {Promise<{ ok: boolean, report: string }>}
 */
export async function attwTarball(tarball, excludeEntrypoints = []) {
  const args = [attwBin, tarball, '--profile', 'esm-only', '--format', 'ascii'];
  if (excludeEntrypoints.length > 0) args.push('--exclude-entrypoints', ...excludeEntrypoints);
  const result = await run(process.execPath, args, {
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { ok: result.status === 0, report: `${result.stdout}${result.stderr}` };
}
