// The server-message dispatch table: for each server message (in the spec model's dispatch order)
// the const values of the discriminating fields, `false` meaning "must be absent".
import { resolveRef } from '@ascendex-toolkit/codegen-core';
/** @import { BundledDocument, Schema, SpecModel } from '@ascendex-toolkit/codegen-core' */

/** @typedef {string | number | boolean | false} MatchValue a const value, or `false` for "must be absent" */

/**
 * @param {Schema | boolean | undefined} schema a property's schema
 * @param {BundledDocument} doc
 * @returns {MatchValue | undefined}
 */
function constOf(schema, doc) {
  const s = resolveRef(doc, schema);
  if (s === false) return false;
  return s && typeof s === 'object' && 'const' in s ? s.const : undefined;
}

/**
 * @param {Schema} schema
 * @param {string[]} keys
 * @param {BundledDocument} doc
 * @returns {Record<string, MatchValue>}
 */
function matchOf(schema, keys, doc) {
  /** @type {Record<string, MatchValue>} */
  const match = {};
  for (const key of keys) {
    const value = constOf(schema.properties?.[key], doc);
    if (value !== undefined) match[key] = value;
  }
  return match;
}

/**
 * A payload is one variant, or, when it is a `oneOf` of objects and names no discriminator itself,
 * one variant per branch (`ConnectedMessage`: kind in `m` or in `op`), each its own table entry.
 * @param {Schema} payload
 * @param {string[]} keys
 * @param {BundledDocument} doc
 * @returns {Record<string, MatchValue>[]}
 */
function variants(payload, keys, doc) {
  const own = matchOf(payload, keys, doc);
  if (Object.keys(own).length || !payload.oneOf) return [own];
  return payload.oneOf.map((/** @type {Schema} */ branch) => matchOf(resolveRef(doc, branch), keys, doc));
}

/**
 * @param {SpecModel} model
 * @returns {{ keys: string[], entries: { name: string, match: Record<string, MatchValue> }[] }}
 */
export function dispatchTable({ asyncapi, ws }) {
  const keys = ws.discriminators;
  const entries = ws.serverMessages.flatMap((name) => {
    const payload = asyncapi.components.schemas[name];
    if (!payload) throw new Error(`server message ${name} has no payload schema of its name`);
    return variants(payload, keys, asyncapi).map((match) => {
      if (match.m === undefined && match.op === undefined) {
        throw new Error(`${name} has no const m or op: it cannot be dispatched`);
      }
      return { name, match };
    });
  });
  return { keys, entries };
}
