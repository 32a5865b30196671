// WebSocket operation ids cannot be mistaken for REST ones: generated names built from operation ids
// (`<Op>Reply`, `handle<Op>`, client methods) would otherwise collide.
import { describe, it, expect } from 'vitest';
import { restOperations } from '@ascendex-toolkit/codegen-core';
import { openapi, asyncapi } from './load.mjs';

const restIds = restOperations(openapi).map(({ op }) => op.operationId);
const wsIds = Object.keys(asyncapi.operations);

describe('operation ids', () => {
  it('are read from both documents', () => {
    expect(restIds.length).toBeGreaterThan(30);
    expect(wsIds.length).toBeGreaterThan(10);
  });

  it('of AsyncAPI operations start with ws and a capital letter', () => {
    expect(wsIds.filter((id) => !/^ws[A-Z][A-Za-z0-9]*$/.test(id))).toEqual([]);
  });

  it('never repeat a REST operationId, ignoring case', () => {
    const rest = new Set(restIds.map((id) => id.toLowerCase()));
    expect(wsIds.filter((id) => rest.has(id.toLowerCase()))).toEqual([]);
  });

  it('of REST operations never start with ws', () => {
    expect(restIds.filter((id) => /^ws[A-Z]/.test(id))).toEqual([]);
  });
});
