// fast-check arbitraries from the spec's JSON Schemas: values a schema describes (mostly valid:
// whether a value really is valid is decided afterwards by the strict validators, never assumed),
// and the hostile variants an outside tester sends (fields missing, of the wrong type, extra, huge
// numbers, deep nesting, text that is not JSON).
import fc from 'fast-check';
import { resolveRef } from '@ascendex-toolkit/codegen-core';

type Schema = Record<string, any>;
type Doc = Parameters<typeof resolveRef>[0];

const JSON_SCALARS = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
);

/** Any small JSON value (for wrong types and unknown fields). */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { maxDepth: 2 },
  JSON_SCALARS,
  fc.array(JSON_SCALARS, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), JSON_SCALARS, { maxKeys: 3 }),
);

/** Numbers at and past every edge: int64 and 2^53 limits, the timestamp bound, negatives, huge ones. */
export const edgeNumbers: fc.Arbitrary<unknown> = fc.constantFrom(
  -1,
  0,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 63),
  1e22,
  1e300,
  0.5,
  253402300799999,
  253402300800000,
  9223372036854775807n,
  9223372036854775808n,
  -9223372036854775809n,
  10n ** 30n,
  '99999999999999999999999',
  '-0',
  '1e3',
  'NaN',
);

function merge(parts: Schema[]): Schema {
  const out: Schema = { type: 'object', properties: {}, required: [] };
  for (const p of parts) {
    Object.assign(out.properties, p.properties ?? {});
    out.required.push(...(p.required ?? []));
  }
  return out;
}

/** The arbitrary of values a schema describes. `doc` resolves refs (a bundled document). */
export function valueOf(doc: Doc, schema: Schema | boolean | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (schema === undefined || schema === true) return anyJson;
  if (schema === false) return fc.constant(undefined);
  const s = resolveRef<Schema>(doc, schema);
  if (s === undefined) return anyJson;
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  if (Array.isArray(s.allOf)) return valueOf(doc, merge(s.allOf.map((p: Schema) => resolveRef<Schema>(doc, p))), depth);
  const choices = s.oneOf ?? s.anyOf;
  if (Array.isArray(choices)) return fc.oneof(...choices.map((c: Schema) => valueOf(doc, c, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      const { minLength = 0, maxLength = 40 } = s;
      const base = s.pattern
        ? fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= minLength && v.length <= maxLength)
        : fc.string({ minLength, maxLength: Math.min(maxLength, 40) });
      return s.examples?.length ? fc.oneof(fc.constantFrom(...s.examples), base) : base;
    }
    case 'integer': {
      if (s['x-ascendex-bigint'] || s.format === 'int64')
        return fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.bigInt({ min: 2n ** 53n, max: 2n ** 63n - 1n }));
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -(2 ** 31));
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 2 ** 31);
      const wide = fc.integer({ min: Math.max(min, -(2 ** 52)), max: Math.min(max, 2 ** 52) });
      return s.examples?.length ? fc.oneof(fc.constantFrom(...s.examples), wide) : wide;
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1e9, max: s.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 4) return fc.constant([]);
      return fc.array(valueOf(doc, s.items, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, 4),
      });
    }
    case 'object':
    default: {
      if (!s.properties) return type === 'object' ? fc.constant({}) : anyJson;
      if (depth > 4) return fc.constant({});
      const required = new Set<string>(s.required ?? []);
      const entries = Object.entries(s.properties as Record<string, Schema | boolean>).filter(([, v]) => v !== false);
      return fc.record(Object.fromEntries(entries.map(([k, v]) => [k, valueOf(doc, v, depth + 1)])), {
        requiredKeys: entries.map(([k]) => k).filter((k) => required.has(k)),
      }) as fc.Arbitrary<unknown>;
    }
  }
}

/** Text nested `depth` levels deep (arrays or objects). */
export const deepText = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** One hostile change to an object: a field removed, retyped, pushed to an edge, or an unknown one added. */
export function mutateObject(value: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(value);
  const pick = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('time');
  return fc.oneof(
    pick.map((k) => {
      const { [k]: _gone, ...rest } = value;
      return rest;
    }),
    fc.tuple(pick, anyJson).map(([k, v]) => ({ ...value, [k]: v })),
    fc.tuple(pick, edgeNumbers).map(([k, v]) => ({ ...value, [k]: v })),
    fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), anyJson).map(([k, v]) => ({ ...value, [k]: v })),
    fc.tuple(pick, fc.string({ minLength: 200, maxLength: 400 })).map(([k, v]) => ({ ...value, [k]: v })),
  );
}
