// Writes spec values (JSON, except that integers above 2^53 are bigint) as JSON, YAML and a
// JavaScript literal without rounding, and proves each text parses back to the same value.
import { isDeepStrictEqual } from 'node:util';
import { parse as parseLosslessJson, stringify as stringifyLosslessJson, isInteger } from 'lossless-json';
import { stringify as stringifyYamlText } from 'yaml';
import { parseYamlLossless } from '@ascendex-toolkit/codegen-core';

/**
 * Integers that a double holds exactly come back as numbers, the others as bigint: the same
 * reading codegen-core's YAML loader gives, so a round trip compares equal.
 * @param {string} token
 * @returns {number | bigint}
 */
function parseNumber(token) {
  if (!isInteger(token)) return Number(token);
  const n = Number(token);
  return Number.isSafeInteger(n) ? n : BigInt(token);
}

/**
 * Parses JSON text keeping integers above 2^53 exact (bigint).
 * @param {string} text
 * @returns {unknown}
 */
export function parseJsonLossless(text) {
  return parseLosslessJson(text, null, parseNumber);
}

/**
 * 2-space JSON, bigints written as their exact digits, with a final newline.
 * @param {unknown} value
 * @returns {string}
 */
export function toJson(value) {
  return stringifyLosslessJson(value, null, 2) + '\n';
}

/**
 * YAML (bigints as exact digits) after a comment block. No anchors or aliases: repeated objects
 * are written out, so every consumer's parser sees a plain tree.
 * @param {unknown} value
 * @param {string} comment the leading `# ...` lines, newline-terminated
 * @returns {string}
 */
export function toYaml(value, comment) {
  return comment + stringifyYamlText(value, { aliasDuplicateObjects: false, lineWidth: 100 });
}

/**
 * A JavaScript expression for `value`, indented by two spaces per level: JSON, except that a bigint
 * is a bigint literal (`144115191800016553n`), so the module holds the exact value.
 * @param {unknown} value
 * @param {string} [indent]
 * @returns {string}
 */
export function toJsLiteral(value, indent = '') {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a spec value`);
    return JSON.stringify(value);
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + toJsLiteral(v, inner)).join(',\n')},\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    // A quoted "__proto__" key in a literal would set the prototype; the computed form is a plain key.
    const key = (/** @type {string} */ k) => (k === '__proto__' ? '["__proto__"]' : JSON.stringify(k));
    return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${toJsLiteral(v, inner)}`).join(',\n')},\n${indent}}`;
  }
  throw new Error(`cannot write a ${typeof value} as a spec value`);
}

/**
 * Throws unless `text`, parsed by `format`'s lossless reader, equals `value` exactly.
 * @param {unknown} value
 * @param {string} text
 * @param {'json' | 'yaml'} format
 * @param {string} name the file, for the message
 */
export function assertRoundTrip(value, text, format, name) {
  const parsed = format === 'json' ? parseJsonLossless(text) : parseYamlLossless(text);
  if (!isDeepStrictEqual(parsed, value)) {
    throw new Error(`${name} does not parse back to the value it was written from`);
  }
}
