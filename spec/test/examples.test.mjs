// Every example in both documents satisfies its schema, and each stops satisfying it once a
// required field is removed (so the check is able to fail).
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  specDir,
  readYaml,
  restOperations,
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
  it('exist for every operation (its 200 response), and every message example written is found', () => {
    const operationIds = restOperations(openapi).map(({ op }) => op.operationId);
    const withResponse = new Set(payloadExamples.filter((e) => e.kind === 'response').map((e) => e.operationId));
    expect(operationIds.filter((id) => !withResponse.has(id))).toEqual([]);
    // Every payload example written in the message files (spec/ws/messages), read from the files.
    const written = readdirSync(path.join(specDir, 'ws', 'messages'))
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => Object.values(readYaml(path.join(specDir, 'ws', 'messages', f))))
      .flatMap((m) => (m.examples ?? []).filter((ex) => 'payload' in ex).map((ex) => `${m.name} ${ex.name}`));
    const found = payloadExamples
      .filter((e) => e.kind === 'message')
      .map((e) => `${e.message} ${e.where.match(/"(.*)"$/)?.[1]}`);
    expect(found.sort()).toEqual(written.sort());
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
