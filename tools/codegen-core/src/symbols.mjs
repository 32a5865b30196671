// The names generators give what they emit, by role: the one place where the operationId
// `getDepth` becomes `GetDepthParams` (types), `assertGetDepthParams` (validators),
// `getDepthOperation` (client) or `handleGetDepth` (mocks). A generator that refers to another's
// output looks the name up here (through the spec model: `operation.symbols`, `message.symbols`),
// so renaming a kind of symbol is one edit, made where both the emitter and its users read it.
// Dependency-free like naming.mjs: the AsyncAPI template loads it alone through the `./symbols`
// subpath.
import { pascal } from './naming.mjs';

/**
 * @typedef {{ validate: string, is: string, assert: string }} ValidatorSymbols the function that
 *   validates a value of a type, its type guard, and its assertion (packages/validators)
 */

/**
 * The validator functions packages/validators emits for the type `typeName`.
 * @param {string} typeName a type of packages/types (`GetDepthParams`, `DepthMessage`, ...)
 * @returns {ValidatorSymbols}
 */
export function validatorSymbols(typeName) {
  return { validate: `validate${typeName}`, is: `is${typeName}`, assert: `assert${typeName}` };
}

/**
 * @typedef {{
 *   types: { params: string, body?: string, response: string, data: string },
 *   validators: { params: ValidatorSymbols, body?: ValidatorSymbols, response: ValidatorSymbols, success?: ValidatorSymbols },
 *   client: { function: string, row: string, input: string },
 *   mocks: { handler: string },
 * }} OperationSymbols
 *   `types`: `<Op>Params` (path and query), `<Op>Body` (JSON body, only where there is one),
 *   `<Op>Response` (the whole 200 body) and `<Op>Data` (the payload inside the success envelope);
 *   `validators`: one validator per type, and one for the success schema where there is one;
 *   `client`: the standalone function, its operation-table row and its input type;
 *   `mocks`: the MSW handler factory.
 */

/**
 * Every symbol emitted for one REST operation (STYLE.md rule 2: the operationId is the one key).
 * @param {string} operationId
 * @param {{ hasBody: boolean, success?: string }} shape whether it takes a JSON body, and the name
 *   of its success schema (a component schema of the spec, so its type keeps that name)
 * @returns {OperationSymbols}
 */
export function operationSymbols(operationId, { hasBody, success }) {
  const Op = pascal(operationId);
  const types = {
    params: `${Op}Params`,
    ...(hasBody ? { body: `${Op}Body` } : {}),
    response: `${Op}Response`,
    data: `${Op}Data`,
  };
  return {
    types,
    validators: {
      params: validatorSymbols(types.params),
      ...(types.body ? { body: validatorSymbols(types.body) } : {}),
      response: validatorSymbols(types.response),
      ...(success ? { success: validatorSymbols(success) } : {}),
    },
    client: { function: operationId, row: `${operationId}Operation`, input: `${Op}Input` },
    mocks: { handler: `handle${Op}` },
  };
}

/**
 * @typedef {{ type: string, validators: ValidatorSymbols }} MessageSymbols
 */

/**
 * The symbols of one WebSocket message: its type is its payload's component schema, named like
 * the message (spec/README.md), and the validators of that type.
 * @param {string} name the message's `name`
 * @returns {MessageSymbols}
 */
export function messageSymbols(name) {
  return { type: name, validators: validatorSymbols(name) };
}

/**
 * Names packages/types emits once for the whole API that other generators' output imports:
 * `operations` (openapi-typescript's map of every REST operation), the WebSocket unions of the
 * AsyncAPI template (`ServerMessage`, `ServerMessageName`) and the catalog's `KnownErrorReason` and
 * `KnownErrorCode`.
 */
export const typesSymbols = /** @type {const} */ ({
  operations: 'operations',
  serverMessage: 'ServerMessage',
  serverMessageName: 'ServerMessageName',
  knownErrorReason: 'KnownErrorReason',
  knownErrorCode: 'KnownErrorCode',
});

/** The packages whose generated code other generated code imports by name. */
export const packageNames = /** @type {const} */ ({
  types: '@ascendex-toolkit/types',
  validators: '@ascendex-toolkit/validators',
});

/**
 * The one module of each package through which its generated code reaches the hand-written
 * runtime, as a path under the package's `src/` without extension. Generated code imports nothing
 * else of its package outside `src/generated/`, and nothing the entry imports reaches back into
 * `src/generated/` (tools/codegen-core/test/runtime-entries.test.mjs), so the two meet in one
 * direction; moving a runtime file is an edit of the entry, and moving the entry one edit here.
 */
export const runtimeEntries = /** @type {const} */ ({
  '@ascendex-toolkit/client': 'runtime',
  '@ascendex-toolkit/mocks': 'runtime',
  '@ascendex-toolkit/validators': 'runtime/index',
  '@ascendex-toolkit/spec': 'types',
});

/**
 * The specifier a generated file writes to import its package's runtime entry.
 * @param {keyof typeof runtimeEntries} packageName
 * @param {string} generatedFile the file's path under `src/generated/`, e.g. `operations/order.gen.ts`
 * @returns {string} e.g. `../../runtime.js`
 */
export function runtimeImport(packageName, generatedFile) {
  const depth = generatedFile.split('/').length - 1;
  return `${'../'.repeat(depth + 1)}${runtimeEntries[packageName]}.js`;
}
