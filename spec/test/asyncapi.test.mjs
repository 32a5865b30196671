// @asyncapi/parser accepts the WebSocket document without a single diagnostic, both as written
// (multi-file, refs resolved by the parser itself) and as bundled for the generators.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { Parser, fromFile } from '@asyncapi/parser';
import { asyncapiRoot, jsonText } from '@ascendex-toolkit/codegen-core';
import { asyncapi } from './load.mjs';

const describeDiagnostics = (diagnostics) =>
  diagnostics.map(
    (d) => `${['error', 'warning', 'info', 'hint'][d.severity]} ${d.code}: ${d.message} at /${d.path.join('/')}`,
  );

describe('AsyncAPI document', () => {
  const parser = new Parser();

  it('parses from its files with no diagnostics', async () => {
    const { document, diagnostics } = await fromFile(parser, asyncapiRoot).parse();
    expect(describeDiagnostics(diagnostics)).toEqual([]);
    expect(document).toBeDefined();
  });

  it('parses as bundled with no diagnostics', async () => {
    const { document, diagnostics } = await parser.parse(jsonText(asyncapi));
    expect(describeDiagnostics(diagnostics)).toEqual([]);
    // The parser sees every message the bundle defines.
    expect(document?.messages().length).toBe(Object.keys(asyncapi.components.messages).length);
  });

  it('is AsyncAPI 3', () => {
    expect(readFileSync(asyncapiRoot, 'utf8')).toMatch(/^asyncapi: 3\./m);
  });
});
