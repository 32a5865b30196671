// The one ajv set-up used by the spec tests and by the validators generator, so that examples are
// checked by exactly the rules the published validators apply.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { _ } from 'ajv';
import { jsonText } from './json.mjs';
/** @import { Options, CodeKeywordDefinition, ErrorObject, ValidateFunction } from 'ajv' */
/** @import { Schema, BundledDocument } from './types.mjs' */

/**
 * Component schema `Name` is registered in ajv as `asx:Name`.
 * @param {string} name
 */
export const schemaId = (name) => `asx:${name}`;
const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;
/**
 * Annotation-only keywords: they mean nothing to validation, and dropping them keeps the
 * generated validators small (ajv standalone embeds the schemas it compiles).
 */
const ANNOTATIONS = new Set([
  'example',
  'examples',
  'format',
  'xml',
  'externalDocs',
  'description',
  'title',
  'deprecated',
  'summary',
]);

/**
 * A copy of a spec schema that ajv can compile: component refs point at registered ids, vendor
 * extensions are dropped (except `x-ascendex-bigint`, which replaces `type: integer` so that a
 * bigint value passes), annotation-only keywords are removed.
 * @template T
 * @param {T} schema a schema of a bundled document, or any value inside one
 * @returns {T}
 */
export function toAjvSchema(schema) {
  if (Array.isArray(schema)) return /** @type {T} */ (schema.map(toAjvSchema));
  if (schema === null || typeof schema !== 'object') return schema;
  /** @type {Schema} */
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref') {
      const m = COMPONENT_REF.exec(value);
      if (!m) throw new Error(`unexpected $ref ${value}: only component schema refs can be compiled`);
      out.$ref = schemaId(decodeURIComponent(/** @type {string} */ (m[1])));
    } else if (key === 'x-ascendex-bigint') {
      if (value === true) out[key] = true;
    } else if (key.startsWith('x-') || ANNOTATIONS.has(key)) {
      continue;
    } else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toAjvSchema(v)]));
    } else if (key === 'enum' || key === 'const' || key === 'required') {
      out[key] = value;
    } else {
      out[key] = toAjvSchema(value);
    }
  }
  if (out['x-ascendex-bigint'] === true && out.type === 'integer') delete out.type;
  return /** @type {T} */ (out);
}

/**
 * `x-ascendex-bigint`: an integer, as a safe-integer number or as a bigint. A number beyond 2^53 is
 * refused: the lossless parser reads every integer token that long as a bigint, so such a number
 * came from a token with a fraction or an exponent, and its digits were rounded.
 * @type {CodeKeywordDefinition}
 */
const bigintKeyword = {
  keyword: 'x-ascendex-bigint',
  schemaType: 'boolean',
  error: { message: 'must be an integer (number or bigint)' },
  code(cxt) {
    const { data } = cxt;
    cxt.fail(_`!(typeof ${data} == "bigint" || (typeof ${data} == "number" && Number.isSafeInteger(${data})))`);
  },
};

/**
 * A strict draft 2020-12 ajv that knows the toolkit's keywords.
 * @param {Options} [options]
 */
export function createAjv(options = {}) {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true, ...options });
  ajv.addKeyword(bigintKeyword);
  return ajv;
}

/** @type {WeakMap<Ajv2020, Map<string, string>>} ajv -> (name -> schema JSON) */
const registered = new WeakMap();
/**
 * Registers every `components.schemas` entry of a bundled document under `asx:<Name>`.
 * @param {Ajv2020} ajv
 * @param {BundledDocument} doc
 */
export function addComponentSchemas(ajv, doc) {
  let seen = registered.get(ajv);
  if (!seen) registered.set(ajv, (seen = new Map()));
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const prepared = toAjvSchema(schema);
    const text = jsonText(prepared);
    if (seen.has(name)) {
      // Shared components appear in both documents and must be the very same schema there.
      if (seen.get(name) !== text) throw new Error(`schema ${name} differs between the documents`);
      continue;
    }
    seen.set(name, text);
    ajv.addSchema({ $id: schemaId(name), ...prepared });
  }
  return ajv;
}

/**
 * The reference validation of the tests: one ajv holding the component schemas of both bundled
 * documents, compiling (and caching) any schema of them on demand.
 * @param {{ openapi: BundledDocument, asyncapi: BundledDocument }} docs the bundled documents
 */
export function referenceValidation({ openapi, asyncapi }) {
  const ajv = addComponentSchemas(addComponentSchemas(createAjv(), openapi), asyncapi);
  /** @type {WeakMap<object, ValidateFunction>} */
  const compiled = new WeakMap();
  return {
    ajv,
    /**
     * Validates `value` against a schema of either document.
     * @param {Schema} schema
     * @param {unknown} value
     * @returns {ErrorObject[] | null} ajv's errors, or null when the value is valid
     */
    validate(schema, value) {
      let fn = compiled.get(schema);
      if (!fn) compiled.set(schema, (fn = ajv.compile(toAjvSchema(schema))));
      return fn(value) ? null : (fn.errors ?? []);
    },
    /**
     * Looks up a component schema by name in either document.
     * @param {string} name
     * @returns {Schema | undefined}
     */
    component: (name) => openapi.components.schemas[name] ?? asyncapi.components.schemas[name],
  };
}
