// The exchange-side request profile: the same request schemas, read the way the exchange reads a
// request. Our client keeps the strict schemas; the mocks check what they receive with these.
//
// - unknown fields are accepted and ignored: `additionalProperties: false` is dropped;
// - scalars are coerced to the schema's type (ajv `coerceTypes`): query strings, `"t": "170..."`;
// - `x-ascendex-capped` maxima cap the value instead of refusing it (keyword `capAt`);
// - `x-ascendex-bigint` integers are coerced from digit strings too (keyword `coerceInteger`);
// - a `oneOf` whose branches differ by one required const property (the order types) is checked
//   against the branch that property names only (ajv `discriminator`), so a refusal names the
//   field the exchange would name rather than every branch's complaints; any other `oneOf` is read
//   as `anyOf`, `null` first, so that coercion cannot turn a `null` into `""` on the way.
import { _ } from 'ajv';
import { refName } from '@ascendex-toolkit/codegen-core';
/** @import { BundledDocument, Schema, SpecObject } from '@ascendex-toolkit/codegen-core' */
/** @import { CodeKeywordDefinition, KeywordCxt } from 'ajv' */
/** @typedef {(name: string) => Schema | undefined} ComponentLookup */

/** ajv options of the exchange-side profile (added to the shared set-up of codegen-core). */
export const EXCHANGE_AJV_OPTIONS = { coerceTypes: true, discriminator: true };

/**
 * Puts a changed value back into the object or array it came from, as ajv's own type coercion
 * does: a component compiled as its own function (`inlineRefs: false`) gets its parent at run time.
 * @param {KeywordCxt['gen']} gen
 * @param {KeywordCxt['it']} it
 * @param {KeywordCxt['data']} data
 */
function writeBack(gen, it, data) {
  gen.if(_`${it.parentData} !== undefined`, () => gen.assign(_`${it.parentData}[${it.parentDataProperty}]`, data));
}

/** @type {CodeKeywordDefinition} `capAt: N`: a number above N becomes N, in the data itself. */
const capAtKeyword = {
  keyword: 'capAt',
  type: 'number',
  schemaType: 'number',
  code(cxt) {
    const { gen, data, schema, it } = cxt;
    gen.if(_`${data} > ${schema}`, () => {
      gen.assign(data, schema);
      writeBack(gen, it, data);
    });
  },
};

/**
 * `coerceInteger: true | 'int64'`: like `x-ascendex-bigint` (an integer as a number, or a bigint
 * beyond 2^53), and a string of digits is first turned into one, exactly. With `'int64'` (the
 * schema's `format: int64`) a value outside the signed 64-bit range is refused, as a server that
 * stores it in an int64 refuses it.
 * @type {CodeKeywordDefinition}
 */
const coerceIntegerKeyword = {
  keyword: 'coerceInteger',
  schemaType: ['boolean', 'string'],
  error: {
    message: ({ schema }) =>
      schema === 'int64' ? _`"must be an integer in the int64 range"` : _`"must be an integer (number or bigint)"`,
  },
  code(cxt) {
    const { gen, data, it, schema } = cxt;
    gen.if(_`typeof ${data} == "string" && /^-?[0-9]+$/.test(${data})`, () => {
      gen.assign(data, _`Number.isSafeInteger(Number(${data})) ? Number(${data}) : BigInt(${data})`);
      writeBack(gen, it, data);
    });
    const integer = _`(typeof ${data} == "bigint" || (typeof ${data} == "number" && Number.isInteger(${data})))`;
    // Safe integers are inside the int64 range; only a bigint can leave it.
    const inRange =
      schema === 'int64'
        ? _`(typeof ${data} != "bigint" || (${data} >= -BigInt("9223372036854775808") && ${data} <= BigInt("9223372036854775807")))`
        : _`true`;
    cxt.fail(_`!(${integer} && ${inRange})`);
  },
};

export const EXCHANGE_KEYWORDS = [capAtKeyword, coerceIntegerKeyword];

/**
 * The const-valued property that tells the branches of a `oneOf` apart, when there is exactly one
 * such property, required in every branch.
 * @param {Schema[]} branches
 * @param {ComponentLookup} component
 * @returns {string | undefined}
 */
export function discriminatorOf(branches, component) {
  /** @type {(Schema | undefined)[]} */
  const resolved = branches.map((b) => (b?.$ref ? component(refName(b.$ref)) : b));
  if (resolved.some((b) => !b || typeof b !== 'object' || b.type !== 'object')) return undefined;
  const [first, ...rest] = /** @type {Schema[]} */ (resolved);
  const candidates = Object.keys(first?.properties ?? {}).filter((p) =>
    resolved.every((b) => b?.required?.includes(p) && b.properties?.[p] && 'const' in b.properties[p]),
  );
  if (candidates.length !== 1 || rest.length === 0) return undefined;
  return candidates[0];
}

/**
 * A copy of a (bundled-document) schema as the exchange reads it.
 * @param {any} schema a schema, or any value inside one
 * @param {ComponentLookup} component looks up a component schema of either document
 * @returns {any} the same kind of value
 */
export function exchangeSchema(schema, component) {
  if (Array.isArray(schema)) return schema.map((s) => exchangeSchema(s, component));
  if (schema === null || typeof schema !== 'object') return schema;
  /** @type {SpecObject} */
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'additionalProperties' && value === false) continue;
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, exchangeSchema(v, component)]));
    } else if (key === 'enum' || key === 'const' || key === 'required' || key === 'examples' || key === 'example') {
      out[key] = value;
    } else {
      out[key] = exchangeSchema(value, component);
    }
  }
  if (out['x-ascendex-capped'] === true) {
    if (typeof out.maximum !== 'number') throw new Error('x-ascendex-capped needs a numeric maximum');
    out.capAt = out.maximum;
    delete out.maximum;
  }
  if (out['x-ascendex-bigint'] === true) {
    delete out['x-ascendex-bigint'];
    if (out.type === 'integer') delete out.type;
    out.coerceInteger = out.format === 'int64' ? 'int64' : true;
  }
  if (Array.isArray(out.oneOf)) {
    const propertyName = discriminatorOf(schema.oneOf, component);
    if (propertyName) {
      out.discriminator = { propertyName };
      // ajv's discriminator only looks at objects: without the type, `null`, `"abc"` or `[]` would pass.
      out.type ??= 'object';
    } else {
      // Type coercion turns `null` into `""`/`0`/`false` in place, in whichever branch tries it
      // first, and `oneOf` tries them all. As `anyOf` with the `null` branches first, a `null` is
      // taken as sent and the other branches never see it (ajv stops at the first valid branch).
      const isNull = (/** @type {Schema} */ b) => b?.type === 'null';
      out.anyOf = [...out.oneOf.filter(isNull), ...out.oneOf.filter((/** @type {Schema} */ b) => !isNull(b))];
      delete out.oneOf;
    }
  }
  return out;
}

/**
 * Copies of the bundled documents whose component schemas read like the exchange.
 * @param {BundledDocument[]} docs
 * @returns {BundledDocument[]}
 */
export function exchangeDocuments(docs) {
  /** @type {ComponentLookup} */
  const component = (name) => docs.map((d) => d.components?.schemas?.[name]).find(Boolean);
  return docs.map((doc) => ({
    ...doc,
    components: {
      ...doc.components,
      schemas: Object.fromEntries(
        Object.entries(doc.components?.schemas ?? {}).map(([n, s]) => [n, exchangeSchema(s, component)]),
      ),
    },
  }));
}
