// The spec model is the one reader of the spec's tables: no generator (nor the AsyncAPI template)
// names a table's file or key, none walks the documents itself, and the model reads each table as
// the spec writes it. That generators really take the tables from the model (and each other's
// symbols through it) is shown by tools/check-drift/test/spec-model.test.mjs, which hands them an
// altered model.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import {
  repoRoot,
  specDir,
  specModel,
  buildSpecModel,
  readTables,
  documents,
  readYaml,
  pascal,
  refName,
} from '@ascendex-toolkit/codegen-core';

const MODEL_MODULE = 'tools/codegen-core/src/spec-model.mjs';
/** What names a table: its file, or the document extension that holds it. */
const TABLE_KEYS = [
  'errors.yaml',
  'x-ascendex-error-catalog',
  'enums.yaml',
  'discrepancies/',
  'x-ascendex-server-messages',
  'x-ascendex-discriminators',
  'x-ascendex-invalid',
];
/** codegen-core functions that walk the documents or read spec files: the model's building blocks. */
const DOCUMENT_READERS = [
  'documents',
  'bundle',
  'readYaml',
  'readTables',
  'restOperations',
  'operationParams',
  'resolveParameter',
  'wsMessages',
];

/** @param {string} dir repo-relative @returns {string[]} repo-relative .mjs/.js files below it */
function sources(dir) {
  return readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.m?js$/.test(d.name))
    .map((d) => path.relative(repoRoot, path.join(d.parentPath, d.name)))
    .filter((f) => !f.includes('node_modules'));
}
const tools = readdirSync(path.join(repoRoot, 'tools'));
/** Every source file of every tool (tests excluded) and of the AsyncAPI template. */
const toolSources = [
  ...tools.flatMap((t) =>
    readdirSync(path.join(repoRoot, 'tools', t)).includes('src') ? sources(`tools/${t}/src`) : [],
  ),
  ...sources('tools/asyncapi-template/components'),
  ...sources('tools/asyncapi-template/template'),
];
const generatorSources = toolSources.filter((f) => /^tools\/(gen-[^/]+|asyncapi-template)\//.test(f));

/** @type {Map<string, { literals: string[], fromCore: string[] }>} */
const scanned = new Map();
/**
 * The string literals of a file (template literal parts included; comments are not literals) and
 * the names it imports from codegen-core; each file parsed once.
 * @param {string} file repo-relative
 */
function scan(file) {
  let result = scanned.get(file);
  if (!result) scanned.set(file, (result = parse(file)));
  return result;
}

/** @param {string} file repo-relative */
function parse(file) {
  const source = ts.createSourceFile(
    file,
    readFileSync(path.join(repoRoot, file), 'utf8'),
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.JSX,
  );
  /** @type {string[]} */
  const literals = [];
  /** @type {string[]} */
  const fromCore = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))
      literals.push(node.text);
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      node.moduleSpecifier.text.startsWith('@ascendex-toolkit/codegen-core') &&
      node.importClause?.namedBindings &&
      ts.isNamedImports(node.importClause.namedBindings)
    ) {
      for (const el of node.importClause.namedBindings.elements) fromCore.push((el.propertyName ?? el.name).text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literals, fromCore };
}

