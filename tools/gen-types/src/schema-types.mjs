// TypeScript for every schema of both documents and for the REST paths/operations, converted by
// openapi-typescript. The WebSocket schemas are added to the REST document's components so that one
// conversion covers everything and each schema becomes exactly one type.
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { jsdoc } from '@ascendex-toolkit/codegen-core';
/** @import { BundledDocument, Schema, SpecObject } from '@ascendex-toolkit/codegen-core' */
/** @import { OpenAPI3 } from 'openapi-typescript' */

const f = ts.factory;
/** `x-ascendex-bigint` integers: safe values parse as number, larger ones as bigint. */
const NUMBER_OR_BIGINT = f.createUnionTypeNode([
  f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword),
  f.createKeywordTypeNode(ts.SyntaxKind.BigIntKeyword),
]);

/**
 * Drops `examples`/`example` (they may hold bigints and are not needed in types).
 * @template T
 * @param {T} node
 * @returns {T}
 */
function withoutExamples(node) {
  if (Array.isArray(node)) return /** @type {T} */ (node.map(withoutExamples));
  if (!node || typeof node !== 'object') return node;
  /** @type {SpecObject} */
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'examples' || k === 'example') continue;
    out[k] = withoutExamples(v);
  }
  return /** @type {T} */ (out);
}

/**
 * @param {BundledDocument} openapi
 * @param {BundledDocument} asyncapi
 * @returns {Promise<{ components: string, restPaths: string, aliases: string }>} TypeScript sources: the
 *   `components` interface, the REST `paths`/`operations` interfaces, one named alias per schema.
 */
export async function convertSchemas(openapi, asyncapi) {
  const merged = withoutExamples(structuredClone(openapi));
  const schemas = { ...merged.components.schemas, ...withoutExamples(asyncapi.components.schemas) };
  merged.components.schemas = Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .map((k) => [k, /** @type {Schema} */ (schemas[k])]),
  );

  const nodes = await openapiTS(/** @type {OpenAPI3} */ (merged), {
    transform: (schema) => (schema['x-ascendex-bigint'] ? NUMBER_OR_BIGINT : undefined),
    arrayLength: true,
    silent: true,
  });
  /** @param {string} name the top-level declarations called `name` */
  const named = (name) => nodes.filter((n) => /** @type {{ name?: ts.Identifier }} */ (n).name?.text === name);
  const components = astToString(named('components'));
  const restPaths = astToString([...named('paths'), ...named('operations')]);
  const aliases = Object.entries(merged.components.schemas)
    .map(([name, s]) => `${jsdoc(s.description)}export type ${name} = components['schemas']['${name}'];`)
    .join('\n');
  return { components, restPaths, aliases };
}
