// Every generator takes the spec's tables, and the names of each other's output, from the spec
// model it is handed (codegen-core spec-model.mjs), not from spec files or name patterns of its
// own: given a model whose tables and symbols were changed, every generator's output follows the
// change. (That no generator reads a table itself is checked statically in
// tools/codegen-core/test/spec-model.test.mjs.)
import { describe, it, expect, beforeAll } from 'vitest';
import { buildSpecModel, readTables, specDir, documents } from '@ascendex-toolkit/codegen-core';
import * as types from '@ascendex-toolkit/gen-types';
import * as validators from '@ascendex-toolkit/gen-validators';
import * as spec from '@ascendex-toolkit/gen-spec';
import * as mocks from '@ascendex-toolkit/gen-mocks';
import * as client from '@ascendex-toolkit/gen-client';

/** The catalog code the probe moves INVALID_REQUEST_DATA to (no such code exists). */
const PROBE_CODE = 999004;
const PROBE_DESCRIPTION = 'Probe: the spec model moved this reason to another code.';
const PROBE_AREA_ENTRY = { id: 'spec-model-probe', docs: 'probe.md' };

/** A model whose tables and one symbol differ from the spec's, in ways each generator must show. */
function alteredModel() {
  const { openapi, asyncapi } = structuredClone(documents());
  const tables = structuredClone(readTables(specDir));
  // The error catalog: INVALID_REQUEST_DATA gets another code and description (the documents
  // embed the catalog, so they get the same one).
  const entry = tables.errorCatalog.codes.find((c) => c.reason === 'INVALID_REQUEST_DATA');
  if (!entry) throw new Error('the spec has no INVALID_REQUEST_DATA to move');
  Object.assign(entry, { code: PROBE_CODE, description: PROBE_DESCRIPTION });
  openapi['x-ascendex-error-catalog'] = structuredClone(tables.errorCatalog);
  asyncapi['x-ascendex-error-catalog'] = structuredClone(tables.errorCatalog);
  // The enums: one more value of OrderSideRequest.
  const sides = tables.enums.OrderSideRequest;
  if (!sides) throw new Error('the spec has no OrderSideRequest');
  sides.enum = [...sides.enum, 'probe'];
  // The discrepancy log: one more entry.
  tables.discrepancies.entries.push({ area: 'shared', ...PROBE_AREA_ENTRY });
  const model = buildSpecModel({ openapi, asyncapi, ...tables });
  // The WebSocket dispatch metadata: server messages and discriminators in reverse order.
  model.ws.serverMessages = [...model.ws.serverMessages].reverse();
  model.ws.discriminators = [...model.ws.discriminators].reverse();
  // A symbol one generator emits and others import: getDepth's payload type.
  const getDepth = model.operations.find((o) => o.id === 'getDepth');
  if (!getDepth) throw new Error('the spec has no getDepth');
  getDepth.symbols.types.data = 'GetDepthProbePayload';
  return model;
}

describe('generators given an altered spec model', () => {
  /** @type {ReturnType<typeof alteredModel>} */
  let model;
  /** @type {Map<string, string>} repo-relative path -> content, of every generator */
  const files = new Map();
  /** @param {string} path */
  const file = (path) => {
    const content = files.get(path);
    if (content === undefined) throw new Error(`no generated ${path}`);
    return content;
  };

  beforeAll(async () => {
    model = alteredModel();
    for (const g of [types, validators, spec, mocks, client])
      for (const [path, content] of await g.generate(model)) files.set(path, content);
  });

  it('take the error catalog from it: types, spec, client, mocks and the validators exchange profile', () => {
    const original = 100004; // INVALID_REQUEST_DATA's code in the spec
    const typesErrors = file('packages/types/src/generated/errors.gen.ts');
    expect(typesErrors).toContain(`${PROBE_CODE}: {\n    reason: 'INVALID_REQUEST_DATA',`);
    expect(typesErrors).toContain(PROBE_DESCRIPTION);
    expect(typesErrors).not.toContain(`${original}:`);

    const catalog = JSON.parse(file('packages/spec/src/generated/error-catalog.json'));
    expect(catalog.codes.find((/** @type {{ reason: string }} */ c) => c.reason === 'INVALID_REQUEST_DATA')).toEqual({
      code: PROBE_CODE,
      reason: 'INVALID_REQUEST_DATA',
      group: 'GeneralError',
      description: PROBE_DESCRIPTION,
    });

    const clientErrors = file('packages/client/src/generated/errors.gen.ts');
    expect(clientErrors).toContain(`${PROBE_CODE}: 'INVALID_REQUEST_DATA',`); // reasonOfCode
    expect(clientErrors).toContain(`${PROBE_CODE}: 10,`); // groupOfCode: 99 is not GeneralError's id
    expect(clientErrors).not.toContain(`${original}:`);

    // The mocks and the exchange profile name a catalog-made refusal by its code only (the rest of
    // the entry is read from the types' catalog at run time): the code is the model's.
    const mockTable = file('packages/mocks/src/generated/operations.gen.ts');
    expect(mockTable).toContain(`INVALID_REQUEST_DATA: ${PROBE_CODE},`);
    expect(mockTable).not.toContain(PROBE_DESCRIPTION);

    const profile = file('packages/validators/src/generated/exchange/profile.gen.ts');
    expect(profile).toContain(`rest: ${PROBE_CODE},`);
    expect(profile).not.toContain(`${original},`);
  });

  it('take the enums from it (types)', () => {
    expect(file('packages/types/src/generated/enums.gen.ts')).toContain(
      "export const orderSideRequestValues = ['buy', 'sell', 'probe'] as const",
    );
  });

  it('take the discrepancy log from it (spec)', () => {
    const log = JSON.parse(file('packages/spec/src/generated/discrepancies.json'));
    expect(log.at(-1)).toEqual({ area: 'shared', ...PROBE_AREA_ENTRY });
  });

  it('take the dispatch order of server messages and the discriminators from it: types, validators, client', () => {
    const order = model.ws.serverMessages;
    expect(file('packages/types/src/generated/ws/index.gen.ts')).toContain(
      `export type ServerMessage =\n  | ${order.join('\n  | ')};`,
    );
    const dispatch = file('packages/validators/src/generated/ws/dispatch.gen.ts');
    const names = [...dispatch.matchAll(/\bname: '(\w+)'/g)].map((m) => m[1]);
    expect([...new Set(names)]).toEqual(order);
    const keys = model.ws.discriminators.map((k) => `'${k}'`).join(', ');
    expect(dispatch).toContain(`serverMessageKeys = [${keys}] as const`);
    const kinds = file('packages/client/src/generated/ws/message-kinds.gen.ts');
    expect([...kinds.matchAll(/^ {2}(\w+): \{/gm)].map((m) => m[1])).toEqual(order);
  });

  it("look up each other's symbols through it: gen-types emits getDepth's payload type, gen-client imports it", () => {
    expect(file('packages/types/src/generated/rest/market-data.gen.ts')).toContain(
      'export type GetDepthProbePayload = ',
    );
    for (const path of [
      'packages/client/src/generated/operations/market-data.gen.ts',
      'packages/client/src/generated/table.gen.ts',
      'packages/client/src/generated/client.gen.ts',
    ]) {
      expect(file(path), path).toContain('GetDepthProbePayload');
      expect(file(path), path).not.toContain('GetDepthData');
    }
  });
});
