// The Markdown files of the repository: every `*.md` git tracks or would track (so a new README is
// checked before its first commit), none of what .gitignore leaves out (node_modules, dist, ...).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBlocks } from './blocks.mjs';

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * @param {string} [dir] the repository (default this one)
 * @returns {string[]} repository-relative paths, sorted
 */
export function markdownFiles(dir = root) {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', '*.md'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return [...new Set(out.split('\0').filter((file) => file && existsSync(path.join(dir, file))))].sort();
}

/** The checker's own test fixtures: Markdown with a wrong block of each kind, on purpose. */
export const FIXTURES = 'tools/docs-check/fixtures/';

/**
 * Every code block of every Markdown file of the repository but the checker's fixtures.
 * @param {string} [dir]
 * @returns {import('./blocks.mjs').Block[]}
 */
export function repositoryBlocks(dir = root) {
  return markdownFiles(dir)
    .filter((file) => !file.startsWith(FIXTURES))
    .flatMap((file) => readBlocks(readFileSync(path.join(dir, file), 'utf8'), file));
}
