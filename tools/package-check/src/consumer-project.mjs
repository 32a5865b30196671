// A fresh npm project outside the workspace that installs the packed tarballs, the way a team
// that uses the toolkit would: the packages' external dependencies come from the registry, and
// nothing of the workspace's node_modules is in reach.
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './workspace.mjs';
import { runOrThrow } from './run.mjs';

const fixture = fileURLToPath(new URL('../fixtures/consumer', import.meta.url));

/** @param {string} relative @returns {any} */
const manifest = (relative) => JSON.parse(readFileSync(path.join(root, relative, 'package.json'), 'utf8'));

/**
 * The consumer's package.json: the tarballs, the mocks' peer msw, `ws` for Node 20, the compiler
 * and vitest (the README's test example), at the versions the workspace itself uses: what the
 * READMEs' `npm install` lines name (test/consumer.test.mjs checks it). No `overrides`: unlike pnpm, npm picks the
 * newest release of msw's `@inquirer/*` dependencies whose `engines` the running Node satisfies,
 * so `engine-strict` installs on Node 20 without the workspace's pins (packages/mocks/README.md,
 * "Node 20").
 * @param {Record<string, string>} tarballs package name -> tarball path
 */
export function consumerManifest(tarballs) {
  const root = manifest('.');
  const client = manifest('packages/client');
  const mocks = manifest('packages/mocks');
  return {
    name: 'ascendex-toolkit-consumer',
    private: true,
    type: 'module',
    dependencies: {
      ...Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`])),
      msw: mocks.devDependencies.msw,
      ws: client.devDependencies.ws,
    },
    devDependencies: {
      typescript: client.devDependencies.typescript,
      vitest: root.devDependencies.vitest,
      '@types/node': client.devDependencies['@types/node'],
      '@types/ws': client.devDependencies['@types/ws'],
    },
  };
}

/**
 * Writes the project into `dir` (an empty folder outside the workspace) and installs it.
 * @param {string} dir
 * @param {Record<string, string>} tarballs
 * @returns {Promise<{ installMs: number }>}
 */
export async function createConsumerProject(dir, tarballs) {
  for (const file of readdirSync(fixture)) copyFileSync(path.join(fixture, file), path.join(dir, file));
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(consumerManifest(tarballs), null, 2)}\n`);
  // As strict as the workspace: an engine mismatch anywhere in the tree fails the install.
  writeFileSync(path.join(dir, '.npmrc'), 'engine-strict=true\n');
  const { ms } = await runOrThrow('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir });
  return { installMs: ms };
}
