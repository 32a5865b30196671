// Generates packages/mocks/src/generated from the spec. Pure: returns path -> content.
//
// Two kinds of file, both data and thin wrappers only (the behaviour is the hand-written factory in
// packages/mocks/src/http/):
// - `operations.gen.ts`: per operationId how it is reached (methods, MSW path patterns with and
//   without the account group), how it is signed, where its payload sits, the default success body
//   (the spec's first success example) and its error scenarios by reason;
// - `http/<tag>.gen.ts`: one typed `handle<OperationId>(override?, options?)` per operation, and
//   `http/index.gen.ts` with all of them and the `handlers` list.
import { banner, formatCode, specModel, kebab, jsdoc, runtimeImport } from '@ascendex-toolkit/codegen-core';
import { toJsLiteral } from '@ascendex-toolkit/gen-spec';
/** @import { OperationModel, SpecModel, SpecObject } from '@ascendex-toolkit/codegen-core' */

export const outDir = 'packages/mocks/src/generated';
const GENERATOR = 'tools/gen-mocks';
const SOURCES = ['spec/openapi.yaml'];
const head = banner(GENERATOR, SOURCES) + '\n';
/** The mocks' runtime entry, as each generated file imports it. */
const runtime = (/** @type {string} */ file) => runtimeImport('@ascendex-toolkit/mocks', file);

/** The reason every request field without its own `x-ascendex-invalid` is refused with (REST). */
const FALLBACK_REASON = 'INVALID_REQUEST_DATA';
/** What a signed operation answers for a missing, unreadable, stale or wrong signature (packages/mocks/src/http/auth-refusal.ts). */
const AUTH_REASONS = ['AUTHORIZATION_NEEDED', 'AUTHENTICATION_FAILED', 'INVALID_TIMESTAMP'];

/**
 * An example body is an error envelope when it carries a non-zero `code`.
 * @param {unknown} value
 * @returns {value is { code: number, reason: string }}
 */
const isErrorExample = (value) =>
  typeof value === 'object' &&
  value !== null &&
  typeof (/** @type {SpecObject} */ (value).code) === 'number' &&
  /** @type {SpecObject} */ (value).code !== 0;

/**
 * `/{accountGroup}/api/pro/v1/{accountCategory}/order` → `/:accountGroup/api/pro/v1/:accountCategory/order`,
 * plus the same path without the account group where the route has one (the exchange answers both).
 * @param {string} route
 * @param {boolean} accountGroup
 * @returns {string[]}
 */
function mswPaths(route, accountGroup) {
  const path = route.replace(/\{(\w+)\}/g, ':$1');
  return accountGroup ? [path, path.replace(/^\/:accountGroup/, '')] : [path];
}

/**
 * The error scenarios of one operation by reason: the spec's error examples as they are, then the
 * catalog code of each other reason the operation documents (its fields' `x-ascendex-invalid`, the
 * fallback refusal, and the auth refusals of signed operations); the mocks answer a code with the
 * catalog's entry for it (@ascendex-toolkit/types' `errorCatalog`), so the catalog is not copied here.
 * @param {SpecModel} model
 * @param {OperationModel} operation
 * @returns {Map<string, unknown>}
 */
function errorScenarios({ errorOfReason }, { id, params, body, x, responseExamples, invalidReasons }) {
  /** @type {Map<string, unknown>} */
  const scenarios = new Map();
  for (const { value } of Object.values(responseExamples)) {
    if (isErrorExample(value) && !scenarios.has(value.reason)) scenarios.set(value.reason, value);
  }
  const reasons = [...invalidReasons];
  if (params.length > 0 || body) reasons.push(FALLBACK_REASON);
  if (x.signed) reasons.push(...AUTH_REASONS);
  for (const reason of reasons) {
    if (scenarios.has(reason)) continue;
    scenarios.set(reason, errorOfReason(reason, id).code);
  }
  return scenarios;
}

/**
 * @param {SpecModel} model
 * @param {OperationModel} operation
 */
