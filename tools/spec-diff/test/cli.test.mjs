// The CLIs against this repository: HEAD against a working tree whose spec/ is committed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * @param {string} script
 * @param {string[]} args
 */
const run = (script, args) =>
  spawnSync(process.execPath, [fileURLToPath(new URL(`../src/${script}`, import.meta.url)), ...args], {
    encoding: 'utf8',
  });

describe('pnpm spec:diff', () => {
  it('HEAD against the unchanged working tree: no changes, exit 0', () => {
    const result = run('cli.mjs', ['HEAD']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('openapi: no changes');
    expect(result.stdout).toContain('asyncapi: no changes');
    expect(result.status).toBe(0);
  });
  it('exits 2 without a ref, and fails on a ref that does not exist', () => {
    expect(run('cli.mjs', []).status).toBe(2);
    const missing = run('cli.mjs', ['no-such-ref-for-spec-diff']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('no-such-ref-for-spec-diff');
  });
});

describe('pnpm spec:changeset', () => {
  it('proposes nothing when the spec did not change since HEAD', () => {
    const result = run('changeset-cli.mjs', ['HEAD', '--dry-run']);
    expect(result.stdout).toContain('the spec did not change since HEAD: no changeset');
    expect(result.status).toBe(0);
  });
  it('exits 2 without a ref', () => {
    expect(run('changeset-cli.mjs', ['--dry-run']).status).toBe(2);
  });
});
