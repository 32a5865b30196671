// YAML loading that never rounds an integer: the spec's examples hold values above 2^53
// (trade seqnum 144115191800016553), which a plain YAML or JSON parse would corrupt.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Turns bigints that fit a double exactly back into numbers, leaving only unsafe ones as bigint.
 * @param {unknown} value
 * @returns {any} the same structure (a parsed document, whose shape the caller knows)
 */
export function narrowSafeBigInts(value) {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }
  if (Array.isArray(value)) return value.map(narrowSafeBigInts);
  if (value && typeof value === 'object') {
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = narrowSafeBigInts(v);
    return out;
  }
  return value;
}

/**
 * Parses YAML text; integers beyond Number.MAX_SAFE_INTEGER come back as bigint.
 * @param {string} text
 * @returns {any} the parsed value (its shape is the caller's to know)
 */
export function parseYamlLossless(text) {
  return narrowSafeBigInts(parse(text, { intAsBigInt: true, uniqueKeys: true, prettyErrors: true }));
}

/** @type {Map<string, any>} */
const cache = new Map();
/**
 * Reads and parses a YAML file once per process.
 * @param {string} file absolute path
 * @returns {any} the parsed file (its shape is the caller's to know)
 */
export function readYaml(file) {
  if (!cache.has(file)) cache.set(file, parseYamlLossless(readFileSync(file, 'utf8')));
  return cache.get(file);
}