function operationEntry(model, operation) {
  const { id, op, x, route, method, responseExamples } = operation;
  const success = Object.entries(responseExamples).find(([, e]) => !isErrorExample(e.value));
  if (!success) throw new Error(`${id}: no success example to answer with`);
  const errors = errorScenarios(model, operation);
  const fields = [
    `id: '${id}'`,
    `tag: ${JSON.stringify(op.tags[0])}`,
    `methods: ${JSON.stringify([method, ...(x.alsoAccepts?.methods ?? [])])}`,
    `paths: ${JSON.stringify(mswPaths(route, x.accountGroup))}`,
    `accountGroup: ${x.accountGroup}`,
    `signed: ${x.signed}`,
    `prehashes: ${JSON.stringify(x.signed ? [x.prehash, ...(x.alsoAccepts?.prehashes ?? [])] : [])}`,
    `payload: ${JSON.stringify(x.payload ?? 'data')}`,
    `${jsdoc(`The spec's \`${success[0]}\` example.`)}example: ${toJsLiteral(success[1].value)}`,
    `errors: {\n${[...errors].map(([reason, value]) => `${reason}: ${toJsLiteral(value)}`).join(',\n')}\n}`,
  ];
  const doc = jsdoc(`${op.summary ?? id}: ${method.toUpperCase()} ${route}`);
  return `${doc}${id}: {\n${fields.join(',\n')}\n}`;
}

/** @param {OperationModel} operation */
function handlerFunction({ id, op, x, method, route, symbols }) {
  return (
    jsdoc(
      `MSW handler of \`${id}\` (${op.summary ?? id}): ${method.toUpperCase()} ${route}${x.signed ? `, signed over \`${x.prehash}\`` : ''}.`,
      'Answers the override when given, else the chosen error scenario, else the backend, else the spec example.',
    ) +
    `export function ${symbols.mocks.handler}(override?: OperationOverride<'${id}'>, options?: HttpMockOptions): HttpHandler {\n` +
    `  return operationHandlerOf(mockOperations.${id}, override, options);\n}\n`
  );
}

/**
 * @param {SpecModel} [model] the spec model (codegen-core), by default the working tree's
 * @returns {Promise<Map<string, string>>}
 */
export async function generate(model = specModel()) {
  const { operations } = model;
  /** @type {Map<string, string>} */
  const files = new Map();

  const table =
    head +
    `import type { MockOperationTable, OperationOverrideOf } from '${runtime('operations.gen.ts')}';\n\n` +
    jsdoc(
      'Every REST operation as the mocks answer it: routes (MSW patterns), signing, payload kind, the',
      'default success body and the error scenarios by reason.',
    ) +
    `export const mockOperations = {\n${operations.map((o) => operationEntry(model, o)).join(',\n')}\n} satisfies MockOperationTable;\n\n` +
    jsdoc('The error scenarios an operation can be told to answer with.', '@public') +
    `export type OperationErrorReason<Op extends keyof typeof mockOperations> = keyof (typeof mockOperations)[Op]['errors'] & string;\n\n` +
    jsdoc('A per-test override of one operation.', '@public') +
    `export type OperationOverride<Op extends keyof typeof mockOperations> = OperationOverrideOf<Op, OperationErrorReason<Op>>;\n`;
  files.set(`${outDir}/operations.gen.ts`, await formatCode(table));

  /** @type {Map<string, OperationModel[]>} */
  const byTag = new Map();
  for (const o of operations) byTag.set(o.tag, [...(byTag.get(o.tag) ?? []), o]);
  const imports =
    `import type { HttpHandler } from 'msw';\n` +
    `import { mockOperations, type OperationOverride } from '../operations.gen.js';\n`;
  for (const [tag, ops] of byTag) {
    const file = `http/${kebab(tag)}.gen.ts`;
    const code =
      head +
      imports +
      `import { operationHandlerOf, type HttpMockOptions } from '${runtime(file)}';\n\n` +
      ops.map(handlerFunction).join('\n');
    files.set(`${outDir}/http/${kebab(tag)}.gen.ts`, await formatCode(code));
  }
  const index =
    head +
    `import type { HttpHandler } from 'msw';\n` +
    [...byTag]
      .map(
        ([tag, ops]) =>
          `import { ${ops.map(({ symbols }) => symbols.mocks.handler).join(', ')} } from './${kebab(tag)}.gen.js';`,
      )
      .join('\n') +
    '\n\n' +
    [...byTag.keys()].map((tag) => `export * from './${kebab(tag)}.gen.js';`).join('\n') +
    '\n\n' +
    jsdoc('A handler for every REST operation with the default options (spec examples, signatures checked).') +
    `export const handlers: readonly HttpHandler[] = [\n${operations
      .map(({ symbols }) => `${symbols.mocks.handler}()`)
      .join(',\n')}\n];\n`;
  files.set(`${outDir}/http/index.gen.ts`, await formatCode(index));
  return files;
}
