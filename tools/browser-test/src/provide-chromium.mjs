// Debian's chromium for the browser test, provided by the test command itself: present, it is
// used; missing where this process may install it (root, apt-get at hand, the Debian path), it is
// installed with apt-get; otherwise the test fails with one line saying how to install it. So the
// README's two commands pass on a fresh Debian machine, and nobody's machine is changed without
// root asking for it by running the tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Debian's `chromium` package puts the browser. */
export const debianChromium = '/usr/bin/chromium';

/** The browser the test drives: `ASCENDEX_CHROMIUM` when set (a Chromium elsewhere), else Debian's. */
export const chromiumPath = process.env.ASCENDEX_CHROMIUM || debianChromium;

/** The one line a test prints when the browser is missing and cannot be installed here. */
export const missingHint = (/** @type {string} */ path) =>
  `${path} is missing: the browser test needs Debian's chromium (apt-get update && apt-get install -y chromium)`;

/**
 * @typedef {{ status: number | null, output: string }} CommandResult
 * @typedef {{
 *   path?: string,
 *   exists?: (path: string) => boolean,
 *   isRoot?: () => boolean,
 *   hasAptGet?: () => boolean,
 *   run?: (command: string, args: string[]) => CommandResult,
 *   log?: (line: string) => void,
 * }} ProvideOptions
 *   every part replaceable, so that the install path is tested without installing anything
 */

/** @type {(command: string, args: string[]) => CommandResult} */
const runCommand = (command, args) => {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return {
    status: result.status,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`,
  };
};

const onPath = (/** @type {string} */ command) =>
  (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(`${dir}/${command}`));

/**
 * Makes sure the browser is there.
 * @param {ProvideOptions} [options]
 * @returns {{ path: string, installed: boolean }} its path, and whether it was installed now
 * @throws {Error} with `missingHint(path)` when it is missing and cannot be installed here, with
 *   the failing apt-get step added when installing failed
 */
export function provideChromium(options = {}) {
  const path = options.path ?? chromiumPath;
  const exists = options.exists ?? existsSync;
  if (exists(path)) return { path, installed: false };
  const isRoot = options.isRoot ?? (() => process.getuid?.() === 0);
  const hasAptGet = options.hasAptGet ?? (() => onPath('apt-get'));
  // apt-get installs Debian's path only; a browser expected elsewhere is the user's to install.
  if (path !== debianChromium || !isRoot() || !hasAptGet()) throw new Error(missingHint(path));
  const run = options.run ?? runCommand;
  const log = options.log ?? ((line) => console.error(line));
  log(`browser-test: ${path} is missing; installing Debian's chromium (apt-get update && apt-get install -y chromium)`);
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const { status, output } = run('apt-get', args);
    if (status !== 0) {
      const last = output.trim().split('\n').at(-1) ?? '';
      throw new Error(`${missingHint(path)}; apt-get ${args.join(' ')} failed (exit ${status}): ${last}`);
    }
  }
  if (!exists(path)) throw new Error(`${missingHint(path)}; apt-get install -y chromium did not install it`);
  log(`browser-test: installed ${path}`);
  return { path, installed: true };
}
