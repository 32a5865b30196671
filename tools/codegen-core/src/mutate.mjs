// Test support: makes an example invalid by removing one field its schema requires. Used to prove
// that a validator (or a spec example check) can fail, not just pass.
import { refName } from './naming.mjs';
/** @import { Schema } from './types.mjs' */

/** @typedef {(string | number)[]} ValuePath a path into a value: property names and array indices */
/** @typedef {(name: string) => Schema | undefined} ComponentLookup looks up `#/components/schemas/<name>` */
/** @typedef {(schema: Schema, value: unknown) => boolean} SchemaTest */

/**
 * Finds a required property that is present in `value`, searching the branch of
 * oneOf/anyOf/allOf that `value` matches and descending into properties and items.
 * @param {any} value the example (`any`: it is walked along its schema, which says what it holds)
 * @param {Schema | undefined} schema a bundled-document schema (may contain component $refs)
 * @param {ComponentLookup} component
 * @param {SchemaTest} matches validates a value against a schema
 * @param {ValuePath} [path] where `value` is in the example (for recursion)
 * @returns {ValuePath | null} the path of the property to remove
 */
export function findRequiredPath(value, schema, component, matches, path = []) {
  let s = schema;
  while (s && typeof s === 'object' && typeof s.$ref === 'string') s = component(refName(s.$ref));
  if (!s || typeof s !== 'object') return null;
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    for (const branch of s[key] ?? []) {
      if (key !== 'allOf' && !matches(branch, value)) continue;
      const found = findRequiredPath(value, branch, component, matches, path);
      if (found) return found;
    }
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of s.required ?? []) if (key in value) return [...path, key];
    for (const [key, sub] of Object.entries(s.properties ?? {})) {
      if (!(key in value)) continue;
      const found = findRequiredPath(value[key], sub, component, matches, [...path, key]);
      if (found) return found;
    }
  }
  if (Array.isArray(value) && s.items && typeof s.items === 'object') {
    for (const [i, item] of value.entries()) {
      const found = findRequiredPath(item, s.items, component, matches, [...path, i]);
      if (found) return found;
    }
  }
  return null;
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
 * Finds the first field below the root whose (resolved) schema satisfies `predicate`, searching
 * like {@link findRequiredPath}.
 * @param {any} value
 * @param {Schema | undefined} schema
 * @param {ComponentLookup} component
 * @param {SchemaTest} matches
 * @param {SchemaTest} predicate
 * @param {ValuePath} [path]
 * @returns {ValuePath | null}
 */
export function findFieldPath(value, schema, component, matches, predicate, path = []) {
  let s = schema;
  while (s && typeof s === 'object' && typeof s.$ref === 'string') {
    if (path.length && predicate(s, value)) return path;
    s = component(refName(s.$ref));
  }
  if (!s || typeof s !== 'object') return null;
  if (path.length && predicate(s, value)) return path;
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    for (const branch of s[key] ?? []) {
      if (key !== 'allOf' && !matches(branch, value)) continue;
      const found = findFieldPath(value, branch, component, matches, predicate, path);
      if (found) return found;
    }
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, sub] of Object.entries(s.properties ?? {})) {
      if (!(key in value)) continue;
      const found = findFieldPath(value[key], sub, component, matches, predicate, [...path, key]);
      if (found) return found;
    }
  }
  if (Array.isArray(value) && s.items && typeof s.items === 'object') {
    for (const [i, item] of value.entries()) {
      const found = findFieldPath(item, s.items, component, matches, predicate, [...path, i]);
      if (found) return found;
    }
  }
  return null;
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
