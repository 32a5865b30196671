// Generates packages/spec/src/generated from the spec. Pure: returns path -> content.
// The raw documents (JSON and YAML) are what other teams' tools load; the `.gen.ts` modules hold
// the same values as typed data (bigints exact) for the package's entry point.
import { createHash } from 'node:crypto';
import { banner, runtimeImport, specModel } from '@ascendex-toolkit/codegen-core';
import { assertSelfContained } from './self-contained.mjs';
import { toJson, toYaml, toJsLiteral, assertRoundTrip } from './serialize.mjs';
/** @import { SpecModel } from '@ascendex-toolkit/codegen-core' */

export const outDir = 'packages/spec/src/generated';
const GENERATOR = 'tools/gen-spec';

/** @param {string[]} sources */
const codeBanner = (sources) => banner(GENERATOR, sources) + '\n';
/** @param {string[]} sources */
const yamlBanner = (sources) => banner(GENERATOR, sources).replace(/^\/\//, '#');

/**
 * One value as a raw file per format, each checked to parse back to exactly `value`.
 * @param {Map<string, string>} files
 * @param {string} base file name without extension
 * @param {unknown} value
 * @param {string[]} sources
 * @param {('json' | 'yaml')[]} formats
 */
function addRaw(files, base, value, sources, formats) {
  for (const format of formats) {
    const name = `${base}.${format}`;
    const text = format === 'json' ? toJson(value) : toYaml(value, yamlBanner(sources));
    assertRoundTrip(value, text, format, name);
    files.set(`${outDir}/${name}`, text);
  }
}

/**
 * A typed data module: `export const <name>: <type> = <value>;`.
 * @param {string[]} sources
 * @param {string} name
 * @param {string} type a type exported by src/types.ts (the package's runtime entry), maybe with
 *   type arguments and `[]`
 * @param {unknown} value
 * @param {string} doc the JSDoc line
 * @param {string} [declarations] code before the constant
 */
function dataModule(sources, name, type, value, doc, declarations = '') {
  const typeName = type.replace(/(<.*>)?(\[\])?$/, '');
  const from = runtimeImport('@ascendex-toolkit/spec', 'data.gen.ts'); // every data module sits at src/generated/
  return `${codeBanner(sources)}import type { ${typeName} } from '${from}';\n\n${declarations}/** ${doc} */\nexport const ${name}: ${type} = ${toJsLiteral(value)};\n`;
}

/**
 * @param {SpecModel} [model] the spec model (codegen-core), by default the working tree's
 * @returns {Promise<Map<string, string>>} repo-relative path -> content
 */
export async function generate(model = specModel()) {
  const { openapi, asyncapi, errorCatalog: catalog, sources } = model;
  const { areas, entries } = model.discrepancies;
  assertSelfContained(openapi, 'the bundled OpenAPI document');
  assertSelfContained(asyncapi, 'the bundled AsyncAPI document');

  /** @type {Map<string, string>} */
  const files = new Map();
  addRaw(files, 'openapi', openapi, [sources.openapi], ['json', 'yaml']);
  addRaw(files, 'asyncapi', asyncapi, [sources.asyncapi], ['json', 'yaml']);
  addRaw(files, 'error-catalog', catalog, [sources.errorCatalog], ['json']);
  addRaw(files, 'discrepancies', entries, [sources.discrepancies], ['json']);
  const raw = [...files].map(([p, text]) => ({ name: p.slice(outDir.length + 1), text }));

  files.set(
    `${outDir}/openapi.gen.ts`,
    dataModule([sources.openapi], 'openapi', 'OpenApiDocument', openapi, 'The bundled OpenAPI 3.1 document (REST).'),
  );
  files.set(
    `${outDir}/asyncapi.gen.ts`,
    dataModule(
      [sources.asyncapi],
      'asyncapi',
      'AsyncApiDocument',
      asyncapi,
      'The bundled AsyncAPI 3 document (WebSocket).',
    ),
  );
  files.set(
    `${outDir}/error-catalog.gen.ts`,
    dataModule([sources.errorCatalog], 'errorCatalog', 'ErrorCatalog', catalog, 'The error catalog: groups and codes.'),
  );
  files.set(
    `${outDir}/discrepancies.gen.ts`,
    dataModule(
      [sources.discrepancies],
      'discrepancies',
      'DiscrepancyEntry<DiscrepancyArea>[]',
      entries,
      'The discrepancy log: where the exchange docs contradict themselves and what the spec does.',
      `/** The parts of the API the discrepancy log has a file for. */\nexport type DiscrepancyArea = ${areas.map((a) => JSON.stringify(a)).join(' | ')};\n\n`,
    ),
  );
  files.set(`${outDir}/spec-info.gen.ts`, specInfoModule(model, raw));
  return files;
}

/**
 * Versions of both documents and the SHA-256 of every raw file, so a consumer can check that
 * the file it loaded is the one this package was built with.
 * @param {SpecModel} model
 * @param {{ name: string, text: string }[]} raw
 */
function specInfoModule({ openapi, asyncapi, sources }, raw) {
  const hashes = raw.map(
    ({ name, text }) =>
      `    ${JSON.stringify(name)}: ${JSON.stringify(createHash('sha256').update(text).digest('hex'))},`,
  );
  return `${codeBanner([sources.openapi, sources.asyncapi, sources.errorCatalog, sources.discrepancies])}/** The spec this package was built from. */
export const specInfo = {
  /** \`info.version\` of the OpenAPI document. */
  openapiVersion: ${JSON.stringify(openapi.info.version)},
  /** \`info.version\` of the AsyncAPI document. */
  asyncapiVersion: ${JSON.stringify(asyncapi.info.version)},
  /** The OpenAPI and AsyncAPI specification versions the documents are written in. */
  formats: { openapi: ${JSON.stringify(openapi.openapi)}, asyncapi: ${JSON.stringify(asyncapi.asyncapi)} },
  /** SHA-256 (hex) of each raw file's bytes, by its name under the package's subpath exports. */
  sha256: {
${hashes.join('\n')}
  },
} as const;
`;
}

export { assertSelfContained, badRefs } from './self-contained.mjs';
export { assertRoundTrip, toJson, toYaml, toJsLiteral } from './serialize.mjs';
