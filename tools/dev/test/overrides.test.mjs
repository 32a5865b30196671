// Every dependency override of the root package.json (`pnpm.overrides`) is explained in the
// README's "Dependency overrides" table (package.json cannot hold comments), with the version it
// pins, and no row outlives its override; the lockfile resolves each pin.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './workspaces.mjs';

const HEADING = '## Dependency overrides';
/** @type {Record<string, string>} */
const overrides = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).pnpm?.overrides ?? {};
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const lockfile = readFileSync(path.join(repoRoot, 'pnpm-lock.yaml'), 'utf8');

/**
 * The rows of the table in the README's overrides section: `| \`name\` | \`version\` | why | remove when |`.
 * @returns {{ name: string, version: string, why: string, removeWhen: string }[]}
 */
function explained() {
  const start = readme.indexOf(`\n${HEADING}\n`);
  if (start < 0) return [];
  const section = readme.slice(start + HEADING.length + 2).split(/\n## /)[0] ?? '';
  return section
    .split('\n')
    .filter((line) => /^\|\s*`/.test(line))
    .map((line) => {
      // Cells split on `|` not escaped as `\|` (Markdown's way to write a `|` inside a cell).
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim());
      const code = (/** @type {string | undefined} */ cell) => /^`([^`]+)`$/.exec(cell ?? '')?.[1] ?? '';
      return { name: code(cells[0]), version: code(cells[1]), why: cells[2] ?? '', removeWhen: cells[3] ?? '' };
    });
}

describe('dependency overrides', () => {
  it('the root package.json has overrides to explain (the pins this check was written for)', () => {
    expect(Object.keys(overrides)).toEqual(expect.arrayContaining(['@asyncapi/generator-hooks', '@inquirer/confirm']));
  });

  it('every override has a row in the README with its version, a reason and when to remove it', () => {
    const rows = explained();
    expect(rows.map((r) => [r.name, r.version]).sort()).toEqual(Object.entries(overrides).sort());
    for (const row of rows) {
      expect(row.why, `${row.name}: why (a sentence)`).toMatch(/[A-Za-z].*\./);
      expect(row.removeWhen, `${row.name}: remove when`).not.toBe('');
    }
  });

  it('the lockfile was resolved with exactly these overrides', () => {
    const block = /^overrides:\n((?: {2}.+\n)+)/m.exec(lockfile)?.[1] ?? '';
    const locked = Object.fromEntries(
      block
        .trimEnd()
        .split('\n')
        .map((line) => {
          const [, name = '', version = ''] = /^ {2}'?([^':]+)'?: (.+)$/.exec(line) ?? [];
          return [name, version];
        }),
    );
    expect(locked).toEqual(overrides);
  });

  it('every pinned version is what the lockfile installs (the override is still in use)', () => {
    for (const [name, version] of Object.entries(overrides)) {
      expect(lockfile, `${name}@${version}`).toMatch(
        new RegExp(`^ {2}'?${name.replace(/[/.]/g, '\\$&')}@${version.replace(/\./g, '\\.')}'?:`, 'm'),
      );
      expect(lockfile, `${name}: another version`).not.toMatch(
        new RegExp(`^ {2}'?${name.replace(/[/.]/g, '\\$&')}@(?!${version.replace(/\./g, '\\.')}[(':])`, 'm'),
      );
    }
  });
});
