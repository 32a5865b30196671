// One thing, one schema: the REST and WebSocket documents share components by reference, and no
// two differently named schemas describe the same shape.
import { describe, it, expect } from 'vitest';
import { openapi, asyncapi } from './load.mjs';

const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', 'summary']);
function shape(schema) {
  if (Array.isArray(schema)) return schema.map(shape);
  if (!schema || typeof schema !== 'object') return typeof schema === 'bigint' ? String(schema) : schema;
  return Object.fromEntries(
    Object.keys(schema)
      .filter((k) => !ANNOTATIONS.has(k))
      .sort()
      .map((k) => [k, shape(schema[k])]),
  );
}
/** A `$ref` under another name; naming the error a field gets (`x-ascendex-invalid`) keeps it an alias. */
const isAlias = (s) =>
  Object.keys(s)
    .filter((k) => !ANNOTATIONS.has(k) && k !== 'x-ascendex-invalid')
    .join() === '$ref';
/**
 * A bare primitive (`{type: string}`) carries no structure to duplicate: `Symbol`, `AssetCode` and
 * `AccountId` are different things that happen to be strings, and naming them is the point.
 */
const isBarePrimitive = (s) =>
  Object.keys(s)
    .filter((k) => !ANNOTATIONS.has(k))
    .join() === 'type' &&
  typeof s.type === 'string' &&
  s.type !== 'object' &&
  s.type !== 'array';

describe('shared schemas', () => {
  it('are the same schema in both documents', () => {
    const common = Object.keys(openapi.components.schemas).filter((n) => n in asyncapi.components.schemas);
    expect(common).toEqual(
      expect.arrayContaining(['DepthSnapshot', 'TradesMessage', 'BarMessage', 'PlaceOrderArgs', 'OrderAckInfo']),
    );
    for (const name of common)
      expect(asyncapi.components.schemas[name], name).toEqual(openapi.components.schemas[name]);
  });

  it('are never defined twice under different names', () => {
    const all = { ...openapi.components.schemas, ...asyncapi.components.schemas };
    const byShape = new Map();
    const duplicates = [];
    for (const [name, schema] of Object.entries(all)) {
      if (isAlias(schema) || isBarePrimitive(schema)) continue;
      const key = JSON.stringify(shape(schema));
      if (byShape.has(key)) duplicates.push(`${byShape.get(key)} = ${name}`);
      else byShape.set(key, name);
    }
    expect(duplicates).toEqual([]);
  });
});
