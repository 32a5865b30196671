// The root README's Quick start is two commands (install and build, then test) and CI runs exactly
// its test command: .ci/run installs from scratch and then runs that line, nothing else, so
// whatever a fresh machine needs for the tests (Debian's chromium) the test command provides.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './workspaces.mjs';

const HEADING = '## Quick start';
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const ci = readFileSync(path.join(repoRoot, '.ci/run'), 'utf8');

/** The lines of the first `sh` block under the Quick start heading. */
function quickStartCommands() {
  const start = readme.indexOf(`\n${HEADING}`);
  if (start < 0) return [];
  const section = readme.slice(start + 1).split(/\n## /)[0] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block.split('\n').filter((line) => line.trim() !== '');
}

/** The commands .ci/run runs: its lines that are not comments, shell options or blank. */
const ciCommands = () =>
  ci.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#') && !/^(set|cd|export) /.test(line));

describe('the Quick start', () => {
  it('is two commands: install and build, then the tests', () => {
    expect(quickStartCommands()).toEqual([
      'npx --yes pnpm@10.34.8 install --frozen-lockfile && npx --yes pnpm@10.34.8 build',
      'npx --yes pnpm@10.34.8 test',
    ]);
  });

  it('asks for nothing to be installed by hand before them', () => {
    const section = readme.slice(readme.indexOf(`\n${HEADING}`)).split(/\n## /)[1] ?? '';
    expect(section).not.toMatch(/^On a fresh machine.*plus/m);
    expect(quickStartCommands().join('\n')).not.toMatch(/apt-get|chromium/);
  });

  it('is what CI runs: a fresh install, then exactly the README test command, and no chromium of its own', () => {
    const [, test] = quickStartCommands();
    expect(ciCommands()).toEqual(['rm -rf node_modules', 'npx --yes pnpm@10.34.8 install --frozen-lockfile', test]);
    expect(ci).not.toMatch(/apt-get/);
  });
});
