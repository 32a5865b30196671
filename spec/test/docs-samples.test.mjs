// Every JSON sample in the docs is an example in the spec: the values are the same, field for field
// (after reading past the samples' comments and syntax slips, which the discrepancy logs record).
import { describe, it, expect } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import { openapiExamples, asyncapiExamples } from '@ascendex-toolkit/codegen-core';
import { openapi, asyncapi } from './load.mjs';
import { docsPresent, docsFiles, SKIP_REASON } from './docs.mjs';
import { readDocsSample } from './lenient-json.mjs';

const examples = [...openapiExamples(openapi), ...asyncapiExamples(asyncapi)].map((e) => e.value);
/** The sample blocks of a docs file: ```json fences, indented blocks that open with `{`, and `<<<`/`>>>` lines. */
function sampleBlocks(text) {
  return [
    ...[...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]),
    ...[...text.matchAll(/(?:^|\n\n)((?: {4}.*(?:\n|$))+)/g)]
      .map((m) => m[1])
      .filter((b) => b.trimStart().startsWith('{')),
    ...[...text.matchAll(/^(?:<<<|>>>)\s*(\{.*\})/gm)].map((m) => m[1]),
  ];
}

const samples = docsFiles().flatMap(({ file, text }) =>
  sampleBlocks(text).flatMap((block, b) =>
    readDocsSample(block).map((value, i) => ({ name: `${file} block ${b + 1}${i ? ` value ${i + 1}` : ''}`, value })),
  ),
);

describe('docs samples', () => {
  it.skipIf(!docsPresent)('are all read', () => {
    expect(samples.length).toBeGreaterThan(85);
  });

  it.skipIf(!docsPresent).each(samples.map((s) => [s.name, s]))('%s is an example in the spec', (_n, s) => {
    expect(
      examples.some((e) => isDeepStrictEqual(e, s.value)),
      'no spec example has exactly these fields and values',
    ).toBe(true);
  });

  it.skipIf(docsPresent)(`is skipped: ${SKIP_REASON}`, () => {
    expect(docsPresent).toBe(false);
  });
});
