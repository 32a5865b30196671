// Every JSON sample in the docs is an example in the spec: the values are the same, field for field
// (after reading past the samples' comments and syntax slips, which the discrepancy logs record);
// and every example the spec says it modelled from a docs file is a sample read from that file.
import { describe, expect } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import { openapiExamples, asyncapiExamples } from '@ascendex-toolkit/codegen-core';
import { openapi, asyncapi } from './load.mjs';
import { docsFiles, itWithDocs, eachDocsRow } from './docs.mjs';
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
    readDocsSample(block).map((value, i) => ({
      file,
      name: `${file} block ${b + 1}${i ? ` value ${i + 1}` : ''}`,
      value,
    })),
  ),
);

/**
 * Every example of the bundled documents that names the docs file it was modelled from
 * (`x-ascendex-docs`), with where it is.
 * @returns {{ at: string, file: string, value: unknown }[]}
 */
function examplesFromDocs() {
  const out = [];
  const visit = (node, at) => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${at}/${i}`));
    if (!node || typeof node !== 'object') return;
    if ('value' in node && typeof node['x-ascendex-docs'] === 'string')
      out.push({ at, file: node['x-ascendex-docs'], value: node.value });
    for (const [key, value] of Object.entries(node)) visit(value, `${at}/${key}`);
  };
  visit(openapi, '#openapi');
  visit(asyncapi, '#asyncapi');
  return out;
}

describe('docs samples', () => {
  itWithDocs('hold every example the spec says it modelled from the docs, in the file it names', () => {
    const missing = examplesFromDocs()
      .filter((e) => !samples.some((s) => s.file === e.file && isDeepStrictEqual(s.value, e.value)))
      .map((e) => `${e.at} (${e.file})`);
    expect(missing).toEqual([]);
  });

  eachDocsRow(
    samples.map((s) => [s.name, s]),
    '%s is an example in the spec',
    (_n, s) => {
      expect(
        examples.some((e) => isDeepStrictEqual(e, s.value)),
        'no spec example has exactly these fields and values',
      ).toBe(true);
    },
  );
});
