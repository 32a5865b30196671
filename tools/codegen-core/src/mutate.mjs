// Test support: makes an example invalid by removing one field its schema requires. Used to prove
// that a validator (or a spec example check) can fail, not just pass.
import { refName } from './naming.mjs';
/** @import { Schema } from './types.mjs' */

/** @typedef {(string | number)[]} ValuePath a path into a value: property names and array indices */
/** @typedef {(name: string) => Schema | undefined} ComponentLookup looks up `#/components/schemas/<name>` */
/** @typedef {(schema: Schema, value: unknown) => boolean} SchemaTest */

/**
 * @typedef {object} SearchRules
 * @property {ComponentLookup} component
 * @property {SchemaTest} matches validates a value against a schema (picks oneOf/anyOf branches)
 * @property {(schema: Schema, value: any, path: ValuePath) => ValuePath | null} atSchema asked at every
 *   schema on the way, each `$ref` and the schema it resolves to, before descending
 * @property {(schema: Schema, value: any, path: ValuePath) => ValuePath | null} atObject asked at a
 *   resolved object schema whose value is an object, after its branches, before its properties
 */

/**
 * The one depth-first walk of a value along its schema behind {@link findRequiredPath} and
 * {@link findFieldPath}: through `$ref`s, the oneOf/anyOf branches the value matches and every allOf
 * branch, then the properties present in the value and the items of an array.
 * @param {any} value the example (`any`: it is walked along its schema, which says what it holds)
 * @param {Schema | undefined} schema a bundled-document schema (may contain component $refs)
 * @param {SearchRules} rules
 * @param {ValuePath} path where `value` is in the example
 * @returns {ValuePath | null}
 */
function searchAlongSchema(value, schema, rules, path) {
  let s = schema;
  while (s && typeof s === 'object' && typeof s.$ref === 'string') {
    const hit = rules.atSchema(s, value, path);
    if (hit) return hit;
    s = rules.component(refName(s.$ref));
  }
  if (!s || typeof s !== 'object') return null;
  const hit = rules.atSchema(s, value, path);
  if (hit) return hit;
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    for (const branch of s[key] ?? []) {
      if (key !== 'allOf' && !rules.matches(branch, value)) continue;
      const found = searchAlongSchema(value, branch, rules, path);
      if (found) return found;
    }
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const own = rules.atObject(s, value, path);
    if (own) return own;
    for (const [key, sub] of Object.entries(s.properties ?? {})) {
      if (!(key in value)) continue;
      const found = searchAlongSchema(value[key], sub, rules, [...path, key]);
      if (found) return found;
    }
  }
  if (Array.isArray(value) && s.items && typeof s.items === 'object') {
    for (const [i, item] of value.entries()) {
      const found = searchAlongSchema(item, s.items, rules, [...path, i]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Finds a required property that is present in `value`, searching the branch of
 * oneOf/anyOf/allOf that `value` matches and descending into properties and items.
 * @param {any} value the example
 * @param {Schema | undefined} schema a bundled-document schema (may contain component $refs)
 * @param {ComponentLookup} component
 * @param {SchemaTest} matches validates a value against a schema
 * @returns {ValuePath | null} the path of the property to remove
 */
export function findRequiredPath(value, schema, component, matches) {
  return searchAlongSchema(
    value,
    schema,
    {
      component,
      matches,
      atSchema: () => null,
      atObject: (s, v, path) => {
        const key = (s.required ?? []).find((/** @type {string} */ k) => k in v);
        return key === undefined ? null : [...path, key];
      },
    },
    [],
  );
}

/**
 * A deep copy of `value` without the property at `path`.
 * @template T
 * @param {T} value
 * @param {ValuePath} path
 * @returns {T}
 */
export function withoutPath(value, path) {
  const copy = structuredClone(value);
  /** @type {any} the container of the property, whatever its type */
  let node = copy;
  for (const seg of path.slice(0, -1)) node = node[seg];
  if (Array.isArray(node)) node.splice(Number(path.at(-1)), 1);
  else delete node[/** @type {string | number} */ (path.at(-1))];
  return copy;
}

/**
 * Finds the first field below the root whose schema (a `$ref` or what it resolves to) satisfies
 * `predicate`, searching like {@link findRequiredPath}.
 * @param {any} value
 * @param {Schema | undefined} schema
 * @param {ComponentLookup} component
 * @param {SchemaTest} matches
 * @param {SchemaTest} predicate
 * @returns {ValuePath | null}
 */
export function findFieldPath(value, schema, component, matches, predicate) {
  return searchAlongSchema(
    value,
    schema,
    {
      component,
      matches,
      atSchema: (s, v, path) => (path.length && predicate(s, v) ? path : null),
      atObject: () => null,
    },
    [],
  );
}

/**
 * A deep copy of `value` with the field at `path` replaced.
 * @template T
 * @param {T} value
 * @param {ValuePath} path
 * @param {unknown} replacement
 * @returns {T}
 */
export function withValueAt(value, path, replacement) {
  const copy = structuredClone(value);
  /** @type {any} the container of the field, whatever its type */
  let node = copy;
  for (const seg of path.slice(0, -1)) node = node[seg];
  node[/** @type {string | number} */ (path.at(-1))] = replacement;
  return copy;
}

/** @param {unknown} v */
const isScalar = (v) =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
const DECIMAL_LIKE = /^-?\d+(\.\d+)?$/;

/**
 * The mutations every validator must reject, each with how to find a field it applies to and
 * how to break it. `find` receives the resolved schema of a field and its value.
 * @type {Record<string, { find: SchemaTest, replace: (value: any) => unknown }>}
 */
export const MUTATIONS = {
  'wrong type': {
    find: (s, v) => isScalar(v) && ('type' in s || 'const' in s || 'enum' in s || s['x-ascendex-bigint'] === true),
    replace: (v) => (typeof v === 'string' ? 12345 : typeof v === 'boolean' ? 'true' : `${v}x`),
  },
  'unknown enum value': {
    find: (s, v) => Array.isArray(s.enum) && typeof v === 'string',
    replace: () => 'NOT_A_KNOWN_VALUE',
  },
  'number instead of decimal string': {
    find: (s, v) =>
      s.type === 'string' && typeof s.pattern === 'string' && typeof v === 'string' && DECIMAL_LIKE.test(v),
    replace: (v) => Number(v),
  },
};
