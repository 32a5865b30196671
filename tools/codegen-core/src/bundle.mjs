// Bundles a multi-file spec document into one self-contained document.
// Rules (spec/README.md): refs into components/schemas/** become named component schemas,
// refs into components/parameters.yaml named component parameters; other file refs are inlined.
import path from 'node:path';
import { readYaml } from './yaml.mjs';
import { getAtPointer, decodePointer } from './json-pointer.mjs';
/** @import { JsonValue, SpecObject, BundledDocument } from './types.mjs' */

/**
 * @param {string} rootFile absolute path of openapi.yaml or asyncapi.yaml; its folder is the spec
 *   folder (the working tree's spec/, or a copy of it at another commit, as tools/spec-diff bundles)
 * @returns {BundledDocument} the bundled document; component maps are sorted by name
 */
export function bundle(rootFile) {
  const specDir = path.dirname(rootFile);
  const schemasDir = path.join(specDir, 'components', 'schemas') + path.sep;
  const parametersFile = path.join(specDir, 'components', 'parameters.yaml');

  /**
   * @param {string} file
   * @returns {'schemas' | 'parameters' | 'inline'}
   */
  function kindOf(file) {
    if (file.startsWith(schemasDir)) return 'schemas';
    if (file === parametersFile) return 'parameters';
    return 'inline';
  }

  /** @type {Record<'schemas' | 'parameters', Map<string, { origin: string, value: JsonValue }>>} name -> where it was defined, its bundled value */
  const lifted = { schemas: new Map(), parameters: new Map() };

  /**
   * @param {'schemas' | 'parameters'} kind
   * @param {string} name
   * @param {string} origin
   * @param {string} file
   * @param {string} pointer
   */

  function lift(kind, name, origin, file, pointer) {
    const known = lifted[kind].get(name);
    if (known) {
      if (known.origin !== origin) {
        throw new Error(`component name clash: ${kind}/${name} is both ${known.origin} and ${origin}`);
      }
      return;
    }
    /** @type {{ origin: string, value: JsonValue }} */
    const entry = { origin, value: null };
    lifted[kind].set(name, entry);
    entry.value = walk(getAtPointer(readYaml(file), pointer), file);
  }

  /**
   * @param {JsonValue} node
   * @param {string} file
   * @returns {JsonValue}
   */
  function walk(node, file) {
    if (Array.isArray(node)) return node.map((item) => walk(/** @type {JsonValue} */ (item), file));
    if (node === null || typeof node !== 'object') return node;
    return walkObject(node, file);
  }

  /**
   * @param {SpecObject} node
   * @param {string} file
   * @returns {JsonValue}
   */
  function walkObject(node, file) {
    if (typeof node.$ref === 'string') {
      const [filePart, pointer = ''] = node.$ref.split('#');
      const siblings = Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref'));
      if (!filePart && file === rootFile) {
        return { $ref: node.$ref, ...walkMembers(siblings, file) }; // internal ref of the root document
      }
      const target = filePart ? path.resolve(path.dirname(file), filePart) : file;
      const kind = kindOf(target);
      if (kind === 'inline') {
        const resolved = walk(getAtPointer(readYaml(target), pointer), target);
        return Object.keys(siblings).length
          ? { .../** @type {SpecObject} */ (resolved), ...walkMembers(siblings, file) }
          : resolved;
      }
      const segments = decodePointer(pointer);
      if (segments.length !== 1) {
        throw new Error(
          `${node.$ref} in ${path.relative(specDir, file)}: component refs must name a top-level entry (#/<Name>)`,
        );
      }
      const name = /** @type {string} */ (segments[0]);
      lift(kind, name, `${path.relative(specDir, target)}#${pointer}`, target, pointer);
      return { $ref: `#/components/${kind}/${name}`, ...walkMembers(siblings, file) };
    }
    return walkMembers(node, file);
  }

  /**
   * @param {SpecObject} node an object that is not a ref
   * @param {string} file
   * @returns {SpecObject}
   */
  function walkMembers(node, file) {
    /** @type {SpecObject} */
    const out = {};
    for (const [key, value] of Object.entries(node)) out[key] = walk(value, file);
    return out;
  }

  const doc = /** @type {SpecObject} */ (walk(readYaml(rootFile), rootFile));
  doc.components = doc.components ?? {};
  for (const kind of /** @type {const} */ (['schemas', 'parameters'])) {
    if (lifted[kind].size === 0) continue;
    /** @type {Record<string, JsonValue>} */
    const merged = { ...(doc.components[kind] ?? {}) };
    for (const [name, { value }] of lifted[kind]) {
      if (name in merged) throw new Error(`component name clash: ${kind}/${name} is defined in the root document too`);
      merged[name] = value;
    }
    doc.components[kind] = Object.fromEntries(
      Object.keys(merged)
        .sort()
        .map((k) => [k, merged[k]]),
    );
  }
  return /** @type {BundledDocument} */ (doc);
}