// Parsing every tool's source with the TypeScript compiler takes about 2 s on an idle machine and
// more than vitest's 5 s default on a loaded two-core one.
describe('the spec model is the only reader of the tables', { timeout: 60_000 }, () => {
  it('finds the sources it checks: every generator and the template', () => {
    const generators = new Set(generatorSources.map((f) => f.split('/')[1]));
    expect([...generators].sort()).toEqual([...tools.filter((t) => t.startsWith('gen-')), 'asyncapi-template'].sort());
  });

  it('no tool but the model names a table (a literal without spaces that holds its file or key)', () => {
    const naming = toolSources.flatMap((file) =>
      scan(file)
        .literals.filter((l) => !/\s/.test(l) && TABLE_KEYS.some((k) => l.includes(k)))
        .map((l) => `${file}: ${l}`),
    );
    expect(naming.filter((n) => !n.startsWith(`${MODEL_MODULE}: `))).toEqual([]);
    // The check sees a table read where there is one: the model's own reads of every table.
    const modelLiterals = scan(MODEL_MODULE).literals;
    expect(TABLE_KEYS.filter((k) => !modelLiterals.some((l) => !/\s/.test(l) && l.includes(k)))).toEqual([]);
  });

  it('no generator walks the documents or reads spec files itself', () => {
    const imports = generatorSources.flatMap((file) =>
      scan(file)
        .fromCore.filter((name) => DOCUMENT_READERS.includes(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(imports).toEqual([]);
  });

  it('sees an import of a document reader where there is one (this file imports three)', () => {
    const readers = scan('tools/codegen-core/test/spec-model.test.mjs').fromCore.filter((n) =>
      DOCUMENT_READERS.includes(n),
    );
    expect(readers.sort()).toEqual(['documents', 'readTables', 'readYaml']);
  });
});

describe('the spec model', () => {
  const model = specModel();

  it('is read once per process', () => {
    expect(specModel()).toBe(model);
    expect(model.openapi).toBe(documents().openapi);
  });

  it('holds the error catalog, the enums and the discrepancy log as the spec writes them', () => {
    expect(model.errorCatalog).toEqual(readYaml(path.join(specDir, 'components/errors.yaml')));
    const enums = readYaml(path.join(specDir, 'components/schemas/enums.yaml'));
    expect(model.enums.map((e) => [e.name, e.values, e.description])).toEqual(
      Object.entries(enums).map(([name, s]) => [name, s.enum, s.description]),
    );
    const logFiles = readdirSync(path.join(specDir, 'discrepancies')).filter((f) => f.endsWith('.yaml'));
    expect(model.discrepancies.areas).toEqual(logFiles.map((f) => f.slice(0, -5)).sort());
    // Counted in the files' text: one `- id:` line per entry.
    const idLines = logFiles.reduce(
      (n, f) => n + (readFileSync(path.join(specDir, 'discrepancies', f), 'utf8').match(/^- id:/gm) ?? []).length,
      0,
    );
    expect(model.discrepancies.entries).toHaveLength(idLines);
  });

  it('marks the enums that are component schemas (types of schemas.gen.ts)', () => {
    const { openapi, asyncapi } = model;
    for (const e of model.enums)
      expect(e.component, e.name).toBe(e.name in openapi.components.schemas || e.name in asyncapi.components.schemas);
  });

  it('has one operation per file of spec/paths, named by the file', () => {
    const files = readdirSync(path.join(specDir, 'paths'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => ({ tag: path.dirname(f), id: path.basename(f, '.yaml') }));
    expect(model.operations.map((o) => o.id).sort()).toEqual(files.map((f) => f.id).sort());
    for (const o of model.operations) expect(files.find((f) => f.id === o.id)?.tag, o.id).toBe(o.tag);
  });

  it('takes the success envelope from the 200 schema: the branch that is not an error envelope', () => {
    for (const o of model.operations) {
      const branches = o.response.oneOf.map((/** @type {{ $ref: string }} */ b) => refName(b.$ref));
      expect(branches, o.id).toContain(o.success);
      expect(model.openapi.components.schemas[o.success ?? '']?.['x-ascendex-error-envelope'], o.id).toBeUndefined();
      expect(o.symbols.validators.success?.validate, o.id).toBe(`validate${o.success}`);
    }
  });

  it("names each operation's symbols after its operationId (STYLE.md rule 2)", () => {
    const placeOrder = model.operations.find((o) => o.id === 'placeOrder');
    expect(placeOrder?.symbols).toEqual({
      types: {
        params: 'PlaceOrderParams',
        body: 'PlaceOrderBody',
        response: 'PlaceOrderResponse',
        data: 'PlaceOrderData',
      },
      validators: {
        params: { validate: 'validatePlaceOrderParams', is: 'isPlaceOrderParams', assert: 'assertPlaceOrderParams' },
        body: { validate: 'validatePlaceOrderBody', is: 'isPlaceOrderBody', assert: 'assertPlaceOrderBody' },
        response: {
          validate: 'validatePlaceOrderResponse',
          is: 'isPlaceOrderResponse',
          assert: 'assertPlaceOrderResponse',
        },
        success: {
          validate: 'validatePlaceOrderSuccess',
          is: 'isPlaceOrderSuccess',
          assert: 'assertPlaceOrderSuccess',
        },
      },
      client: { function: 'placeOrder', row: 'placeOrderOperation', input: 'PlaceOrderInput' },
      mocks: { handler: 'handlePlaceOrder' },
    });
    // An operation without a body has no body type or validator.
    const getDepth = model.operations.find((o) => o.id === 'getDepth');
    expect(getDepth?.body).toBeUndefined();
    expect(getDepth?.symbols.types).toEqual({
      params: 'GetDepthParams',
      response: 'GetDepthResponse',
      data: 'GetDepthData',
    });
    expect(getDepth?.symbols.validators.body).toBeUndefined();
    for (const o of model.operations) expect(o.symbols.mocks.handler).toBe(`handle${pascal(o.id)}`);
  });

  it('names each message type after the message (its payload schema)', () => {
    for (const m of model.ws.messages) {
      expect(m.symbols.type).toBe(m.name);
      expect(refName(m.payload.$ref ?? `#/components/schemas/${m.name}`)).toBe(m.name);
    }
  });

  it('finds the error of a reason, or names where an unknown reason came from', () => {
    expect(model.errorOfReason('INVALID_REQUEST_DATA')).toMatchObject({ code: 100004, group: 'GeneralError' });
    expect(() => model.errorOfReason('NO_SUCH_REASON', 'placeOrder')).toThrow(
      /^placeOrder: error reason NO_SUCH_REASON is not in the error catalog \(spec\/components\/errors\.yaml\)$/,
    );
  });

  it('refuses documents that embed another error catalog than the catalog file', () => {
    const tables = readTables(specDir);
    const openapi = structuredClone(model.openapi);
    openapi['x-ascendex-error-catalog'].codes.pop();
    expect(() => buildSpecModel({ openapi, asyncapi: model.asyncapi, ...tables })).toThrow(
      'spec/openapi.yaml: x-ascendex-error-catalog must be spec/components/errors.yaml',
    );
  });

  it('collects the refusal reason of each request field, and refuses a field with two', () => {
    expect(model.invalidFieldReasons.get('side')).toBe('INVALID_SIDE');
    expect([...model.invalidFieldReasons.keys()]).toEqual([...model.invalidFieldReasons.keys()].sort());
    const placeOrder = model.operations.find((o) => o.id === 'placeOrder');
    expect(placeOrder?.invalidReasons).toContain('INVALID_SIDE');
    expect(placeOrder?.invalidReasons).toEqual([...new Set(placeOrder?.invalidReasons)].sort());

    const tables = readTables(specDir);
    const openapi = structuredClone(model.openapi);
    const getDepth = Object.values(openapi.paths)
      .flatMap((item) => Object.values(item))
      .find((op) => op.operationId === 'getDepth');
    getDepth?.parameters?.push({
      name: 'side',
      in: 'query',
      schema: { type: 'string', 'x-ascendex-invalid': 'INVALID_SYMBOL' },
    });
    expect(() => buildSpecModel({ openapi, asyncapi: model.asyncapi, ...tables })).toThrow(
      /x-ascendex-invalid: side is refused as both/,
    );
  });
});
