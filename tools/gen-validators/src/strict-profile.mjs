// The strict profile (the validators our client checks with): the spec's schemas as they are, plus
// ajv's `discriminator` on every `oneOf` whose branches differ by one required const property (the
// order types). ajv then checks only the branch the value's tag selects, so a refusal of a limit
// order with a number price says `/orderPrice must be string`, not every order type's complaints.
// Same acceptance as plain `oneOf`: the branches' consts differ, so at most one can match.
import { refName } from '@ascendex-toolkit/codegen-core';
import { discriminatorOf } from './exchange-profile.mjs';
/** @import { BundledDocument, OpenApiDocument, SpecObject } from '@ascendex-toolkit/codegen-core' */
/** @typedef {(name: string) => import('@ascendex-toolkit/codegen-core').Schema | undefined} ComponentLookup */

/** ajv options the discriminators need. */
export const STRICT_DISCRIMINATOR_OPTIONS = { discriminator: true };

/**
 * Whether every branch's const of `propertyName` is a string no other branch has (ajv needs that;
 * some WebSocket replies share an `action` and differ by other fields, and stay plain `oneOf`).
 * @param {import('@ascendex-toolkit/codegen-core').Schema[]} branches
 * @param {string} propertyName
 * @param {ComponentLookup} component
 */
function tagsAreUnique(branches, propertyName, component) {
  const tags = branches.map((b) => (b.$ref ? component(refName(b.$ref)) : b)?.properties?.[propertyName]?.const);
  return tags.every((t) => typeof t === 'string') && new Set(tags).size === tags.length;
}

/**
 * @param {any} schema a schema, or any value inside one
 * @param {ComponentLookup} component
 * @returns {any} a copy with `discriminator` beside each discriminated `oneOf`
 */
function withDiscriminator(schema, component) {
  if (Array.isArray(schema)) return schema.map((s) => withDiscriminator(s, component));
  if (schema === null || typeof schema !== 'object') return schema;
  /** @type {SpecObject} */
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === 'enum' || key === 'const' || key === 'examples' || key === 'example'
        ? value
        : withDiscriminator(value, component);
  }
  if (Array.isArray(schema.oneOf)) {
    const propertyName = discriminatorOf(schema.oneOf, component);
    if (propertyName && tagsAreUnique(schema.oneOf, propertyName, component)) out.discriminator = { propertyName };
  }
  return out;
}

/**
 * @template {BundledDocument} D
 * @param {D} doc
 * @param {ComponentLookup} component
 * @returns {D}
 */
function copyWithDiscriminators(doc, component) {
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(([n, s]) => [n, withDiscriminator(s, component)]);
  return { ...doc, components: { ...doc.components, schemas: Object.fromEntries(schemas) } };
}

/**
 * Copies of the bundled documents whose component schemas carry the discriminators. Read every
 * validator entry from these copies (entries that are components are recognised by identity).
 * @param {{ openapi: OpenApiDocument, asyncapi: BundledDocument }} docs
 * @returns {{ openapi: OpenApiDocument, asyncapi: BundledDocument }}
 */
export function strictDocuments({ openapi, asyncapi }) {
  /** @type {ComponentLookup} */
  const component = (name) => openapi.components?.schemas?.[name] ?? asyncapi.components?.schemas?.[name];
  return { openapi: copyWithDiscriminators(openapi, component), asyncapi: copyWithDiscriminators(asyncapi, component) };
}
