// Generates packages/types/src/generated from the spec. Pure: returns path -> content.
import { createHash } from 'node:crypto';
import { banner, formatCode, specModel, jsonText } from '@ascendex-toolkit/codegen-core';
import { convertSchemas } from './schema-types.mjs';
import { restTypeFiles } from './rest-types.mjs';
import { enumsSource, errorsSource } from './catalog-types.mjs';
import { renderWsStructure } from './ws-types.mjs';
/** @import { BundledDocument, SpecModel } from '@ascendex-toolkit/codegen-core' */

export const outDir = 'packages/types/src/generated';
const GENERATOR = 'tools/gen-types';

/**
 * @param {string[]} sources
 * @param {string} code
 */
async function file(sources, code) {
  return formatCode(banner(GENERATOR, sources) + '\n' + code);
}

/**
 * @param {SpecModel} [model] the spec model (codegen-core), by default the working tree's
 * @returns {Promise<Map<string, string>>} repo-relative path -> content
 */
export async function generate(model = specModel()) {
  const { openapi, asyncapi, sources } = model;
  const files = new Map();
  const { components, restPaths, aliases, schemaNames, operationTypes } = await convertSchemas(openapi, asyncapi);
  const both = [sources.openapi, sources.asyncapi];
  files.set(`${outDir}/schemas.gen.ts`, await file(both, `${aliases}\n\n${components}\n`));
  files.set(`${outDir}/rest/paths.gen.ts`, await file([sources.openapi], restPaths));
  for (const [tag, code] of restTypeFiles(model, operationTypes, schemaNames)) {
    files.set(`${outDir}/rest/${tag}.gen.ts`, await file([sources.openapi], code));
  }
  files.set(`${outDir}/enums.gen.ts`, await file([sources.enums], enumsSource(model.enums)));
  files.set(`${outDir}/errors.gen.ts`, await file([sources.errorCatalog], errorsSource(model.errorCatalog)));
  for (const [name, code] of await renderWsStructure(model)) {
    files.set(`${outDir}/ws/${name}`, await file([sources.asyncapi], code));
  }
  files.set(`${outDir}/spec-info.gen.ts`, await file(both, specInfoSource(openapi, asyncapi)));
  files.set(`${outDir}/index.gen.ts`, await file(both, barrelSource([...files.keys()])));
  return files;
}

/**
 * The spec this package was generated from: versions and a hash of both bundled documents.
 * @param {BundledDocument} openapi
 * @param {BundledDocument} asyncapi
 */
function specInfoSource(openapi, asyncapi) {
  const text = jsonText([openapi, asyncapi]);
  const sha256 = createHash('sha256').update(text).digest('hex');
  return `/** The spec these types were generated from. */
export const specInfo = {
  openapiVersion: ${JSON.stringify(openapi.info.version)},
  asyncapiVersion: ${JSON.stringify(asyncapi.info.version)},
  /** SHA-256 of the bundled OpenAPI and AsyncAPI documents. */
  sha256: ${JSON.stringify(sha256)},
} as const;
`;
}

/**
 * Re-exports every generated module (type-only modules with \`export type *\`).
 * @param {string[]} paths
 */
function barrelSource(paths) {
  /** @param {string} p */
  const rel = (p) => './' + p.slice(outDir.length + 1).replace(/\.ts$/, '.js');
  const valueModules = ['enums.gen.ts', 'errors.gen.ts', 'spec-info.gen.ts'];
  return (
    paths
      // Everything except rest/paths.gen.ts (re-exported by name below) and this barrel itself.
      .filter((p) => !p.endsWith('/rest/paths.gen.ts') && p !== `${outDir}/index.gen.ts`)
      .sort()
      .map((p) =>
        valueModules.some((v) => p.endsWith('/' + v))
          ? `export * from '${rel(p)}';`
          : `export type * from '${rel(p)}';`,
      )
      .join('\n') + `\nexport type { paths, operations } from './rest/paths.gen.js';\n`
  );
}
