// Providing the browser: used when present, installed with apt-get when missing and this process
// may (root, apt-get, Debian's path), otherwise the one-line hint. The install is exercised with a
// stand-in for apt-get (nothing is installed); the hint also through the real global setup in a
// child process, pointed at a missing path with ASCENDEX_CHROMIUM.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { debianChromium, missingHint, provideChromium } from '../src/provide-chromium.mjs';

const hint = missingHint(debianChromium);

/** apt-get as a recording stand-in; `install` makes the browser appear unless told to fail. */
function fakeSystem({ failAt = '', installs = true } = {}) {
  const present = new Set();
  /** @type {string[]} */
  const commands = [];
  /** @type {string[]} */
  const logged = [];
  return {
    commands,
    logged,
    exists: (/** @type {string} */ path) => present.has(path),
    run: (/** @type {string} */ command, /** @type {string[]} */ args) => {
      const line = `${command} ${args.join(' ')}`;
      commands.push(line);
      if (line === failAt)
        return { status: 100, output: 'Reading package lists...\nE: Unable to locate package chromium\n' };
      if (args[0] === 'install' && installs) present.add(debianChromium);
      return { status: 0, output: '' };
    },
    log: (/** @type {string} */ line) => logged.push(line),
  };
}

describe('provideChromium', () => {
  it('uses the browser when it is there, installing nothing', () => {
    const system = fakeSystem();
    system.run('apt-get', ['install', '-y', 'chromium']); // present now
    system.commands.length = 0;
    expect(provideChromium({ ...system, isRoot: () => true, hasAptGet: () => true })).toEqual({
      path: debianChromium,
      installed: false,
    });
    expect(system.commands).toEqual([]);
  });

  it('installs it with apt-get when it is missing, as root with apt-get', () => {
    const system = fakeSystem();
    expect(provideChromium({ ...system, isRoot: () => true, hasAptGet: () => true })).toEqual({
      path: debianChromium,
      installed: true,
    });
    expect(system.commands).toEqual(['apt-get update', 'apt-get install -y chromium']);
    expect(system.logged[0]).toBe(
      "browser-test: /usr/bin/chromium is missing; installing Debian's chromium (apt-get update && apt-get install -y chromium)",
    );
  });

  it.each([
    ['not root', { isRoot: () => false, hasAptGet: () => true }],
    ['without apt-get', { isRoot: () => true, hasAptGet: () => false }],
  ])('fails with the one-line hint, installing nothing, when %s', (_, can) => {
    const system = fakeSystem();
    expect(() => provideChromium({ ...system, ...can })).toThrow(new Error(hint));
    expect(system.commands).toEqual([]);
  });

  it('never installs for a browser expected elsewhere (ASCENDEX_CHROMIUM)', () => {
    const system = fakeSystem();
    expect(() =>
      provideChromium({ ...system, path: '/opt/chromium/chrome', isRoot: () => true, hasAptGet: () => true }),
    ).toThrow(new Error(missingHint('/opt/chromium/chrome')));
    expect(system.commands).toEqual([]);
  });

  it('says which apt-get step failed, and that the browser is still missing', () => {
    const system = fakeSystem({ failAt: 'apt-get install -y chromium' });
    expect(() => provideChromium({ ...system, isRoot: () => true, hasAptGet: () => true })).toThrow(
      new Error(`${hint}; apt-get install -y chromium failed (exit 100): E: Unable to locate package chromium`),
    );
    const silent = fakeSystem({ installs: false });
    expect(() => provideChromium({ ...silent, isRoot: () => true, hasAptGet: () => true })).toThrow(
      new Error(`${hint}; apt-get install -y chromium did not install it`),
    );
  });
});

describe('the global setup of the browser test', () => {
  it('stops with the one-line hint when the browser it is pointed at is missing', () => {
    const setup = fileURLToPath(new URL('./global-setup.mjs', import.meta.url));
    const result = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import setup from ${JSON.stringify(setup)}; setup();`],
      { encoding: 'utf8', env: { ...process.env, ASCENDEX_CHROMIUM: '/nonexistent/chromium' } },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Error: ${missingHint('/nonexistent/chromium')}`);
  });
});
