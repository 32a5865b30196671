// YAML loading that never rounds an integer: the spec's examples hold values above 2^53
// (trade seqnum 144115191800016553), which a plain YAML or JSON parse would corrupt.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Turns bigints that fit a double exactly back into numbers, leaving only unsafe ones as bigint. */
export function narrowSafeBigInts(value) {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }
  if (Array.isArray(value)) return value.map(narrowSafeBigInts);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = narrowSafeBigInts(v);
    return out;
  }
  return value;
}

/** Parses YAML text; integers beyond Number.MAX_SAFE_INTEGER come back as bigint. */
export function parseYamlLossless(text) {
  return narrowSafeBigInts(parse(text, { intAsBigInt: true, uniqueKeys: true, prettyErrors: true }));
}

const cache = new Map();
/** Reads and parses a YAML file once per process. */
export function readYaml(file) {
  if (!cache.has(file)) cache.set(file, parseYamlLossless(readFileSync(file, 'utf8')));
  return cache.get(file);
}
