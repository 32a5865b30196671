// Every spec example passes its generated validator, and each of four mutations (missing required
// field, wrong type, unknown enum value, number where a decimal string is required) makes it fail
// with an issue whose path names the mutated field.
import { describe, it, expect } from 'vitest';
import {
  specModel,
  encodePointer,
  findFieldPath,
  findRequiredPath,
  withoutPath,
  withValueAt,
  MUTATIONS,
} from '@ascendex-toolkit/codegen-core';
import * as validators from '../src/index.js';
import { ValidationError } from '../src/index.js';
import { component, matches, payloadCases, paramsCases, type ValidatorCase } from './spec.js';

type Guard = (v: unknown) => boolean;
type Assert = (v: unknown) => void;
const api = validators as unknown as Record<string, Guard & Assert>;
const guard = (name: string) => {
  const fn = api[`is${name}`];
  if (!fn) throw new Error(`no generated validator is${name}`);
  return fn;
};

/** Runs assertX and returns the ValidationError it throws. */
function rejection(name: string, value: unknown): ValidationError {
  try {
    api[`assert${name}`]!(value);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error(`assert${name} accepted an invalid value`);
}

const cases = payloadCases();

describe('generated validators accept the spec examples', () => {
  it("has an example for every operation's response, checked by its Response validator", () => {
    const checked = new Set(cases.map((c) => c.validator));
    const responses = specModel().operations.map((o) => o.symbols.types.response);
    expect(responses.filter((r) => !checked.has(r))).toEqual([]);
  });
  it.each(cases.map((c) => [c.where, c]))('%s', (_w, c: ValidatorCase) => {
    expect(guard(c.validator)(c.value)).toBe(true);
    expect(() => api[`assert${c.validator}`]!(c.value)).not.toThrow();
  });
  it.each(paramsCases().map((c) => [c.where, c]))('%s', (_w, c) => {
    expect(guard(c.validator)(c.value)).toBe(true);
  });
});

describe('generated validators reject mutated examples, naming the field', () => {
  const objects = cases.filter((c) => c.value !== null && typeof c.value === 'object');

  it.each(objects.map((c) => [c.where, c]))('%s without a required field', (_w, c: ValidatorCase) => {
    const path = findRequiredPath(c.value, c.schema, component, matches);
    expect(path).not.toBeNull();
    const error = rejection(c.validator, withoutPath(c.value, path!));
    expect(error.issues.map((i) => i.path)).toContain(encodePointer(path!));
  });

  // Each mutation runs on the examples that have a field of its kind (found once, here), so every
  // test it declares mutates something; none returns early.
  const mutable = Object.entries(MUTATIONS).map(([kind, mutation]) => ({
    kind,
    mutation,
    rows: objects.flatMap((c) => {
      const path = findFieldPath(c.value, c.schema, component, matches, mutation.find);
      return path === null ? [] : [{ c, path }];
    }),
  }));

  it('finds examples for every kind of mutation', () => {
    expect(mutable.filter((m) => m.rows.length === 0).map((m) => m.kind)).toEqual([]);
  });

  for (const { kind, mutation, rows } of mutable) {
    it.each(rows.map((r) => [r.c.where, r]))(`%s with ${kind}`, (_w, { c, path }) => {
      const original = path.reduce<any>((node, seg) => node[seg], c.value);
      const mutated = withValueAt(c.value, path, mutation.replace(original));
      expect(guard(c.validator)(mutated)).toBe(false);
      const error = rejection(c.validator, mutated);
      expect(error.issues.map((i) => i.path)).toContain(encodePointer(path));
      expect(error.message).toContain(encodePointer(path));
    });
  }

  it.each(paramsCases().map((c) => [c.where, c]))('%s with a wrong-typed parameter', (_w, c) => {
    const [first] = Object.keys(c.value as object);
    const value = c.value as Record<string, unknown>;
    const wrong = typeof value[first!] === 'string' ? 12345 : 'not-a-number';
    const error = rejection(c.validator, { ...value, [first!]: wrong });
    expect(error.issues.map((i) => i.path)).toContain(`/${first}`);
  });

  it.each(paramsCases().map((c) => [c.where, c]))('%s with an unknown parameter', (_w, c) => {
    const error = rejection(c.validator, { ...(c.value as object), notAParameter: 1 });
    expect(error.issues.map((i) => i.path)).toContain('/notAParameter');
  });
});
