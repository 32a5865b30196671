// Every example in both documents satisfies its schema, and each stops satisfying it once a
// required field is removed (so the check is able to fail).
import { describe, it, expect } from 'vitest';
import {
  openapiExamples,
  asyncapiExamples,
  schemaExamples,
  findRequiredPath,
  withoutPath,
} from '@ascendex-toolkit/codegen-core';
import { openapi, asyncapi, validate, component } from './load.mjs';

const examples = [
  ...openapiExamples(openapi),
  ...asyncapiExamples(asyncapi),
  ...schemaExamples(openapi),
  ...schemaExamples(asyncapi),
];
const payloadExamples = [...openapiExamples(openapi), ...asyncapiExamples(asyncapi)];

describe('spec examples', () => {
  it('exist', () => {
    expect(payloadExamples.length).toBeGreaterThan(0);
  });

  it.each(examples.map((e) => [e.where, e]))('%s validates', (_where, e) => {
    expect(validate(e.schema, e.value)).toBeNull();
  });

  const mutable = payloadExamples.filter((e) => e.value !== null && typeof e.value === 'object');
  it.each(mutable.map((e) => [e.where, e]))('%s fails without a required field', (_where, e) => {
    const path = findRequiredPath(e.value, e.schema, component, (s, v) => validate(s, v) === null);
    expect(path, 'no required field found to remove').not.toBeNull();
    expect(validate(e.schema, withoutPath(e.value, path))).not.toBeNull();
  });
});
