// Reads the exchange's docs (../shared/api-docs) for the coverage tests; they skip when it is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { apiDocsDir } from '@ascendex-toolkit/codegen-core';

export const docsPresent = existsSync(apiDocsDir);
export const SKIP_REASON = `the exchange's docs are not at ${apiDocsDir}: coverage against them cannot be checked here`;
if (!docsPresent) console.warn(`skipping docs coverage: ${SKIP_REASON}`);

/** [{ file, text }] for every Markdown file of the docs, misc/ included. */
export function docsFiles() {
  if (!docsPresent) return [];
  const files = [];
  for (const dir of ['', 'misc']) {
    for (const name of readdirSync(path.join(apiDocsDir, dir))) {
      // A third of the files have CRLF line ends, which the samples' patterns would not see.
      if (name.endsWith('.md'))
        files.push({
          file: path.join(dir, name),
          text: readFileSync(path.join(apiDocsDir, dir, name), 'utf8').replace(/\r\n?/g, '\n'),
        });
    }
  }
  return files;
}
