// Reads the exchange's docs (../shared/api-docs, or $ASCENDEX_API_DOCS) for the tests that check
// the spec against them. Where the docs are absent every such check is still declared and skipped,
// its name saying why, so a run's summary counts it as skipped: never as passed, never as nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { apiDocsDir } from '@ascendex-toolkit/codegen-core';

export const docsPresent = existsSync(apiDocsDir);
/** What a docs check's name says when it is skipped. */
export const NEEDS_DOCS = `skipped: needs the exchange's docs, not found at ${apiDocsDir}`;
if (!docsPresent) console.warn(`docs checks ${NEEDS_DOCS}`);

/**
 * [{ file, text }] for every Markdown file of the docs, misc/ included; line ends normalised to
 * `\n` (a third of the files are CRLF, which the samples' patterns would otherwise not see).
 * @returns {{ file: string, text: string }[]}
 */
export function docsFiles() {
  if (!docsPresent) return [];
  const files = [];
  for (const dir of ['', 'misc']) {
    for (const name of readdirSync(path.join(apiDocsDir, dir))) {
      if (!name.endsWith('.md')) continue;
      const text = readFileSync(path.join(apiDocsDir, dir, name), 'utf8').replace(/\r\n?/g, '\n');
      files.push({ file: path.join(dir, name), text });
    }
  }
  return files;
}

/**
 * The text of one docs file (`''` without the docs).
 * @param {string} name e.g. `_ws_sub.md`, `misc/real_time_orderbook_feed.md`
 */
export const docsFile = (name) => docsFiles().find((f) => f.file === name)?.text ?? '';

/**
 * A test that reads the docs: run where they are, skipped (and named so) where they are not.
 * @param {string} name
 * @param {() => void | Promise<void>} fn
 */
export function itWithDocs(name, fn) {
  it.skipIf(!docsPresent)(docsPresent ? name : `${name} (${NEEDS_DOCS})`, fn);
}

/**
 * One test per row read from the docs (`it.each`). Without the docs there are no rows, so one
 * skipped test stands for them all, rather than none at all.
 * @template {unknown[]} T
 * @param {T[]} rows
 * @param {string} name with `%s` for the row's first value
 * @param {(...args: T) => void | Promise<void>} fn
 */
export function eachDocsRow(rows, name, fn) {
  if (docsPresent) it.each(rows)(name, fn);
  else it.skipIf(!docsPresent)(`${name.replace(/%s/g, '…')} (${NEEDS_DOCS})`, () => {});
}
