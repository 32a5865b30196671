// WebSocket operation ids cannot be mistaken for REST ones: generated names built from operation ids
// (`<Op>Reply`, `handle<Op>`, client methods) would otherwise collide.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { restOperations, specDir, asyncapiRoot } from '@ascendex-toolkit/codegen-core';
import { openapi, asyncapi } from './load.mjs';

const restIds = restOperations(openapi).map(({ op }) => op.operationId);
const wsIds = Object.keys(asyncapi.operations);

describe('operation ids', () => {
  it('are read from both documents: one per file of spec/paths, one per key of `operations`', () => {
    const pathFiles = readdirSync(path.join(specDir, 'paths'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => path.basename(f, '.yaml'));
    expect([...restIds].sort()).toEqual(pathFiles.sort());
    // The keys two spaces in under the top-level `operations:` of asyncapi.yaml.
    const section =
      readFileSync(asyncapiRoot, 'utf8')
        .split(/^operations:\n/m)[1]
        ?.split(/^\S/m)[0] ?? '';
    expect([...wsIds].sort()).toEqual([...section.matchAll(/^ {2}([\w-]+):/gm)].map((m) => m[1]).sort());
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
